// The only module that talks to the desktop shell. Every command is a typed
// function; every rejection becomes an AppError.
import { Channel, invoke } from '@tauri-apps/api/core';
import { documentDir, join } from '@tauri-apps/api/path';
import { open, save } from '@tauri-apps/plugin-dialog';

import type { AppError } from '../bindings/AppError';
import type { AppInfo } from '../bindings/AppInfo';
import type { Assessment } from '../bindings/Assessment';
import type { AssessmentInput } from '../bindings/AssessmentInput';
import type { Attachment } from '../bindings/Attachment';
import type { AttachmentAdd } from '../bindings/AttachmentAdd';
import type { AuditEntry } from '../bindings/AuditEntry';
import type { AuditQuery } from '../bindings/AuditQuery';
import type { BatchProgress } from '../bindings/BatchProgress';
import type { BatchRequest } from '../bindings/BatchRequest';
import type { BatchSummary } from '../bindings/BatchSummary';
import type { CalendarDay } from '../bindings/CalendarDay';
import type { Complaint } from '../bindings/Complaint';
import type { ComplaintAttach } from '../bindings/ComplaintAttach';
import type { ComplaintAttachmentRef } from '../bindings/ComplaintAttachmentRef';
import type { ComplaintDetail } from '../bindings/ComplaintDetail';
import type { ComplaintInput } from '../bindings/ComplaintInput';
import type { ComplaintNote } from '../bindings/ComplaintNote';
import type { ComplaintQuery } from '../bindings/ComplaintQuery';
import type { ComplaintReport } from '../bindings/ComplaintReport';
import type { ComplaintSettings } from '../bindings/ComplaintSettings';
import type { ComplaintTransition } from '../bindings/ComplaintTransition';
import type { Contact } from '../bindings/Contact';
import type { ContactSave } from '../bindings/ContactSave';
import type { Distributor } from '../bindings/Distributor';
import type { DistributorDetail } from '../bindings/DistributorDetail';
import type { DistributorInput } from '../bindings/DistributorInput';
import type { DistributorPage } from '../bindings/DistributorPage';
import type { DistributorQuery } from '../bindings/DistributorQuery';
import type { DistributorUpdate } from '../bindings/DistributorUpdate';
import type { EntryInput } from '../bindings/EntryInput';
import type { ExportRequest } from '../bindings/ExportRequest';
import type { ImportPreview } from '../bindings/ImportPreview';
import type { ImportProgress } from '../bindings/ImportProgress';
import type { ImportSummary } from '../bindings/ImportSummary';
import type { LedgerEntry } from '../bindings/LedgerEntry';
import type { LedgerExportRequest } from '../bindings/LedgerExportRequest';
import type { LedgerImportSummary } from '../bindings/LedgerImportSummary';
import type { LedgerQuery } from '../bindings/LedgerQuery';
import type { ReportFileRequest } from '../bindings/ReportFileRequest';
import type { ReportRequest } from '../bindings/ReportRequest';
import type { ReverseRequest } from '../bindings/ReverseRequest';
import type { Settings } from '../bindings/Settings';
import type { Statement } from '../bindings/Statement';
import type { StatementPdfRequest } from '../bindings/StatementPdfRequest';
import type { StatementRequest } from '../bindings/StatementRequest';
import type { StatementSettings } from '../bindings/StatementSettings';
import type { TierChangeRequest } from '../bindings/TierChangeRequest';
import type { TransitionRequest } from '../bindings/TransitionRequest';

export type { AppError };

const KINDS = new Set<AppError['kind']>([
  'validation',
  'not_found',
  'conflict',
  'illegal_transition',
  'import_rejected',
  'io',
  'database',
  'missing_glyphs',
  'cancelled',
]);

export function isAppError(e: unknown): e is AppError {
  return (
    typeof e === 'object' && e !== null && 'kind' in e && KINDS.has((e as { kind: AppError['kind'] }).kind)
  );
}

/** Anything thrown by the shell or the bridge, as an AppError. */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return e;
  if (typeof e === 'string') {
    // Some shells send the serialised error as text.
    try {
      const parsed: unknown = JSON.parse(e);
      if (isAppError(parsed)) return parsed;
    } catch {
      // not JSON: fall through
    }
  }
  return { kind: 'io', message: e instanceof Error ? e.message : String(e) };
}

export async function call<T>(cmd: string, req?: unknown, extra?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, { ...(req === undefined ? {} : { req }), ...extra });
  } catch (e) {
    throw toAppError(e);
  }
}

export const ipc = {
  appInfo: () => call<AppInfo>('app_info'),
  settingsGet: () => call<Settings>('settings_get'),
  settingsSave: (req: Settings) => call<Settings>('settings_save', req),
  settingsSetLanguage: (req: string) => call<null>('settings_set_language', req),

  distributorList: (req: DistributorQuery) => call<DistributorPage>('distributor_list', req),
  distributorTerritories: () => call<string[]>('distributor_territories'),
  distributorGet: (id: number) => call<DistributorDetail>('distributor_get', id),
  distributorNextCode: () => call<string>('distributor_next_code'),
  distributorCreate: (req: DistributorInput) => call<Distributor>('distributor_create', req),
  distributorUpdate: (req: DistributorUpdate) => call<Distributor>('distributor_update', req),
  distributorTransition: (req: TransitionRequest) => call<Distributor>('distributor_transition', req),
  distributorChangeTier: (req: TierChangeRequest) => call<Distributor>('distributor_change_tier', req),
  assessmentRecord: (req: AssessmentInput) => call<Assessment>('assessment_record', req),
  auditList: (req: AuditQuery) => call<AuditEntry[]>('audit_list', req),

  attachmentList: (distributorId: number) => call<Attachment[]>('attachment_list', distributorId),
  attachmentAdd: (req: AttachmentAdd) => call<Attachment>('attachment_add', req),
  attachmentRemove: (id: number) => call<null>('attachment_remove', id),
  attachmentOpen: (id: number) => call<null>('attachment_open', id),

  contactSave: (req: ContactSave) => call<Contact>('contact_save', req),
  contactRemove: (id: number) => call<null>('contact_remove', id),

  importPreview: (path: string) => call<ImportPreview>('distributor_import_preview', path),
  importCommit: (path: string, onProgress: (p: ImportProgress) => void) => {
    const channel = new Channel<ImportProgress>();
    channel.onmessage = onProgress;
    return call<ImportSummary>('distributor_import_commit', path, { onProgress: channel });
  },
  exportDistributors: (req: ExportRequest) => call<number>('distributor_export', req),

  ledgerList: (req: LedgerQuery) => call<LedgerEntry[]>('ledger_list', req),
  ledgerPost: (req: EntryInput) => call<LedgerEntry>('ledger_post', req),
  ledgerReverse: (req: ReverseRequest) => call<LedgerEntry>('ledger_reverse', req),
  ledgerImport: (path: string) => call<LedgerImportSummary>('ledger_import', path),
  ledgerExport: (req: LedgerExportRequest) => call<number>('ledger_export', req),

  statementGet: (req: StatementRequest) => call<Statement>('statement_get', req),
  /** Writes the PDF to `req.path` (empty: the app's print folder); returns the written path. */
  statementSavePdf: (req: StatementPdfRequest) => call<string>('statement_save_pdf', req),
  /** Writes the PDF to the print folder and opens it in the system viewer. */
  statementOpen: (req: StatementPdfRequest) => call<string>('statement_open', req),
  /** Sends the PDF to the default printer. */
  statementPrint: (req: StatementPdfRequest) => call<string>('statement_print', req),
  statementBatch: (req: BatchRequest, onProgress: (p: BatchProgress) => void) => {
    const channel = new Channel<BatchProgress>();
    channel.onmessage = onProgress;
    return call<BatchSummary>('statement_batch', req, { onProgress: channel });
  },
  statementBatchCancel: () => call<null>('statement_batch_cancel'),
  statementSettingsGet: () => call<StatementSettings>('statement_settings_get'),
  statementSettingsSave: (req: StatementSettings) => call<StatementSettings>('statement_settings_save', req),

  complaintList: (req: ComplaintQuery) => call<Complaint[]>('complaint_list', req),
  complaintGet: (id: number) => call<ComplaintDetail>('complaint_get', id),
  complaintRecord: (req: ComplaintInput) => call<Complaint>('complaint_record', req),
  complaintTransition: (req: ComplaintTransition) => call<ComplaintDetail>('complaint_transition', req),
  complaintNote: (req: ComplaintNote) => call<ComplaintDetail>('complaint_note', req),
  complaintAttach: (req: ComplaintAttach) => call<ComplaintDetail>('complaint_attach', req),
  complaintAttachmentOpen: (req: ComplaintAttachmentRef) => call<null>('complaint_attachment_open', req),
  complaintReport: (req: ReportRequest) => call<ComplaintReport>('complaint_report', req),
  /** Writes the report as PDF or Excel (by the path's extension); returns the written path. */
  complaintReportFile: (req: ReportFileRequest) => call<string>('complaint_report_file', req),
  complaintSettingsGet: () => call<ComplaintSettings>('complaint_settings_get'),
  complaintSettingsSave: (req: ComplaintSettings) => call<ComplaintSettings>('complaint_settings_save', req),
  calendarDaysGet: () => call<CalendarDay[]>('calendar_days_get'),
  calendarDaysSave: (req: CalendarDay[]) => call<CalendarDay[]>('calendar_days_save', req),
  /** Replaces every dated exception with the file's rows; returns the new list. */
  calendarImport: (path: string) => call<CalendarDay[]>('calendar_import', path),
  /** Writes every dated exception as CSV; returns how many rows. */
  calendarExport: (path: string) => call<number>('calendar_export', path),

  /** Opens a folder or file the app wrote, in the system's file manager or viewer. */
  pathOpen: (path: string) => call<null>('path_open', path),
  /** Fills an empty database with sample distributors and ledgers; returns how many distributors. */
  demoLoadSample: () => call<number>('demo_load_sample'),
};

export type Ipc = typeof ipc;

/** File pickers of the dialog plugin; null when the user cancels. */
export const dialogs = {
  async pickImportFile(title: string): Promise<string | null> {
    try {
      const picked = await open({
        title,
        multiple: false,
        directory: false,
        filters: [{ name: 'CSV/Excel', extensions: ['csv', 'xlsx'] }],
      });
      return typeof picked === 'string' ? picked : null;
    } catch (e) {
      throw toAppError(e);
    }
  },

  /** A scan, photo or other file to attach; `names` are the translated filter names. */
  async pickAttachmentFile(
    title: string,
    names: { images: string; pdf: string; all: string },
  ): Promise<string | null> {
    try {
      const picked = await open({
        title,
        multiple: false,
        directory: false,
        filters: [
          { name: names.images, extensions: ['jpg', 'jpeg', 'png', 'webp'] },
          { name: names.pdf, extensions: ['pdf'] },
          { name: names.all, extensions: ['*'] },
        ],
      });
      return typeof picked === 'string' ? picked : null;
    } catch (e) {
      throw toAppError(e);
    }
  },

  async pickExportPath(title: string, format: 'csv' | 'xlsx', defaultName: string): Promise<string | null> {
    try {
      const path = await save({
        title,
        defaultPath: defaultName,
        filters: [
          format === 'csv' ? { name: 'CSV', extensions: ['csv'] } : { name: 'Excel', extensions: ['xlsx'] },
        ],
      });
      if (!path) return null;
      // Some platforms drop the extension when the user types a bare name.
      return path.toLowerCase().endsWith(`.${format}`) ? path : `${path}.${format}`;
    } catch (e) {
      throw toAppError(e);
    }
  },

  /** A save path for a table that may be Excel or CSV; without either extension it becomes `.xlsx`. */
  async pickTablePath(title: string, defaultName: string): Promise<string | null> {
    try {
      const path = await save({
        title,
        defaultPath: defaultName,
        filters: [
          { name: 'Excel', extensions: ['xlsx'] },
          { name: 'CSV', extensions: ['csv'] },
        ],
      });
      if (!path) return null;
      return /\.(csv|xlsx)$/i.test(path) ? path : `${path}.xlsx`;
    } catch (e) {
      throw toAppError(e);
    }
  },

  async pickPdfPath(title: string, defaultName: string): Promise<string | null> {
    try {
      const path = await save({
        title,
        defaultPath: defaultName,
        filters: [{ name: 'PDF', extensions: ['pdf'] }],
      });
      if (!path) return null;
      return path.toLowerCase().endsWith('.pdf') ? path : `${path}.pdf`;
    } catch (e) {
      throw toAppError(e);
    }
  },

  /** `name` in the user's Documents folder (just `name` if the folder is unknown). */
  async suggestedPath(name: string): Promise<string> {
    try {
      return await join(await documentDir(), name);
    } catch {
      return name;
    }
  },

  async pickFolder(title: string): Promise<string | null> {
    try {
      const picked = await open({ title, multiple: false, directory: true });
      return typeof picked === 'string' ? picked : null;
    } catch (e) {
      throw toAppError(e);
    }
  },
};
