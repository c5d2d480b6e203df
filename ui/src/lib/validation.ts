// Client-side mirror of core/src/distributor/validate.rs. The server stays the
// authority; these give the same error codes earlier, next to the field.
import { validateUscc } from './uscc';
import { ungroup } from './money';

export type FieldProblem = { code: string; detail?: string };

export const MAX_LENGTH = {
  code: 20,
  name: 100,
  short_name: 50,
  address: 200,
  notes: 2000,
} as const;

const blank = (v: string | null | undefined) => v === undefined || v === null || v.trim() === '';

export function checkRequired(v: string | null | undefined): FieldProblem | null {
  return blank(v) ? { code: 'required' } : null;
}

export function checkMaxLength(v: string | null | undefined, max: number): FieldProblem | null {
  if (blank(v)) return null;
  return [...(v as string).trim()].length > max ? { code: 'too_long', detail: String(max) } : null;
}

export function checkCode(v: string | null | undefined): FieldProblem | null {
  if (blank(v)) return null;
  const code = (v as string).trim();
  if (!/^[A-Za-z0-9_-]+$/.test(code)) return { code: 'code_chars' };
  return checkMaxLength(code, MAX_LENGTH.code);
}

export function checkUscc(v: string | null | undefined): FieldProblem | null {
  if (blank(v)) return null;
  const r = validateUscc(v as string);
  if (r.ok) return null;
  return r.code === 'uscc_check_char' ? { code: r.code, detail: r.expected } : { code: r.code };
}

/** Mainland mobile, landline with area code, or 400/800; spaces, dashes, brackets and +86 allowed. */
export function isPhone(s: string): boolean {
  let digits = s.trim().replace(/[\s\-()]/g, '');
  if (digits.startsWith('+86')) digits = digits.slice(3);
  if (!/^\d+$/.test(digits)) return false;
  switch (digits[0]) {
    case '1':
      return /^1[3-9]\d{9}$/.test(digits);
    case '0':
      return digits.length >= 10 && digits.length <= 12;
    case '4':
    case '8':
      return /^(400|800)\d{7}$/.test(digits);
    default:
      return false;
  }
}

export function checkPhone(v: string | null | undefined): FieldProblem | null {
  if (blank(v)) return null;
  return isPhone(v as string) ? null : { code: 'phone_format' };
}

export function isEmail(s: string): boolean {
  const at = s.indexOf('@');
  if (at <= 0) return false;
  const domain = s.slice(at + 1);
  if (domain.includes('@') || /\s/.test(s)) return false;
  const parts = domain.split('.');
  return parts.length >= 2 && parts.every((p) => p !== '');
}

export function checkEmail(v: string | null | undefined): FieldProblem | null {
  if (blank(v)) return null;
  return isEmail((v as string).trim()) ? null : { code: 'email_format' };
}

/** A contact needs at least one way to be reached (core/src/distributor/contacts.rs). */
export function checkContactChannel(c: {
  phone?: string | null;
  email?: string | null;
  wechat?: string | null;
}): FieldProblem | null {
  return blank(c.phone) && blank(c.email) && blank(c.wechat) ? { code: 'contact_channel_required' } : null;
}

/** Largest amount the server stores: i64 minor units (fen). */
const MAX_FEN = 9223372036854775807n;

/** A non-negative amount with at most two decimals; thousands separators allowed. Empty means zero. */
export function checkMoney(v: string | null | undefined): FieldProblem | null {
  if (blank(v)) return null;
  const s = ungroup(v as string);
  if (s === null) return { code: 'money_grouping' };
  const m = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(s);
  if (!m || (m[2] === '' && (m[3] ?? '') === '')) return { code: 'money_invalid' };
  const [, sign, int, frac = ''] = m;
  const significantFrac = frac.replace(/0+$/, '');
  if (significantFrac.length > 2) return { code: 'money_too_precise' };
  const fen = BigInt(int || '0') * 100n + BigInt(significantFrac.padEnd(2, '0'));
  if (sign === '-' && fen > 0n) return { code: 'negative' };
  if (fen > MAX_FEN) return { code: 'money_out_of_range' };
  return null;
}

export function checkPaymentDays(v: number | null | undefined): FieldProblem | null {
  if (v === undefined || v === null) return null;
  return Number.isInteger(v) && v >= 0 && v <= 365 ? null : { code: 'out_of_range', detail: '0–365' };
}

export function checkScore(v: number | null | undefined): FieldProblem | null {
  if (v === undefined || v === null) return { code: 'required' };
  return Number.isInteger(v) && v >= 0 && v <= 100 ? null : { code: 'score_range' };
}
