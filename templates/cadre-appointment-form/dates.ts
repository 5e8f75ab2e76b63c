/**
 * Dates of the 任免表. Months are printed yyyy.MM; ages are whole years at month precision: a person born
 * in 1975.03 is 49 from 2024.03 on, whatever the day (the 任免表 software's convention), counted at
 * JiSuanNianLingShiJian, by default the fill date TianBiaoShiJian.
 */
export interface YM {
  y: number;
  m: number;
}

/** yyyyMM, yyyy.MM, yyyy-MM, or a date with a day (the day is ignored); undefined when not a month. */
export function parseYM(s: string | undefined): YM | undefined {
  const m = /^(\d{4})[.\-]?(\d{2})(?:[.\-]?\d{2})?$/.exec((s ?? '').trim());
  if (!m) return undefined;
  const ym = { y: Number(m[1]), m: Number(m[2]) };
  return ym.m >= 1 && ym.m <= 12 ? ym : undefined;
}

/** `1975.03`; text that is not a month is printed as given. */
export function showYM(s: string | undefined): string {
  const ym = parseYM(s);
  return ym ? fmt(ym) : (s ?? '').trim();
}

export function fmt(ym: YM): string {
  return `${ym.y}.${String(ym.m).padStart(2, '0')}`;
}

/** Months since year 0, for comparing and subtracting. */
export function months(ym: YM): number {
  return ym.y * 12 + ym.m - 1;
}

/** Whole years from `birth` to `at`, at month precision; undefined when either is missing or at < birth. */
export function ageAt(birth: YM | undefined, at: YM | undefined): number | undefined {
  if (!birth || !at) return undefined;
  const a = Math.floor((months(at) - months(birth)) / 12);
  return a >= 0 ? a : undefined;
}

/** The date ages are counted at: JiSuanNianLingShiJian, else TianBiaoShiJian. */
export function ageDate(d: { JiSuanNianLingShiJian?: string; TianBiaoShiJian?: string }): YM | undefined {
  return parseYM(d.JiSuanNianLingShiJian) ?? parseYM(d.TianBiaoShiJian);
}
