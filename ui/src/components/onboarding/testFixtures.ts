// Fixtures and the command mock shared by the onboarding tests.
import type { Checklist } from '../../bindings/Checklist';
import type { OnboardingStep } from '../../bindings/OnboardingStep';

export type Handlers = Record<string, (req: unknown) => unknown>;

/**
 * An `invoke` stand-in: answers each command from `handlers` (a rejected promise
 * for a thrown value, as the shell does) and fails loudly for any other command.
 */
export function answer(handlers: Handlers) {
  return (cmd: string, args?: Record<string, unknown>): Promise<unknown> => {
    const h = handlers[cmd];
    if (!h) return Promise.reject(new Error(`unexpected command ${cmd}`));
    try {
      return Promise.resolve(h(args?.req));
    } catch (e) {
      return Promise.reject(e);
    }
  };
}

function step(p: Partial<OnboardingStep> & Pick<OnboardingStep, 'id' | 'key'>): OnboardingStep {
  return {
    label_zh: p.key,
    label_en: p.key,
    auto: 'manual',
    owner: '',
    due_date: null,
    done_date: null,
    auto_done: false,
    done_by: '',
    note: '',
    overdue: false,
    ...p,
  };
}

export const steps: OnboardingStep[] = [
  step({
    id: 11,
    key: 'application',
    label_zh: '收到申请',
    label_en: 'Application received',
    auto: 'application',
    due_date: '2026-03-01',
    done_date: '2026-02-27',
    auto_done: true,
  }),
  step({
    id: 12,
    key: 'documents',
    label_zh: '资料审核',
    label_en: 'Documents checked',
    owner: '王芳',
    due_date: '2026-03-08',
    note: '营业执照待补',
    overdue: true,
  }),
  step({
    id: 13,
    key: 'site_visit',
    label_zh: '实地考察',
    label_en: 'Site visit',
    due_date: '2099-03-15',
    done_date: '2026-03-10',
    done_by: '李经理',
  }),
  step({
    id: 14,
    key: 'admission',
    label_zh: '准入评审',
    label_en: 'Admission decision',
    auto: 'assessment',
    due_date: '2099-03-22',
  }),
  step({
    id: 15,
    key: 'agreement',
    label_zh: '签署协议',
    label_en: 'Agreement signed',
    auto: 'agreement_signed',
    due_date: '2099-03-31',
  }),
  step({ id: 16, key: 'training', label_zh: '系统与产品培训', label_en: 'Training', due_date: '2099-04-15' }),
  step({
    id: 17,
    key: 'first_order',
    label_zh: '首单',
    label_en: 'First order',
    auto: 'first_invoice',
    due_date: '2099-04-30',
  }),
];

export const checklist: Checklist = {
  distributor_id: 7,
  started: true,
  steps,
  done: 2,
  total: 7,
};

export const notStarted: Checklist = { distributor_id: 7, started: false, steps: [], done: 0, total: 0 };
