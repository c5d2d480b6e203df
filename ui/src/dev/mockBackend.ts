// A browser-only stand-in for the desktop shell, so `npm run dev` works in a
// plain browser for UI work. Never bundled: main.tsx imports it only in dev
// mode when the Tauri bridge is absent.
import { mockIPC } from '@tauri-apps/api/mocks';

import type { AppError } from '../bindings/AppError';
import type { Assessment } from '../bindings/Assessment';
import type { AssessmentInput } from '../bindings/AssessmentInput';
import type { AuditEntry } from '../bindings/AuditEntry';
import type { Distributor } from '../bindings/Distributor';
import type { DistributorInput } from '../bindings/DistributorInput';
import type { DistributorQuery } from '../bindings/DistributorQuery';
import type { FieldError } from '../bindings/FieldError';
import type { Settings } from '../bindings/Settings';
import type { Status } from '../bindings/Status';
import type { StatusChange } from '../bindings/StatusChange';
import type { Tier } from '../bindings/Tier';
import type { TierChange } from '../bindings/TierChange';
import { centiText, recommendTier, weightedTotalCenti } from '../lib/assessment';
import { PROVINCES, TIERS } from '../lib/domain';
import { usccCheckChar } from '../lib/uscc';
import {
  checkCode,
  checkEmail,
  checkMoney,
  checkPaymentDays,
  checkPhone,
  checkRequired,
  checkUscc,
} from '../lib/validation';

const NEXT: Record<Status, Status[]> = {
  applicant: ['under_review', 'terminated'],
  under_review: ['approved', 'rejected', 'terminated'],
  approved: ['active', 'terminated'],
  active: ['suspended', 'terminated'],
  suspended: ['active', 'terminated'],
  rejected: [],
  terminated: [],
};

const now = () => new Date().toISOString();
const fail = (e: AppError): never => {
  throw e;
};

let settings: Settings = {
  operator_name: '',
  language: 'zh-CN',
  criteria: [
    { key: 'capital', label_zh: '资金实力', label_en: 'Capital strength', weight: 25 },
    { key: 'warehousing', label_zh: '仓储能力', label_en: 'Warehousing', weight: 15 },
    { key: 'transport', label_zh: '物流配送', label_en: 'Transport', weight: 15 },
    { key: 'coverage', label_zh: '市场覆盖', label_en: 'Market coverage', weight: 20 },
    { key: 'sales_team', label_zh: '销售团队', label_en: 'Sales team', weight: 15 },
    { key: 'reputation', label_zh: '商业信誉', label_en: 'Reputation', weight: 10 },
  ],
  thresholds: { strategic_min: 85, core_min: 70 },
};

const rows: Distributor[] = [];
const statusHistory: (StatusChange & { distributor_id: number })[] = [];
const tierHistory: (TierChange & { distributor_id: number })[] = [];
const assessments: Assessment[] = [];
const audit: AuditEntry[] = [];
let seq = 1;

function uscc(n: number): string {
  const first = `91${String(110000 + n * 7).padStart(6, '0')}MA${String(n * 37).padStart(7, '0')}`.slice(
    0,
    17,
  );
  return first + (usccCheckChar(first) ?? '0');
}

function seed(count: number) {
  const cities = ['福州', '厦门', '杭州', '南京', '成都', '武汉', '长沙', '郑州', '西安', '昆明'];
  const trades = ['商贸', '贸易', '实业', '供应链', '机电'];
  const statuses: Status[] = [
    'active',
    'active',
    'active',
    'approved',
    'under_review',
    'applicant',
    'suspended',
  ];
  for (let i = 1; i <= count; i += 1) {
    const city = cities[i % cities.length];
    const d: Distributor = {
      id: seq++,
      code: `DS${String(i).padStart(5, '0')}`,
      name: `${city}${['恒通', '宏达', '瑞丰', '金鼎', '华盛', '永信'][i % 6]}${trades[i % trades.length]}有限公司`,
      short_name: `${city}${['恒通', '宏达', '瑞丰', '金鼎', '华盛', '永信'][i % 6]}`,
      uscc: uscc(i),
      legal_representative: ['张伟', '王芳', '李娜', '刘洋'][i % 4],
      contact_name: ['陈静', '杨帆', '赵磊', '黄敏', '周杰'][i % 5],
      contact_role: '采购经理',
      contact_phone: `1${3 + (i % 7)}${String(800000000 + i * 7919).slice(0, 9)}`,
      contact_email: `contact${i}@example.com.cn`,
      contact_wechat: '',
      province: PROVINCES[i % 31],
      city: `${city}市`,
      county: '',
      region: ['华东大区', '华南大区', '西南大区', '华中大区'][i % 4],
      address: `${city}市高新区创业路 ${i} 号`,
      bank_name: '中国工商银行',
      bank_account: `6222 0200 ${String(1000 + i)} 8888`,
      payment_terms_days: [30, 45, 60][i % 3],
      credit_limit: `${(i * 37) % 200}0000.00`,
      tier: TIERS[i % 3],
      status: statuses[i % statuses.length],
      notes: '',
      created_at: now(),
      updated_at: now(),
    };
    rows.push(d);
    statusHistory.push({
      id: seq++,
      distributor_id: d.id,
      from: 'applicant',
      to: 'applicant',
      date: now().slice(0, 10),
      operator: '系统',
      reason: '',
      recorded_at: now(),
    });
    tierHistory.push({
      id: seq++,
      distributor_id: d.id,
      from: null,
      to: d.tier,
      reason: '',
      operator: '系统',
      recorded_at: now(),
    });
  }
}
seed(Number(new URLSearchParams(window.location.search).get('seed') ?? '137'));

function record(id: number, action: string, changes: AuditEntry['changes']) {
  audit.push({
    id: seq++,
    at: now(),
    operator: settings.operator_name,
    entity: 'distributor',
    entity_id: id,
    action,
    changes,
  });
}

function operator(): string {
  if (!settings.operator_name.trim())
    fail({ kind: 'validation', fields: [{ field: 'operator_name', code: 'required', detail: null }] });
  return settings.operator_name;
}

function find(id: number): Distributor {
  return rows.find((r) => r.id === id) ?? fail({ kind: 'not_found', entity: 'distributor', id: String(id) });
}

function validate(input: DistributorInput, selfId: number | null): DistributorInput {
  const errs: FieldError[] = [];
  const add = (field: string, p: { code: string; detail?: string } | null) => {
    if (p) errs.push({ field, code: p.code, detail: p.detail ?? null });
  };
  for (const f of ['name', 'contact_name', 'contact_phone', 'province', 'uscc'] as const)
    add(f, checkRequired(input[f]));
  add('code', checkCode(input.code));
  add('uscc', checkUscc(input.uscc));
  add('contact_phone', checkPhone(input.contact_phone));
  add('contact_email', checkEmail(input.contact_email));
  add('credit_limit', checkMoney(input.credit_limit));
  add('payment_terms_days', checkPaymentDays(input.payment_terms_days));
  if (errs.length) fail({ kind: 'validation', fields: errs });
  const clash = rows.find(
    (r) => r.id !== selfId && (r.uscc === input.uscc.toUpperCase() || (input.code && r.code === input.code)),
  );
  if (clash)
    fail(
      clash.uscc === input.uscc
        ? { kind: 'conflict', field: 'uscc', value: input.uscc }
        : { kind: 'conflict', field: 'code', value: input.code },
    );
  const [int, frac = ''] = (input.credit_limit.replace(/,/g, '') || '0').split('.');
  return {
    ...input,
    short_name: input.short_name || input.name,
    credit_limit: `${int}.${frac.padEnd(2, '0')}`,
  };
}

function list(q: DistributorQuery) {
  const term = q.search.trim().toUpperCase();
  let out = rows.filter(
    (r) =>
      (!term ||
        [r.name, r.short_name, r.code, r.uscc, r.contact_name, r.contact_phone].some((v) =>
          v.toUpperCase().includes(term),
        )) &&
      (!q.tier || r.tier === q.tier) &&
      (!q.status || r.status === q.status) &&
      (!q.province || r.province === q.province || r.region === q.province),
  );
  const key = (r: Distributor): string =>
    q.sort === 'credit_limit' ? r.credit_limit.padStart(20, '0') : String(r[q.sort]);
  out = [...out].sort((a, b) => key(a).localeCompare(key(b)) * (q.descending ? -1 : 1));
  return { rows: q.limit === 0 ? out : out.slice(q.offset, q.offset + q.limit), total: out.length };
}

const handlers: Record<string, (req: never) => unknown> = {
  app_info: () => ({
    db_path: '/home/user/.local/share/dealerdesk/dealerdesk.sqlite',
    version: '0.1.0-dev',
    backup: null,
  }),
  settings_get: () => settings,
  settings_save: (s: Settings) => {
    if (!s.operator_name.trim())
      fail({ kind: 'validation', fields: [{ field: 'operator_name', code: 'required', detail: null }] });
    if (s.thresholds.core_min > s.thresholds.strategic_min)
      fail({ kind: 'validation', fields: [{ field: 'thresholds', code: 'thresholds_order', detail: null }] });
    settings = s;
    return s;
  },
  settings_set_language: (language: string) => {
    settings = { ...settings, language };
    return null;
  },
  distributor_list: list,
  distributor_territories: () => [...new Set(rows.flatMap((r) => [r.province, r.region]))].sort(),
  distributor_get: (id: number) => {
    const d = find(id);
    return {
      distributor: d,
      allowed_transitions: NEXT[d.status],
      status_history: statusHistory.filter((s) => s.distributor_id === id),
      tier_history: tierHistory.filter((s) => s.distributor_id === id),
      assessments: assessments.filter((a) => a.distributor_id === id),
    };
  },
  distributor_next_code: () => `DS${String(rows.length + 1).padStart(5, '0')}`,
  distributor_create: (input: DistributorInput) => {
    operator();
    const v = validate(input, null);
    const d: Distributor = {
      ...v,
      id: seq++,
      code: v.code || `DS${String(rows.length + 1).padStart(5, '0')}`,
      status: 'applicant',
      created_at: now(),
      updated_at: now(),
    };
    rows.push(d);
    statusHistory.push({
      id: seq++,
      distributor_id: d.id,
      from: 'applicant',
      to: 'applicant',
      date: now().slice(0, 10),
      operator: operator(),
      reason: '',
      recorded_at: now(),
    });
    record(d.id, 'create', [{ field: 'name', before: null, after: d.name }]);
    return d;
  },
  distributor_update: ({ id, input }: { id: number; input: DistributorInput }) => {
    operator();
    const d = find(id);
    const v = validate(input, id);
    const changes = (Object.keys(v) as (keyof DistributorInput)[])
      .filter((k) => k !== 'tier' && String(d[k]) !== String(v[k]))
      .map((k) => ({ field: k, before: String(d[k]), after: String(v[k]) }));
    Object.assign(d, { ...v, tier: d.tier, updated_at: now() });
    record(id, 'update', changes);
    return d;
  },
  distributor_transition: ({
    id,
    to,
    date,
    reason,
  }: {
    id: number;
    to: Status;
    date: string;
    reason: string;
  }) => {
    const op = operator();
    const d = find(id);
    if (!NEXT[d.status].includes(to)) fail({ kind: 'illegal_transition', from: d.status, to });
    if (['rejected', 'suspended', 'terminated'].includes(to) && !reason.trim())
      fail({ kind: 'validation', fields: [{ field: 'reason', code: 'required', detail: null }] });
    statusHistory.push({
      id: seq++,
      distributor_id: id,
      from: d.status,
      to,
      date,
      operator: op,
      reason,
      recorded_at: now(),
    });
    record(id, 'transition', [
      { field: 'status', before: d.status, after: to },
      { field: 'reason', before: null, after: reason },
    ]);
    Object.assign(d, { status: to, updated_at: now() });
    return d;
  },
  distributor_change_tier: ({ id, tier, reason }: { id: number; tier: Tier; reason: string }) => {
    const op = operator();
    const d = find(id);
    if (!reason.trim())
      fail({ kind: 'validation', fields: [{ field: 'reason', code: 'required', detail: null }] });
    if (d.tier === tier)
      fail({ kind: 'validation', fields: [{ field: 'tier', code: 'unchanged', detail: null }] });
    tierHistory.push({
      id: seq++,
      distributor_id: id,
      from: d.tier,
      to: tier,
      reason,
      operator: op,
      recorded_at: now(),
    });
    record(id, 'tier_change', [
      { field: 'tier', before: d.tier, after: tier },
      { field: 'reason', before: null, after: reason },
    ]);
    Object.assign(d, { tier, updated_at: now() });
    return d;
  },
  assessment_record: (input: AssessmentInput) => {
    const op = operator();
    const scored = settings.criteria.map((c) => ({
      ...c,
      score: input.scores.find((s) => s.key === c.key)?.score ?? 0,
    }));
    const centi = weightedTotalCenti(scored);
    const a: Assessment = {
      id: seq++,
      distributor_id: input.distributor_id,
      assessed_on: input.assessed_on,
      assessor: op,
      scores: scored,
      total: centiText(centi),
      recommended_tier: recommendTier(centi, settings.thresholds),
      site_visit_notes: input.site_visit_notes,
      decision: input.decision,
      created_at: now(),
    };
    assessments.push(a);
    record(a.distributor_id, 'assessment', [{ field: 'total', before: null, after: a.total }]);
    return a;
  },
  audit_list: ({ entity_id }: { entity: string; entity_id: number }) =>
    audit.filter((a) => a.entity_id === entity_id),
  distributor_import_preview: (path: string) =>
    path.includes('bad')
      ? {
          rows: [],
          errors: [
            { row: 3, field: 'uscc', code: 'uscc_check_char', detail: 'B' },
            { row: 5, field: 'contact_phone', code: 'phone_format', detail: null },
          ],
          creates: 4,
          updates: 1,
        }
      : {
          rows: [
            { row: 2, code: 'DS00001', name: rows[0]?.name ?? '', action: 'update' },
            { row: 3, code: '', name: '泉州新源商贸有限公司', action: 'create' },
          ],
          errors: [],
          creates: 1,
          updates: 1,
        },
  distributor_import_commit: () => ({ created: 1, updated: 1 }),
  distributor_export: ({ query }: { query: DistributorQuery }) => list(query).total,
  'plugin:dialog|open': () => '/home/user/文档/经销商名单.xlsx',
  'plugin:dialog|save': () => '/home/user/文档/经销商.xlsx',
};

export function installMockBackend() {
  mockIPC((cmd, payload) => {
    const handler = handlers[cmd] ?? fail({ kind: 'io', message: `mock: no command ${cmd}` });
    const req = (payload as { req?: never } | undefined)?.req as never;
    return handler(req);
  });
}
