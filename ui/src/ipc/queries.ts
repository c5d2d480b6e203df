// Server state: TanStack Query hooks over the ipc module. Mutations invalidate
// every query whose answer they can change.
import {
  keepPreviousData,
  skipToken,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';

import type { AppError } from '../bindings/AppError';
import type { AssessmentInput } from '../bindings/AssessmentInput';
import type { AttachmentAdd } from '../bindings/AttachmentAdd';
import type { BatchProgress } from '../bindings/BatchProgress';
import type { BatchRequest } from '../bindings/BatchRequest';
import type { CalendarDay } from '../bindings/CalendarDay';
import type { ComplaintInput } from '../bindings/ComplaintInput';
import type { ComplaintAttach } from '../bindings/ComplaintAttach';
import type { ComplaintAttachmentRef } from '../bindings/ComplaintAttachmentRef';
import type { ComplaintNote } from '../bindings/ComplaintNote';
import type { ComplaintQuery } from '../bindings/ComplaintQuery';
import type { ComplaintSettings } from '../bindings/ComplaintSettings';
import type { ComplaintTransition } from '../bindings/ComplaintTransition';
import type { ContactSave } from '../bindings/ContactSave';
import type { DistributorInput } from '../bindings/DistributorInput';
import type { DistributorQuery } from '../bindings/DistributorQuery';
import type { DistributorUpdate } from '../bindings/DistributorUpdate';
import type { EntryInput } from '../bindings/EntryInput';
import type { ExportRequest } from '../bindings/ExportRequest';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { LedgerExportRequest } from '../bindings/LedgerExportRequest';
import type { Lang } from '../bindings/Lang';
import type { LedgerQuery } from '../bindings/LedgerQuery';
import type { Paging } from '../bindings/Paging';
import type { ReportFileRequest } from '../bindings/ReportFileRequest';
import type { ReportRequest } from '../bindings/ReportRequest';
import type { ReverseRequest } from '../bindings/ReverseRequest';
import type { Settings } from '../bindings/Settings';
import type { StatementPdfRequest } from '../bindings/StatementPdfRequest';
import type { StatementRequest } from '../bindings/StatementRequest';
import type { StatementSettings } from '../bindings/StatementSettings';
import type { TierChangeRequest } from '../bindings/TierChangeRequest';
import type { TransitionRequest } from '../bindings/TransitionRequest';
import { FIRST_PAGE } from '../lib/paging';
import { afterWrite } from './cache';
import { ipc } from './index';

declare module '@tanstack/react-query' {
  interface Register {
    defaultError: AppError;
  }
}

export const queryKeys = {
  appInfo: ['appInfo'] as const,
  settings: ['settings'] as const,
  distributors: ['distributors'] as const,
  distributorList: (q: DistributorQuery) => ['distributors', 'list', q] as const,
  distributorDetail: (id: number) => ['distributors', 'detail', id] as const,
  territories: ['distributors', 'territories'] as const,
  nextCode: ['distributors', 'nextCode'] as const,
  audit: ['audit'] as const,
  auditList: (entity: string, id: number, paging: Paging) => ['audit', entity, id, paging] as const,
  attachments: (distributorId: number) => ['attachments', distributorId] as const,
  ledger: ['ledger'] as const,
  ledgerOf: (distributorId: number) => ['ledger', distributorId] as const,
  ledgerList: (q: LedgerQuery) => ['ledger', q.distributor_id, q] as const,
  statements: ['statement'] as const,
  statement: (req: StatementRequest) => ['statement', req.distributor_id, req] as const,
  statementSettings: ['statementSettings'] as const,
  complaints: ['complaints'] as const,
  complaintList: (q: ComplaintQuery) => ['complaints', 'list', q] as const,
  complaintDetail: (id: number) => ['complaints', 'detail', id] as const,
  complaintReport: (req: ReportRequest) => ['complaints', 'report', req] as const,
  complaintSettings: ['complaintSettings'] as const,
  calendarDays: ['calendarDays'] as const,
};

export const emptyComplaintQuery: ComplaintQuery = {
  view: 'all',
  search: '',
  status: null,
  category: '',
  priority: null,
  distributor_id: null,
  ...FIRST_PAGE,
};

/** How often lists with SLA clocks are refreshed, so time left stays current. */
export const COMPLAINT_REFRESH_MS = 60_000;

export const emptyQuery: DistributorQuery = {
  search: '',
  tier: null,
  status: null,
  province: null,
  sort: 'code',
  descending: false,
  offset: 0,
  limit: 50,
};

// ---- reads ----

export function useAppInfo() {
  return useQuery({ queryKey: queryKeys.appInfo, queryFn: ipc.appInfo, staleTime: Infinity });
}

export function useSettings() {
  return useQuery({ queryKey: queryKeys.settings, queryFn: ipc.settingsGet });
}

export function useDistributorList(q: DistributorQuery) {
  return useQuery({
    queryKey: queryKeys.distributorList(q),
    queryFn: () => ipc.distributorList(q),
    placeholderData: keepPreviousData,
  });
}

/** Whether any distributor exists at all, regardless of the list's filters. */
export function useDistributorCount() {
  const q: DistributorQuery = { ...emptyQuery, limit: 1 };
  return useQuery({
    queryKey: queryKeys.distributorList(q),
    queryFn: () => ipc.distributorList(q),
    select: (page) => page.total,
  });
}

export function useDistributor(id: number) {
  return useQuery({
    queryKey: queryKeys.distributorDetail(id),
    queryFn: () => ipc.distributorGet(id),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useTerritories() {
  return useQuery({ queryKey: queryKeys.territories, queryFn: ipc.distributorTerritories });
}

export function useNextCode(enabled: boolean) {
  return useQuery({ queryKey: queryKeys.nextCode, queryFn: ipc.distributorNextCode, enabled });
}

export function useAuditList(entity: string, id: number, paging: Paging) {
  return useQuery({
    queryKey: queryKeys.auditList(entity, id, paging),
    queryFn: () => ipc.auditList({ entity, entity_id: id, ...paging }),
    placeholderData: keepPreviousData,
  });
}

export function useAttachments(distributorId: number) {
  return useQuery({
    queryKey: queryKeys.attachments(distributorId),
    queryFn: () => ipc.attachmentList(distributorId),
    enabled: Number.isInteger(distributorId) && distributorId > 0,
  });
}

export function useLedger(q: LedgerQuery) {
  return useQuery({
    queryKey: queryKeys.ledgerList(q),
    queryFn: () => ipc.ledgerList(q),
    enabled: Number.isInteger(q.distributor_id) && q.distributor_id > 0,
    placeholderData: keepPreviousData,
  });
}

/** A statement of account; `req` null keeps it idle until a period is chosen. */
export function useStatement(req: StatementRequest | null) {
  return useQuery({
    queryKey: req ? queryKeys.statement(req) : [...queryKeys.statements, 'idle'],
    queryFn: req ? () => ipc.statementGet(req) : skipToken,
  });
}

export function useStatementSettings() {
  return useQuery({ queryKey: queryKeys.statementSettings, queryFn: ipc.statementSettingsGet });
}

export function useComplaintList(q: ComplaintQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: queryKeys.complaintList(q),
    queryFn: () => ipc.complaintList(q),
    placeholderData: keepPreviousData,
    refetchInterval: COMPLAINT_REFRESH_MS,
    enabled: opts.enabled ?? true,
  });
}

/** How many open complaints are at risk or late (the late view), refreshed every minute. */
export function useLateComplaintCount() {
  const q: ComplaintQuery = { ...emptyComplaintQuery, view: 'late', offset: 0, limit: 1 };
  return useQuery({
    queryKey: queryKeys.complaintList(q),
    queryFn: () => ipc.complaintList(q),
    refetchInterval: COMPLAINT_REFRESH_MS,
    select: (page) => page.total,
  });
}

export function useComplaint(id: number) {
  return useQuery({
    queryKey: queryKeys.complaintDetail(id),
    queryFn: () => ipc.complaintGet(id),
    enabled: Number.isInteger(id) && id > 0,
    refetchInterval: COMPLAINT_REFRESH_MS,
  });
}

/** A complaint report; `req` null keeps it idle until the period is chosen. */
export function useComplaintReport(req: ReportRequest | null) {
  return useQuery({
    queryKey: req ? queryKeys.complaintReport(req) : [...queryKeys.complaints, 'report', 'idle'],
    queryFn: req ? () => ipc.complaintReport(req) : skipToken,
  });
}

export function useComplaintSettings() {
  return useQuery({ queryKey: queryKeys.complaintSettings, queryFn: ipc.complaintSettingsGet });
}

export function useCalendarDays() {
  return useQuery({ queryKey: queryKeys.calendarDays, queryFn: ipc.calendarDaysGet });
}

// ---- writes ----

export function useRecordComplaint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: ComplaintInput) => ipc.complaintRecord(req),
    onSuccess: () => afterWrite(qc, 'complaint_record'),
  });
}

export function useComplaintTransition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: ComplaintTransition) => ipc.complaintTransition(req),
    onSuccess: (detail) => {
      qc.setQueryData(queryKeys.complaintDetail(detail.complaint.id), detail);
      return afterWrite(qc, 'complaint_transition', queryKeys.complaintDetail(detail.complaint.id));
    },
  });
}

export function useComplaintNote() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: ComplaintNote) => ipc.complaintNote(req),
    onSuccess: (detail) => {
      qc.setQueryData(queryKeys.complaintDetail(detail.complaint.id), detail);
      return afterWrite(qc, 'complaint_note', queryKeys.complaintDetail(detail.complaint.id));
    },
  });
}

export function useComplaintAttach() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: ComplaintAttach) => ipc.complaintAttach(req),
    onSuccess: (detail) => {
      qc.setQueryData(queryKeys.complaintDetail(detail.complaint.id), detail);
      return afterWrite(qc, 'complaint_attach', queryKeys.complaintDetail(detail.complaint.id));
    },
  });
}

export function useComplaintAttachmentOpen() {
  return useMutation({ mutationFn: (req: ComplaintAttachmentRef) => ipc.complaintAttachmentOpen(req) });
}

export function useComplaintReportFile() {
  return useMutation({ mutationFn: (req: ReportFileRequest) => ipc.complaintReportFile(req) });
}

export function useSaveComplaintSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: ComplaintSettings) => ipc.complaintSettingsSave(s),
    onSuccess: (saved) => {
      qc.setQueryData(queryKeys.complaintSettings, saved);
      // Allowances, working time and escalation persons change every clock.
      return afterWrite(qc, 'complaint_settings_save', queryKeys.complaintSettings);
    },
  });
}

/** The business calendar moves every deadline, so every complaint is read again. */
function onCalendar(qc: QueryClient, cmd: 'calendar_days_save' | 'calendar_import', days: CalendarDay[]) {
  qc.setQueryData(queryKeys.calendarDays, days);
  return afterWrite(qc, cmd, queryKeys.calendarDays);
}

export function useSaveCalendarDays() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (days: CalendarDay[]) => ipc.calendarDaysSave(days),
    onSuccess: (days) => onCalendar(qc, 'calendar_days_save', days),
  });
}

export function useImportCalendar() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => ipc.calendarImport(path),
    onSuccess: (days) => onCalendar(qc, 'calendar_import', days),
  });
}

export function useExportCalendar() {
  return useMutation({ mutationFn: (path: string) => ipc.calendarExport(path) });
}

export function useSaveSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: Settings) => ipc.settingsSave(s),
    onSuccess: (saved) => {
      qc.setQueryData(queryKeys.settings, saved);
      return afterWrite(qc, 'settings_save', queryKeys.settings);
    },
  });
}

export function useSetLanguage() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (language: Lang) => ipc.settingsSetLanguage(language),
    onSuccess: (_r, language) => {
      qc.setQueryData<Settings>(queryKeys.settings, (s) => (s ? { ...s, language } : s));
      return afterWrite(qc, 'settings_set_language', queryKeys.settings);
    },
  });
}

export function useCreateDistributor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: DistributorInput) => ipc.distributorCreate(input),
    onSuccess: () => afterWrite(qc, 'distributor_create'),
  });
}

export function useUpdateDistributor() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: DistributorUpdate) => ipc.distributorUpdate(req),
    onSuccess: () => afterWrite(qc, 'distributor_update'),
  });
}

export function useTransition() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: TransitionRequest) => ipc.distributorTransition(req),
    onSuccess: () => afterWrite(qc, 'distributor_transition'),
  });
}

export function useChangeTier() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: TierChangeRequest) => ipc.distributorChangeTier(req),
    onSuccess: () => afterWrite(qc, 'distributor_change_tier'),
  });
}

export function useRecordAssessment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: AssessmentInput) => ipc.assessmentRecord(req),
    onSuccess: () => afterWrite(qc, 'assessment_record'),
  });
}

export function useAddAttachment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: AttachmentAdd) => ipc.attachmentAdd(req),
    onSuccess: () => afterWrite(qc, 'attachment_add'),
  });
}

export function useRemoveAttachment() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => ipc.attachmentRemove(id),
    // Also after a failure: the attachment may have been removed already.
    onSettled: () => afterWrite(qc, 'attachment_remove'),
  });
}

/** Opens the stored copy in the system viewer; changes nothing. */
export function useOpenAttachment() {
  return useMutation({ mutationFn: (id: number) => ipc.attachmentOpen(id) });
}

/** Adds a contact when `id` is null, else edits it. */
export function useSaveContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: ContactSave) => ipc.contactSave(req),
    onSuccess: () => afterWrite(qc, 'contact_save'),
  });
}

export function useRemoveContact() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => ipc.contactRemove(id),
    // Also after a failure: the contact may have been removed already.
    onSettled: () => afterWrite(qc, 'contact_remove'),
  });
}

export function useImportPreview() {
  return useMutation({ mutationFn: (path: string) => ipc.importPreview(path) });
}

export function useImportCommit(onProgress: (p: ImportProgress) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => ipc.importCommit(path, onProgress),
    onSuccess: () => afterWrite(qc, 'distributor_import_commit'),
  });
}

export function useExportDistributors() {
  return useMutation({ mutationFn: (req: ExportRequest) => ipc.exportDistributors(req) });
}

export function usePostEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: EntryInput) => ipc.ledgerPost(req),
    onSuccess: () => afterWrite(qc, 'ledger_post'),
  });
}

export function useReverseEntry() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: ReverseRequest) => ipc.ledgerReverse(req),
    // Also after a failure: the entry may have been reversed elsewhere meanwhile.
    onSettled: () => afterWrite(qc, 'ledger_reverse'),
  });
}

export function useLedgerImport() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (path: string) => ipc.ledgerImport(path),
    onSuccess: () => afterWrite(qc, 'ledger_import'),
  });
}

export function useLedgerExport() {
  return useMutation({ mutationFn: (req: LedgerExportRequest) => ipc.ledgerExport(req) });
}

/** Saving and printing issue the statement: a run awaiting the distributor's answer. */
export function useStatementSavePdf() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: StatementPdfRequest) => ipc.statementSavePdf(req),
    onSuccess: () => afterWrite(qc, 'statement_save_pdf'),
  });
}

export function useStatementOpen() {
  return useMutation({ mutationFn: (req: StatementPdfRequest) => ipc.statementOpen(req) });
}

export function useStatementPrint() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: StatementPdfRequest) => ipc.statementPrint(req),
    onSuccess: () => afterWrite(qc, 'statement_print'),
  });
}

export function useStatementBatch(onProgress: (p: BatchProgress) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: BatchRequest) => ipc.statementBatch(req, onProgress),
    onSuccess: () => afterWrite(qc, 'statement_batch'),
  });
}

export function useStatementBatchCancel() {
  return useMutation({ mutationFn: () => ipc.statementBatchCancel() });
}

export function usePathOpen() {
  return useMutation({ mutationFn: (path: string) => ipc.pathOpen(path) });
}

export function useSaveStatementSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: StatementSettings) => ipc.statementSettingsSave(s),
    onSuccess: (saved) => {
      qc.setQueryData(queryKeys.statementSettings, saved);
      // Statements show the aging edges; the audit trail records the change.
      return afterWrite(qc, 'statement_settings_save', queryKeys.statementSettings);
    },
  });
}

/** Sample distributors with ledgers, for an empty database only. */
export function useLoadSample() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: () => ipc.demoLoadSample(),
    onSuccess: () => afterWrite(qc, 'demo_load_sample'),
  });
}
