import type { CellValue, NumberFormat } from '../model/table.js';

const NUMERIC = /^[+\-−]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/**
 * Formats a cell value. Text passes through; numbers (or numeric strings, which keep the decimals they
 * were given) take the column's format: fixed decimals, thousands separators, an explicit + sign.
 */
export function formatValue(v: CellValue, fmt?: NumberFormat): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' && !NUMERIC.test(v.trim())) return v;
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`is not a finite number (${v})`);
  if (!fmt) return typeof v === 'number' ? plain(v) : v;
  const s = typeof v === 'number' ? plain(v) : v.trim().replace(/,/g, '').replace('−', '-');
  const negative = s.startsWith('-');
  let digits = s.replace(/^[+-]/, '');
  if (typeof fmt.decimals === 'number') digits = fixed(digits, fmt.decimals);
  let [int, frac] = digits.split('.');
  if (fmt.thousands) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = frac !== undefined ? `${int}.${frac}` : int;
  const zero = /^[0.,]*$/.test(body);
  if (negative && !zero) return `-${body}`;
  if (fmt.sign === 'always' && !zero) return `+${body}`;
  return body;
}

/** No exponent notation, however large or small. */
function plain(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** Decimal rounding on the digit string (half away from zero), so 0.125 → 0.13 as a person expects. */
function fixed(digits: string, places: number): string {
  const [int, frac = ''] = digits.split('.');
  if (frac.length <= places) return places ? `${int}.${frac.padEnd(places, '0')}` : int;
  const all = (int + frac.slice(0, places)).split('').map(Number);
  if (Number(frac[places]) >= 5) {
    let i = all.length - 1;
    while (i >= 0) {
      if (all[i] === 9) {
        all[i] = 0;
        i--;
      } else {
        all[i]++;
        break;
      }
    }
    if (i < 0) all.unshift(1);
  }
  const s = all.join('');
  const cut = s.length - places;
  return places ? `${s.slice(0, cut)}.${s.slice(cut)}` : s;
}
