// Receivables through the real window: the sample ledger's aging on a date,
// the same figures as the CLI prints, filtered to those over the limit, and a
// row that opens the distributor's statement. Then the finance clerk's round
// from the dashboard: the overdue tile, a collection call with a promise, a
// statement e-mailed to a real SMTP server (aiosmtpd) and disputed, both found
// in the reminders centre, one handled and one snoozed; and the dashboard's
// figures against the CLI's.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { execFileSync, spawn } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session, useDriver, cliBinary, freePort } from './webdriver.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-receivables-'));
const db = path.join(work, 'office.sqlite');
useDriver();

/** A free port on 127.0.0.1. */
/** The test SMTP server (aiosmtpd, as the core tests use it); stop() ends it. */
async function smtpServer(dir) {
  const port = await freePort();
  const script = path.join(import.meta.dirname, '..', '..', 'core', 'tests', 'support', 'smtp_server.py');
  const child = spawn('/usr/bin/python3', [script, String(port), dir], { stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.stdout.once('data', (d) => (String(d).includes('ready') ? resolve() : reject(new Error(String(d)))));
    child.once('exit', (code) => reject(new Error(`smtp server exited ${code}`)));
  });
  return { port, stop: () => child.stdin.end() };
}

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
    await s.enterOperator('李娜');
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

test('from the dashboard: a collection call with a promise, a statement e-mailed and disputed, each in the reminders', async () => {
  const db2 = path.join(work, 'collections.sqlite');
  execFileSync(cliBinary, [
    '--db', db2, '--operator', 'setup', 'demo-data', '--distributors', '12', '--entries-per-distributor', '30',
    '--no-reviews',
  ]);
  const cli = JSON.parse(
    execFileSync(cliBinary, ['--db', db2, 'receivables', '--as-of', '2026-10-31', '--json']).toString(),
  );
  const d = cli.distributors.find((x) => x.oldest_overdue_days !== null);
  assert.ok(d, 'the sample has an overdue balance');
  const mailbox = path.join(work, 'mailbox');
  const smtp = await smtpServer(mailbox);
  execFileSync(cliBinary, [
    '--db', db2, '--operator', 'setup', 'mail-settings', '--host', '127.0.0.1', '--port', String(smtp.port),
    '--security', 'none', '--sender', 'finance@maker.example.com', '--sender-name', '财务部',
  ]);

  const s = await Session.open(['--db', db2, '--today', '2026-10-31']);
  try {
    await s.enterOperator('李娜');
    await s.click('.ant-segmented-item:has(#lang-zh)');
    // The dashboard (the first page) shows the sample's overdue total; its tile opens the list.
    await s.waitForElement('#dashboard');
    await s.waitFor(async () => (await s.text('#tile-overdue')) === money(cli.totals.overdue), 'the overdue total');
    await s.click('#tile-overdue-link');
    await s.waitForElement(`#receivables-table tr[data-row-key="${d.distributor_id}"]`);

    // A call from the receivables row: a promise of 1,000.00 by 10-15, already past.
    await s.click(`#receivables-table tr[data-row-key="${d.distributor_id}"] .ar-call-${d.code}`);
    await s.type('#call_called_on', '2026-10-01');
    await s.type('#call_contact', '王经理');
    await s.type('#call_note', '答应 15 日前先付一千');
    await s.type('#call_promised_amount', '1000');
    await s.type('#call_promised_on', '2026-10-15');
    await s.click('#call-save');
    await s.waitFor(async () => !(await s.exec(`return !!document.querySelector('#call-modal .ant-modal')`)), 'the call saved');

    // The statement for October, e-mailed to the test server: a run that awaits an answer.
    await s.click(`#receivables-table tr[data-row-key="${d.distributor_id}"] .ar-open`);
    await s.type('#statement_from', '2026-10-01');
    await s.type('#statement_to', '2026-10-31');
    await s.click('#statement-email');
    await s.click('#send-start');
    await s.waitFor(async () => (await s.text('#send-summary')).includes('已发送 1 份对账单'), 'one statement sent');
    await s.screenshot('62-send-zh');
    await s.click('#send-close');
    await s.waitFor(async () => (await s.exec(`return document.querySelectorAll('#runs-table tbody tr.ant-table-row').length`)) === 1, 'the run listed');
    assert.match(await s.text('#runs-table tbody tr.ant-table-row'), /未回复/);
    assert.match(await s.text('#runs-table tbody tr.ant-table-row'), /邮件/);
    const sent = JSON.parse(readFileSync(path.join(mailbox, '1.json'), 'utf8'));
    assert.equal(sent.attachments[0].filename, `${d.code}-2026-10-01-2026-10-31.pdf`);
    assert.ok(sent.subject.includes('2026-10-01'));
    const text = execFileSync('pdftotext', [path.join(mailbox, sent.attachments[0].stored), '-']).toString();
    assert.ok(text.includes(d.name), 'the attached statement names the distributor');
    // Sending again asks first: nothing goes twice.
    await s.click('#statement-email');
    await s.click('#send-start');
    await s.waitFor(async () => (await s.text('#send-summary')).includes('跳过已发送 1 家'), 'skipped the second time');
    assert.equal(existsSync(path.join(mailbox, '2.json')), false);
    await s.click('#send-close');

    // Disputed: they claim 500.00 less.
    const closing = await s.exec(`return document.querySelector('#statement-closing').textContent`);
    await s.click('#runs-table tbody tr.ant-table-row button[class*="run-answer-"]');
    await s.click('.ant-segmented-item:has(#confirm-status-disputed)');
    await s.type('#confirm_confirmed_by', '王经理');
    const claimed = (Number(closing.replace(/,/g, '')) - 500).toFixed(2);
    await s.type('#confirm_claimed_balance', claimed);
    await s.waitFor(async () => (await s.text('#confirm-difference')).includes('500.00'), 'the difference shown');
    await s.type('#confirm_note', '10 月 28 日回款 500 元未入账');
    await s.screenshot('63-confirm-disputed-zh');
    await s.click('#confirm-save');
    await s.waitFor(async () => (await s.text('#runs-table tbody tr.ant-table-row')).includes('有异议'), 'disputed in the list');

    // The collections tab shows the promise broken.
    await s.clickText('#distributor-tabs .ant-tabs-tab', '催款');
    await s.waitFor(async () => (await s.exec(`return document.querySelectorAll('#calls-table .promise-broken').length`)) === 1, 'the broken promise');
    await s.screenshot('64-collections-zh');

    // The receivables show the answer; the confirmations tab counts it.
    await s.navigate('#nav-receivables', '#receivables-table');
    await s.waitFor(async () => (await s.text(`#receivables-table tr[data-row-key="${d.distributor_id}"] .ar-confirmation`)) === '有异议', 'the confirmation column');
    await s.clickText('#receivables-tabs .ant-tabs-tab', '对账确认');
    await s.type('#confirmations-from', '2026-10-01');
    await s.type('#confirmations-to', '2026-10-31');
    await s.click('#confirmations-show');
    await s.waitFor(async () => (await s.text('.confirm-total-disputed')).includes('1'), 'one disputed');
    await s.screenshot('65-confirmations-zh');

    // Both are in the reminders centre: the broken promise and the dispute.
    await s.navigate('#nav-reminders', '#reminders-table');
    const tagged = (kind) =>
      s.exec(`return document.querySelectorAll('#reminders-table .reminder-kind-tag[data-kind="${kind}"]').length`);
    await s.waitFor(async () => (await tagged('promise_broken')) === 1, 'the promise reminder');
    assert.equal(await tagged('statement_disputed'), 1);
    const count = () => s.exec(`return Number(document.querySelector('#reminders-count').dataset.count)`);
    const before = await count();
    assert.equal(
      await s.exec(`return Number(document.querySelector('#nav-reminders-count')?.dataset.count ?? 0)`),
      before,
      'the menu shows the open count',
    );
    // Handled, with a note: it leaves the open list and shows under "handled".
    await s.click('#reminders-table [class*="reminder-handle-promise_broken-"]');
    await s.type('#reminder_note', '再次致电，改约 11 月 10 日');
    await s.click('#reminder-decide-save');
    await s.waitFor(async () => (await tagged('promise_broken')) === 0, 'handled, out of the open list');
    assert.equal(await count(), before - 1);
    await s.click('.ant-segmented-item:has(#reminders-view-handled)');
    await s.waitFor(async () => (await tagged('promise_broken')) === 1, 'under handled');
    assert.match(await s.text('#reminders-table .reminder-decision'), /改约 11 月 10 日/);
    await s.click('.ant-segmented-item:has(#reminders-view-open)');
    // The dispute, snoozed to a day after today.
    await s.click('#reminders-table [class*="reminder-snooze-statement_disputed-"]');
    await s.type('#reminder_until', '2026-11-05');
    await s.click('#reminder-decide-save');
    await s.waitFor(async () => (await tagged('statement_disputed')) === 0, 'snoozed');
    assert.equal(await count(), before - 2);
    await s.screenshot('66-reminders-zh');
    await s.click('.ant-segmented-item:has(#lang-en)');
    await s.waitForText('Past due');
    await s.screenshot('67-reminders-en');
    assert.deepEqual(await s.layoutFaults(), [], 'the reminders read whole in English');
  } finally {
    await s.close();
    smtp.stop();
  }
});

test('the dashboard shows the sample figures and its overdue tile opens the receivables', async () => {
  const db3 = path.join(work, 'dashboard.sqlite');
  execFileSync(cliBinary, [
    '--db', db3, '--operator', 'setup', '--today', '2026-10-20', 'demo-data', '--distributors', '30',
    '--entries-per-distributor', '40',
  ]);
  const cli = JSON.parse(
    execFileSync(cliBinary, ['--db', db3, 'receivables', '--as-of', '2026-10-20', '--json']).toString(),
  );
  const overdue = cli.distributors.filter((d) => d.oldest_overdue_days !== null);
  const over = cli.distributors.filter((d) => d.over_limit);

  const s = await Session.open(['--db', db3, '--today', '2026-10-20']);
  try {
    await s.enterOperator('老板');
    await s.click('.ant-segmented-item:has(#lang-zh)');
    await s.navigate('#nav-dashboard', '#dashboard');
    await s.waitFor(async () => (await s.text('#tile-overdue')) === money(cli.totals.overdue), 'the overdue total');
    assert.equal(await s.text('#tile-receivables'), money(cli.totals.closing_balance));
    assert.equal(Number(await s.text('#tile-over-limit')), over.length);
    await s.waitFor(
      async () => (await s.exec(`return document.querySelectorAll('#dashboard-monthly svg path').length`)) > 0,
      'the monthly chart drawn',
    );
    await s.screenshot('68-dashboard-zh');

    await s.click('#tile-overdue-link');
    await s.waitForElement('#receivables-table');
    await s.waitFor(
      async () =>
        (await s.exec(`return document.querySelectorAll('#receivables-table tbody tr.ant-table-row').length`)) ===
        Math.min(overdue.length, 50),
      'only the overdue distributors',
    );
    await s.click('.ant-segmented-item:has(#lang-en)');
    await s.navigate('#nav-dashboard', '#dashboard');
    await s.waitForText('Sales by month');
    await s.screenshot('69-dashboard-en');
    await s.exec(`document.querySelector('#dashboard-top').scrollIntoView()`);
    await s.screenshot('69b-dashboard-charts-en');
    // Every aging bucket is named on its axis, and the grade donut labels every grade.
    const chartTexts = (id) =>
      s.exec(`return [...document.querySelectorAll('#${id} svg text')].map((t) => t.textContent)`);
    const aging = (await chartTexts('dashboard-aging')).join('').replace(/\s+/g, '');
    for (const b of ['Notdue', '1-30days', '31-60days', '61-90days', '>90days']) {
      assert.ok(aging.includes(b), `aging label ${b}: ${aging}`);
    }
    const grades = (await chartTexts('dashboard-grades')).filter((x) => /^[A-D]: \d+$/.test(x));
    assert.ok(grades.length >= 2, `grade labels: ${grades}`);
  } finally {
    await s.close();
  }
});
