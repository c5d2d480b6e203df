// Backup and restore through the real window: the day's automatic backup, a
// backup now, a restore from the list (the CLI wrote beside the window in
// between), and a damaged file that the window names and restores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, writeFileSync, rmSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session, useDriver, cliBinary } from './webdriver.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-backup-'));
const db = path.join(work, 'office.sqlite');
const backups = path.join(work, 'backups');
useDriver();

async function total(s) {
  const r = await s.invoke('distributor_list', {
    req: { search: '', tier: null, status: null, province: null, sort: 'code', descending: false, offset: 0, limit: 1 },
  });
  assert.ok(r.ok, JSON.stringify(r.err));
  return r.ok.total;
}

function listedRows(s) {
  return s.exec(`return document.querySelectorAll('#backup-list tbody tr[data-row-key]').length`);
}

test('backups are made, listed and restored; a damaged file is named and brought back', async () => {
  execFileSync(cliBinary, ['--db', db, '--operator', 'setup', 'demo-data', '--distributors', '6']);
  let s = await Session.open(['--db', db]);
  try {
    await s.enterOperator('李娜');
    await s.click('.ant-segmented-item:has(#lang-zh)');

    // The first start of the day backed the data up.
    await s.navigate('#nav-backup', '#backup-card');
    await s.waitForText('最近一次自动备份');
    await s.waitFor(async () => (await listedRows(s)) === 1, 'the automatic backup listed');

    // Back up now: a second file, listed first (newest first).
    await s.click('#backup-now');
    await s.waitForText('已备份：dealerdesk-');
    await s.waitFor(async () => (await listedRows(s)) === 2, 'two backups listed');
    const files = readdirSync(backups).filter((f) => f.endsWith('.ddbak')).sort();
    assert.equal(files.length, 2);
    assert.ok(files.some((f) => f.endsWith('-auto.ddbak')) && files.some((f) => f.endsWith('-manual.ddbak')));
    await s.screenshot('40-backup-zh');

    // The CLI writes beside the open window: three more distributors.
    execFileSync(cliBinary, ['--db', db, '--operator', 'setup', 'demo-data', '--distributors', '3']);
    assert.equal(await total(s), 9);

    // Restore the manual backup from the list: checked, confirmed with what it holds.
    await s.click('#backup-list tbody tr[data-row-key]:first-child button');
    await s.waitForElement('#backup-restore-ok');
    await s.waitForText('经销商');
    await s.screenshot('41-restore-confirm-zh');
    await s.click('#backup-restore-ok');
    await s.waitForText('已恢复。被替换的数据保存在');
    await s.waitFor(async () => (await total(s)) === 6, 'the backup\u2019s six distributors');
    await s.waitFor(async () => (await listedRows(s)) === 3, 'the replaced data kept as a backup');

    await s.click('.ant-segmented-item:has(#lang-en)');
    await s.waitForText('Back up now');
    await s.screenshot('42-backup-en');
  } finally {
    await s.close();
  }

  // A failing disk scribbles over the file; its log goes with it.
  const bytes = readFileSync(db);
  bytes.fill(0x5a, 4096 * 3, 4096 * 5);
  writeFileSync(db, bytes);
  rmSync(`${db}-wal`, { force: true });
  rmSync(`${db}-shm`, { force: true });

  s = await Session.open(['--db', db]);
  try {
    await s.click('.ant-segmented-item:has(#lang-zh)');
    await s.waitForElement('#db-problem', 30_000);
    await s.waitForText('已损坏');
    await s.screenshot('43-damaged-zh');
    await s.click('#problem-restore');
    await s.click('#backup-restore-ok');
    await s.waitFor(async () => (await s.exec(`return !document.getElementById('db-problem')`)), 'the warning gone', 30_000);
    assert.equal(await total(s), 6);
    await s.click('.ant-segmented-item:has(#lang-en)');
    await s.navigate('#nav-backup', '#backup-card');
    await s.waitForText('Before a restore');
    await s.screenshot('44-restored-en');
    await s.waitFor(async () => (await s.exec(`return document.querySelectorAll('.ant-message-notice').length`)) === 0, 'messages gone', 20_000);
    await s.screenshot('45-backups-en');
  } finally {
    await s.close();
  }
});
