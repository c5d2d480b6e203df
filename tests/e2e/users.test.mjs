// Users on this PC's file: the office without users sets up its owner in
// Settings → Users and from then on logs in; the owner adds a finance user
// who sees only the distributors they manage, and makes them the manager of
// one. Logged in as that user, the list holds that one distributor, the
// write buttons of other roles are gone and the office's settings are
// read-only. The login screen in English is kept as a screenshot.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session, useDriver, cliBinary } from './webdriver.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-users-'));
const db = path.join(work, 'office.sqlite');
useDriver();

const open = '.ant-select-dropdown:not(.ant-select-dropdown-hidden)';

test('the owner sets up users; a user sees their scope and their own work', async () => {
  execFileSync(cliBinary, [
    '--db', db, '--operator', 'setup', '--today', '2026-10-20', 'demo-data', '--distributors', '6',
    '--entries-per-distributor', '3',
  ]);
  const listed = JSON.parse(execFileSync(cliBinary, ['--db', db, 'distributors', 'list', '--json'], { encoding: 'utf8' }));
  const managed = listed[2];
  const s = await Session.open(['--db', db, '--today', '2026-10-20']);
  try {
    await s.enterOperator('王芳');
    await s.click('#nav-settings');
    await s.click('#settings-tab-users');
    await s.waitForElement('#users-none');
    await s.screenshot('u0-no-users');
    await s.type('#owner-login', 'wang');
    await s.type('#owner-name', '王芳');
    await s.type('#owner-password', 'owner password 1');
    await s.type('#owner-again', 'owner password 1');
    await s.click('#owner-submit');
    // The owner is logged in at once, and the users are listed.
    await s.waitForElement('#user-menu');
    await s.waitFor(async () => (await s.text('#users-table')).includes('wang'), 'the owner listed');

    await s.click('#user-add');
    await s.type('#user-login', 'li');
    await s.type('#user-name', '李娜');
    await s.type('#user-password-new', 'li password 12');
    await s.type('#user-password-again', 'li password 12');
    await s.click('#user-roles-select');
    await s.click(`${open} .role-option-finance`);
    // The multiple select stays open: close it.
    await s.click('#user-name');
    await s.click('#user-scope');
    await s.click(`${open} .scope-option-own`);
    await s.screenshot('u1-user-add');
    await s.click('#user-save');
    await s.waitFor(async () => (await s.text('#users-table')).includes('李娜'), 'li listed');
    await s.screenshot('u2-users');

    // The owner makes li the responsible manager of one distributor.
    await s.exec(`window.location.hash = '#/distributors/' + arguments[0]`, [managed.id]);
    await s.click('#distributor-manager');
    await s.click(`${open} .manager-option-li`);
    await s.waitFor(
      async () => (await s.text('#distributor-profile')).includes('李娜'),
      'the manager shown',
    );
    await s.logOut();

    // The login screen in English.
    await s.click('.ant-segmented-item:has(#lang-en)');
    await s.waitFor(async () => (await s.text('#login-submit')) === 'Log in', 'English login');
    await s.screenshot('u3-login-en');
    await s.click('.ant-segmented-item:has(#lang-zh)');

    await s.logIn('li', 'li password 12');
    assert.equal(await s.text('#operator-name'), '李娜');
    await s.navigate('#nav-distributors', '#distributor-table .ant-table-row');
    await s.waitFor(
      async () => (await s.exec(`return document.querySelectorAll('#distributor-table .ant-table-row').length`)) === 1,
      'only the managed distributor listed',
    );
    assert.ok((await s.text('#distributor-table')).includes(managed.code));
    // Finance adds no distributors and exports nothing (no export role).
    assert.equal(await s.exec(`return !!document.querySelector('#distributor-new, #distributor-export-csv')`), false);
    await s.screenshot('u4-finance-list');
    // Out of scope: another distributor by its address is not found.
    const other = listed.find((d) => d.id !== managed.id);
    const refused = await s.invoke('distributor_get', { req: other.id });
    assert.equal(refused.err?.kind, 'not_found');

    // The office's settings are read-only for finance, and say so.
    await s.click('#nav-settings');
    await s.waitForElement('.read-only-note');
    assert.equal(await s.exec(`return document.querySelector('#settings-save')?.disabled`), true);
    await s.screenshot('u5-settings-read-only');
    // And users are the owner's.
    await s.click('#settings-tab-users');
    await s.waitFor(async () => /所有者/.test(await s.bodyText()), 'owner-only note');
  } finally {
    await s.close();
  }
});
