// Training: the course catalogue, its settings, sessions with enrolment and
// results, and the lists' export. Typed commands and the TanStack Query hooks
// over them; certificate and compliance hooks live in ./certificates.
import {
  keepPreviousData,
  useMutation,
  useQuery,
  useQueryClient,
  type QueryClient,
} from '@tanstack/react-query';

import type { CertificateQuery } from '../bindings/CertificateQuery';
import type { CourseSave } from '../bindings/CourseSave';
import type { EnrolRequest } from '../bindings/EnrolRequest';
import type { ResultsRequest } from '../bindings/ResultsRequest';
import type { SessionDetail } from '../bindings/SessionDetail';
import type { SessionMove } from '../bindings/SessionMove';
import type { SessionQuery } from '../bindings/SessionQuery';
import type { SessionSave } from '../bindings/SessionSave';
import type { TrainingExportRequest } from '../bindings/TrainingExportRequest';
import type { TrainingSettings } from '../bindings/TrainingSettings';
import { ALL_ROWS } from '../lib/paging';
import { afterWrite, type WriteCommand } from './cache';
import { certificateApi, emptyCertificateQuery } from './certificates';
import { call } from './index';

export const trainingApi = {
  courseList: () => call('course_list'),
  /** Creates (`id` null) or edits a course; a conflict when the code is taken. */
  courseSave: (req: CourseSave) => call('course_save', req),
  settingsGet: () => call('training_settings_get'),
  settingsSave: (req: TrainingSettings) => call('training_settings_save', req),
  sessionList: (req: SessionQuery) => call('session_list', req),
  sessionGet: (id: number) => call('session_get', id),
  /** Creates a session (enrolling `input.enrol`), or edits one that is still planned. */
  sessionSave: (req: SessionSave) => call('session_save', req),
  enrol: (req: EnrolRequest) => call('session_enrol', req),
  unenrol: (enrolmentId: number) => call('session_unenrol', enrolmentId),
  /** Attendance, scores and feedback of a held session. */
  results: (req: ResultsRequest) => call('session_results', req),
  /** planned → held | cancelled; held → closed (which issues the certificates). */
  move: (req: SessionMove) => call('session_move', req),
  /** Writes a training list as XLSX or CSV (by the path's extension); returns the rows written. */
  exportList: (req: TrainingExportRequest) => call('training_export', req),
};

export const trainingKeys = {
  all: ['training'] as const,
  courses: ['training', 'courses'] as const,
  settings: ['training', 'settings'] as const,
  sessions: ['training', 'sessions'] as const,
  sessionList: (q: SessionQuery) => ['training', 'sessions', 'list', q] as const,
  session: (id: number) => ['training', 'sessions', 'detail', id] as const,
  /** The same key as the certificate list's (./certificates) for this query, so they share the cache. */
  sessionCertificates: (id: number) => ['certificates', 'list', sessionCertificateQuery(id)] as const,
};

export const emptySessionQuery: SessionQuery = { from: '', to: '', status: null, course_id: null };

/** A certificate query for every certificate of one session. */
export function sessionCertificateQuery(sessionId: number): CertificateQuery {
  return { ...emptyCertificateQuery, session_id: sessionId, ...ALL_ROWS };
}

function onSession(qc: QueryClient, cmd: WriteCommand, detail: SessionDetail) {
  const key = trainingKeys.session(detail.session.id);
  qc.setQueryData(key, detail);
  return afterWrite(qc, cmd, key);
}

// ---- reads ----

export function useCourses() {
  return useQuery({ queryKey: trainingKeys.courses, queryFn: trainingApi.courseList });
}

export function useTrainingSettings() {
  return useQuery({ queryKey: trainingKeys.settings, queryFn: trainingApi.settingsGet });
}

export function useSessionList(q: SessionQuery, opts: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: trainingKeys.sessionList(q),
    queryFn: () => trainingApi.sessionList(q),
    placeholderData: keepPreviousData,
    enabled: opts.enabled ?? true,
  });
}

export function useSession(id: number) {
  return useQuery({
    queryKey: trainingKeys.session(id),
    queryFn: () => trainingApi.sessionGet(id),
    enabled: Number.isInteger(id) && id > 0,
  });
}

/** The certificates a session issued (read once it is closed). */
export function useSessionCertificates(sessionId: number, enabled: boolean) {
  return useQuery({
    queryKey: trainingKeys.sessionCertificates(sessionId),
    queryFn: () => certificateApi.list(sessionCertificateQuery(sessionId)),
    select: (page) => page.rows,
    enabled: enabled && Number.isInteger(sessionId) && sessionId > 0,
  });
}

// ---- writes ----

export function useSaveCourse() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: CourseSave) => trainingApi.courseSave(req),
    // Titles show in sessions and certificates; required tiers move compliance.
    onSuccess: () => afterWrite(qc, 'course_save'),
  });
}

export function useSaveTrainingSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: TrainingSettings) => trainingApi.settingsSave(req),
    onSuccess: (saved) => {
      qc.setQueryData(trainingKeys.settings, saved);
      return afterWrite(qc, 'training_settings_save', trainingKeys.settings);
    },
  });
}

export function useSaveSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: SessionSave) => trainingApi.sessionSave(req),
    onSuccess: (detail) => onSession(qc, 'session_save', detail),
  });
}

export function useEnrol() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: EnrolRequest) => trainingApi.enrol(req),
    onSuccess: (detail) => onSession(qc, 'session_enrol', detail),
  });
}

export function useUnenrol() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (enrolmentId: number) => trainingApi.unenrol(enrolmentId),
    onSuccess: (detail) => onSession(qc, 'session_unenrol', detail),
  });
}

export function useSaveResults() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: ResultsRequest) => trainingApi.results(req),
    onSuccess: (detail) => onSession(qc, 'session_results', detail),
  });
}

export function useMoveSession() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: SessionMove) => trainingApi.move(req),
    onSuccess: (detail) => onSession(qc, 'session_move', detail),
  });
}

export function useExportTraining() {
  return useMutation({ mutationFn: (req: TrainingExportRequest) => trainingApi.exportList(req) });
}
