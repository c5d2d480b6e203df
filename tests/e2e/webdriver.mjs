// A small W3C WebDriver client for tauri-driver, plus the driver's lifecycle.
import { execFileSync, spawn } from 'node:child_process';
import { before, after } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
// DEALERDESK_APP points the tests at another build (e.g. target/release/dealerdesk for benchmarks).
export const appBinary = process.env.DEALERDESK_APP ?? path.join(root, 'target/debug/dealerdesk');
export const cliBinary = path.join(root, 'target/debug/dealerdesk-cli');
export const artifacts = path.join(root, 'tests/e2e/artifacts');
const ELEMENT = 'element-6066-11e4-a52e-4f735466cecf';
// Ports away from the defaults so a stray driver from another run cannot answer.
const PORT = 4644 + (process.pid % 200) * 2;
const BASE = `http://127.0.0.1:${PORT}`;

export async function startDriver() {
  if (!existsSync(appBinary)) throw new Error(`build the app first: ${appBinary}`);
  const driverBin = process.env.TAURI_DRIVER ?? 'tauri-driver';
  const proc = spawn(driverBin, ['--port', String(PORT), '--native-port', String(PORT + 1)], { stdio: ['ignore', 'inherit', 'inherit'] });
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    try {
      const r = await fetch(`${BASE}/status`);
      if (r.ok) return proc;
    } catch {
      // not listening yet
    }
    await sleep(200);
  }
  proc.kill('SIGTERM');
  throw new Error('tauri-driver did not answer /status within 30 s');
}

/** Starts tauri-driver before the file's tests and stops it after them. */
export function useDriver() {
  let proc;
  before(async () => {
    proc = await startDriver();
  });
  after(async () => {
    await stopDriver(proc);
  });
}

export async function stopDriver(proc) {
  if (proc && proc.exitCode === null) {
    // SIGTERM lets tauri-driver stop its WebKitWebDriver child; SIGKILL would orphan it.
    proc.kill('SIGTERM');
    await new Promise((resolve) => {
      const t = globalThis.setTimeout(resolve, 5000);
      proc.once('exit', () => {
        globalThis.clearTimeout(t);
        resolve();
      });
    });
  }
  await endStrayApps();
}

/** Instances of the app under test still running after their session ended
 *  (seen now and then): they hold the test runner's output open, so the run
 *  would never finish. Only this build's binary is matched. */
async function endStrayApps() {
  const pattern = `^${appBinary.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( |$)`;
  for (const signal of ['-TERM', '-KILL']) {
    try {
      execFileSync('pkill', [signal, '-f', pattern]);
    } catch {
      return; // pkill exits 1 when nothing matched
    }
    await sleep(1000);
  }
}

async function call(method, url, body) {
  const r = await fetch(`${BASE}${url}`, {
    method,
    headers: { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = await r.json().catch(() => ({}));
  if (!r.ok) {
    const v = json.value ?? {};
    const err = new Error(`${method} ${url}: ${v.error ?? r.status} ${v.message ?? ''}`);
    err.webdriver = v.error;
    throw err;
  }
  return json.value;
}

export class Session {
  static async open(args) {
    const value = await call('POST', '/session', {
      capabilities: {
        alwaysMatch: { 'tauri:options': { application: appBinary, args } },
      },
    });
    const s = new Session(value.sessionId);
    await s.waitFor(async () => (await s.exec('return document.readyState')) === 'complete', 'page load');
    return s;
  }

  /** Gives the operator's name a new database asks for, closing the
   *  first-start guide first if the database is empty (the guide has its own journey). */
  async enterOperator(name) {
    await this.waitFor(
      () => this.exec(`return !!document.querySelector('#guide-close, #operator-name-input')`),
      'the first-start guide or the name prompt',
    );
    if (await this.exec(`return !!document.querySelector('#guide-close')`)) {
      await this.click('#guide-close');
    }
    await this.type('#operator-name-input', name);
    await this.click('#operator-name-save');
  }

  /** The login screen of a database with users (or on a server): logs in and waits for the window. */
  async logIn(login, password) {
    await this.waitForElement('#login-name');
    await this.type('#login-name', login);
    await this.type('#login-password', password);
    await this.click('#login-submit');
    await this.waitForElement('#user-menu');
  }

  /** Logs out from the header's user menu, back to the login screen. */
  async logOut() {
    await this.click('#user-menu');
    await this.click('#user-logout');
    await this.waitForElement('#login-name');
  }

  constructor(id) {
    this.id = id;
  }

  url(p) {
    return `/session/${this.id}${p}`;
  }

  async close() {
    await call('DELETE', this.url(''));
  }

  exec(script, args = []) {
    return call('POST', this.url('/execute/sync'), { script, args });
  }

  execAsync(script, args = []) {
    return call('POST', this.url('/execute/async'), { script, args });
  }

  async find(css) {
    const v = await call('POST', this.url('/element'), { using: 'css selector', value: css });
    return v[ELEMENT];
  }

  async findAll(css) {
    const v = await call('POST', this.url('/elements'), { using: 'css selector', value: css });
    return v.map((e) => e[ELEMENT]);
  }

  /** Polls until `fn` returns a truthy value (exceptions count as "not yet"). */
  async waitFor(fn, what, timeout = 15_000, interval = 150) {
    const deadline = Date.now() + timeout;
    let last;
    while (Date.now() < deadline) {
      try {
        const v = await fn();
        if (v) return v;
      } catch (e) {
        last = e;
      }
      await sleep(interval);
    }
    throw new Error(`timed out waiting for ${what}${last ? `: ${last.message}` : ''}`);
  }

  waitForElement(css, timeout) {
    return this.waitFor(async () => {
      const els = await this.findAll(css);
      for (const el of els) {
        if (await call('GET', this.url(`/element/${el}/displayed`))) return el;
      }
      return null;
    }, `element ${css}`, timeout);
  }

  /** Waits until the element stops moving: validation messages appearing or
   *  leaving shift the layout, and a click aimed before the shift misses. */
  async waitStable(el) {
    let previous = '';
    for (let i = 0; i < 30; i++) {
      const rect = await this.exec(
        'const r = arguments[0].getBoundingClientRect(); return [r.x, r.y, r.width, r.height].join(",")',
        [{ [ELEMENT]: el }],
      );
      if (rect === previous) return;
      previous = rect;
      await sleep(120);
    }
  }

  /** Clicks once the element is still and nothing covers it. */
  async click(css) {
    return this.waitFor(async () => {
      const el = await this.waitForElement(css);
      // A real press first takes focus from the field being typed in; do that
      // now, so the validation it triggers has moved things before we aim.
      // (Not a drop-down's search box: leaving it closes the drop-down.)
      await this.exec(
        `const a = document.activeElement;
         if (a && a !== arguments[0] && a.matches('input:not([role=combobox]), textarea')) a.blur();`,
        [{ [ELEMENT]: el }],
      );
      await this.waitStable(el);
      await call('POST', this.url(`/element/${el}/click`), {});
      return el;
    }, `a click on ${css}`);
  }

  async clickText(css, text) {
    const el = await this.waitFor(async () => {
      for (const e of await this.findAll(css)) {
        const t = await call('GET', this.url(`/element/${e}/text`));
        const shown = await call('GET', this.url(`/element/${e}/displayed`));
        if (shown && t.trim() === text) return e;
      }
      return null;
    }, `${css} with text "${text}"`);
    await call('POST', this.url(`/element/${el}/click`), {});
  }

  /** Empties the field so React sees it (native setter + input event), then
   *  types the text as key presses. Retries while drawers and modals animate. */
  async type(css, text, { clear = true } = {}) {
    return this.waitFor(async () => {
      const el = await this.waitForElement(css);
      if (clear) {
        await this.exec(
          `const el = arguments[0];
           const proto = el instanceof HTMLTextAreaElement ? HTMLTextAreaElement.prototype : HTMLInputElement.prototype;
           Object.getOwnPropertyDescriptor(proto, 'value').set.call(el, '');
           el.dispatchEvent(new Event('input', { bubbles: true }));`,
          [{ [ELEMENT]: el }],
        );
      }
      await call('POST', this.url(`/element/${el}/value`), { text });
      return el;
    }, `typing into ${css}`);
  }

  /**
   * Clicks a navigation entry until `readyCss` shows: a click that lands while
   * the page before is still settling (a pending search, a re-render) is tried again.
   */
  async navigate(navCss, readyCss, timeout = 30_000) {
    return this.waitFor(async () => {
      if (await this.exec(`return !!document.querySelector(arguments[0])`, [readyCss])) return true;
      await this.click(navCss);
      await new Promise((r) => setTimeout(r, 500));
      return this.exec(`return !!document.querySelector(arguments[0])`, [readyCss]);
    }, `${readyCss} after ${navCss}`, timeout);
  }

  async text(css, timeout) {
    const el = await this.waitForElement(css, timeout);
    return call('GET', this.url(`/element/${el}/text`));
  }

  async bodyText() {
    return this.exec('return document.body.innerText');
  }

  waitForText(text, timeout) {
    return this.waitFor(async () => (await this.bodyText()).includes(text), `text "${text}"`, timeout);
  }

  /**
   * What a reader would see as cut or broken in the shown page: a table
   * header whose word is split across two lines ("Achievemen / t"), a tag
   * spilling into the next column, a filter running off its card, a page
   * wider than the window, or a menu label cut short. Empty when it is whole.
   */
  layoutFaults() {
    return this.exec(`
      const faults = [];
      for (const th of document.querySelectorAll('.ant-table-thead th')) {
        if (!th.offsetParent) continue;
        const walker = document.createTreeWalker(th, NodeFilter.SHOW_TEXT);
        for (let n = walker.nextNode(); n; n = walker.nextNode()) {
          for (const m of n.data.matchAll(/[A-Za-z][A-Za-z'’-]+/g)) {
            const r = document.createRange();
            r.setStart(n, m.index);
            r.setEnd(n, m.index + m[0].length);
            const lines = new Set([...r.getClientRects()].map((c) => Math.round(c.top)));
            if (lines.size > 1) faults.push('header word broken: ' + m[0]);
          }
        }
      }
      for (const tag of document.querySelectorAll('.ant-table-tbody td .ant-tag')) {
        const td = tag.closest('td');
        if (!tag.offsetParent || td.classList.contains('ant-table-cell-fix-right')) continue;
        if (tag.getBoundingClientRect().right > td.getBoundingClientRect().right + 1) {
          faults.push('tag spills out of its cell: ' + tag.textContent);
        }
      }
      for (const card of document.querySelectorAll('.ant-card-body')) {
        for (const seg of card.querySelectorAll(':scope .ant-segmented')) {
          if (seg.offsetParent && seg.getBoundingClientRect().right > card.getBoundingClientRect().right + 1) {
            faults.push('filter runs off its card: ' + (seg.id || seg.textContent.slice(0, 40)));
          }
        }
      }
      const content = document.querySelector('.app-content');
      if (content && content.scrollWidth > content.clientWidth + 1) {
        faults.push('the page is wider than the window by ' + (content.scrollWidth - content.clientWidth) + ' px');
      }
      for (const el of document.querySelectorAll('.app-sider .ant-menu-title-content span[id^=nav-]')) {
        const box = el.closest('.ant-menu-title-content');
        if (box.scrollWidth > box.clientWidth + 1) faults.push('menu label cut: ' + el.textContent);
      }
      return faults;
    `);
  }

  /** Resizes the app's window (the page then has a little less, for the title bar). */
  async setWindowSize(width, height) {
    await call('POST', this.url('/window/rect'), { width, height });
    await this.waitFor(
      async () => Math.abs((await this.exec('return window.outerWidth')) - width) <= 2,
      `a ${width}-px window`,
    );
  }

  async screenshot(name) {
    mkdirSync(artifacts, { recursive: true });
    const png = await call('GET', this.url('/screenshot'));
    writeFileSync(path.join(artifacts, `${name}.png`), Buffer.from(png, 'base64'));
  }

  /** Calls a Tauri command the way the UI does (used by the benchmark only). */
  invoke(cmd, args) {
    return this.execAsync(
      `const done = arguments[arguments.length - 1];
       window.__TAURI_INTERNALS__.invoke(arguments[0], arguments[1]).then(v => done({ ok: v }), e => done({ err: e }));`,
      [cmd, args],
    );
  }
}

/** A TCP port on 127.0.0.1 that nothing listens on now (for a server a journey starts). */
export function freePort() {
  return new Promise((resolve) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}
