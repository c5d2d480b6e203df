// Money is a decimal string end to end; these helpers never turn it into a float.

const MONEY_RE = /^(-?)(\d+)(?:\.(\d*))?$/;

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
