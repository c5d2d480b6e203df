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
