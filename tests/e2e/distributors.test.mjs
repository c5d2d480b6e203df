// Journeys through the real DealerDesk window on a real database file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session, useDriver, cliBinary } from './webdriver.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-e2e-'));
const db = path.join(work, 'journey.sqlite');
useDriver();

/** The validation message shown under a form field, or ''. */
function fieldError(s, inputId) {
  return s.exec(
    `const el = document.getElementById(arguments[0]);
     const item = el && el.closest('.ant-form-item');
     const msg = item && item.querySelector('.ant-form-item-explain-error');
     return msg ? msg.innerText : '';`,
    [inputId],
  );
}

function tableRowCount(s) {
  return s.exec(`return document.querySelectorAll('#distributor-table tbody tr[data-row-key]').length`);
}

async function pickOption(s, selectCss, optionCss) {
  await s.click(selectCss);
  await s.click(optionCss);
  // Wait for the drop-down to close, so the next click lands where it is aimed.
  await s.waitFor(
    () => s.exec(`return !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')`),
    'the drop-down to close',
  );
}

test('a distributor is created, found, guarded by its lifecycle, bilingual, and still there after a relaunch', async () => {
  let s = await Session.open(['--db', db]);
  try {
    // First start on an empty database: the guide, closed at once; then the
    // operator's name is asked for before anything else, in a dialog drawn
    // whole at once (no fade that leaves only the dimmed mask).
    await s.click('#guide-close');
    await s.waitForElement('#operator-name-input');
    const shown = await s.exec(`const m = document.querySelector('.ant-modal');
      return [getComputedStyle(m).opacity, m.className, getComputedStyle(m.parentElement).opacity];`);
    assert.equal(shown[0], '1', 'the dialog is opaque as it appears');
    assert.equal(shown[2], '1', 'its wrapper is opaque as it appears');
    assert.doesNotMatch(shown[1], /zoom|fade|motion/, 'no opening animation');
    await s.screenshot('00-first-start');
    await s.enterOperator('周敏');
    await s.click('.ant-segmented-item:has(#lang-zh)');
    // The dashboard is the first page; the list is one click away.
    await s.waitForElement('#dashboard');
    await s.navigate('#nav-distributors', '#distributor-table');
    await s.waitForText('还没有经销商');
    await s.screenshot('01-empty-zh');

    // Create with a wrong check character: the USCC field says so, nothing is saved.
    await s.click('#distributor-new');
    await s.type('#distributor_name', '杭州恒通贸易有限公司');
    await s.type('#distributor_uscc', '91110000802100433C');
    await s.type('#distributor_contact_name', '陈静');
    await s.type('#distributor_contact_phone', '13912345678');
    await s.type('#distributor_province', '浙江省');
    await s.type('#distributor_credit_limit', '250000.50');
    await s.click('#distributor-save');
    const err = await s.waitFor(() => fieldError(s, 'distributor_uscc'), 'USCC field error');
    assert.match(err, /校验/, `USCC error should name the check character: ${err}`);
    assert.match(err, /B/);
    await s.screenshot('02-uscc-error-zh');
    assert.equal(await tableRowCount(s), 0);

    // Fix it: saved, listed, and search finds it.
    await s.type('#distributor_uscc', '91110000802100433B');
    await s.waitFor(async () => (await fieldError(s, 'distributor_uscc')) === '', 'USCC error cleared');
    await s.click('#distributor-save');
    await s.waitFor(async () => (await tableRowCount(s)) === 1, 'the new row in the list');
    await s.waitForText('杭州恒通贸易有限公司');
    await s.waitForText('250,000.50');
    await s.type('#distributor-search', '恒通');
    await s.waitFor(async () => (await tableRowCount(s)) === 1, 'search hit');
    await s.type('#distributor-search', '不存在的名字');
    await s.waitFor(async () => (await tableRowCount(s)) === 0, 'search miss');
    await s.type('#distributor-search', '433B');
    await s.waitFor(async () => (await tableRowCount(s)) === 1, 'search by USCC');
    await s.screenshot('03-list-zh');

    // Detail page; an illegal status change (applicant → active) is refused.
    await s.clickText('#distributor-table a', '杭州恒通贸易有限公司');
    await s.waitForElement('#distributor-status');
    assert.match(await s.text('#distributor-status'), /申请中/);

    // Two people at once: while this form is open, another user saves the
    // distributor. This save is refused, naming who and when, and the form
    // reloads their version; saved again from there, it goes ahead.
    const id = Number(await s.exec(`return location.hash.split('/').pop()`));
    await s.click('#distributor-edit');
    await s.waitForElement('#distributor_notes');
    const d = (await s.invoke('distributor_get', { req: id })).ok.distributor;
    const theirs = await s.invoke('distributor_update', {
      req: { id, input: { ...d, contact_name: '王磊' }, base: null },
    });
    assert.ok(theirs.ok, JSON.stringify(theirs.err));
    await s.type('#distributor_notes', '我的备注');
    await s.click('#distributor-save');
    await s.waitForElement('#conflict-reload');
    assert.match(await s.bodyText(), /修改了此记录/);
    await s.screenshot('03b-edit-conflict-zh');
    await s.click('#conflict-reload');
    await s.waitFor(
      async () => (await s.exec(`return document.querySelector('#distributor_contact_name').value`)) === '王磊',
      'their version reloaded into the form',
    );
    assert.equal(await s.exec(`return document.querySelector('#distributor_notes').value`), '');
    await s.type('#distributor_notes', '我的备注');
    await s.click('#distributor-save');
    await s.waitFor(async () => !(await s.exec(`return !!document.querySelector('#distributor_notes')`)), 'the form closed');
    const now = (await s.invoke('distributor_get', { req: id })).ok.distributor;
    assert.deepEqual([now.contact_name, now.notes], ['王磊', '我的备注']);
    await s.click('#status-select');
    await pickOption(s, '.ant-modal .ant-select', '.status-option-active');
    await s.waitFor(async () => /合作中/.test(await s.text('.ant-modal .ant-select')), 'target status chosen');
    // The refused move changes nothing, so pressing again if the first press was lost is safe.
    let refused = '';
    for (let attempt = 0; attempt < 3 && !refused; attempt++) {
      await s.click('#transition-confirm');
      refused = await s.text('#transition-error', 5000).catch(() => '');
    }
    assert.match(refused, /申请中/);
    assert.match(refused, /合作中/);
    await s.screenshot('04-illegal-transition-zh');
    await s.click('#transition-cancel');
    assert.match(await s.text('#distributor-status'), /申请中/);

    // A legal one goes through and shows in the history.
    await s.click('#transition-under_review');
    await s.click('#transition-confirm');
    await s.waitFor(async () => /审核中/.test(await s.text('#distributor-status')), 'status under review');
    await s.screenshot('05-detail-zh');

    // Attach a licence scan: the file is copied into the data folder and listed.
    const scan = path.join(work, '营业执照扫描.pdf');
    writeFileSync(scan, '%PDF-1.4 licence scan');
    await s.click('#distributor-tabs-tab-attachments');
    await s.click('#attachment-add');
    await s.type('#attachment_source_path', scan);
    await s.click('#attachment-save');
    await s.waitForText('营业执照扫描.pdf');
    assert.ok(existsSync(path.join(work, 'attachments')), 'copied beside the database');
    await s.screenshot('05b-attachments-zh');

    // Another person at the distributor: a finance contact.
    await s.click('#distributor-tabs-tab-profile');
    await s.click('#contact-add');
    await s.type('#contact_name', '赵敏');
    await s.type('#contact_role', '财务');
    await s.type('#contact_phone', '021-55556666');
    await s.click('#contact-save');
    await s.waitForText('021-55556666');

    // Admission assessment: weighted scores recommend a tier; approving moves the status.
    await s.click('#distributor-tabs-tab-assessments');
    await s.click('#assessment-new');
    const scores = { capital: 90, warehousing: 80, transport: 70, coverage: 90, sales_team: 80, reputation: 100 };
    for (const [key, score] of Object.entries(scores)) {
      await s.type(`#assessment_scores_${key}`, String(score));
    }
    await s.waitFor(async () => /85\.00/.test(await s.text('#assessment-live')), 'weighted total 85.00');
    assert.match(await s.text('#assessment-recommended'), /战略/);
    await s.click('label.ant-radio-button-wrapper:has(input[value="approve"])');
    await s.type('#assessment_site_visit_notes', '仓库 800㎡，自有货车 3 辆');
    await s.click('label.ant-checkbox-wrapper:has(#assessment_apply_tier)');
    await s.screenshot('05c-assessment-zh');
    await s.click('#assessment-save');
    await s.waitFor(async () => /已批准/.test(await s.text('#distributor-status')), 'approved by the assessment');
    await s.waitFor(async () => /战略/.test(await s.text('#distributor-tier')), 'tier set from the recommendation');

    // Switch language: English labels; back to Chinese.
    await s.click('.ant-segmented-item:has(#lang-en)');
    await s.waitFor(async () => /Approved/i.test(await s.text('#distributor-status')), 'English status');
    await s.waitForText('Distributors');
    await s.screenshot('06-detail-en');
    await s.click('#nav-distributors');
    await s.waitForElement('#distributor-table');
    await s.screenshot('07-list-en');
    await s.click('#nav-settings');
    await s.waitForElement('#settings-form');
    await s.screenshot('07b-settings-en');
    await s.click('.ant-segmented-item:has(#lang-zh)');
    await s.waitForText('经销商');
    await s.screenshot('07c-settings-zh');
  } catch (e) {
    await s.screenshot('failure-journey').catch(() => undefined);
    throw e;
  } finally {
    await s.close();
  }

  // Relaunch on the same file: the record and the language are still there.
  s = await Session.open(['--db', db]);
  try {
    await s.navigate('#nav-distributors', '#distributor-table');
    await s.waitFor(async () => (await tableRowCount(s)) === 1, 'row after relaunch');
    assert.match(await s.bodyText(), /杭州恒通贸易有限公司/);
    assert.match(await s.bodyText(), /经销商/);
  } finally {
    await s.close();
  }

  // The CLI reads the same database.
  const rows = JSON.parse(execFileSync(cliBinary, ['--db', db, 'distributors', 'list', '--json'], { encoding: 'utf8' }));
  assert.equal(rows.length, 1);
  assert.equal(rows[0].uscc, '91110000802100433B');
  assert.equal(rows[0].status, 'approved');
  assert.equal(rows[0].tier, 'strategic');
  assert.equal(rows[0].credit_limit, '250000.50');
});

test('benchmark: the list command round-trip through the window at 10,000 distributors', async () => {
  const bench = path.join(work, 'bench.sqlite');
  execFileSync(cliBinary, ['--db', bench, '--operator', 'bench', 'demo-data', '--distributors', '10000']);
  assert.ok(existsSync(bench));
  const s = await Session.open(['--db', bench]);
  try {
    await s.enterOperator('王芳');
    await s.navigate('#nav-distributors', '#distributor-table');
    await s.waitFor(async () => (await tableRowCount(s)) > 0, 'rows');
    const cases = [
      ['first page', { search: '', limit: 50 }],
      ['search "恒通"', { search: '恒通', limit: 50 }],
      ['search "1357"', { search: '1357', limit: 50 }],
      ['filter tier core, sort credit desc', { tier: 'core', sort: 'credit_limit', descending: true, limit: 50 }],
    ];
    for (const [name, partial] of cases) {
      const req = { search: '', tier: null, status: null, province: null, sort: 'code', descending: false, offset: 0, limit: 50, ...partial };
      const times = [];
      let total = 0;
      for (let i = 0; i < 30; i++) {
        const t0 = performance.now();
        const r = await s.invoke('distributor_list', { req });
        times.push(performance.now() - t0);
        assert.ok(r.ok, JSON.stringify(r.err));
        total = r.ok.total;
      }
      // The in-page time excludes WebDriver's own overhead.
      const inPage = await s.execAsync(
        `const done = arguments[arguments.length - 1];
         (async () => { const ts = [];
           for (let i = 0; i < 30; i++) { const t = performance.now();
             await window.__TAURI_INTERNALS__.invoke('distributor_list', { req: arguments[0] });
             ts.push(performance.now() - t); }
           ts.sort((a, b) => a - b); done(ts); })();`,
        [req],
      );
      times.sort((a, b) => a - b);
      assert.ok(total > 0);
      console.log(
        `BENCH ${name}: ${total} hits; invoke round-trip in page median ${inPage[15].toFixed(2)} ms, p95 ${inPage[28].toFixed(2)} ms; via WebDriver median ${times[15].toFixed(2)} ms`,
      );
    }
    await s.click('.ant-segmented-item:has(#lang-zh)');
    await s.waitForText('共 10000');
    await s.screenshot('08-list-10000-zh');
    await s.click('.ant-segmented-item:has(#lang-en)');
    await s.waitForText('Distributors');
    await s.screenshot('09-list-10000-en');
    assert.deepEqual(await s.layoutFaults(), [], 'the list and the menu read whole in English');
  } finally {
    await s.close();
  }
});
