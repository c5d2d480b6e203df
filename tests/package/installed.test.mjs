// The installed program's first start: /usr/bin/dealerdesk under Xvfb with
// an empty HOME creates its database in the user's data folder and shows the
// first-start guide. Run by tests/package/run.sh after `apt-get install`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { Session, useDriver, appBinary } from '../e2e/webdriver.mjs';

useDriver();

test('the installed app starts on an empty HOME and greets with the guide', async () => {
  assert.equal(appBinary, '/usr/bin/dealerdesk', 'the installed binary is the one under test');
  const home = process.env.HOME;
  const db = path.join(home, '.local/share/DealerDesk/dealerdesk.sqlite');
  assert.ok(!existsSync(db), 'no database before the first start');
  const s = await Session.open([]);
  try {
    await s.waitForElement('#first-start-guide', 60_000);
    assert.ok(existsSync(db), `the database is created in the data folder: ${db}`);
    // An empty HOME: nothing remembered, so the window starts in Chinese.
    assert.equal(await s.text('#guide-title'), '设置 DealerDesk');
    await s.screenshot('80-installed-first-start-zh');
    await s.click('#guide-lang-en');
    await s.waitFor(async () => (await s.text('#guide-title')) === 'Set up DealerDesk', 'the guide in English');
    await s.screenshot('81-installed-first-start-en');
    await s.click('#help-menu').catch(() => undefined);
  } finally {
    await s.close();
  }
});
