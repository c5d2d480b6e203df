// The channel manager's job through the real window: an applicant is taken
// through onboarding to an active distributor with a signed agreement, and the
// agreement is printed; the PDF is read back with real PDF tools.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync, writeFileSync, copyFileSync, mkdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session, useDriver, artifacts } from './webdriver.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-agreements-'));
const db = path.join(work, 'agreements.sqlite');
// The office's date for this journey (`--today`): late in the agreement's term, so its end is reminded.
const TODAY = '2026-12-10';
useDriver();

async function pickOption(s, selectCss, optionCss) {
  await s.click(selectCss);
  await s.click(`.ant-select-dropdown:not(.ant-select-dropdown-hidden) ${optionCss}`);
  await s.waitFor(
    () => s.exec(`return !document.querySelector('.ant-select-dropdown:not(.ant-select-dropdown-hidden)')`),
    'the drop-down to close',
  );
}

async function checklist(s, id) {
  const r = await s.invoke('onboarding_get', { req: id });
  assert.ok(r.ok, JSON.stringify(r.err));
  return Object.fromEntries(r.ok.steps.map((st) => [st.key, st]));
}

test('an applicant is onboarded to active with a signed agreement, which prints with the 大写 credit limit', async () => {
  const scan = path.join(work, '经销协议-签署扫描.pdf');
  writeFileSync(scan, '%PDF-1.4 signed scan');
  const s = await Session.open(['--db', db, '--today', TODAY]);
  try {
    await s.enterOperator('王磊');
    await s.click('.ant-segmented-item:has(#lang-zh)');

    // The manufacturer's own particulars head the agreement.
    await s.click('#nav-settings');
    await s.click('#settings-tab-documents');
    await s.type('#company_name', '宁波东海电器制造有限公司');
    await s.type('#company_address', '浙江省宁波市北仑区大港路 99 号');
    await s.click('#statement-settings-save');
    await s.waitFor(async () => {
      const saved = await s.invoke('statement_settings_get', {});
      return saved.ok && saved.ok.company.name === '宁波东海电器制造有限公司';
    }, 'company profile saved');

    // The applicant's record (the record form has its own journey).
    const created = await s.invoke('distributor_create', {
      req: {
        name: '杭州恒通贸易有限公司',
        uscc: '91110000802100433B',
        legal_representative: '周建国',
        contact_name: '陈静',
        contact_phone: '13912345678',
        province: '浙江省',
        city: '杭州市',
        address: '西湖区文三路 100 号',
        payment_terms_days: 30,
        credit_limit: '200000.00',
      },
    });
    assert.ok(created.ok, JSON.stringify(created.err));
    const id = created.ok.id;
    await s.exec(`window.location.hash = '#/distributors/' + arguments[0]`, [id]);
    await s.waitFor(async () => /申请中/.test(await s.text('#distributor-status')), 'an applicant');

    // Onboarding starts; the application is ticked by the system, two steps by hand.
    await s.click('#distributor-tabs-tab-onboarding');
    await s.click('#onboarding-start');
    await s.waitForElement('#onboarding-steps .onboarding-step-documents');
    assert.ok(await s.exec(`return !!document.querySelector('.onboarding-step-application .onboarding-auto-tag')`), 'application ticked by itself');
    await s.click('#step-documents-done');
    await s.waitFor(async () => (await checklist(s, id)).documents.done_date !== null, 'documents done');
    await s.click('#step-site_visit-done');
    await s.waitFor(async () => /3\s*\/\s*7/.test(await s.text('#onboarding-progress')), 'three of seven steps done');
    await s.screenshot('40-onboarding-started-zh');

    // Review, then the admission assessment approves: that step ticks itself.
    await s.click('#transition-under_review');
    await s.click('#transition-confirm');
    await s.waitFor(async () => /审核中/.test(await s.text('#distributor-status')), 'under review');
    await s.click('#distributor-tabs-tab-assessments');
    await s.click('#assessment-new');
    for (const [key, score] of Object.entries({ capital: 80, warehousing: 80, transport: 70, coverage: 80, sales_team: 70, reputation: 90 })) {
      await s.type(`#assessment_scores_${key}`, String(score));
    }
    await s.click('label.ant-radio-button-wrapper:has(input[value="approve"])');
    await s.click('#assessment-save');
    await s.waitFor(async () => /已批准/.test(await s.text('#distributor-status')), 'approved');
    assert.ok((await checklist(s, id)).admission.auto_done, 'admission ticked by the assessment');

    // The agreement: a bad term is refused next to the field, then saved as a draft.
    await s.click('#distributor-tabs-tab-agreements');
    await s.click('#distributor-agreement-new');
    await s.type('#territory-0-province', '浙江省');
    await s.type('#territory-0-city', '杭州市');
    await s.click('#agreement_exclusive');
    await s.type('#agreement_term_start', '2026-01-01');
    await s.type('#agreement_term_end', '2025-12-31');
    await pickOption(s, '#agreement_payment_method', '.payment-method-bank_transfer');
    await s.type('#agreement_credit_limit', '300000.00');
    await s.type('#agreement_discount_pct', '12.5');
    await s.type('#agreement_buyback_pct', '80');
    await s.click('#agreement-save');
    await s.waitForText('结束日期须晚于开始日期');
    await s.screenshot('41-agreement-term-error-zh');
    await s.type('#agreement_term_end', '2026-12-31');
    await pickOption(s, '#target-generate-kind', '.target-kind-quarterly');
    await s.click('#target-generate');
    for (let i = 0; i < 4; i++) await s.type(`#target-${i}-amount`, '100000.00');
    await s.click('#agreement-save');
    await s.waitFor(async () => /草稿/.test(await s.text('#agreement-status')), 'a draft');
    await s.waitForText('HT-');
    await s.screenshot('42-agreement-draft-zh');

    // Out for signature, then signed with the scan: the distributor becomes active on the agreement's terms.
    await s.click('#agreement-submit');
    await s.waitFor(async () => /待签署/.test(await s.text('#agreement-status')), 'awaiting signature');
    await s.click('#agreement-sign');
    await s.type('#sign_scan_path', scan);
    await s.click('#sign-ok');
    await s.waitFor(async () => /生效中/.test(await s.text('#agreement-status')), 'active (the term has started)');
    await s.waitFor(() => s.exec(`return !document.querySelector('#agreement-sign-modal .ant-modal')`), 'the signing dialog closed');
    await s.waitFor(() => s.exec(`return !document.querySelector('.ant-message-notice')`), 'the messages gone');
    await s.screenshot('43-agreement-signed-zh');
    const d = await s.invoke('distributor_get', { req: id });
    assert.equal(d.ok.distributor.status, 'active');
    assert.equal(d.ok.distributor.credit_limit, '300000.00');
    assert.equal(d.ok.distributor.payment_terms_days, 30);
    const steps = await checklist(s, id);
    assert.ok(steps.agreement.auto_done, 'agreement step ticked by the signature');
    const list = await s.invoke('agreement_list', {
      req: { distributor_id: id, status: null, text: '', all_versions: true, offset: 0, limit: 50 },
    });
    assert.equal(list.ok.total, 1);
    const ag = list.ok.rows[0];
    assert.equal(ag.scan_name.endsWith('经销协议-签署扫描.pdf'), true);

    // Print it and read it back.
    const pdf = path.join(work, `${ag.number}.pdf`);
    await s.click('#agreement-save-pdf');
    await s.waitFor(async () => (await s.exec(`return document.getElementById('agreement-pdf-path')?.value`)) !== '', 'a suggested path');
    await s.type('#agreement-pdf-path', pdf);
    await s.click('#agreement-pdf-ok');
    await s.waitFor(() => existsSync(pdf), 'the PDF on disk', 20_000);
    execFileSync('qpdf', ['--check', pdf]);
    const fonts = execFileSync('pdffonts', [pdf]).toString();
    assert.match(fonts, /NotoSansHans/);
    const text = execFileSync('pdftotext', [pdf, '-']).toString().replace(/\s+/g, '');
    assert.ok(text.includes('杭州恒通贸易有限公司'), 'the distributor’s Chinese name');
    assert.ok(text.includes('人民币叁拾万元整'), 'the credit limit in Chinese capitals');
    assert.ok(text.includes(ag.number), 'the agreement number');
    assert.ok(text.includes('宁波东海电器制造有限公司'), 'the manufacturer');
    mkdirSync(artifacts, { recursive: true });
    copyFileSync(pdf, path.join(artifacts, '44-agreement-zh.pdf'));

    // The app runs on --today 2026-12-10: the term ends on 2026-12-31, in 21 days, inside the 30-day window.
    assert.equal(ag.signed_date, TODAY, 'signed on the office’s day');
    await s.click('#nav-reminders');
    await s.waitForElement('#reminders-table');
    const reminders = await s.invoke('reminders_list', {});
    const ending = reminders.ok.items.find((r) => r.kind === 'agreement_ending' && r.ref_id === ag.id);
    assert.ok(ending, 'the agreement ending in 21 days is reminded');
    assert.equal(ending.days, 21);
    assert.equal(ending.window, 30);
    await s.waitFor(
      () => s.exec(`return !!document.querySelector('.reminder-agreement_ending-' + arguments[0])`, [ag.id]),
      'the reminder on screen',
    );
    await s.screenshot('45-reminders-zh');

    // The pipeline shows the distributor at its next open step (training).
    await s.click('#nav-onboarding');
    await s.waitForElement('#pipeline-board');
    await s.waitForElement('.pipeline-column-training .pipeline-card-' + d.ok.distributor.code);
    await s.exec(`document.querySelector('.pipeline-column-training').scrollIntoView({ inline: 'center' })`);
    await s.screenshot('46-pipeline-zh');

    // The rebate run shows the agreement's quarter with no sales yet: nothing to post.
    await s.click('#nav-rebates');
    await s.type('#rebate-from', '2026-01-01');
    await s.type('#rebate-to', '2026-03-31');
    await s.click('#rebate-preview');
    await s.waitFor(async () => (await s.text('#rebate-table')).includes(ag.number), 'the agreement in the run');
    await s.screenshot('47-rebates-zh');
  } finally {
    await s.close();
  }
});
