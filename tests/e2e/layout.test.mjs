// Every page of the sample office at 1280 × 800 and 1920 × 1080, in Chinese
// and English: no table header broken inside a word, no tag spilling into the
// next column, no filter running off its card, no menu label cut short and no
// page wider than the window. A screenshot of each page is kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Session, useDriver, cliBinary } from './webdriver.mjs';

const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-layout-'));
const db = path.join(work, 'office.sqlite');
useDriver();

// Each page, by its menu entry, with an element that shows once it is drawn.
const PAGES = [
  ['dashboard', '#dashboard-monthly svg'],
  ['distributors', '#distributor-table .ant-table-row'],
  ['onboarding', '#pipeline-counts'],
  ['agreements', '#agreement-search'],
  ['rebates', '#rebate-table'],
  ['training', '#training-tabs .ant-table-row'],
  ['reminders', '#reminders-table'],
  ['complaints', '#complaint-table .ant-table-row'],
  ['complaint-report', '#chart-by-status svg'],
  ['receivables', '#receivables-table .ant-table-row'],
  ['scorecards', '#scorecard-table .ant-table-row'],
  ['backup', '#backup-list'],
  ['settings', '#settings-form'],
];

test('every page reads whole at 1280 × 800 and 1920 × 1080 in both languages', async () => {
  execFileSync(cliBinary, [
    '--db', db, '--operator', 'setup', '--today', '2026-10-20', 'demo-data', '--distributors', '30',
    '--entries-per-distributor', '30', '--complaints', '12',
  ]);
  const s = await Session.open(['--db', db, '--today', '2026-10-20']);
  const faults = [];
  try {
    await s.enterOperator('周敏');
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ]) {
      await s.setWindowSize(width, height);
      for (const lang of ['zh', 'en']) {
        await s.click(`.ant-segmented-item:has(#lang-${lang})`);
        for (const [page, ready] of PAGES) {
          // The page is the one its menu entry opened, not the one before.
          await s.click(`#nav-${page}`);
          await s.waitFor(
            () => s.exec(`return document.querySelector('.ant-menu-item-selected #nav-${page}') !== null`),
            `${page} selected`,
          );
          await s.navigate(`#nav-${page}`, ready);
          await s.waitFor(
            () => s.exec(`return !document.querySelector('.app-content .ant-skeleton, .app-content .ant-spin-spinning')`),
            `${page} loaded`,
          );
          for (const f of await s.layoutFaults()) faults.push(`${width}×${height} ${lang} ${page}: ${f}`);
          await s.screenshot(`90-${page}-${lang}-${width}`);
        }
      }
    }
  } finally {
    await s.close();
  }
  assert.deepEqual(faults, []);
});
