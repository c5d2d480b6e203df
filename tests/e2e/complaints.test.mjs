// The service clerk's loop through the real window: intake during a call,
// respond, wait on the distributor, resolve, verify — with the timeline and
// the working-time clocks checked at each step.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync, writeFileSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session, useDriver, cliBinary } from './webdriver.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-complaints-'));
const db = path.join(work, 'complaints.sqlite');
useDriver();

async function pickOption(s, selectCss, optionCss) {
  await s.click(selectCss);
  await s.click(optionCss);
  await s.waitFor(
    () => s.exec(`return !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')`),
    'the drop-down to close',
  );
}

function timelineCount(s) {
  return s.exec(`return document.querySelectorAll('#complaint-timeline .ant-timeline-item').length`);
}

/** Opens the move's dialog, fills what it needs, confirms, and waits for the new status. */
async function move(s, to, at, fill = async () => {}, expectStatus) {
  const before = await timelineCount(s);
  await s.click(`#complaint-to-${to}`);
  await s.type('#transition_at', at);
  await fill();
  await s.click('#transition-confirm');
  await s.waitFor(async () => (await timelineCount(s)) > before, `the ${to} entry in the timeline`);
  await s.waitFor(async () => (await s.text('#complaint-status')).includes(expectStatus), `status ${expectStatus}`);
}

test('a complaint goes round the loop; timeline and SLA state are right at each step', async () => {
  execFileSync(cliBinary, ['--db', db, '--operator', 'setup', 'demo-data', '--distributors', '4']);
  const s = await Session.open(['--db', db]);
  try {
    await s.enterOperator('张敏');
    await s.click('.ant-segmented-item:has(#lang-zh)');

    // Intake: a P2 quality complaint taken on the phone on Monday 2026-11-02 09:00.
    await s.click('#nav-complaints');
    await s.click('#complaint-new');
    await s.type('#complaint_distributor_id', 'DS00004');
    await s.click('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .distributor-option-DS00004');
    await s.click('#complaint_priority label.priority-p2');
    await pickOption(s, '#complaint_category', '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .category-option-quality');
    await s.type('#complaint_product', '电饭煲 MB-40');
    await s.type('#complaint_batch_no', 'B2611-017');
    await s.type('#complaint_description', '内胆涂层脱落，终端客户要求退换');
    await s.type('#complaint_received_at', '2026-11-02 09:00');
    await s.click('#complaint-save');
    await s.waitForElement('#complaint-status');
    assert.match(await s.text('#complaint-status'), /已受理/);
    // Nobody answered within 4 working hours: breached (and escalated).
    assert.match(await s.text('#sla-first-response-state'), /已超时/);
    assert.equal(await timelineCount(s), 1);
    await s.screenshot('30-complaint-received-zh');

    await move(s, 'classified', '2026-11-02 09:30', async () => {}, '已分类');
    await move(s, 'responded', '2026-11-02 10:00', () => s.type('#transition_note', '已电话回复，承诺今天内给方案'), '已响应');
    // Answered after one working hour: met.
    await s.waitFor(async () => /已达成/.test(await s.text('#sla-first-response-state')), 'first response met');

    // Waiting on the distributor: the resolution clock pauses with 2 working hours used.
    await move(s, 'waiting_on_distributor', '2026-11-02 11:00', () => s.type('#transition_note', '请经销商提供批次照片'), '等待经销商');
    const paused = await s.text('#sla-resolution-state');
    assert.match(paused, /已暂停/);
    assert.match(paused, /正常/);
    await s.screenshot('31-complaint-waiting-zh');

    // Back to where it came from, then resolved one working hour later (Tuesday 10:00).
    await move(s, 'responded', '2026-11-03 09:00', async () => {}, '已响应');
    await move(
      s,
      'resolved',
      '2026-11-03 10:00',
      async () => {
        await s.type('#transition_resolution', '更换同型号新品并补偿运费');
        await pickOption(s, '#transition_root_cause', '.ant-select-dropdown:not(.ant-select-dropdown-hidden) .root-cause-option-material');
        await s.type('#transition_root_cause_note', '涂层供应商批次问题');
      },
      '已解决',
    );
    // 2 h before the pause + 1 h after: well inside 24 working hours.
    await s.waitFor(async () => /已达成/.test(await s.text('#sla-resolution-state')), 'resolution met');

    await move(
      s,
      'verified',
      '2026-11-03 11:00',
      async () => {
        await s.type('#transition_confirmation', '经销商电话确认已收到换货');
        await s.click('#transition_satisfaction label.satisfaction-5');
      },
      '已确认',
    );
    // A photo from the distributor, copied into the data folder and listed on the timeline.
    const photo = path.join(work, '破损照片 1.jpg');
    writeFileSync(photo, 'jpeg bytes');
    await s.click('#complaint-attach');
    await s.type('#complaint_attach_path', photo);
    await s.click('#complaint-attach-confirm');
    await s.waitFor(async () => (await timelineCount(s)) === 8, 'the attachment on the timeline');
    const copies = readdirSync(path.join(work, 'attachments', 'complaints'), { recursive: true });
    assert.ok(copies.some((f) => String(f).endsWith('破损照片 1.jpg')), `copied: ${copies}`);

    const timeline = await s.text('#complaint-timeline');
    for (const word of ['已受理', '已分类', '已响应', '等待经销商', '已解决', '已确认', '请经销商提供批次照片', '更换同型号新品并补偿运费']) {
      assert.ok(timeline.includes(word), `timeline has ${word}`);
    }
    assert.ok(timeline.includes('破损照片 1.jpg'));
    assert.equal(await timelineCount(s), 8);
    await s.screenshot('32-complaint-verified-zh');

    // The knowledge base finds it by its resolution.
    await s.click('#nav-complaints');
    await s.click('#complaint-view-knowledge');
    await s.type('#complaint-search', '补偿运费');
    await s.waitFor(async () => (await s.exec(`return document.querySelectorAll('#complaint-table tbody tr[data-row-key]').length`)) === 1, 'one knowledge-base hit');
    // The search is applied after a pause in typing; let it land before leaving the page.
    await s.waitFor(() => s.exec(`return decodeURIComponent(location.hash).includes('补偿运费')`), 'the search applied');

    // The report for November, printed to PDF.
    await s.navigate('#nav-complaint-report', '#report_from');
    await s.type('#report_from', '2026-11-01');
    await s.type('#report_to', '2026-11-30');
    await s.click('#report-show');
    await s.waitFor(async () => (await s.text('#report-total')).trim() === '1', 'one complaint in the report');
    const pdf = path.join(work, 'report-2026-11.pdf');
    await s.click('#report-pdf');
    await s.type('#report_path', pdf);
    await s.click('#report-file-save');
    await s.waitFor(() => existsSync(pdf), 'the report PDF', 20_000);
    const text = execFileSync('pdftotext', [pdf, '-']).toString();
    assert.ok(text.includes('客诉分析报告') && text.includes('TS-2026-0001'), 'report PDF text');

    await s.click('.ant-segmented-item:has(#lang-en)');
    await s.navigate('#nav-complaints', '#complaint-table');
    await s.waitFor(async () => /Verified|Closed|Received/.test(await s.text('#complaint-table')), 'English statuses');
    await s.screenshot('33-complaints-en');
    assert.deepEqual(await s.layoutFaults(), [], 'the complaint list reads whole in English');
  } catch (e) {
    await s.screenshot('complaints-failure').catch(() => {});
    throw e;
  } finally {
    await s.close();
  }
});

test('the report page agrees with the CLI on sample data and draws its charts', async () => {
  const sample = path.join(work, 'sample.sqlite');
  // One office date for the sample, the CLI and the window (never the UTC date of the machine).
  const today = '2026-11-30';
  const from = '2026-10-21';
  execFileSync(cliBinary, ['--db', sample, '--operator', 'setup', '--today', today, 'demo-data', '--distributors', '30', '--complaints', '40']);
  const cli = JSON.parse(
    execFileSync(cliBinary, ['--db', sample, '--today', today, 'complaints', 'report', '--from', from, '--to', today, '--json']).toString(),
  );
  assert.equal(cli.total, 40);
  const s = await Session.open(['--db', sample, '--today', today]);
  try {
    await s.enterOperator('王芳');
    await s.click('.ant-segmented-item:has(#lang-zh)');
    await s.navigate('#nav-complaint-report', '#report_from');
    await s.type('#report_from', from);
    await s.type('#report_to', today);
    await s.click('#report-show');
    await s.waitFor(async () => (await s.text('#report-total')).trim() === String(cli.total), 'the CLI total');
    await s.waitFor(async () => (await s.exec(`return document.querySelectorAll('#chart-pareto svg path').length`)) > 5, 'the Pareto chart drawn');
    await s.screenshot('34-complaint-report-zh');
    await s.click('#nav-complaints');
    await s.click('#complaint-view-late');
    await s.waitFor(async () => (await s.exec(`return document.querySelectorAll('#complaint-table tbody tr[data-row-key]').length`)) > 0, 'late complaints listed');
    await s.screenshot('35-complaints-late-zh');
  } finally {
    await s.close();
  }
});
