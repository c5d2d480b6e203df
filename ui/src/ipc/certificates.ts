// Certificates, training compliance and the training list export: typed
// commands and the TanStack Query hooks over them.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';

import type { CertificatePrintRequest } from '../bindings/CertificatePrintRequest';
import type { CertificateQuery } from '../bindings/CertificateQuery';
import type { RevokeRequest } from '../bindings/RevokeRequest';
import type { SessionQuery } from '../bindings/SessionQuery';
import type { TrainingExportRequest } from '../bindings/TrainingExportRequest';
import { FIRST_PAGE } from '../lib/paging';
import { afterWrite } from './cache';
import { call } from './index';

export const certificateApi = {
  list: (req: CertificateQuery) => call('certificate_list', req),
  revoke: (req: RevokeRequest) => call('certificate_revoke', req),
  /** One landscape PDF per certificate, `<number>.pdf` in `out_dir`; returns the written paths. */
  print: (req: CertificatePrintRequest) => call('certificate_print', req),
  /** Active and suspended distributors (or just one): required, covered and missing courses. */
  compliance: (distributorId: number | null) => call('training_compliance', distributorId),
  /** Writes a training list as XLSX or CSV (by the path's extension); returns the rows written. */
  exportList: (req: TrainingExportRequest) => call('training_export', req),
  courses: () => call('course_list'),
};

export const certificateKeys = {
  all: ['certificates'] as const,
  list: (q: CertificateQuery) => ['certificates', 'list', q] as const,
  compliance: ['compliance'] as const,
  complianceOf: (distributorId: number | null) => ['compliance', distributorId ?? 'all'] as const,
  /** The course catalogue: the same query (and cache) as the courses tab's (./training). */
  courses: ['training', 'courses'] as const,
};

export const emptyCertificateQuery: CertificateQuery = {
  distributor_id: null,
  course_id: null,
  session_id: null,
  state: null,
  text: '',
  ...FIRST_PAGE,
};

/** The session filters of an export request that is not about sessions. */
export const noSessionFilter: SessionQuery = { from: '', to: '', status: null, course_id: null };

// ---- reads ----

export function useCertificates(q: CertificateQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: certificateKeys.list(q),
    queryFn: () => certificateApi.list(q),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useCompliance(distributorId: number | null) {
  return useQuery({
    queryKey: certificateKeys.complianceOf(distributorId),
    queryFn: () => certificateApi.compliance(distributorId),
    // Follows from certificates, tiers and statuses changed elsewhere: read again whenever shown.
    staleTime: 0,
  });
}

export function useCourseOptions() {
  return useQuery({ queryKey: certificateKeys.courses, queryFn: certificateApi.courses });
}

// ---- writes ----

export function useRevokeCertificate() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: RevokeRequest) => certificateApi.revoke(req),
    // Also after a failure: the certificate may have been revoked elsewhere meanwhile.
    onSettled: () => afterWrite(qc, 'certificate_revoke'),
  });
}

export function usePrintCertificates() {
  return useMutation({ mutationFn: (req: CertificatePrintRequest) => certificateApi.print(req) });
}

export function useTrainingExport() {
  return useMutation({ mutationFn: (req: TrainingExportRequest) => certificateApi.exportList(req) });
}
