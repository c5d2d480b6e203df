// Money is a decimal string end to end; these helpers never turn it into a float.

const MONEY_RE = /^(-?)(\d+)(?:\.(\d*))?$/;

/**
 * The amount without its thousands separators, or `null` when a comma stands
 * anywhere else ("1,5", "12,34", "1,2345"): commas group the whole part in
 * threes ("1,234.50"), as the server reads them.
 */
export function ungroup(raw: string): string | null {
  const s = raw.trim();
  if (!s.includes(',')) return s;
  return /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/.test(s) ? s.replace(/,/g, '') : null;
}

/** "1234567.5" → "1,234,567.50". Anything that is not a plain decimal is returned unchanged. */
export function formatMoney(s: string): string {
  const trimmed = s.trim();
  if (trimmed === '') return '';
  const m = MONEY_RE.exec(trimmed.replace(/,/g, ''));
  if (!m) return s;
  const [, sign, intRaw, fracRaw = ''] = m;
  const int = intRaw.replace(/^0+(?=\d)/, '');
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const frac = fracRaw.length >= 2 ? fracRaw : fracRaw.padEnd(2, '0');
  const isZero = /^0*$/.test(int) && /^0*$/.test(frac);
  return `${isZero ? '' : sign}${grouped}.${frac}`;
}
