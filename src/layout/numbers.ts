import type { CellValue, NumberFormat } from '../model/table.js';

const NUMERIC = /^[+\-−]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?$/;

/**
 * Formats a cell value. Text passes through; numbers (or numeric strings, which keep the decimals they
 * were given) take the column's format: fixed decimals, thousands separators, an explicit + sign.
 */
export function formatValue(v: CellValue, fmt?: NumberFormat): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' && !NUMERIC.test(v.trim())) return v;
  if (typeof v === 'number' && !Number.isFinite(v)) throw new Error(`不是有限的数（${v}）`);
  if (!fmt) return typeof v === 'number' ? plain(v) : v;
  // Intl formats the decimal string exactly (no float in between): '0.125' rounds to 0.13, as a person expects.
  const decimal = typeof v === 'number' ? plain(v) : v.trim().replace(/,/g, '').replace('−', '-');
  const given = decimal.split('.')[1]?.length ?? 0;
  // 'as-given' (and no `decimals`): keep exactly the digits written
  const places = typeof fmt.decimals === 'number' ? fmt.decimals : Math.min(given, 100);
  return formatter(places, !!fmt.thousands, fmt.sign === 'always').format(decimal as unknown as number);
}

/** Building an Intl.NumberFormat costs far more than formatting; a table asks for the same few thousands of times. */
const formatters = new Map<string, Intl.NumberFormat>();
function formatter(places: number, thousands: boolean, sign: boolean): Intl.NumberFormat {
  const key = `${places}|${thousands}|${sign}`;
  let f = formatters.get(key);
  if (!f)
    formatters.set(
      key,
      (f = new Intl.NumberFormat('en-US', {
        minimumFractionDigits: places,
        maximumFractionDigits: places,
        roundingMode: 'halfExpand',
        useGrouping: thousands ? 'always' : false,
        // a value that rounds to zero is written without a sign, whichever the format
        signDisplay: sign ? 'exceptZero' : 'negative',
      } as Intl.NumberFormatOptions)),
    );
  return f;
}

/** No exponent notation, however large or small. */
function plain(n: number): string {
  const s = String(n);
  if (!/e/i.test(s)) return s;
  return n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}
