// The first minute of a new office through the real window, on a fresh data
// folder: the guide asks for the language, the operator, the company (its
// USCC checked, a logo), where backups go (a folder that cannot be written
// is refused), then loads the sample data; a statement printed next shows
// the company and its logo in the header. The guide does not come back by
// itself, Help opens it and the About box.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session, useDriver, artifacts } from './webdriver.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-first-start-'));
const dataFolder = path.join(work, 'DealerDesk');
const db = path.join(dataFolder, 'dealerdesk.sqlite');
useDriver();

const COMPANY = '宁波东海电器制造有限公司';
// demo::uscc_for(900): a valid code; the same with its check character changed is not.
const USCC = '91110900MA0000009U';

function fieldError(s, inputId) {
  return s.exec(
    `const el = document.getElementById(arguments[0]);
     const item = el && el.closest('.ant-form-item');
     const msg = item && item.querySelector('.ant-form-item-explain-error');
     return msg ? msg.innerText : '';`,
    [inputId],
  );
}

async function step(s, name) {
  await s.waitFor(
    async () => (await s.exec(`return document.getElementById('first-start-guide')?.dataset.step`)) === name,
    `the guide's ${name} step`,
  );
}

test('a fresh data folder: the guide sets the company up and the first statement prints it', async () => {
  const logo = path.join(work, '标志.png');
  execFileSync('convert', ['-size', '600x200', 'xc:white', '-fill', '#c81e1e', '-draw', 'rectangle 0,0 300,200', logo]);
  const notAFolder = path.join(work, 'a-file');
  writeFileSync(notAFolder, 'x');
  const usb = path.join(work, 'U盘', 'DealerDesk 备份');

  let s = await Session.open(['--db', db, '--today', '2026-04-10']);
  try {
    await step(s, 'language');
    assert.ok(existsSync(db), 'the database is created in the data folder');
    // The window starts in the language last chosen on this PC; the guide's first question sets it.
    await s.click('#guide-lang-zh');
    await s.waitFor(async () => (await s.text('#guide-title')) === '设置 DealerDesk', 'the guide in Chinese');
    assert.equal(await s.exec(`return !!document.getElementById('operator-name-input')`), false, 'one question at a time');
    await s.screenshot('70-guide-language-zh');
    await s.click('#guide-lang-en');
    await s.waitFor(async () => (await s.text('#guide-title')) === 'Set up DealerDesk', 'the guide in English');
    await s.screenshot('71-guide-language-en');
    await s.click('#guide-lang-zh');
    await s.waitFor(async () => (await s.text('#guide-title')) === '设置 DealerDesk', 'back in Chinese');
    await s.click('#guide-next');

    await step(s, 'operator');
    await s.type('#guide-operator-input', '王芳');
    await s.click('#guide-next');

    await step(s, 'company');
    await s.type('#guide-company-name', COMPANY);
    await s.type('#guide-company-short_name', '东海电器');
    await s.type('#guide-company-address', '浙江省宁波市北仑区大港路 99 号');
    await s.type('#guide-company-phone', '0574-86881234');
    await s.type('#guide-company-tax_no', USCC.slice(0, 17) + 'X');
    await s.type('#guide-company-bank_name', '中国工商银行宁波北仑支行');
    await s.type('#guide-company-bank_account', '3901 1100 0920 0012 345');
    await s.click('#guide-next');
    await s.waitFor(async () => /校验/.test(await fieldError(s, 'guide-company-tax_no')), 'the USCC refused');
    await s.type('#guide-company-tax_no', USCC.toLowerCase());
    await s.type('#guide-logo-path', logo);
    await s.click('#guide-logo-use');
    await s.waitForElement('#guide-logo-preview img');
    await s.screenshot('72-guide-company-zh');
    await s.click('#guide-next');

    await step(s, 'backup');
    await s.click('#guide-backup-elsewhere');
    await s.type('#guide-backup-folder', path.join(notAFolder, 'backups'));
    await s.click('#guide-next');
    await s.waitFor(async () => /无法写入/.test(await fieldError(s, 'guide-backup-folder')), 'an unwritable folder refused');
    await s.type('#guide-backup-folder', usb);
    await s.screenshot('73-guide-backup-zh');
    await s.click('#guide-next');

    await step(s, 'start');
    await s.screenshot('74-guide-start-zh');
    await s.click('#guide-start-sample');
    await s.waitFor(async () => !(await s.exec(`return !!document.getElementById('first-start-guide')`)), 'the guide closed', 60_000);
    await s.waitForElement('#distributor-table .ant-table-row', 30_000);

    // What the guide saved, as the program reads it back.
    const company = await s.invoke('statement_settings_get');
    assert.equal(company.ok.company.name, COMPANY);
    assert.equal(company.ok.company.short_name, '东海电器');
    assert.equal(company.ok.company.tax_no, USCC, 'kept as printed, upper case');
    const settings = await s.invoke('settings_get');
    assert.equal(settings.ok.operator_name, '王芳');
    const backups = await s.invoke('backup_overview');
    assert.equal(backups.ok.settings.folder, usb);
    assert.ok(existsSync(usb), 'the backup folder was made');
    assert.deepEqual(readdirSync(usb), [], 'and nothing was left by its check');
    const logoInfo = await s.invoke('company_logo_get');
    assert.deepEqual([logoInfo.ok.width, logoInfo.ok.height], [600, 200]);
    assert.equal((await s.invoke('first_start_get')).ok.show, false);

    // The first statement prints the company and its logo in the header.
    const list = await s.invoke('distributor_list', {
      req: { search: '', tier: null, status: 'active', province: null, sort: 'code', descending: false, offset: 0, limit: 1 },
    });
    const dist = list.ok.rows[0];
    await s.exec(`window.location.hash = '#/distributors/' + arguments[0]`, [dist.id]);
    await s.click('#distributor-tabs-tab-statement');
    await s.type('#statement_from', '2026-01-01');
    await s.type('#statement_to', '2026-03-31');
    await s.click('#statement-show');
    await s.waitForElement('#statement-closing');
    const pdf = path.join(work, 'first-statement.pdf');
    await s.click('#statement-save-pdf');
    await s.waitFor(async () => (await s.exec(`return document.getElementById('statement_pdf_path')?.value`)) !== '', 'a suggested path');
    await s.type('#statement_pdf_path', pdf);
    await s.click('#statement-pdf-save');
    await s.waitFor(() => existsSync(pdf), 'the PDF on disk', 20_000);
    const text = execFileSync('pdftotext', [pdf, '-']).toString();
    assert.ok(text.includes(COMPANY), 'the company in the header');
    assert.ok(text.includes(USCC), 'its USCC in the header');
    assert.ok(text.includes(dist.name), 'the distributor');
    const images = execFileSync('pdfimages', ['-list', pdf]).toString().split('\n').slice(2).filter((l) => l.trim());
    assert.ok(images.some((l) => /\bimage\s+600\s+200\b/.test(l.replace(/^\s*\d+\s+\d+\s+/, ''))), `the logo in the PDF: ${images}`);
    mkdirSync(artifacts, { recursive: true });
    copyFileSync(pdf, path.join(artifacts, '75-first-statement-zh.pdf'));
    execFileSync('pdftoppm', ['-png', '-r', '70', '-f', '1', '-l', '1', pdf, path.join(artifacts, '75-first-statement-zh')]);
  } finally {
    await s.close();
  }

  // Started again: no guide by itself; Help opens it and the About box.
  s = await Session.open(['--db', db, '--today', '2026-04-10']);
  try {
    await s.waitFor(async () => (await s.text('#operator-name')).includes('王芳'), 'the operator in the header', 30_000);
    assert.equal((await s.invoke('first_start_get')).ok.show, false);
    await new Promise((r) => setTimeout(r, 1000));
    assert.equal(await s.exec(`return !!document.getElementById('first-start-guide')`), false, 'the guide does not come back');
    await s.click('#lang-en');
    await s.click('#help-menu');
    await s.click('#help-about');
    await s.waitForElement('#about-schema');
    assert.match(await s.text('#about-schema'), /^m\d{8}_\d{6}_/);
    assert.equal(await s.text('#db-path'), db);
    assert.equal(await s.text('#about-backup-folder'), usb);
    await s.waitForText('About DealerDesk');
    await s.screenshot('76-about-en');
    await s.exec(`document.querySelector('.ant-modal-close')?.click()`);
    await s.click('#help-menu');
    await s.click('#help-guide');
    await step(s, 'language');
    await s.waitFor(async () => (await s.text('#guide-title')) === 'Set up DealerDesk', 'the guide again, in English');
    await s.click('#guide-close');
  } finally {
    await s.close();
  }
});
