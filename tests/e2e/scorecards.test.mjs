// The quarterly review through the real window: the sample data's scorecards
// for a quarter, the same figures as the CLI prints, and a weight changed in
// Settings that moves the totals; then a quarter finalised, the warning it
// raises, an improvement plan and a tier recommendation applied.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session, useDriver, cliBinary } from './webdriver.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-scorecards-'));
const db = path.join(work, 'office.sqlite');
useDriver();

function cliReview(quarter, file = db) {
  return JSON.parse(execFileSync(cliBinary, ['--db', file, 'scorecards', '--quarter', quarter, '--json']).toString());
}

test('a quarter is reviewed and a weight in Settings moves the totals', async () => {
  execFileSync(cliBinary, [
    '--db', db, '--operator', 'setup', 'demo-data', '--distributors', '24', '--entries-per-distributor', '40',
    '--no-reviews',
  ]);
  const expected = cliReview('2026Q1');
  const rated = expected.distributors.find((d) => d.total !== null && d.indicators.payment.applicable);
  assert.ok(rated, 'the sample data rates somebody on payment');

  const s = await Session.open(['--db', db, '--today', '2026-04-15']);
  try {
    await s.enterOperator('李娜');
    await s.click('.ant-segmented-item:has(#lang-zh)');
    await s.navigate('#nav-scorecards', '#scorecard-table');
    // The last ended quarter is shown first: 2026Q1 on 2026-04-15.
    await s.waitForText('2026-01-01 – 2026-03-31');
    const row = `#scorecard-table tr[data-row-key="${rated.distributor_id}"]`;
    await s.waitFor(async () => (await s.text(`${row} .score-total`)) === rated.total, 'the CLI\u2019s total on screen');
    assert.equal(await s.text(`${row} .score-payment`), rated.indicators.payment.score);
    await s.screenshot('50-scorecards-zh');
    assert.deepEqual(await s.layoutFaults(), [], 'the review reads whole in Chinese');

    // Payment counts twice as much as before: the totals follow.
    await s.click('#nav-settings');
    await s.navigate('#settings-tab-reviews', '#scorecard-settings-card');
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
    assert.deepEqual(await s.layoutFaults(), [], 'the review reads whole in English');
  } finally {
    await s.close();
  }
});

test('a quarter is finalised, its warning gets a plan and a tier recommendation is applied', async () => {
  const office = path.join(work, 'reviews.sqlite');
  // The sample reviews as of mid-September: 2025Q3 to 2026Q2 finalised.
  execFileSync(cliBinary, [
    '--db', office, '--operator', 'setup', '--today', '2026-09-15', 'demo-data', '--distributors', '24',
    '--entries-per-distributor', '40',
  ]);
  const q2 = cliReview('2026Q2', office);
  assert.equal(q2.finalised, true);
  assert.ok(q2.distributors.some((d) => d.warning_level === 2), 'the sample data has a level-2 warning');
  const q3 = cliReview('2026Q3', office);
  assert.equal(q3.finalised, false);
  // A distributor fine in Q2 that will fall below the baseline in Q3.
  const fine = q2.distributors.find(
    (d) => d.total !== null && d.warning_level === null && q3.distributors.some((x) => x.distributor_id === d.distributor_id),
  );
  assert.ok(fine, 'somebody above the baseline in 2026Q2');
  const id = fine.distributor_id;

  const s = await Session.open(['--db', office, '--today', '2026-10-15']);
  const present = (css) => s.waitFor(() => s.exec(`return !!document.querySelector(${JSON.stringify(css)})`), css);
  try {
    await s.enterOperator('李娜');
    await s.click('.ant-segmented-item:has(#lang-zh)');

    // Serious cross-territory selling in August: 60 points off 2026Q3.
    await s.exec(`window.location.hash = '#/distributors/${id}'`);
    await s.click('#distributor-tabs-tab-violations');
    await s.click('#violation-new');
    await s.type('#violation_occurred_on', '2026-08-20');
    await s.click('.ant-modal .ant-select');
    await s.click('.ant-select-dropdown:not(.ant-select-dropdown-hidden) .violation-kind-option-cross_territory');
    await s.waitFor(
      () => s.exec(`return !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')`),
      'the drop-down to close',
    );
    await s.type('#violation_description', '跨省低价倾销 800 箱');
    await s.type('#violation_points', '60');
    await s.click('#violation-save');
    await s.waitForText('违规已记录');

    // The review of 2026Q3 (the last ended quarter on 2026-10-15): rate, then finalise.
    await s.navigate('#nav-scorecards', '#scorecard-table');
    await s.waitForText('2026-07-01 – 2026-09-30');
    await present('#scorecard-live');
    const row = `#scorecard-table tr[data-row-key="${id}"]`;
    // The last row of a long table, below the fold.
    await present(row);
    await s.click(`${row} .score-rate`);
    await s.type('#rating_value', '40');
    await s.type('#rating_comment', '窜货严重，需限期整改');
    await s.click('#rating-save');
    await s.waitForText('评价已保存');
    await s.click('#scorecard-finalise');
    await s.click('#finalise-confirm');
    await present('#scorecard-finalised');
    await s.waitFor(async () => (await s.text(`${row} .warning-level-1`)) === '一级预警', 'the level-1 warning');
    await s.exec(`document.querySelector('${row}').scrollIntoView({ block: 'center' })`);
    await s.screenshot('53-finalised-zh');
    const frozen = cliReview('2026Q3', office);
    assert.equal(frozen.finalised, true);
    const mine = frozen.distributors.find((d) => d.distributor_id === id);
    assert.equal(mine.warning_level, 1);
    assert.equal(mine.rating, '40.00');
    assert.equal(mine.deductions, '60.00');

    // The distributor's Performance tab: the warning asks for a plan.
    await s.exec(`window.location.hash = '#/distributors/${id}'`);
    await s.click('#distributor-tabs-tab-performance');
    await present('#performance-warning');
    await present('#performance-chart svg');
    await s.click('#performance-plan-new');
    await s.type('#plan_actions', '停止跨省发货；按限价表整改线上价格');
    await s.type('#plan_owner', '王经理');
    await s.type('#plan_due_on', '2026-11-30');
    await s.click('#plan-save');
    await s.waitForText('整改计划已保存');
    await s.waitFor(async () => (await s.text('#plan-table')).includes('王经理'), 'the plan listed');
    assert.equal(await s.text('#plan-table .ant-tag'), '进行中');
    await s.screenshot('54-performance-zh');

    // The annual tier review: apply one recommendation, read it back in the tier history.
    const review = JSON.parse(
      execFileSync(cliBinary, ['--db', office, 'tier-review', '--year', '2026', '--json']).toString(),
    );
    assert.deepEqual(review.quarters, ['2026Q1', '2026Q2', '2026Q3']);
    const move = review.distributors.find((r) => r.direction === 'promote' || r.direction === 'demote');
    assert.ok(move, 'the sample data recommends a change');
    await s.navigate('#nav-scorecards', '#scorecard-table');
    await s.click('#review-tabs-tab-tiers');
    await present('#tier-review-table');
    await s.waitFor(
      async () => (await s.text(`#tier-review-table tr[data-row-key="${move.distributor_id}"]`)).includes(move.annual_score),
      'the annual score on screen',
    );
    await s.screenshot('55-tier-review-zh');
    await s.click(`#tier-review-table tr[data-row-key="${move.distributor_id}"] .tier-apply-one`);
    await s.click('#tier-apply-confirm');
    await s.waitForText('已调整 1 家经销商的等级');
    await s.exec(`window.location.hash = '#/distributors/${move.distributor_id}'`);
    await s.click('#distributor-tabs-tab-history');
    await s.waitForText(`2026 年度定级：年度得分 ${move.annual_score}`);
    const after = JSON.parse(
      execFileSync(cliBinary, ['--db', office, 'tier-review', '--year', '2026', '--json']).toString(),
    );
    const row2 = after.distributors.find((r) => r.distributor_id === move.distributor_id);
    assert.equal(row2.current, move.recommended);
    assert.equal(row2.direction, 'keep');

    await s.click('.ant-segmented-item:has(#lang-en)');
    await s.exec(`window.location.hash = '#/distributors/${id}'`);
    await s.click('#distributor-tabs-tab-performance');
    await s.waitForText('Improvement plans');
    await s.screenshot('56-performance-en');
  } finally {
    await s.close();
  }
});
