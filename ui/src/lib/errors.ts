// Turns an AppError into translated text: per-field messages for Form.setFields
// and one top-level message. Raw server text is shown only for io/database.
import type { FormInstance } from 'antd';
import type { TFunction } from 'i18next';

import type { AppError } from '../bindings/AppError';
import type { FieldError } from '../bindings/FieldError';
import { formatDateTime } from './dates';

export type FieldPath = (string | number)[];
export type FieldMessage = { name: FieldPath; errors: string[] };

export type DescribeOptions = {
  /** Whether the form has an item at this path; others go into the top-level message. */
  hasField?: (path: FieldPath) => boolean;
  /** Server field names that sit under a different form path, e.g. `criteria.0.label` → `criteria.0.label_zh`. */
  alias?: (field: string) => string;
};

export type DescribedError = { fields: FieldMessage[]; message: string | null };

/** `criteria.2.key` → ['criteria', 2, 'key']. */
export function fieldPath(field: string): FieldPath {
  return field.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
}

/**
 * The translated message for one field error code. With the server's field name,
 * a wording for that field (`errors.onField.<field>.<code>`) wins over the general one.
 */
export function fieldErrorText(
  t: TFunction,
  code: string,
  detail: string | null | undefined,
  field?: string,
): string {
  const general = t(`errors.${code}`, { detail: detail ?? '', defaultValue: t('errors.unknown', { code }) });
  if (!field) return general;
  const names = fieldPath(field).filter((s): s is string => typeof s === 'string');
  const last = names[names.length - 1];
  return last
    ? t(`errors.onField.${last}.${code}`, { detail: detail ?? '', defaultValue: general })
    : general;
}

/** The translated label of a (possibly dotted) server field name: `company.name` first, then `name`. */
export function fieldLabel(t: TFunction, field: string): string {
  const path = fieldPath(field).filter((s): s is string => typeof s === 'string');
  const last = path[path.length - 1] ?? field;
  const byLast = t(`fields.${last}`, { defaultValue: field });
  return path.length > 1 ? t(`fields.${path.join('.')}`, { defaultValue: byLast }) : byLast;
}

/** The message for a value already taken; some fields say more precisely what clashes. */
function conflictText(t: TFunction, field: string, value: string): string {
  return t(`errors.conflictOn.${field}`, { value, defaultValue: t('errors.conflict', { value }) });
}

/** A distributor status or, failing that, a complaint status (the two sets of keys do not overlap). */
export function statusLabel(t: TFunction, s: string): string {
  return t(`status.${s}`, { defaultValue: t(`complaintStatus.${s}`, { defaultValue: s }) });
}

export function describeAppError(err: AppError, t: TFunction, opts: DescribeOptions = {}): DescribedError {
  const hasField = opts.hasField ?? (() => true);
  const alias = opts.alias ?? ((f: string) => f);
  switch (err.kind) {
    case 'validation': {
      const fields: FieldMessage[] = [];
      const elsewhere: string[] = [];
      const byPath = new Map<string, FieldMessage>();
      err.fields.forEach((f: FieldError) => {
        const text = fieldErrorText(t, f.code, f.detail, f.field);
        const name = fieldPath(alias(f.field));
        if (hasField(name)) {
          const key = name.join('.');
          const existing = byPath.get(key);
          if (existing) existing.errors.push(text);
          else {
            const entry = { name, errors: [text] };
            byPath.set(key, entry);
            fields.push(entry);
          }
        } else {
          elsewhere.push(t('errors.fieldMessage', { field: fieldLabel(t, f.field), message: text }));
        }
      });
      const message = elsewhere.length > 0 ? elsewhere.join('；') : t('errors.kind.validation');
      return { fields, message };
    }
    case 'conflict': {
      const name = fieldPath(alias(err.field));
      const text = conflictText(t, err.field, err.value);
      const message = t(`errors.kind.conflictOn.${err.field}`, {
        value: err.value,
        defaultValue: t('errors.kind.conflict', { field: fieldLabel(t, err.field), value: err.value }),
      });
      return hasField(name) ? { fields: [{ name, errors: [text] }], message } : { fields: [], message };
    }
    case 'illegal_transition':
      return {
        fields: [],
        message: t('errors.kind.illegal_transition', {
          from: statusLabel(t, err.from),
          to: statusLabel(t, err.to),
        }),
      };
    case 'not_found':
      return {
        fields: [],
        message: t('errors.kind.not_found', {
          entity: t(`entities.${err.entity}`, { defaultValue: err.entity }),
          id: err.id,
        }),
      };
    case 'import_rejected':
      return { fields: [], message: t('errors.kind.import_rejected', { count: err.errors.length }) };
    case 'io':
      return { fields: [], message: t('errors.kind.io', { message: err.message }) };
    case 'database':
      return { fields: [], message: t('errors.kind.database', { message: err.message }) };
    case 'missing_glyphs':
      return { fields: [], message: t('errors.kind.missing_glyphs', { chars: err.chars }) };
    case 'cancelled':
      return { fields: [], message: t('errors.kind.cancelled') };
    case 'forbidden':
      return {
        fields: [],
        message: t('errors.kind.forbidden', {
          action: t(`users.actions.${err.action}`, { defaultValue: err.action }),
          roles: err.roles.map((r) => t(`users.roles.${r}`, { defaultValue: r })).join(' / '),
        }),
      };
    case 'edit_conflict':
      return {
        fields: [],
        message: t('errors.kind.edit_conflict', {
          by: err.by || t('errors.someone'),
          at: formatDateTime(err.at),
        }),
      };
    case 'damaged':
      return {
        fields: [],
        message: t('errors.kind.damaged', {
          entity: t(`entities.${err.table}`, { defaultValue: err.table }),
          id: err.id,
          column: err.column,
          value: err.value,
        }),
      };
    case 'data_file':
      return {
        fields: [],
        message: t(`errors.file.${err.problem}`, {
          path: err.path,
          detail: err.detail ?? '',
          version: err.version,
        }),
      };
  }
}

/** Puts field errors on the form and returns the top-level message to show. */
export function applyAppErrorToForm(
  form: FormInstance,
  err: AppError,
  t: TFunction,
  opts: DescribeOptions = {},
): string | null {
  const described = describeAppError(err, t, opts);
  if (described.fields.length > 0) {
    form.setFields(described.fields);
  }
  return described.message;
}

/** A message for places without a form (list, detail, import). */
export function appErrorMessage(err: AppError, t: TFunction): string {
  return describeAppError(err, t, { hasField: () => false }).message ?? t('errors.kind.validation');
}
