// The finance clerk's follow-up: the collections log, statements issued and
// their confirmations, and the days after which undated things are reminded.
import { keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Channel } from '@tauri-apps/api/core';

import type { CallInput } from '../bindings/CallInput';
import type { ConfirmInput } from '../bindings/ConfirmInput';
import type { MailSettingsSave } from '../bindings/MailSettingsSave';
import type { ReminderSettings } from '../bindings/ReminderSettings';
import type { RunQuery } from '../bindings/RunQuery';
import type { SendProgress } from '../bindings/SendProgress';
import type { SendRequest } from '../bindings/SendRequest';
import { afterWrite, ROOTS } from './cache';
import { call } from './index';

// Promises are kept by payments and runs answer statements: both live under
// the statements root, so ledger writes refresh them.
export const collectionKeys = {
  calls: (distributorId: number | null) => [...ROOTS.statements, 'collections', distributorId] as const,
  runs: (q: RunQuery) => [...ROOTS.statements, 'runs', q] as const,
  report: (from: string, to: string) => [...ROOTS.statements, 'confirmationReport', from, to] as const,
  reminderSettings: [...ROOTS.reminders, 'settings'] as const,
};

export function useCollectionCalls(distributorId: number | null) {
  return useQuery({
    queryKey: collectionKeys.calls(distributorId),
    queryFn: () => call('collection_list', { distributor_id: distributorId, broken_only: false }),
  });
}

export function useAddCall() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CallInput) => call('collection_add', input),
    onSuccess: () => afterWrite(qc, 'collection_add'),
  });
}

export function useStatementRuns(q: RunQuery) {
  return useQuery({ queryKey: collectionKeys.runs(q), queryFn: () => call('statement_runs', q) });
}

export function useConfirm() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ConfirmInput) => call('statement_confirm', input),
    onSuccess: () => afterWrite(qc, 'statement_confirm'),
  });
}

export function useConfirmationReport(from: string, to: string) {
  return useQuery({
    queryKey: collectionKeys.report(from, to),
    queryFn: () => call('confirmation_report', { from, to }),
    placeholderData: keepPreviousData,
  });
}

export function useReminderSettings() {
  return useQuery({
    queryKey: collectionKeys.reminderSettings,
    queryFn: () => call('reminder_settings_get'),
  });
}

export function useSaveReminderSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (s: ReminderSettings) => call('reminder_settings_save', s),
    onSuccess: () => afterWrite(qc, 'reminder_settings_save'),
  });
}

export const mailKeys = {
  settings: [...ROOTS.statementSettings, 'mail'] as const,
};

export function useMailSettings() {
  return useQuery({ queryKey: mailKeys.settings, queryFn: () => call('mail_settings_get') });
}

export function useSaveMailSettings() {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: MailSettingsSave) => call('mail_settings_save', req),
    onSuccess: () => afterWrite(qc, 'mail_settings_save'),
  });
}

export function useMailTest() {
  return useMutation({ mutationFn: (to: string) => call('mail_test', to) });
}

/** E-mails statements; progress arrives per distributor. */
export function useStatementSend(onProgress: (p: SendProgress) => void) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (req: SendRequest) => {
      const channel = new Channel<SendProgress>();
      channel.onmessage = onProgress;
      return call('statement_send', req, { onProgress: channel });
    },
    onSuccess: () => afterWrite(qc, 'statement_send'),
  });
}

export function useStatementSendCancel() {
  return useMutation({ mutationFn: () => call('statement_send_cancel') });
}
