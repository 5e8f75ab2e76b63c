import { InputError } from '../../src/model/errors.js';
import type { AnyData } from './schema.js';

/** Adds decimal strings/numbers exactly (amounts in 万元 keep every decimal given). */
export function addAmounts(values: (number | string)[]): string | number {
  if (values.every((v) => typeof v === 'number' && Number.isInteger(v))) {
    const n = (values as number[]).reduce((a, b) => a + b, 0);
    if (Number.isSafeInteger(n)) return n;
  }
  const parts = values.map((v) => decimal(v).split('.'));
  const scale = Math.max(...parts.map((p) => (p[1] ?? '').length));
  let total = 0n;
  for (const [int, frac = ''] of parts) total += BigInt(int + frac.padEnd(scale, '0'));
  const s = total.toString().padStart(scale + 1, '0');
  return scale ? `${s.slice(0, -scale)}.${s.slice(-scale)}` : s;
}

/** A number as plain decimal digits, never in exponent notation (1e-7 → "0.0000001"), so BigInt can add it. */
function decimal(v: number | string): string {
  if (typeof v === 'string') return v;
  return v.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 });
}

/** Sums every number of the same shape, leaf by leaf; signed strings ("+3") add as numbers and keep a sign. */
function sumTree(items: unknown[], path: string): unknown {
  const first = items[0];
  if (Array.isArray(first)) {
    const len = Math.max(...items.map((x) => (x as unknown[]).length));
    return Array.from({ length: len }, (_, i) => sumTree(items.map((x) => (x as unknown[])[i] ?? 0), `${path}[${i}]`));
  }
  if (first && typeof first === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(first)) out[k] = sumTree(items.map((x) => (x as Record<string, unknown>)[k]), `${path}.${k}`);
    return out;
  }
  if (items.some((v) => typeof v === 'string' && /^[+\-−]/.test(v))) {
    const n = items.reduce<number>((a, v) => a + Number(String(v).replace('−', '-')), 0);
    return n > 0 ? `+${n}` : String(n);
  }
  return addAmounts(items as (number | string)[]);
}

/** 汇总: one data file whose tables are the sums of the agencies'; rules must hold for the sum as for each part. */
export function aggregateData<D extends AnyData>(datas: D[], agency: string): D {
  const years = new Set(datas.map((d) => d.year));
  if (years.size > 1) throw new InputError([{ path: 'year', message: `各文件的年度不同（${[...years].join('、')}），不能汇总` }], '汇总失败');
  const tables = sumTree(datas.map((d) => d.tables), 'tables') as D['tables'];
  return { agency: agency || `${datas[0].agency}等${datas.length}个机关`, year: datas[0].year, sections: {}, tables } as unknown as D;
}
