import { describe, expect, it } from 'vitest';
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

  it('every server error code has a message', () => {
    const codes = [
      'required',
      'too_long',
      'code_chars',
      'uscc_length',
      'uscc_invalid_char',
      'uscc_check_char',
      'phone_format',
      'email_format',
      'out_of_range',
      'negative',
      'money_invalid',
      'money_too_precise',
      'money_out_of_range',
      'date_format',
      'invalid_choice',
      'unchanged',
      'score_range',
      'unknown_criterion',
      'duplicate_or_empty',
      'weights_zero',
      'thresholds_order',
      'duplicate_in_file',
      'header_missing',
      'unknown_header',
      'file_missing',
      'file_too_large',
      'contact_channel_required',
      'amount_zero',
      'amount_negative',
      'due_before_date',
      'reverse_before_entry',
      'reversal_of_reversal',
      'already_reversed',
      'period_order',
      'aging_edges_order',
      'distributor_unknown',
      'column_missing',
      'duplicate',
      'no_print_system',
      'print_failed',
      'not_empty',
      'pct_invalid',
      'pct_too_precise',
      'pct_range',
      'term_order',
      'payment_days_range',
      'target_period',
      'target_outside_term',
      'target_overlap',
      'amount_not_positive',
      'ladder_order',
      'ladder_pct',
      'hours_format',
      'validity_range',
      'capacity_range',
      'capacity_below_enrolled',
      'course_inactive',
      'person_unknown',
      'already_enrolled',
      'capacity_full',
      'enrolment_unknown',
      'score_required',
      'score_without_attendance',
      'rating_range',
      'results_missing',
      'contact_has_training',

      'territory_region_or_area',
      'territory_incomplete',
      'distributor_closed',
      'immutable',
      'termination_date_range',
      'period_not_ended',
      'unknown_placeholder',
      'placeholder_unclosed',
      'table_placeholder_inline',
      'step_key',
      'step_label',
      'due_days_range',
    ];
    for (const c of codes) expect(keys(zhCN as Tree)).toContain(`errors.${c}`);
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
