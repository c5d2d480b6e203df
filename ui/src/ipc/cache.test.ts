import { loginKeys } from './login';
import { setupKeys } from './setup';
import { QueryClient, type QueryKey } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';

import { COMMAND_NAMES, type CommandName } from '../bindings/commands';
import { agreementKeys } from './agreements';
import { backupKeys } from './backups';
import { afterWrite, READS, ROOTS, WRITES, type Root, type WriteCommand } from './cache';
import { certificateKeys } from './certificates';
import { collectionKeys, mailKeys } from './collections';
import { dashboardKeys } from './dashboard';
import { onboardingKeys } from './onboarding';
import { receivableKeys } from './receivables';
import { scorecardKeys, violationKeys, visitKeys } from './scorecards';
import { queryKeys } from './queries';
import { trainingKeys } from './training';

const writes = Object.keys(WRITES) as WriteCommand[];
const rootNames = Object.keys(ROOTS) as Root[];

/** Every key a hook can build: the constants, and the builders called with a sample argument. */
function allKeys(): QueryKey[] {
  const keys: QueryKey[] = [];
  for (const table of [
    queryKeys,
    agreementKeys,
    onboardingKeys,
    trainingKeys,
    certificateKeys,
    backupKeys,
    scorecardKeys,
    violationKeys,
    visitKeys,
    receivableKeys,
    collectionKeys,
    mailKeys,
    dashboardKeys,
    setupKeys,
    loginKeys,
  ]) {
    for (const k of Object.values(table)) {
      keys.push(typeof k === 'function' ? (k as (a: never) => QueryKey)(1 as never) : (k as QueryKey));
    }
  }
  return keys;
}

describe('the table of cached data and what each write changes', () => {
  it('classifies every command once: a read, or a write with what it changes', () => {
    const reads = new Set<CommandName>(READS);
    for (const c of COMMAND_NAMES) {
      const isWrite = (writes as CommandName[]).includes(c);
      expect(reads.has(c) !== isWrite, `${c} is ${isWrite ? 'both' : 'neither'}`).toBe(true);
    }
    expect(reads.size + writes.length).toBe(COMMAND_NAMES.length);
  });

  it('gives every query key a root of the table', () => {
    const roots = new Set<string>(rootNames.map((r) => ROOTS[r][0]));
    for (const key of allKeys()) expect(roots.has(key[0] as string), JSON.stringify(key)).toBe(true);
  });

  it('reads the audit trail again after every audited write', () => {
    for (const c of writes) {
      if (c === 'settings_set_language') continue; // a preference, not audited
      if (c === 'database_save') continue; // kept on this PC, not in the database
      if (c === 'backup_now') continue; // writes a file, no record
      if (c === 'first_start_finish') continue; // the guide was seen, no record
      expect(WRITES[c], c).toContain('audit');
    }
  });

  it('keeps the automatic onboarding steps and the reminders fresh', () => {
    // What the automatic steps and the reminders are computed from.
    const feeding: WriteCommand[] = [
      'distributor_create',
      'assessment_record',
      'distributor_transition',
      'agreement_sign',
      'agreement_terminate',
      'agreement_new_version',
      'ledger_post',
      'ledger_import',
      'ledger_reverse',
      'session_results',
      'session_move',
      'certificate_revoke',
      'course_save',
      'onboarding_start',
      'onboarding_step_update',
    ];
    for (const c of feeding) {
      expect(WRITES[c], c).toContain('onboarding');
      expect(WRITES[c], c).toContain('reminders');
    }
  });

  it('invalidates exactly the roots of the write, except the detail it was handed', async () => {
    const qc = new QueryClient();
    const seeded: QueryKey[] = [
      ...allKeys(),
      onboardingKeys.checklist(7),
      onboardingKeys.reminders,
      queryKeys.distributorDetail(7),
      queryKeys.complaintList({} as never),
      queryKeys.statement({ distributor_id: 7, from: '', to: '' }),
    ];
    const seed = () => seeded.forEach((k) => qc.setQueryData(k, 'cached'));
    const stale = () =>
      seeded.filter((k) => qc.getQueryState(k)?.isInvalidated).map((k) => ROOTS_BY_FIRST.get(k[0] as string));
    const ROOTS_BY_FIRST = new Map(rootNames.map((r) => [ROOTS[r][0] as string, r]));

    for (const c of writes) {
      qc.clear();
      seed();
      await afterWrite(qc, c);
      expect(new Set(stale()), c).toEqual(new Set(WRITES[c]));
    }

    qc.clear();
    seed();
    const kept = onboardingKeys.checklist(7);
    await afterWrite(qc, 'onboarding_step_update', kept);
    expect(qc.getQueryState(kept)?.isInvalidated).toBe(false);
    expect(qc.getQueryState(onboardingKeys.pipeline)?.isInvalidated).toBe(true);
    expect(qc.getQueryState(onboardingKeys.reminders)?.isInvalidated).toBe(true);
  });

  it('refreshes the dashboard and the receivables after the writes they are computed from', () => {
    for (const c of [
      'complaint_record',
      'agreement_sign',
      'session_results',
      'scorecard_finalise',
      'ledger_post',
      'onboarding_step_update',
    ] as WriteCommand[]) {
      expect(WRITES[c], c).toContain('dashboard');
    }
    for (const c of [
      'ledger_post',
      'distributor_update',
      'statement_confirm',
      'statement_settings_save',
    ] as WriteCommand[]) {
      expect(WRITES[c], c).toContain('receivables');
    }
    expect(WRITES.complaint_record).not.toContain('receivables');
    expect(WRITES.backup_now).not.toContain('dashboard');
  });

  it("ties every mutation hook's afterWrite to the command its mutation calls", () => {
    const texts = import.meta.glob<string>(['./*.ts', '!./*.test.ts', '!./*.typetest.ts'], {
      eager: true,
      query: '?raw',
      import: 'default',
    });
    // `ipc.importCommit(…)` is `call('distributor_import_commit', …)` in index.ts.
    const viaIpc = new Map(
      [...(texts['./index.ts'] ?? '').matchAll(/^\s+(\w+):[^\n]*?call\('(\w+)'/gms)].map((m) => [m[1], m[2]]),
    );
    const reads = new Set<string>(READS);
    const mismatched: string[] = [];
    let hooks = 0;
    for (const [name, text] of Object.entries(texts)) {
      for (const block of text.split('useMutation(').slice(1)) {
        const body = block.split(/\nexport function /)[0];
        const direct = /call\(\s*'(\w+)'/.exec(body)?.[1];
        const method = /ipc\.(\w+)\(/.exec(body)?.[1];
        const cmd = direct ?? (method ? viaIpc.get(method) : undefined);
        if (!cmd) continue;
        hooks += 1;
        // afterWrite(qc, 'cmd'), or a helper handed 'cmd' in onSuccess.
        const after = [...body.matchAll(/afterWrite\(\s*qc,\s*'(\w+)'/g)].map((m) => m[1]);
        const success = body.split('onSuccess')[1] ?? '';
        const helper = after.length === 0 && new RegExp(`'${cmd}'`).test(success);
        const ok = reads.has(cmd)
          ? after.length === 0 && !success
          : (after.length > 0 && after.every((a) => a === cmd)) || helper;
        if (!ok) mismatched.push(`${name}: ${cmd} → [${after.join(', ')}]`);
      }
    }
    expect(hooks).toBeGreaterThan(50);
    expect(mismatched).toEqual([]);
  });
});
