// One table of the UI's cached server data and of what each write changes.
// Every query key starts with one of the roots below; every command is either a
// read or listed in `WRITES` with the roots whose answers it can alter (the type
// makes the table complete: a new command that is neither fails tsc). Mutations
// call `afterWrite` with their command instead of choosing keys by hand.
import type { QueryClient, QueryKey } from '@tanstack/react-query';

import type { CommandName } from '../bindings/commands';

/** The first element of every query key, by kind of server data. */
export const ROOTS = {
  appInfo: ['appInfo'],
  settings: ['settings'],
  distributors: ['distributors'],
  audit: ['audit'],
  attachments: ['attachments'],
  ledger: ['ledger'],
  statements: ['statement'],
  statementSettings: ['statementSettings'],
  complaints: ['complaints'],
  complaintSettings: ['complaintSettings'],
  calendarDays: ['calendarDays'],
  agreements: ['agreements'],
  rebates: ['rebates'],
  onboarding: ['onboarding'],
  reminders: ['reminders'],
  training: ['training'],
  certificates: ['certificates'],
  compliance: ['compliance'],
  backups: ['backups'],
  scorecards: ['scorecards'],
  violations: ['violations'],
  visits: ['visits'],
  receivables: ['receivables'],
  dashboard: ['dashboard'],
  firstStart: ['firstStart'],
  logo: ['logo'],
  about: ['about'],
  database: ['database'],
  login: ['login'],
  users: ['users'],
} as const satisfies Record<string, readonly [string]>;

export type Root = keyof typeof ROOTS;

/** Commands that change nothing (they read, or write only files the user chose). */
export const READS = [
  'violation_list',
  'violation_settings_get',
  'scorecard_review',
  'scorecard_settings_get',
  'scorecard_history',
  'scorecard_file',
  'visit_list',
  'visit_export',
  'receivables_list',
  'receivables_export',
  'credit_check',
  'collection_list',
  'dashboard_get',
  'statement_runs',
  'confirmation_report',
  'reminder_settings_get',
  'mail_settings_get',
  'mail_test',
  'statement_send_cancel',
  'scorecard_warnings',
  'plan_list',
  'tier_review',
  'backup_overview',
  'backup_inspect',
  'app_info',
  'first_start_get',
  'company_logo_get',
  'about_get',
  'data_version',
  'database_get',
  'database_test',
  'login_state',
  'user_list',
  // Restarting changes no data; the new start reads everything again.
  'app_restart',
  'settings_get',
  'distributor_list',
  'distributor_territories',
  'distributor_get',
  'distributor_next_code',
  'audit_list',
  'distributor_import_preview',
  'distributor_export',
  'attachment_list',
  'attachment_open',
  'ledger_list',
  'ledger_export',
  'statement_get',
  'statement_open',
  'statement_batch_cancel',
  'path_open',
  'statement_settings_get',
  'complaint_list',
  'complaint_get',
  'complaint_attachment_open',
  'complaint_report',
  'complaint_report_file',
  'complaint_settings_get',
  'calendar_days_get',
  'calendar_export',
  'agreement_list',
  'agreement_get',
  'agreement_scan_open',
  'agreement_save_pdf',
  'agreement_open',
  'agreement_print',
  'agreement_templates_get',
  'rebate_preview',
  'agreement_export',
  'rebate_export',
  'onboarding_get',
  'onboarding_pipeline',
  'onboarding_settings_get',
  'reminders_list',
  'course_list',
  'training_settings_get',
  'session_list',
  'session_get',
  'certificate_list',
  'certificate_print',
  'training_compliance',
  'training_export',
] as const satisfies readonly CommandName[];

export type WriteCommand = Exclude<CommandName, (typeof READS)[number]>;

/**
 * What the automatic onboarding steps and the reminders are computed from:
 * a record created, an assessment, a signed agreement, a first invoice, a pass
 * in an onboarding course, an agreement's term and a certificate's expiry.
 */
const CHECKLISTS: Root[] = ['onboarding', 'reminders'];

/**
 * What a quarter's scorecards are computed from: the ledger, agreements'
 * targets, training, tiers and which distributors are active.
 */
const SCORES: Root[] = ['scorecards'];

/** What the receivables list is computed from: balances, limits, statements' answers, aging edges. */
const RECEIVABLES_FROM: readonly Root[] = ['distributors', 'ledger', 'statements', 'statementSettings'];

/**
 * What the dashboard's figures are computed from: the ledger and the
 * receivables, complaints, agreements and their targets, certificates,
 * onboarding, the scorecards and their warnings, the reminders.
 */
const DASHBOARD_FROM: readonly Root[] = [
  ...RECEIVABLES_FROM,
  'complaints',
  'agreements',
  'rebates',
  'training',
  'certificates',
  'compliance',
  'onboarding',
  'reminders',
  'scorecards',
  'violations',
];

/** The receivables and the dashboard change with whatever they are computed from. */
function withFigures(roots: readonly Root[]): readonly Root[] {
  const out = [...roots];
  if (roots.some((r) => RECEIVABLES_FROM.includes(r)) && !out.includes('receivables'))
    out.push('receivables');
  if (roots.some((r) => DASHBOARD_FROM.includes(r)) && !out.includes('dashboard')) out.push('dashboard');
  return out;
}

/** Every write command and the roots whose answers it can change (each write is audited). */
const CHANGES: Record<WriteCommand, readonly Root[]> = {
  settings_save: ['settings', 'audit', 'distributors'],
  settings_set_language: ['settings'],
  distributor_create: ['distributors', 'audit', ...CHECKLISTS, ...SCORES],
  distributor_update: ['distributors', 'audit', 'agreements', 'statements', 'complaints', ...CHECKLISTS],
  distributor_transition: ['distributors', 'audit', 'compliance', 'statements', ...CHECKLISTS, ...SCORES],
  distributor_change_tier: ['distributors', 'audit', 'compliance', ...CHECKLISTS, ...SCORES],
  assessment_record: ['distributors', 'audit', 'compliance', ...CHECKLISTS],
  distributor_import_commit: ['distributors', 'audit', 'compliance', 'statements', ...CHECKLISTS, ...SCORES],
  // A visit counts its photos; a statement run its signed slips.
  attachment_add: ['attachments', 'visits', 'statements', 'audit'],
  attachment_remove: ['attachments', 'visits', 'statements', 'audit'],
  contact_save: ['distributors', 'audit', 'training', 'compliance'],
  contact_remove: ['distributors', 'audit', 'training', 'compliance'],
  ledger_post: ['ledger', 'statements', 'audit', 'rebates', ...CHECKLISTS, ...SCORES],
  ledger_reverse: ['ledger', 'statements', 'audit', 'rebates', ...CHECKLISTS, ...SCORES],
  ledger_import: ['ledger', 'statements', 'audit', 'rebates', ...CHECKLISTS, ...SCORES],
  statement_settings_save: ['statementSettings', 'statements', 'audit', ...SCORES],
  // Saving, printing and the batch issue statements: runs that await an answer.
  statement_save_pdf: ['statements', 'reminders', 'audit'],
  statement_print: ['statements', 'reminders', 'audit'],
  statement_batch: ['statements', 'reminders', 'audit'],
  // Promises and answers are reminded when broken or missing; both sit under statements.
  collection_add: ['statements', 'reminders', 'audit'],
  statement_confirm: ['statements', 'reminders', 'audit'],
  reminder_settings_save: ['reminders', 'statements', 'audit'],
  reminder_decide: ['reminders', 'audit'],
  mail_settings_save: ['statementSettings', 'audit'],
  // Each statement sent is a run awaiting an answer (audited).
  statement_send: ['statements', 'reminders', 'audit'],
  demo_load_sample: [
    'firstStart',
    'about',
    'distributors',
    'audit',
    'ledger',
    'statements',
    'complaints',
    'agreements',
    'rebates',
    'training',
    'certificates',
    'compliance',
    ...CHECKLISTS,
    ...SCORES,
  ],
  complaint_record: ['complaints', 'audit'],
  complaint_transition: ['complaints', 'audit'],
  complaint_note: ['complaints', 'audit'],
  complaint_attach: ['complaints', 'audit'],
  complaint_settings_save: ['complaintSettings', 'complaints', 'audit'],
  calendar_days_save: ['calendarDays', 'complaints', 'audit'],
  calendar_import: ['calendarDays', 'complaints', 'audit'],
  agreement_create: ['agreements', 'audit', 'distributors', ...CHECKLISTS],
  agreement_update: ['agreements', 'audit', 'distributors', ...CHECKLISTS],
  agreement_submit: ['agreements', 'audit', 'distributors', ...CHECKLISTS],
  agreement_withdraw: ['agreements', 'audit', 'distributors', ...CHECKLISTS],
  // Signing copies the terms onto the distributor and may activate it.
  agreement_sign: ['agreements', 'audit', 'distributors', 'rebates', 'compliance', ...CHECKLISTS, ...SCORES],
  agreement_terminate: ['agreements', 'audit', 'distributors', 'rebates', ...CHECKLISTS, ...SCORES],
  agreement_new_version: ['agreements', 'audit', 'distributors', ...CHECKLISTS, ...SCORES],
  agreement_attach_scan: ['agreements', 'audit'],
  agreement_templates_save: ['agreements', 'audit'],
  rebate_approve: ['rebates', 'ledger', 'statements', 'audit', ...CHECKLISTS, ...SCORES],
  onboarding_start: ['onboarding', 'reminders', 'audit'],
  onboarding_step_update: ['onboarding', 'reminders', 'audit'],
  onboarding_settings_save: ['onboarding', 'reminders', 'audit'],
  course_save: ['training', 'certificates', 'compliance', 'audit', ...CHECKLISTS, ...SCORES],
  training_settings_save: ['training', 'audit'],
  session_save: ['training', 'audit'],
  session_enrol: ['training', 'audit'],
  session_unenrol: ['training', 'audit'],
  // Results and closing issue certificates, move compliance and tick the training step.
  session_results: ['training', 'certificates', 'compliance', 'audit', ...CHECKLISTS, ...SCORES],
  session_move: ['training', 'certificates', 'compliance', 'audit', ...CHECKLISTS, ...SCORES],
  certificate_revoke: ['certificates', 'compliance', 'training', 'audit', ...CHECKLISTS, ...SCORES],
  backup_now: ['backups', 'about'],
  backup_settings_save: ['backups', 'about', 'audit'],
  first_start_finish: ['firstStart'],
  // The choice for the next start: only its own view changes now.
  database_save: ['database'],
  // Every printed header shows the logo.
  company_logo_set: ['logo', 'statements', 'audit'],
  company_logo_remove: ['logo', 'statements', 'audit'],
  scorecard_settings_save: ['scorecards', 'audit'],
  scorecard_rate: ['scorecards', 'audit'],
  // Finalised quarters raise and clear warnings; level 2 and overdue plans are reminders.
  scorecard_finalise: ['scorecards', 'reminders', 'audit'],
  scorecard_revise: ['scorecards', 'reminders', 'audit'],
  plan_save: ['scorecards', 'reminders', 'audit'],
  // Overdue follow-up actions are reminders.
  visit_save: ['visits', 'reminders', 'audit'],
  tier_apply: ['distributors', 'audit', 'compliance', ...CHECKLISTS, ...SCORES],
  // Points come off the quarter's scorecard; a withheld rebate leaves the run.
  violation_record: ['violations', 'scorecards', 'rebates', 'audit'],
  violation_cancel: ['violations', 'scorecards', 'rebates', 'audit'],
  violation_settings_save: ['violations', 'audit'],
  // A restore replaces every answer.
  backup_restore: Object.keys(ROOTS) as Root[],
  // Another user sees (and may do) other things: every answer is read again.
  login: Object.keys(ROOTS) as Root[],
  logout: Object.keys(ROOTS) as Root[],
  first_owner_add: Object.keys(ROOTS) as Root[],
  password_change: ['users', 'audit'],
  // The owner may change their own name; a first user makes logging in needed.
  user_add: ['users', 'login', 'audit'],
  user_update: ['users', 'login', 'audit'],
  user_password_reset: ['users', 'audit'],
  // Whose scope holds the distributor changes: any list may.
  distributor_manager_set: Object.keys(ROOTS) as Root[],
};

export const WRITES = Object.fromEntries(
  Object.entries(CHANGES).map(([cmd, roots]) => [cmd, withFigures(roots)]),
) as Record<WriteCommand, readonly Root[]>;

/**
 * After a write: every query under the roots the command can change is read
 * again, except `keep` (a detail the mutation just put in the cache from the
 * command's own answer).
 */
export function afterWrite(qc: QueryClient, cmd: WriteCommand, keep?: QueryKey): Promise<void> {
  const same = (a: QueryKey, b: QueryKey) => JSON.stringify(a) === JSON.stringify(b);
  return Promise.all(
    WRITES[cmd].map((root) =>
      qc.invalidateQueries({
        queryKey: ROOTS[root],
        predicate: keep ? (q) => !same(q.queryKey, keep) : undefined,
      }),
    ),
  ).then(() => undefined);
}
