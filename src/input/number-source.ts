/**
 * The source text of numbers a double cannot hold exactly (123456789012345678901 parses as
 * 123456789012345680000): a message quoting what the user wrote must quote their digits, not the rounded
 * value. Keyed by the object or array holding the number, so it needs no path and dies with the data.
 */
const sources = new WeakMap<object, Map<string, string>>();

export function recordNumberSource(parent: object, key: string | number, text: string): void {
  let m = sources.get(parent);
  if (!m) sources.set(parent, (m = new Map()));
  m.set(String(key), text);
}

/** The number at parent[key] as the user wrote it, when that differs from how JavaScript prints it. */
export function numberSource(parent: unknown, key: string | number): string | undefined {
  return parent && typeof parent === 'object' ? sources.get(parent)?.get(String(key)) : undefined;
}

/** True when `text` (a JSON/YAML number as written) does not survive the trip through a double. */
export function isInexact(text: string, value: number): boolean {
  if (!/^-?\d+$/.test(text)) return false; // decimals and exponents: JavaScript's own printing is fair
  return !Number.isSafeInteger(value) || String(value) !== text.replace(/^(-?)0+(?=\d)/, '$1');
}
