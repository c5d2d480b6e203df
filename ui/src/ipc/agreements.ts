// Agreements, rebate runs and the clause templates: typed commands and the
// TanStack Query hooks over them. Every write invalidates what it can change.
import { keepPreviousData, skipToken, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { QueryClient } from '@tanstack/react-query';

import type { AgreementDetail } from '../bindings/AgreementDetail';
import type { AgreementExportRequest } from '../bindings/AgreementExportRequest';
import type { AgreementInput } from '../bindings/AgreementInput';
import type { AgreementListQuery } from '../bindings/AgreementListQuery';
import type { AgreementPdfRequest } from '../bindings/AgreementPdfRequest';
import type { AgreementTemplates } from '../bindings/AgreementTemplates';
import type { AgreementUpdate } from '../bindings/AgreementUpdate';
import type { RebateExportRequest } from '../bindings/RebateExportRequest';
import type { RebateRunRequest } from '../bindings/RebateRunRequest';
import type { ScanRequest } from '../bindings/ScanRequest';
import type { SignRequest } from '../bindings/SignRequest';
import type { TerminateRequest } from '../bindings/TerminateRequest';
import type { VersionRequest } from '../bindings/VersionRequest';
import { FIRST_PAGE } from '../lib/paging';
import { afterWrite, type WriteCommand } from './cache';
import { call } from './index';

export const agreementApi = {
  list: (req: AgreementListQuery) => call('agreement_list', req),
  get: (id: number) => call('agreement_get', id),
  create: (req: AgreementInput) => call('agreement_create', req),
  update: (req: AgreementUpdate) => call('agreement_update', req),
  /** Draft → awaiting signature. */
  submit: (id: number) => call('agreement_submit', id),
  /** Awaiting signature → draft. */
  withdraw: (id: number) => call('agreement_withdraw', id),
  sign: (req: SignRequest) => call('agreement_sign', req),
  terminate: (req: TerminateRequest) => call('agreement_terminate', req),
  /** A draft v+1 (amendment or renewal) of a signed agreement. */
  newVersion: (req: VersionRequest) => call('agreement_new_version', req),
  attachScan: (req: ScanRequest) => call('agreement_attach_scan', req),
  scanOpen: (id: number) => call('agreement_scan_open', id),
  /** Writes the PDF to `req.path`; returns the written path. */
  savePdf: (req: AgreementPdfRequest) => call('agreement_save_pdf', req),
  /** Writes the PDF to the print folder and opens it in the system viewer. */
  openPdf: (req: AgreementPdfRequest) => call('agreement_open', req),
  /** Sends the PDF to the default printer. */
  printPdf: (req: AgreementPdfRequest) => call('agreement_print', req),
  templatesGet: () => call('agreement_templates_get'),
  templatesSave: (req: AgreementTemplates) => call('agreement_templates_save', req),
  rebatePreview: (req: RebateRunRequest) => call('rebate_preview', req),
  rebateApprove: (req: RebateRunRequest) => call('rebate_approve', req),
  /** Writes the list for the query as XLSX or CSV (by the path's extension); returns the rows written. */
  exportList: (req: AgreementExportRequest) => call('agreement_export', req),
  /** Writes a rebate run as XLSX or CSV; returns the rows written. */
  exportRebates: (req: RebateExportRequest) => call('rebate_export', req),
};

export const agreementKeys = {
  all: ['agreements'] as const,
  list: (q: AgreementListQuery) => ['agreements', 'list', q] as const,
  detail: (id: number) => ['agreements', 'detail', id] as const,
  templates: ['agreements', 'templates'] as const,
  rebates: ['rebates'] as const,
  rebatePreview: (req: RebateRunRequest) => ['rebates', 'preview', req] as const,
};

export const emptyAgreementQuery: AgreementListQuery = {
  distributor_id: null,
  status: null,
  text: '',
  all_versions: false,
  ...FIRST_PAGE,
};

/** Puts the command's answer in the cache of its detail query, then reads the rest again. */
function onDetail(qc: QueryClient, cmd: WriteCommand, detail: AgreementDetail) {
  const key = agreementKeys.detail(detail.agreement.id);
  qc.setQueryData(key, detail);
  return afterWrite(qc, cmd, key);
}

// ---- reads ----

export function useAgreementList(q: AgreementListQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: agreementKeys.list(q),
    queryFn: () => agreementApi.list(q),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useAgreement(id: number) {
  return useQuery({
    queryKey: agreementKeys.detail(id),
    queryFn: () => agreementApi.get(id),
    enabled: Number.isInteger(id) && id > 0,
  });
}

export function useAgreementTemplates() {
  return useQuery({ queryKey: agreementKeys.templates, queryFn: agreementApi.templatesGet });
}

/** A rebate run's preview; `req` null keeps it idle until a period is chosen. */
export function useRebatePreview(req: RebateRunRequest | null) {
  return useQuery({
    queryKey: req ? agreementKeys.rebatePreview(req) : [...agreementKeys.rebates, 'idle'],
    queryFn: req ? () => agreementApi.rebatePreview(req) : skipToken,
  });
}

// ---- writes ----

export function useCreateAgreement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: AgreementInput) => agreementApi.create(req),
    onSuccess: (detail) => onDetail(qc, 'agreement_create', detail),
  });
}

export function useUpdateAgreement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: AgreementUpdate) => agreementApi.update(req),
    onSuccess: (detail) => onDetail(qc, 'agreement_update', detail),
  });
}

export function useSubmitAgreement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => agreementApi.submit(id),
    onSuccess: (detail) => onDetail(qc, 'agreement_submit', detail),
  });
}

export function useWithdrawAgreement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (id: number) => agreementApi.withdraw(id),
    onSuccess: (detail) => onDetail(qc, 'agreement_withdraw', detail),
  });
}

export function useSignAgreement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: SignRequest) => agreementApi.sign(req),
    onSuccess: (detail) => {
      // Signing may copy the terms onto the distributor and activate an approved one:
      // every distributor list and detail is read again (see ./cache).
      return onDetail(qc, 'agreement_sign', detail);
    },
  });
}

export function useTerminateAgreement() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: TerminateRequest) => agreementApi.terminate(req),
    onSuccess: (detail) => onDetail(qc, 'agreement_terminate', detail),
  });
}

export function useNewAgreementVersion() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: VersionRequest) => agreementApi.newVersion(req),
    onSuccess: (detail) => onDetail(qc, 'agreement_new_version', detail),
  });
}

export function useAttachAgreementScan() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: ScanRequest) => agreementApi.attachScan(req),
    onSuccess: (detail) => onDetail(qc, 'agreement_attach_scan', detail),
  });
}

/** Opens the stored scan in the system viewer; changes nothing. */
export function useOpenAgreementScan() {
  return useMutation({ mutationFn: (id: number) => agreementApi.scanOpen(id) });
}

export function useAgreementSavePdf() {
  return useMutation({ mutationFn: (req: AgreementPdfRequest) => agreementApi.savePdf(req) });
}

export function useAgreementOpenPdf() {
  return useMutation({ mutationFn: (req: AgreementPdfRequest) => agreementApi.openPdf(req) });
}

export function useAgreementPrintPdf() {
  return useMutation({ mutationFn: (req: AgreementPdfRequest) => agreementApi.printPdf(req) });
}

export function useExportAgreements() {
  return useMutation({ mutationFn: (req: AgreementExportRequest) => agreementApi.exportList(req) });
}

export function useExportRebates() {
  return useMutation({ mutationFn: (req: RebateExportRequest) => agreementApi.exportRebates(req) });
}

export function useSaveAgreementTemplates() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: AgreementTemplates) => agreementApi.templatesSave(req),
    onSuccess: (saved) => {
      qc.setQueryData(agreementKeys.templates, saved);
      return afterWrite(qc, 'agreement_templates_save', agreementKeys.templates);
    },
  });
}

/**
 * Posts the run's rebates to the ledgers: every ledger, statement and rebate
 * preview changes, and the audit trail records each entry.
 */
export function useApproveRebates() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: RebateRunRequest) => agreementApi.rebateApprove(req),
    onSuccess: (approval, req) => {
      qc.setQueryData(agreementKeys.rebatePreview(req), approval.run);
      return afterWrite(qc, 'rebate_approve', agreementKeys.rebatePreview(req));
    },
  });
}
