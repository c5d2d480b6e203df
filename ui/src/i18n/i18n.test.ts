import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from '../bindings/errorCodes';
import { resources } from './index';

type Tree = { [key: string]: string | Tree };
const en = resources.en;
const zhCN = resources['zh-CN'];

function keys(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([k, v]) =>
    typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`),
  );
}

function placeholders(s: string): string[] {
  return [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();
}

function lookup(tree: Tree, path: string): string {
  return path.split('.').reduce<string | Tree>((node, k) => (node as Tree)[k], tree) as string;
}

describe('translations', () => {
  it('zh-CN and en have identical key sets', () => {
    expect(keys(en as Tree).sort()).toEqual(keys(zhCN as Tree).sort());
  });

  it('no translation is empty', () => {
    for (const tree of [en, zhCN] as Tree[]) {
      for (const k of keys(tree)) expect(lookup(tree, k).trim(), k).not.toBe('');
    }
  });

  it('both languages use the same interpolation placeholders', () => {
    for (const k of keys(zhCN as Tree)) {
      expect(placeholders(lookup(en as Tree, k)), k).toEqual(placeholders(lookup(zhCN as Tree, k)));
    }
  });

  it('every server error code has a message in both languages', () => {
    expect(ERROR_CODES.length).toBeGreaterThan(50);
    for (const c of ERROR_CODES) {
      expect(keys(zhCN as Tree), c).toContain(`errors.${c}`);
      expect(keys(en as Tree), c).toContain(`errors.${c}`);
    }
    for (const k of [
      'validation',
      'not_found',
      'conflict',
      'illegal_transition',
      'import_rejected',
      'io',
      'database',
      'missing_glyphs',
      'cancelled',
      'damaged',
    ]) {
      expect(keys(zhCN as Tree)).toContain(`errors.kind.${k}`);
    }
  });

  it('every ledger field and entry kind has a label', () => {
    const all = keys(zhCN as Tree);
    for (const f of [
      'date',
      'doc_no',
      'kind',
      'amount',
      'description',
      'fapiao_no',
      'due_date',
      'reason',
      'entry_id',
      'from',
      'to',
      'out_dir',
      'aging_edges',
      'company.name',
      'company.phone',
      'distributor_code',
      'printer',
      'database',
    ]) {
      expect(all).toContain(`fields.${f}`);
    }
    for (const k of ['opening', 'invoice', 'payment', 'credit_note', 'rebate', 'adjustment']) {
      expect(all).toContain(`entryKind.${k}`);
    }
  });
});

describe('translation files', () => {
  const files = import.meta.glob<Tree>('./*.json', { eager: true, import: 'default' });

  it('no module file redefines a key of the base file or of another module', () => {
    for (const lang of ['en', 'zh-CN']) {
      const mine = Object.entries(files).filter(([path]) =>
        lang === 'en' ? path.endsWith('en.json') : path.endsWith('zh-CN.json'),
      );
      expect(mine.length).toBeGreaterThan(1);
      const owner = new Map<string, string>();
      const twice: string[] = [];
      for (const [path, tree] of mine) {
        for (const k of keys(tree)) {
          const first = owner.get(k);
          if (first) twice.push(`${k}: ${first} and ${path}`);
          else owner.set(k, path);
        }
      }
      expect(twice, lang).toEqual([]);
    }
  });

  /** The UI's own source files (tests and generated bindings left out), as text. */
  const sourceTexts = import.meta.glob<string>(
    ['../**/*.ts', '../**/*.tsx', '!../**/*.test.ts', '!../**/*.test.tsx', '!../bindings/**'],
    { eager: true, query: '?raw', import: 'default' },
  );
  const sources = () => ({ root: '..', files: Object.entries(sourceTexts) });

  it('every key the code names exists in both languages', () => {
    const { root, files } = sources();
    expect(files.length).toBeGreaterThan(50);
    const known = (tree: Tree, k: string) => {
      const all = new Set(keys(tree));
      return all.has(k) || all.has(`${k}_one`) || all.has(`${k}_other`);
    };
    const missing: string[] = [];
    let named = 0;
    for (const [file, text] of files) {
      // t('a.b') and t('a.b', {...}) — a call with a defaultValue may name a key that is optional.
      for (const m of text.matchAll(/\bt\(\s*'([A-Za-z][\w]*(?:\.[\w]+)+)'(\s*,\s*\{[^)]*defaultValue)?/g)) {
        if (m[2]) continue;
        named += 1;
        for (const [lang, tree] of [
          ['en', en],
          ['zh-CN', zhCN],
        ] as [string, Tree][]) {
          if (!known(tree, m[1])) missing.push(`${lang} ${m[1]} (${file.slice(root.length + 1)})`);
        }
      }
    }
    expect(named).toBeGreaterThan(500);
    expect([...new Set(missing)]).toEqual([]);
  });

  it('no key is dead: each is named by the code, or lies under a prefix the code builds keys from', () => {
    const { files } = sources();
    const all = files.map(([, text]) => text).join('\n');
    // `status.${s}`, `performance.warning${n}`: the keys under a built prefix are alive.
    const built = [...all.matchAll(/`([\w.]+)\$\{/g)].map((m) => m[1]);
    expect(built.length).toBeGreaterThan(20);
    const dead = keys(en as Tree).filter((k) => {
      const name = k.replace(/_(one|other)$/, '');
      if ([`'${name}'`, `"${name}"`, `\`${name}\``].some((q) => all.includes(q))) return false;
      return !built.some((prefix) => name.startsWith(prefix));
    });
    expect(dead).toEqual([]);
  });

  it('every prefix the code builds keys from has keys in both languages', () => {
    const { files } = sources();
    const all = files.map(([, text]) => text).join('\n');
    const built = new Set([...all.matchAll(/\bt\(\s*`([\w.]+)\$\{/g)].map((m) => m[1]));
    expect(built.size).toBeGreaterThan(20);
    const missing: string[] = [];
    for (const prefix of built) {
      for (const [lang, tree] of [
        ['en', en],
        ['zh-CN', zhCN],
      ] as [string, Tree][]) {
        if (!keys(tree).some((k) => k.startsWith(prefix))) missing.push(`${lang} ${prefix}…`);
      }
    }
    expect(missing).toEqual([]);
  });
});
