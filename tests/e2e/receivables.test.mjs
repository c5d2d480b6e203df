// Receivables through the real window: the sample ledger's aging on a date,
// the same figures as the CLI prints, filtered to those over the limit, and a
// row that opens the distributor's statement.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session, startDriver, stopDriver, cliBinary } from './webdriver.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-receivables-'));
const db = path.join(work, 'office.sqlite');
let driver;

before(async () => {
  driver = await startDriver();
});

after(async () => {
  await stopDriver(driver);
});

/** `1234567.5` → `1,234,567.50`, as the window writes amounts. */
function money(s) {
  const [int, frac = ''] = s.replace('-', '').split('.');
  return `${s.startsWith('-') ? '-' : ''}${int.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}.${frac.padEnd(2, '0')}`;
}

test('the receivables on a date match the CLI, filter and open a statement', async () => {
  execFileSync(cliBinary, [
    '--db', db, '--operator', 'setup', 'demo-data', '--distributors', '30', '--entries-per-distributor', '40',
    '--no-reviews',
  ]);
  const cli = JSON.parse(
    execFileSync(cliBinary, ['--db', db, 'receivables', '--as-of', '2026-10-31', '--json']).toString(),
  );
  assert.ok(cli.distributors.length > 5);
  const over = cli.distributors.filter((d) => d.over_limit);

  const s = await Session.open(['--db', db, '--today', '2026-10-31']);
  try {
    await s.type('#operator-name-input', '李娜');
    await s.click('#operator-name-save');
    await s.click('.ant-segmented-item:has(#lang-zh)');
    await s.navigate('#nav-receivables', '#receivables-table');
    await s.waitFor(
      async () => (await s.text('#receivables-table .receivables-totals .ar-total-closing_balance')) === money(cli.totals.closing_balance),
      'the CLI\u2019s total balance on screen',
    );
    assert.equal(await s.text('#receivables-table .receivables-totals .ar-total-over_90'), money(cli.totals.over_90));
    const rows = () => s.exec(`return document.querySelectorAll('#receivables-table tbody tr.ant-table-row').length`);
    assert.equal(await rows(), Math.min(cli.distributors.length, 50));
    await s.screenshot('60-receivables-zh');

    await s.click('label:has(#receivables-over-limit)');
    await s.waitFor(async () => (await rows()) === over.length, 'only those over the limit');

    await s.click('label:has(#receivables-over-limit)');
    const first = cli.distributors[0];
    await s.waitFor(async () => (await rows()) === Math.min(cli.distributors.length, 50), 'every row again');
    await s.click(`#receivables-table tr[data-row-key="${first.distributor_id}"] .ar-open`);
    await s.waitFor(
      async () => (await s.exec(`return document.querySelector('#distributor-tabs .ant-tabs-tab-active')?.textContent ?? ''`)) === '对账单',
      'the statement tab',
    );

    await s.click('.ant-segmented-item:has(#lang-en)');
    await s.navigate('#nav-receivables', '#receivables-table');
    await s.waitForText('Oldest overdue (days)');
    await s.screenshot('61-receivables-en');
  } finally {
    await s.close();
  }
});
