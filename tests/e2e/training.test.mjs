// The trainer's session through the real window: a course, a session of two
// people (a third is refused: the session is full), one pass and one fail,
// closing issues the certificate, which prints with the name and expiry date.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync, readdirSync, copyFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session, useDriver, artifacts } from './webdriver.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-training-'));
const db = path.join(work, 'training.sqlite');
useDriver();

async function pickOption(s, selectCss, optionCss) {
  await s.click(selectCss);
  await s.click(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) ${optionCss}`);
  await s.waitFor(
    () => s.exec(`return !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')`),
    'the drop-down to close',
  );
}

/** Waits until nothing on the page is loading, so a screenshot shows the data. */
async function settle(s) {
  await s.waitFor(
    () => s.exec(`return !document.querySelector('.ant-spin-spinning, .ant-skeleton-active')`),
    'the page to finish loading',
  );
  await new Promise((r) => setTimeout(r, 400));
}

// The office's date for this journey (`--today`), so it never depends on the real date.
const TODAY = '2026-06-15';
function today() {
  return TODAY;
}

async function ok(s, cmd, req) {
  const r = await s.invoke(cmd, req === undefined ? {} : { req });
  assert.ok(r.ok !== undefined, `${cmd}: ${JSON.stringify(r.err)}`);
  return r.ok;
}

test('a course and a session: two enrolled, one passes, the certificate prints with name and expiry', async () => {
  const s = await Session.open(['--db', db, '--today', TODAY]);
  try {
    await s.enterOperator('李娜');
    await s.click('.ant-segmented-item:has(#lang-zh)');

    // A distributor with three people (the records have their own journeys).
    const d = await ok(s, 'distributor_create', {
      name: '杭州恒通贸易有限公司',
      uscc: '91110000802100433B',
      contact_name: '陈静',
      contact_phone: '13912345678',
      province: '浙江省',
      city: '杭州市',
    });
    const people = [];
    for (const [name, role, phone] of [['陈静', '销售经理', '13912345678'], ['刘洋', '仓库主管', '13812345679'], ['赵敏', '财务', '13712345670']]) {
      const c = await ok(s, 'contact_save', { distributor_id: d.id, id: null, input: { name, role, phone, email: '', wechat: '' } });
      people.push(c.id);
    }

    // The course.
    await s.click('#nav-training');
    await s.click('#training-tabs-tab-courses');
    await s.click('#course-new');
    await s.type('#course_code', 'PK-101');
    await s.type('#course_title_zh', '产品知识基础');
    await s.type('#course_title_en', 'Product basics');
    await pickOption(s, '#course_category', '.course-category-product');
    await s.type('#course_duration_hours', '4');
    await s.type('#course_pass_mark', '60');
    await s.type('#course_validity_months', '12');
    await s.click('#course-save');
    await s.waitForElement('.course-row-PK-101');
    await s.screenshot('50-courses-zh');

    // The session, for two.
    await s.click('#training-tabs-tab-sessions');
    await s.click('#session-new');
    await pickOption(s, '#session_course_id', '.session-course-PK-101');
    await s.type('#session_date', today());
    await s.type('#session_start_time', '09:30');
    await s.type('#session_trainer', '李娜');
    await s.type('#session_place', '总部培训室 A');
    await s.type('#session_capacity', '2');
    await s.click('#session-save');
    await s.waitForElement('#session-status');

    // Enrol two; a third is refused because the session is full.
    const enrol = async (ids) => {
      await s.click('#session-enrol');
      await s.type('#enrol-distributor', d.code);
      await s.click(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) .distributor-option-${d.code}`);
      for (const id of ids) await s.click(`.enrol-person-${id}`);
      await s.click('#enrol-ok');
    };
    await enrol(people.slice(0, 2));
    await s.waitFor(async () => /2\s*\/\s*2/.test(await s.text('#session-capacity')), 'two of two places taken');
    // Full: the window offers no more places, and the server refuses a third person too.
    assert.equal(await s.exec(`return document.getElementById('session-enrol').disabled`), true);
    const sessionId = (await s.invoke('session_list', { req: { from: '', to: '', status: null, course_id: null } })).ok[0].id;
    const third = await s.invoke('session_enrol', { req: { session_id: sessionId, contact_ids: [people[2]] } });
    assert.equal(third.err?.kind, 'validation');
    assert.equal(third.err.fields[0].code, 'capacity_full');
    await s.screenshot('51-session-full-zh');

    // Held: one passes with 92, one fails with 45.
    await s.click('#session-to-held');
    await s.waitFor(async () => !/计划/.test(await s.text('#session-status')), 'held');
    const detail = (await s.invoke('session_list', { req: { from: '', to: '', status: null, course_id: null } })).ok[0];
    const full = await ok(s, 'session_get', detail.id);
    const byName = Object.fromEntries(full.attendees.map((a) => [a.name, a.enrolment_id]));
    await s.type(`#score-${byName['陈静']}`, '92');
    await s.type(`#score-${byName['刘洋']}`, '45');
    await s.click('#results-save');
    await s.waitFor(async () => {
      const r = await ok(s, 'session_get', detail.id);
      return r.attendees.every((a) => a.attended !== null);
    }, 'results saved');
    await s.waitForText('不合格');
    await s.screenshot('52-session-results-zh');

    // Closing issues one certificate.
    await s.click('#session-to-closed');
    await s.click('#session-move-ok');
    await s.waitForText('PX-');
    const page = await ok(s, 'certificate_list', {
      distributor_id: null,
      course_id: null,
      session_id: detail.id,
      state: null,
      text: '',
      offset: 0,
      limit: 50,
    });
    assert.equal(page.total, 1);
    const certs = page.rows;
    assert.equal(certs[0].person_name, '陈静');
    assert.equal(certs[0].expiry_date, '2027-06-15', 'valid for 12 months');
    await s.screenshot('53-session-closed-zh');

    // Print it into a folder and read it back.
    const dir = path.join(work, '证书');
    await s.click('#session-print-certificates');
    await s.type('#certificates-dir', dir);
    await s.click('#certificates-dir-ok');
    const file = path.join(dir, `${certs[0].number}.pdf`);
    await s.waitFor(() => existsSync(file), 'the certificate PDF', 20_000);
    execFileSync('qpdf', ['--check', file]);
    const text = execFileSync('pdftotext', [file, '-']).toString().replace(/\s+/g, '');
    assert.ok(text.includes('陈静'), 'the person’s Chinese name');
    assert.ok(text.includes('2027-06-15'), 'the expiry date');
    assert.ok(text.includes('杭州恒通贸易有限公司'), 'the distributor');
    assert.deepEqual(readdirSync(dir).filter((f) => f.endsWith('.part')), []);
    mkdirSync(artifacts, { recursive: true });
    copyFileSync(file, path.join(artifacts, '54-certificate-zh.pdf'));

    // The certificate list and the distributor's training tab show it.
    await s.click('#nav-training');
    await s.click('#training-tabs-tab-certificates');
    await s.waitForElement(`.certificate-row-${certs[0].number}`);
    await settle(s);
    assert.match(await s.text('#certificate-table'), new RegExp(certs[0].number));
    await s.screenshot('55-certificates-zh');
    await s.exec(`window.location.hash = '#/distributors/' + arguments[0]`, [d.id]);
    await s.click('#distributor-tabs-tab-training');
    await s.waitForElement(`.training-person-${people[0]}`);
    await settle(s);
    assert.match(await s.text(`.training-person-${people[0]}`), new RegExp(certs[0].number));
    await s.screenshot('56-distributor-training-zh');
  } catch (e) {
    await s.screenshot('59-training-failure').catch(() => {});
    throw e;
  } finally {
    await s.close();
  }
});
