// Start-to-first-rows and memory of the desktop app: launches the build named by
// DEALERDESK_APP on a database of sample distributors, times from the launch to
// the dashboard's figures (the first page), and sums the proportional set size
// (PSS) of the app and its WebKit processes. Prints figures; asserts nothing.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

import { appBinary, Session, startDriver, stopDriver } from '../tests/e2e/webdriver.mjs';

const cli = process.env.DEALERDESK_CLI;
const runs = Number(process.env.RUNS ?? 5);
const work = mkdtempSync(path.join(tmpdir(), 'dealerdesk-startup-'));

function children(pid) {
  const out = [];
  for (const p of readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = readFileSync(`/proc/${p}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (ppid === pid) out.push(Number(p), ...children(Number(p)));
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

function pssKiB(pid) {
  try {
    const m = readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8').match(/^Pss:\s+(\d+) kB/m);
    return m ? Number(m[1]) : 0;
  } catch {
    return 0;
  }
}

function appPids() {
  try {
    return execFileSync('pgrep', ['-f', `^${appBinary}( |$)`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number);
  } catch {
    return [];
  }
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

for (const [label, n] of [
  ['empty database', 0],
  ['40 sample distributors', 40],
]) {
  const db = path.join(work, `startup-${n}.sqlite`);
  // The empty one is created by the app's first start; the list shows its empty state.
  if (n > 0) execFileSync(cli, ['--db', db, '--operator', '基准', 'demo-data', '--distributors', String(n)]);
  const driver = await startDriver();
  const shown = [];
  const pss = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t0 = performance.now();
      const s = await Session.open(['--db', db]);
      // The first page is the dashboard: its tiles show once its figures are in.
      const selector = '#dashboard .dashboard-tile';
      await s.waitFor(
        async () => await s.exec(`return document.querySelectorAll(arguments[0]).length > 0`, [selector]),
        'the dashboard',
        30_000,
        20,
      );
      shown.push(performance.now() - t0);
      await sleep(1500); // let the page settle before reading memory
      let kib = 0;
      for (const pid of appPids()) for (const p of [pid, ...children(pid)]) kib += pssKiB(p);
      pss.push(kib);
      await s.close();
    }
  } finally {
    await stopDriver(driver);
  }
  console.log(
    `STARTUP ${label}: launch to the dashboard median ${(median(shown) / 1000).toFixed(2)} s ` +
      `(runs: ${shown.map((t) => (t / 1000).toFixed(2)).join(', ')}); ` +
      `PSS of the app and its WebKit processes median ${Math.round(median(pss) / 1024)} MB`,
  );
}
