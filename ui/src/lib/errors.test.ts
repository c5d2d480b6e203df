import { describe, expect, it } from 'vitest';
import i18n from '../i18n';
import { appErrorMessage, describeAppError, fieldLabel, fieldPath } from './errors';

const zh = i18n.getFixedT('zh-CN');
const en = i18n.getFixedT('en');

describe('describeAppError', () => {
  it('maps validation errors to form fields with translated text', () => {
    const r = describeAppError(
      { kind: 'validation', fields: [{ field: 'uscc', code: 'uscc_check_char', detail: 'B' }] },
      zh,
    );
    expect(r.fields).toEqual([{ name: ['uscc'], errors: ['校验位错误，应为 B'] }]);
    expect(r.message).toBe('请检查标红的字段');
  });

  it('puts errors for fields the form lacks into the message', () => {
    const r = describeAppError(
      { kind: 'validation', fields: [{ field: 'operator_name', code: 'required', detail: null }] },
      en,
      { hasField: (p) => p[0] === 'name' },
    );
    expect(r.fields).toEqual([]);
    expect(r.message).toBe('Operator name: Required');
  });

  it('maps a conflict to its field', () => {
    const r = describeAppError({ kind: 'conflict', field: 'code', value: 'DS00001' }, en);
    expect(r.fields[0].name).toEqual(['code']);
    expect(r.message).toBe('Code “DS00001” is already used by another record');
  });

  it('translates an illegal transition with status names', () => {
    expect(
      describeAppError({ kind: 'illegal_transition', from: 'applicant', to: 'active' }, zh).message,
    ).toBe('不允许从「申请中」变更为「合作中」');
    expect(
      describeAppError({ kind: 'illegal_transition', from: 'applicant', to: 'active' }, en).message,
    ).toBe('Cannot change status from Applicant to Active');
  });

  it('shows raw text only for io and database', () => {
    expect(describeAppError({ kind: 'io', message: 'disk full' }, en).message).toBe(
      'File or system error: disk full',
    );
  });

  it('splits dotted paths', () => {
    expect(fieldPath('criteria.2.key')).toEqual(['criteria', 2, 'key']);
    expect(fieldPath('criteria.0.weight')).toEqual(['criteria', 0, 'weight']);
    expect(fieldPath('scores.capital')).toEqual(['scores', 'capital']);
    expect(fieldPath('source_path')).toEqual(['source_path']);
  });

  it('puts errors on list items by their dotted path', () => {
    const r = describeAppError(
      {
        kind: 'validation',
        fields: [
          { field: 'tier_labels.1.label_zh', code: 'required', detail: null },
          { field: 'tier_labels.1.label_en', code: 'required', detail: null },
        ],
      },
      en,
      { hasField: (p) => p[0] === 'tier_labels' && p.length === 3 },
    );
    expect(r.fields).toEqual([
      { name: ['tier_labels', 1, 'label_zh'], errors: ['Required'] },
      { name: ['tier_labels', 1, 'label_en'], errors: ['Required'] },
    ]);
  });

  it('translates the attachment file errors', () => {
    const r = describeAppError(
      {
        kind: 'validation',
        fields: [{ field: 'source_path', code: 'file_too_large', detail: '50 MB' }],
      },
      zh,
    );
    expect(r.fields).toEqual([{ name: ['source_path'], errors: ['文件过大，最大允许 50 MB'] }]);
  });

  it('says a document number is already posted for its kind', () => {
    const r = describeAppError({ kind: 'conflict', field: 'doc_no', value: 'INV-001' }, en);
    expect(r.fields).toEqual([
      { name: ['doc_no'], errors: ['Document number “INV-001” is already posted for this kind'] },
    ]);
    expect(appErrorMessage({ kind: 'conflict', field: 'doc_no', value: 'INV-001' }, zh)).toBe(
      '该类型下单据号「INV-001」已入账',
    );
  });

  it('translates the PDF and batch errors', () => {
    expect(appErrorMessage({ kind: 'missing_glyphs', chars: '𠀀' }, en)).toBe(
      'The PDF font cannot print these characters: 𠀀',
    );
    expect(appErrorMessage({ kind: 'cancelled' }, zh)).toBe('已取消');
    expect(
      appErrorMessage(
        { kind: 'validation', fields: [{ field: 'printer', code: 'no_print_system', detail: null }] },
        en,
      ),
    ).toBe('Printer: No print system was found on this computer; save the PDF and print it from a viewer');
  });

  it('labels nested company fields by their full path', () => {
    expect(fieldLabel(zh, 'company.name')).toBe('公司名称');
    expect(fieldLabel(en, 'company.phone')).toBe('Phone');
    expect(fieldLabel(en, 'criteria.2.key')).toBe('Key');
    expect(fieldLabel(en, 'aging_edges')).toBe('Aging buckets');
  });
});
