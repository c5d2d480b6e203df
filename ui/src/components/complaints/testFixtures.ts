// Shared data of the complaint component tests.
import type { ComplaintSettings } from '../../bindings/ComplaintSettings';

export const complaintSettings: ComplaintSettings = {
  categories: [
    { key: 'quality', label_zh: '产品质量', label_en: 'Quality' },
    { key: 'delivery', label_zh: '物流交付', label_en: 'Delivery' },
  ],
  root_causes: [{ key: 'production', label_zh: '生产工艺', label_en: 'Production process' }],
  sla: [
    { priority: 'p1', first_response_hours: 2, resolution_hours: 8 },
    { priority: 'p2', first_response_hours: 4, resolution_hours: 24 },
    { priority: 'p3', first_response_hours: 8, resolution_hours: 40 },
    { priority: 'p4', first_response_hours: 16, resolution_hours: 80 },
  ],
  working_periods: [
    { start: '09:00', end: '12:00' },
    { start: '13:00', end: '18:00' },
  ],
  working_weekdays: [true, true, true, true, true, false, false],
  utc_offset_minutes: 480,
  escalation: ['王芳', '李经理', '张总'],
};
