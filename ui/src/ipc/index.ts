// The only module that talks to the desktop shell. Every command is a typed
// function; every rejection becomes an AppError.
import { Channel, invoke } from '@tauri-apps/api/core';
import { documentDir, join } from '@tauri-apps/api/path';
import { open, save } from '@tauri-apps/plugin-dialog';

import type { AppError } from '../bindings/AppError';
import type { CommandName, Commands } from '../bindings/commands';
import type { Lang } from '../bindings/Lang';
import type { AssessmentInput } from '../bindings/AssessmentInput';
import type { AttachmentAdd } from '../bindings/AttachmentAdd';
import type { AuditQuery } from '../bindings/AuditQuery';
import type { BatchProgress } from '../bindings/BatchProgress';
import type { BatchRequest } from '../bindings/BatchRequest';
import type { CalendarDay } from '../bindings/CalendarDay';
import type { ComplaintAttach } from '../bindings/ComplaintAttach';
import type { ComplaintAttachmentRef } from '../bindings/ComplaintAttachmentRef';
import type { ComplaintInput } from '../bindings/ComplaintInput';
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
import type { LedgerQuery } from '../bindings/LedgerQuery';
import type { ReportFileRequest } from '../bindings/ReportFileRequest';
import type { ReportRequest } from '../bindings/ReportRequest';
import type { ReverseRequest } from '../bindings/ReverseRequest';
import type { Settings } from '../bindings/Settings';
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
  'forbidden',
  'edit_conflict',
  'damaged',
  'data_file',
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

/** What a command takes after its name: its request (none for `void`), then the progress channel of a long one. */
type ProgressArg<K extends CommandName> = [Commands[K]['progress']] extends [never]
  ? []
  : [progress: { onProgress: Channel<Commands[K]['progress']> }];
export type CallArgs<K extends CommandName> = [Commands[K]['req']] extends [void]
  ? []
  : [req: Commands[K]['req'], ...ProgressArg<K>];

/**
 * Calls a command of the shell, typed by its declaration (`core/src/api.rs` →
 * `bindings/commands.ts`): a wrong request or an expected response of the wrong
 * type fails `tsc`. Every rejection becomes an AppError.
 */
export async function call<K extends CommandName>(cmd: K, ...args: CallArgs<K>): Promise<Commands[K]['res']> {
  const [req, extra] = args as unknown as [unknown, Record<string, unknown> | undefined];
  try {
    return await invoke<Commands[K]['res']>(cmd, { ...(req === undefined ? {} : { req }), ...extra });
  } catch (e) {
    throw toAppError(e);
  }
}

export const ipc = {
  appInfo: () => call('app_info'),
  settingsGet: () => call('settings_get'),
  settingsSave: (req: Settings) => call('settings_save', req),
  settingsSetLanguage: (req: Lang) => call('settings_set_language', req),

  distributorList: (req: DistributorQuery) => call('distributor_list', req),
  distributorTerritories: () => call('distributor_territories'),
  distributorGet: (id: number) => call('distributor_get', id),
  distributorNextCode: () => call('distributor_next_code'),
  distributorCreate: (req: DistributorInput) => call('distributor_create', req),
  distributorUpdate: (req: DistributorUpdate) => call('distributor_update', req),
  distributorTransition: (req: TransitionRequest) => call('distributor_transition', req),
  distributorChangeTier: (req: TierChangeRequest) => call('distributor_change_tier', req),
  assessmentRecord: (req: AssessmentInput) => call('assessment_record', req),
  auditList: (req: AuditQuery) => call('audit_list', req),

  attachmentList: (distributorId: number) => call('attachment_list', distributorId),
  attachmentAdd: (req: AttachmentAdd) => call('attachment_add', req),
  attachmentRemove: (id: number) => call('attachment_remove', id),
  attachmentOpen: (id: number) => call('attachment_open', id),

  contactSave: (req: ContactSave) => call('contact_save', req),
  contactRemove: (id: number) => call('contact_remove', id),

  importPreview: (path: string) => call('distributor_import_preview', path),
  importCommit: (path: string, onProgress: (p: ImportProgress) => void) => {
    const channel = new Channel<ImportProgress>();
    channel.onmessage = onProgress;
    return call('distributor_import_commit', path, { onProgress: channel });
  },
  exportDistributors: (req: ExportRequest) => call('distributor_export', req),

  ledgerList: (req: LedgerQuery) => call('ledger_list', req),
  ledgerPost: (req: EntryInput) => call('ledger_post', req),
  ledgerReverse: (req: ReverseRequest) => call('ledger_reverse', req),
  ledgerImport: (path: string) => call('ledger_import', path),
  ledgerExport: (req: LedgerExportRequest) => call('ledger_export', req),

  statementGet: (req: StatementRequest) => call('statement_get', req),
  /** Writes the PDF to `req.path` (empty: the app's print folder); returns the written path. */
  statementSavePdf: (req: StatementPdfRequest) => call('statement_save_pdf', req),
  /** Writes the PDF to the print folder and opens it in the system viewer. */
  statementOpen: (req: StatementPdfRequest) => call('statement_open', req),
  /** Sends the PDF to the default printer. */
  statementPrint: (req: StatementPdfRequest) => call('statement_print', req),
  statementBatch: (req: BatchRequest, onProgress: (p: BatchProgress) => void) => {
    const channel = new Channel<BatchProgress>();
    channel.onmessage = onProgress;
    return call('statement_batch', req, { onProgress: channel });
  },
  statementBatchCancel: () => call('statement_batch_cancel'),
  statementSettingsGet: () => call('statement_settings_get'),
  statementSettingsSave: (req: StatementSettings) => call('statement_settings_save', req),

  complaintList: (req: ComplaintQuery) => call('complaint_list', req),
  complaintGet: (id: number) => call('complaint_get', id),
  complaintRecord: (req: ComplaintInput) => call('complaint_record', req),
  complaintTransition: (req: ComplaintTransition) => call('complaint_transition', req),
  complaintNote: (req: ComplaintNote) => call('complaint_note', req),
  complaintAttach: (req: ComplaintAttach) => call('complaint_attach', req),
  complaintAttachmentOpen: (req: ComplaintAttachmentRef) => call('complaint_attachment_open', req),
  complaintReport: (req: ReportRequest) => call('complaint_report', req),
  /** Writes the report as PDF or Excel (by the path's extension); returns the written path. */
  complaintReportFile: (req: ReportFileRequest) => call('complaint_report_file', req),
  complaintSettingsGet: () => call('complaint_settings_get'),
  complaintSettingsSave: (req: ComplaintSettings) => call('complaint_settings_save', req),
  calendarDaysGet: () => call('calendar_days_get'),
  calendarDaysSave: (req: CalendarDay[]) => call('calendar_days_save', req),
  /** Replaces every dated exception with the file's rows; returns the new list. */
  calendarImport: (path: string) => call('calendar_import', path),
  /** Writes every dated exception as CSV; returns how many rows. */
  calendarExport: (path: string) => call('calendar_export', path),

  /** Opens a folder or file the app wrote, in the system's file manager or viewer. */
  pathOpen: (path: string) => call('path_open', path),
  /** Fills an empty database with sample distributors and ledgers; returns how many distributors. */
  demoLoadSample: () => call('demo_load_sample'),
};

export type Ipc = typeof ipc;

/** File pickers of the dialog plugin; null when the user cancels. */
export const dialogs = {
  /** A backup to restore: DealerDesk's own files, or a copy made before an upgrade. */
  async pickBackupFile(title: string): Promise<string | null> {
    try {
      const picked = await open({
        title,
        multiple: false,
        directory: false,
        filters: [{ name: 'DealerDesk', extensions: ['ddbak', 'bak', 'sqlite'] }],
      });
      return typeof picked === 'string' ? picked : null;
    } catch (e) {
      throw toAppError(e);
    }
  },

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

  /** A PNG or JPEG picture (the company logo). */
  async pickImageFile(title: string, name: string): Promise<string | null> {
    try {
      const picked = await open({
        title,
        multiple: false,
        directory: false,
        filters: [{ name, extensions: ['png', 'jpg', 'jpeg'] }],
      });
      return typeof picked === 'string' ? picked : null;
    } catch (e) {
      throw toAppError(e);
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
