import { describe, expect, it } from 'vitest';
import { usccCheckChar, validateUscc } from './uscc';

describe('validateUscc', () => {
  it('accepts valid codes', () => {
    expect(validateUscc('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    expect(validateUscc('91110000802100433B')).toEqual({ ok: true, value: '91110000802100433B' });
  });

  it('normalises case and surrounding spaces', () => {
    expect(validateUscc(' 91110000802100433b ')).toEqual({ ok: true, value: '91110000802100433B' });
  });

  it('reports a wrong check character with the expected one', () => {
    expect(validateUscc('91110000802100433C')).toEqual({
      ok: false,
      code: 'uscc_check_char',
      expected: 'B',
    });
  });

  it('reports the length', () => {
    expect(validateUscc('9111000080210043')).toEqual({ ok: false, code: 'uscc_length' });
    expect(validateUscc('')).toEqual({ ok: false, code: 'uscc_length' });
  });

  it('refuses letters outside the charset (I, O, S, V, Z)', () => {
    expect(validateUscc('91110000802100433I')).toEqual({ ok: false, code: 'uscc_invalid_char' });
    expect(validateUscc('9111000080210O433B')).toEqual({ ok: false, code: 'uscc_invalid_char' });
  });

  it('maps a check value of 31 to 0', () => {
    // Find a prefix whose sum is a multiple of 31 by varying the last digit.
    let found: string | null = null;
    for (const ch of '0123456789ABCDEFGHJKLMNPQRTUWXY') {
      const prefix = `9111000080210043${ch}`;
      if (usccCheckChar(prefix) === '0') found = prefix;
    }
    expect(found).not.toBeNull();
    expect(validateUscc(`${found}0`).ok).toBe(true);
  });
});
