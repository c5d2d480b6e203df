// Unified social credit code (统一社会信用代码), GB 32100-2015. Mirrors core/src/uscc.rs.
const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/** 3^(i-1) mod 31 for positions 1..=17. */
const WEIGHTS: readonly number[] = Array.from({ length: 17 }, (_, i) => {
  let w = 1;
  for (let k = 0; k < i; k += 1) w = (w * 3) % 31;
  return w;
});

export type UsccResult =
  | { ok: true; value: string }
  | { ok: false; code: 'uscc_length' | 'uscc_invalid_char' }
  | { ok: false; code: 'uscc_check_char'; expected: string };

/** The check character for the first 17 characters, or null when one is not in the charset. */
export function usccCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i += 1) {
    const v = CHARSET.indexOf(first17[i]);
    if (v < 0) return null;
    sum += v * WEIGHTS[i];
  }
  return CHARSET[(31 - (sum % 31)) % 31];
}

/** Trims, upper-cases and validates; on success returns the normalised code. */
export function validateUscc(input: string): UsccResult {
  const code = input.trim().toUpperCase();
  if ([...code].length !== 18) return { ok: false, code: 'uscc_length' };
  for (const ch of code) {
    if (!CHARSET.includes(ch)) return { ok: false, code: 'uscc_invalid_char' };
  }
  const expected = usccCheckChar(code.slice(0, 17));
  if (expected === null) return { ok: false, code: 'uscc_invalid_char' };
  if (code[17] !== expected) return { ok: false, code: 'uscc_check_char', expected };
  return { ok: true, value: code };
}
