// The quarterly review through the real window: the sample data's scorecards
// for a quarter, the same figures as the CLI prints, and a weight changed in
// Settings that moves the totals.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session, startDriver, stopDriver, cliBinary } from './webdriver.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-scorecards-'));
const db = path.join(work, 'office.sqlite');
let driver;

before(async () => {
  driver = await startDriver();
});

after(async () => {
  await stopDriver(driver);
});

function cliReview(quarter) {
  return JSON.parse(execFileSync(cliBinary, ['--db', db, 'scorecards', '--quarter', quarter, '--json']).toString());
}

test('a quarter is reviewed and a weight in Settings moves the totals', async () => {
  execFileSync(cliBinary, [
    '--db', db, '--operator', 'setup', 'demo-data', '--distributors', '24', '--entries-per-distributor', '40',
  ]);
  const expected = cliReview('2026Q1');
  const rated = expected.distributors.find((d) => d.total !== null && d.indicators.payment.applicable);
  assert.ok(rated, 'the sample data rates somebody on payment');

  const s = await Session.open(['--db', db, '--today', '2026-04-15']);
  try {
    await s.type('#operator-name-input', '李娜');
    await s.click('#operator-name-save');
    await s.click('.ant-segmented-item:has(#lang-zh)');
    await s.navigate('#nav-scorecards', '#scorecard-table');
    // The last ended quarter is shown first: 2026Q1 on 2026-04-15.
    await s.waitForText('2026-01-01 – 2026-03-31');
    const row = `#scorecard-table tr[data-row-key="${rated.distributor_id}"]`;
    await s.waitFor(async () => (await s.text(`${row} .score-total`)) === rated.total, 'the CLI\u2019s total on screen');
    assert.equal(await s.text(`${row} .score-payment`), rated.indicators.payment.score);
    await s.screenshot('50-scorecards-zh');

    // Payment counts twice as much as before: the totals follow.
    await s.navigate('#nav-settings', '#scorecard-settings-card');
    await s.type('#scorecard-weight-payment', '50');
    await s.click('#scorecard-settings-save');
    await s.waitForText('考核设置已保存');
    const after = cliReview('2026Q1').distributors.find((d) => d.distributor_id === rated.distributor_id);
    assert.equal(after.indicators.payment.weight, 50);
    await s.navigate('#nav-scorecards', '#scorecard-table');
    await s.waitFor(async () => (await s.text(`${row} .score-total`)) === after.total, 'the new total on screen');

    // The reviewer rates the distributor: the rating counts at once.
    await s.click(`${row} .score-rate`);
    await s.type('#rating_value', '95');
    await s.type('#rating_comment', '终端陈列规范，配合度高');
    await s.click('#rating-save');
    await s.waitForText('评价已保存');
    const rated2 = cliReview('2026Q1').distributors.find((d) => d.distributor_id === rated.distributor_id);
    assert.equal(rated2.rating, '95.00');
    assert.equal(rated2.comment, '终端陈列规范，配合度高');
    await s.waitFor(async () => (await s.text(`${row} .score-total`)) === rated2.total, 'the rated total on screen');

    // A violation in February, recorded on the distributor's page, takes 10 points off.
    await s.exec(`window.location.hash = '#/distributors/${rated.distributor_id}'`);
    await s.click('#distributor-tabs-tab-violations');
    await s.click('#violation-new');
    await s.type('#violation_occurred_on', '2026-02-15');
    await s.click('.ant-modal .ant-select');
    await s.click('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .violation-kind-option-cross_territory');
    await s.waitFor(
      () => s.exec(`return !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')`),
      'the drop-down to close',
    );
    await s.type('#violation_description', '温州市场发现窜货 120 箱');
    await s.click('#violation-save');
    await s.waitForText('违规已记录');
    await s.waitFor(async () => (await s.bodyText()).includes('温州市场发现窜货 120 箱'), 'the violation listed');
    await s.screenshot('52-violations-zh');
    const docked = cliReview('2026Q1').distributors.find((d) => d.distributor_id === rated.distributor_id);
    assert.equal(docked.deductions, '10.00');
    await s.navigate('#nav-scorecards', '#scorecard-table');
    await s.waitFor(async () => (await s.text(`${row} .score-total`)) === docked.total, 'the docked total on screen');
    assert.equal(await s.text(`${row} .score-deductions`), '−10.00');

    await s.click('.ant-segmented-item:has(#lang-en)');
    await s.waitForText('Quarterly review');
    await s.screenshot('51-scorecards-en');
  } finally {
    await s.close();
  }
});
