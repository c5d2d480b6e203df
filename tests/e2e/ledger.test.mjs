// The finance clerk's month end through the real window: company profile,
// ledger import, the statement on screen, the PDF on disk.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, existsSync, writeFileSync, copyFileSync, mkdirSync, readdirSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session, useDriver, cliBinary, artifacts } from './webdriver.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-ledger-'));
const db = path.join(work, 'ledger.sqlite');
useDriver();

// The path fields are typed: WebDriver cannot drive the system's file dialogs.
async function importFile(s, file) {
  await s.click('#ledger-import');
  await s.type('#ledger_import_path', file);
  await s.click('#ledger-import-confirm');
}

async function savePdf(s, file) {
  await s.click('#statement-save-pdf');
  await s.waitFor(async () => (await s.exec(`return document.getElementById('statement_pdf_path')?.value`)) !== '', 'a suggested path');
  await s.type('#statement_pdf_path', file);
  await s.click('#statement-pdf-save');
}

function ledgerRows(s) {
  return s.exec(`return document.querySelectorAll('#ledger-table tbody tr[data-row-key]').length`);
}

test('a ledger file is imported, the statement shown, and its PDF saved with the right text', async () => {
  // Three active distributors, no ledger yet (set-up through the CLI, which shares the core).
  execFileSync(cliBinary, ['--db', db, '--operator', 'setup', 'demo-data', '--distributors', '4']);
  const sheet = path.join(work, '往来账-2026Q1.csv');
  writeFileSync(
    sheet,
    [
      '经销商编号,日期,单据号,类型,金额,摘要,发票号,到期日',
      'DS00004,2025-12-31,OB-2026,期初余额,1000.00,上年结转,,',
      'DS00004,2026-01-05,INV-202601-0001,销售发票,16409.02,销售出库 电饭煲 MB-40 120 台,04451234,',
      'DS00004,2026-02-10,PAY-202602-0001,回款,1000.00,银行转账回款,,',
      'DS00004,2026-03-02,CN-202603-0001,退货折让,0.00,,,',
    ].join('\n'),
  );
  const s = await Session.open(['--db', db]);
  try {
    // The window runs under a strict content security policy: no string is evaluated as code,
    // and nothing loads from another origin.
    const probe = await s.exec(`
      let evaluated;
      try { evaluated = new Function('return 1')() === 1 ? 'evaluated' : '?'; } catch (e) { evaluated = e.name; }
      return { evaluated, scripts: [...document.scripts].map((x) => x.src).filter((u) => u && !u.startsWith(location.origin)) };
    `);
    assert.equal(probe.evaluated, 'EvalError', 'eval is refused');
    assert.deepEqual(probe.scripts, [], 'every script comes from the app');
    await s.enterOperator('李娜');
    await s.click('.ant-segmented-item:has(#lang-zh)');

    // Company profile for the statement header.
    await s.click('#nav-settings');
    await s.click('#settings-tab-documents');
    await s.type('#company_name', '宁波东海电器制造有限公司');
    await s.type('#company_address', '浙江省宁波市北仑区大港路 99 号');
    await s.type('#company_phone', '0574-86881234');
    await s.click('#statement-settings-save');
    await s.waitFor(async () => {
      const saved = await s.invoke('statement_settings_get', {});
      return saved.ok && saved.ok.company.name === '宁波东海电器制造有限公司';
    }, 'company profile saved');

    // The distributor's ledger tab.
    const detail = await s.invoke('distributor_list', {
      req: { search: 'DS00004', tier: null, status: null, province: null, sort: 'code', descending: false, offset: 0, limit: 5 },
    });
    const dist = detail.ok.rows[0];
    assert.equal(dist.status, 'active');
    await s.exec(`window.location.hash = '#/distributors/' + arguments[0]`, [dist.id]);
    await s.click('#distributor-tabs-tab-ledger');

    // A bad file (a zero amount on row 5) is refused as a whole and says where.
    await importFile(s, sheet);
    await s.waitForElement('#ledger-import-errors');
    const report = await s.text('#ledger-import-errors');
    assert.match(report, /5/);
    assert.match(report, /金额/);
    await s.screenshot('20-ledger-import-rejected-zh');
    await s.click('#ledger-import-errors-close');
    assert.equal(await ledgerRows(s), 0, 'nothing written');

    // Fixed file: three entries; importing it again adds nothing.
    writeFileSync(sheet, [
      '经销商编号,日期,单据号,类型,金额,摘要,发票号,到期日',
      'DS00004,2025-12-31,OB-2026,期初余额,1000.00,上年结转,,',
      'DS00004,2026-01-05,INV-202601-0001,销售发票,16409.02,销售出库 电饭煲 MB-40 120 台,04451234,',
      'DS00004,2026-02-10,PAY-202602-0001,回款,1000.00,银行转账回款,,',
    ].join('\n'));
    await importFile(s, sheet);
    await s.waitFor(async () => (await ledgerRows(s)) === 3, 'three ledger rows');
    await importFile(s, sheet);
    await s.waitForText('新增 0 笔，3 笔已入账');
    assert.equal(await ledgerRows(s), 3, 'a second import adds nothing');
    await s.waitForText('16,409.02');
    await s.screenshot('21-ledger-zh');

    // The statement for Q1 on screen: closing balance and its words.
    await s.click('#distributor-tabs-tab-statement');
    await s.type('#statement_from', '2026-01-01');
    await s.type('#statement_to', '2026-03-31');
    await s.click('#statement-show');
    await s.waitFor(async () => /16,409\.02/.test(await s.text('#statement-closing')), 'closing balance');
    assert.equal(await s.text('#statement-words'), '人民币壹万陆仟肆佰零玖元零贰分');
    await s.screenshot('22-statement-zh');

    // Save the PDF and read it back with a real PDF reader.
    const pdf = path.join(work, 'DS00004-2026Q1.pdf');
    await savePdf(s, pdf);
    await s.waitFor(() => existsSync(pdf), 'the PDF on disk', 20_000);
    const text = execFileSync('pdftotext', [pdf, '-']).toString();
    assert.ok(text.includes(dist.name), `distributor name ${dist.name} in the PDF`);
    assert.ok(text.includes('16,409.02'), 'closing balance in the PDF');
    assert.ok(text.includes('人民币壹万陆仟肆佰零玖元零贰分'), '大写 in the PDF');
    assert.ok(text.includes('宁波东海电器制造有限公司'), 'company profile in the header');
    assert.ok(text.includes('对账确认回执'), 'confirmation slip');
    execFileSync('qpdf', ['--check', pdf]);
    mkdirSync(artifacts, { recursive: true });
    copyFileSync(pdf, path.join(artifacts, '23-statement-zh.pdf'));

    // English PDF of the same statement.
    await s.click('.ant-segmented-item:has(#statement-lang-en)');
    const pdfEn = path.join(work, 'DS00004-2026Q1-en.pdf');
    await savePdf(s, pdfEn);
    await s.waitFor(() => existsSync(pdfEn), 'the English PDF on disk', 20_000);
    const en = execFileSync('pdftotext', [pdfEn, '-']).toString();
    assert.ok(en.includes('Statement of Account') && en.includes('16,409.02') && en.includes(dist.name));

    await s.click('.ant-segmented-item:has(#lang-en)');
    await s.waitFor(async () => (await s.text('#distributor-tabs-tab-statement')) === 'Statement', 'English labels');
    await s.waitForText('Closing balance');
    await s.screenshot('24-statement-en');

    // The batch: every active distributor's statement into one folder, plus one merged PDF.
    await s.exec(`window.location.hash = '#/distributors'`);
    await s.click('#statements-batch');
    await s.type('#batch_from', '2026-01-01');
    await s.type('#batch_to', '2026-03-31');
    const outDir = path.join(work, '对账单 2026Q1');
    await s.type('#batch_out_dir', outDir);
    await s.click('.ant-checkbox-wrapper:has(#batch_merged)');
    await s.click('#batch-start');
    await s.waitForElement('#batch-done', 60_000);
    await s.screenshot('25-batch-done-en');
    const written = readdirSync(outDir).sort();
    const active = (await s.invoke('distributor_list', {
      req: { search: '', tier: null, status: 'active', province: null, sort: 'code', descending: false, offset: 0, limit: 50 },
    })).ok.rows.map((d) => `${d.code}.pdf`);
    assert.ok(active.length >= 2);
    assert.deepEqual(written.filter((f) => f.startsWith('DS')), active.sort(), 'one PDF per active distributor');
    assert.ok(written.some((f) => f.startsWith('statements-')), 'the merged PDF');
    assert.ok(!written.some((f) => f.endsWith('.part')), 'no half-written file');
    const merged = execFileSync('pdftotext', [path.join(outDir, written.find((f) => f.startsWith('statements-'))), '-']).toString();
    assert.ok(merged.includes(dist.name));
    await s.click('#batch-close');
  } catch (e) {
    await s.screenshot('ledger-failure').catch(() => {});
    throw e;
  } finally {
    await s.close();
  }
});
