import type { Problem } from '../../src/model/errors.js';
import { APPLICANT_COLUMNS, APPLICANTS, REVIEW_COLUMNS, REVIEW_GROUPS, ROWS } from './labels.js';
import { allRows, resultRows } from './rows.js';
import { cellLabel } from './cell-labels.js';
import type { AnyData, Data2021, Version } from './schema.js';

type Cells = (number | null)[];
/** A blank (null) adds nothing: the totals of a row with blanks are those of its other cells. */
const sum = (xs: Cells) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
const show = (v: number | null | undefined) => (v === null || v === undefined ? '空白' : String(v));
const terms = (labels: readonly string[], values: Cells) => labels.map((l, i) => `${l} ${show(values[i])}`).join(' + ');
const hasBlank = (xs: Cells) => xs.some((v) => v === null);

/**
 * Fills the totals a user left out and checks the ones given, in dependency order: each row's 总计 (A3),
 * then （七）总计 (A2), then the corner identity (A1); 表三's three 总计 (R1–R3). Messages are in Chinese and
 * name the rule, the row and column labels, the expected and the given value. Mutates `d` (a copy).
 */
export function applyRules(d: AnyData, version: Version, warnings: Problem[] = []): Problem[] {
  const errors: Problem[] = [];
  const a = d.tables.applications;

  // V: a blank where a count belongs is its own finding, one line per cell (not a type error).
  const blanks = (path: string, row: Cells) =>
    row.forEach((v, c) => {
      if (v === null) errors.push({ path: `${path}[${c}]`, rule: 'V', message: `[V] ${cellLabel(`${path}[${c}]`)}：空白单元格，应填 0` });
    });
  for (const r of allRows(d, version)) blanks(r.path, r.row);
  for (const key of Object.keys(REVIEW_GROUPS) as (keyof typeof REVIEW_GROUPS)[]) blanks(`tables.reviews.${key}`, d.tables.reviews[key]);
  /** A total computed over blanks is printed (with --allow-inconsistent) and flagged. */
  const flag = (path: string, label: string, value: number) =>
    warnings.push({ path, rule: 'V', message: `[V] ${label} 按其余单元格计算为 ${value}（有空白单元格，按 0 计）` });

  // A3: every row's 总计 = the six applicant columns.
  const rowTotal = (path: string, label: string, row: Cells) => {
    const expected = sum(row.slice(0, 6));
    if (row.length === 6 || row[6] === null) {
      row[6] = expected;
      if (hasBlank(row.slice(0, 6))) flag(`${path}[6]`, `表二 ${label} 总计`, expected);
    } else if (row[6] !== expected)
      errors.push({ path: `${path}[6]`, message: `[A3] 表二 ${label} 总计应为 ${expected}（${terms(APPLICANTS, row)}），填报为 ${show(row[6])}` });
  };
  for (const r of allRows(d, version)) if (r.path !== 'tables.applications.total') rowTotal(r.path, r.label, r.row);

  // A2: （七）总计 = the sum of the result rows, column by column.
  const results = resultRows(d, version);
  const computed = APPLICANT_COLUMNS.map((_, c) => sum(results.map((r) => r.row[c])));
  if (!a.total) {
    a.total = [...computed];
    APPLICANT_COLUMNS.forEach((col, c) => {
      if (results.some((r) => r.row[c] === null)) flag(`tables.applications.total[${c}]`, `表二 ${ROWS.total} ${col}`, computed[c]);
    });
  } else {
    if (a.total.length === 6) a.total.push(sum(a.total));
    APPLICANT_COLUMNS.forEach((col, c) => {
      if (a.total![c] === computed[c] || a.total![c] === null) return; // a blank total is reported by V
      const parts = results.filter((r) => r.row[c] !== 0 && r.row[c] !== null).map((r) => `${r.label} ${r.row[c]}`);
      const why = parts.length ? parts.join(' + ') : '各项均为 0';
      errors.push({ path: `tables.applications.total[${c}]`, message: `[A2] 表二 ${ROWS.total} ${col}应为 ${computed[c]}（${why}），填报为 ${a.total![c]}` });
    });
  }

  // A1: 一 + 二 = （七）总计 + 四, for every column (the identity printed in the corner cell).
  APPLICANT_COLUMNS.forEach((col, c) => {
    const left = (a.newReceived[c] ?? 0) + (a.carriedOver[c] ?? 0);
    const right = (a.total![c] ?? 0) + (a.carriedForward[c] ?? 0);
    if (left !== right)
      errors.push({
        path: `tables.applications`,
        message: `[A1] 表二 ${col}：${ROWS.newReceived} ${show(a.newReceived[c])} + ${ROWS.carriedOver} ${show(a.carriedOver[c])} = ${left}，应等于 ${ROWS.total} ${show(a.total![c])} + ${ROWS.carriedForward} ${show(a.carriedForward[c])} = ${right}`,
      });
  });

  // R1–R3: in each group of 表三, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结.
  (Object.keys(REVIEW_GROUPS) as (keyof typeof REVIEW_GROUPS)[]).forEach((key, i) => {
    const g = d.tables.reviews[key];
    const expected = sum(g.slice(0, 4));
    const name = key === 'review' ? REVIEW_GROUPS[key] : `行政诉讼 ${REVIEW_GROUPS[key]}`;
    if (g.length === 4 || g[4] === null) {
      g[4] = expected;
      if (hasBlank(g.slice(0, 4))) flag(`tables.reviews.${key}[4]`, `表三 ${name} 总计`, expected);
    } else if (g[4] !== expected)
      errors.push({ path: `tables.reviews.${key}[4]`, message: `[R${i + 1}] 表三 ${name} 总计应为 ${expected}（${terms(REVIEW_COLUMNS.slice(0, 4), g)}），填报为 ${show(g[4])}` });
  });
  return errors;
}

/** Cross-year checks against last year's data (warnings: last year's report may have been corrected since). */
export function crossYear(d: AnyData, version: Version, prev: AnyData, prevVersion: Version): Problem[] {
  const out: Problem[] = [];
  if (prev.year !== d.year - 1) out.push({ path: 'year', message: `上一年度数据的年份为 ${prev.year}，本年度为 ${d.year}，应相差一年` });
  const now = d.tables.applications.carriedOver;
  const before = prev.tables.applications.carriedForward;
  APPLICANT_COLUMNS.forEach((col, c) => {
    if (now[c] !== before[c])
      out.push({ path: `tables.applications.carriedOver[${c}]`, message: `[跨年度] 表二 ${ROWS.carriedOver} ${col}为 ${show(now[c])}，上一年度 ${ROWS.carriedForward} 为 ${show(before[c])}，两者应相等` });
  });
  if (version === 2021 && prevVersion === 2021) {
    const [now2021, prev2021] = [d as Data2021, prev as Data2021];
    for (const [key, label] of [['rules', '规章'], ['normativeDocs', '行政规范性文件']] as const) {
      const [issued, repealed, inForce] = now2021.tables.proactive[key];
      const expected = prev2021.tables.proactive[key][2] + issued - repealed;
      if (inForce !== expected)
        out.push({ path: `tables.proactive.${key}[2]`, message: `[跨年度] 表一 ${label} 现行有效件数应为 ${expected}（上年现行有效 ${prev2021.tables.proactive[key][2]} + 本年制发 ${issued} − 本年废止 ${repealed}），填报为 ${inForce}` });
    }
  }
  return out;
}

