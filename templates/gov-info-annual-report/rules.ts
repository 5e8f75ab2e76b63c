/**
 * The 勾稽 rules of the annual report as data (see templates/define.ts): each has an id, a severity, a
 * one-line description, the cells it reads and the cell it blames. Messages are Chinese and name the rule
 * (cited by defineTemplate), the row and column labels, the expected and the given value. The totals a user
 * leaves out are filled before the rules run (computed.ts), so a filled total always agrees with its rule.
 */
import type { CrossYearRuleDefinition, RuleDefinition, RuleFinding } from '../define.js';
import { APPLICANT_COLUMNS, APPLICANTS, REVIEW_COLUMNS, REVIEW_GROUPS, ROWS } from './labels.js';
import { allRows, resultRows } from './rows.js';
import { cellLabel } from './cell-labels.js';
import type { AnyData, Data2021, Version } from './schema.js';

type Cells = (number | null)[];
/** A blank (null) adds nothing: the totals of a row with blanks are those of its other cells. */
export const sum = (xs: Cells) => xs.reduce<number>((a, b) => a + (b ?? 0), 0);
const show = (v: number | null | undefined) => (v === null || v === undefined ? '空白' : String(v));
const terms = (labels: readonly string[], values: Cells) => labels.map((l, i) => `${l} ${show(values[i])}`).join(' + ');
const hasBlank = (xs: Cells) => xs.some((v) => v === null);
const cells = (path: string, n: number) => Array.from({ length: n }, (_, c) => `${path}[${c}]`);
const A = 'tables.applications';
type ReviewKey = keyof typeof REVIEW_GROUPS;
const REVIEW_KEYS = Object.keys(REVIEW_GROUPS) as ReviewKey[];
const reviewName = (key: ReviewKey) => (key === 'review' ? REVIEW_GROUPS[key] : `行政诉讼 ${REVIEW_GROUPS[key]}`);

/**
 * V: a blank where a count belongs is its own finding, one per cell (an error, not a type error); a total
 * computed over blanks is printed (with --allow-inconsistent) and flagged as a warning. Reads the data as
 * given: after the computed fields ran, a blank total is no longer blank.
 */
function blanks(version: Version): RuleDefinition<AnyData> {
  return {
    id: 'V',
    severity: 'error',
    description: '表二、表三的每个数都应填写（没有的填 0），不能留空',
    check(d, ctx) {
      const g = ctx.given ?? d;
      const out: RuleFinding[] = [];
      const blank = (path: string, row: Cells) =>
        row.forEach((v, c) => {
          if (v === null) out.push({ path: `${path}[${c}]`, message: `${cellLabel(`${path}[${c}]`)}：空白单元格，应填 0` });
        });
      for (const r of allRows(g, version)) blank(r.path, r.row);
      for (const key of REVIEW_KEYS) blank(`tables.reviews.${key}`, g.tables.reviews[key]);
      const flag = (path: string, label: string, value: number | null) =>
        out.push({ path, severity: 'warning', message: `${label} 按其余单元格计算为 ${value}（有空白单元格，按 0 计）` });
      const filled = new Map(allRows(d, version).map((r) => [r.path, r.row]));
      for (const r of allRows(g, version))
        if (r.path !== `${A}.total` && (r.row.length === 6 || r.row[6] === null) && hasBlank(r.row.slice(0, 6))) flag(`${r.path}[6]`, `表二 ${r.label} 总计`, filled.get(r.path)![6]);
      if (!g.tables.applications.total) {
        const results = resultRows(d, version);
        APPLICANT_COLUMNS.forEach((col, c) => {
          if (results.some((r) => r.row[c] === null)) flag(`${A}.total[${c}]`, `表二 ${ROWS.total} ${col}`, d.tables.applications.total![c]);
        });
      }
      for (const key of REVIEW_KEYS) {
        const row = g.tables.reviews[key];
        if ((row.length === 4 || row[4] === null) && hasBlank(row.slice(0, 4))) flag(`tables.reviews.${key}[4]`, `表三 ${reviewName(key)} 总计`, d.tables.reviews[key][4]);
      }
      return out;
    },
  };
}

/** A3: every row's 总计 = the six applicant columns. */
function rowTotals(version: Version): RuleDefinition<AnyData> {
  const rows = (d: AnyData) => allRows(d, version).filter((r) => r.path !== `${A}.total`);
  return {
    id: 'A3',
    severity: 'error',
    description: '表二 每行：总计 = 自然人 + 商业企业 + 科研机构 + 社会公益组织 + 法律服务机构 + 其他',
    reads: (d) => rows(d).flatMap((r) => cells(r.path, 7)),
    check: (d) =>
      rows(d).flatMap((r) => {
        const expected = sum(r.row.slice(0, 6));
        if (r.row[6] === expected) return [];
        return [{ path: `${r.path}[6]`, reads: cells(r.path, 7), message: `表二 ${r.label} 总计应为 ${expected}（${terms(APPLICANTS, r.row)}），填报为 ${show(r.row[6])}` }];
      }),
  };
}

/** A2: （七）总计 = the sum of the result rows, column by column. */
function resultTotal(version: Version): RuleDefinition<AnyData> {
  const readsOf = (d: AnyData, c: number) => [...resultRows(d, version).map((r) => `${r.path}[${c}]`), `${A}.total[${c}]`];
  return {
    id: 'A2',
    severity: 'error',
    description: `表二 每列：${ROWS.total} = （一）至（六）各项之和`,
    reads: (d) => APPLICANT_COLUMNS.flatMap((_, c) => readsOf(d, c)),
    check(d) {
      const results = resultRows(d, version);
      const total = d.tables.applications.total!;
      const out: RuleFinding[] = [];
      APPLICANT_COLUMNS.forEach((col, c) => {
        const computed = sum(results.map((r) => r.row[c]));
        if (total[c] === computed || total[c] === null) return; // a blank total is reported by V
        const parts = results.filter((r) => r.row[c] !== 0 && r.row[c] !== null).map((r) => `${r.label} ${r.row[c]}`);
        const why = parts.length ? parts.join(' + ') : '各项均为 0';
        out.push({ path: `${A}.total[${c}]`, reads: readsOf(d, c), message: `表二 ${ROWS.total} ${col}应为 ${computed}（${why}），填报为 ${total[c]}` });
      });
      return out;
    },
  };
}

/** A1: 一 + 二 = （七）总计 + 四, for every column (the identity printed in the corner cell). */
const identity: RuleDefinition<AnyData> = {
  id: 'A1',
  severity: 'error',
  description: `表二 每列：${ROWS.newReceived} + ${ROWS.carriedOver} = ${ROWS.total} + ${ROWS.carriedForward}`,
  reads: () => ['newReceived', 'carriedOver', 'total', 'carriedForward'].flatMap((k) => cells(`${A}.${k}`, 7)),
  check(d) {
    const a = d.tables.applications;
    const out: RuleFinding[] = [];
    APPLICANT_COLUMNS.forEach((col, c) => {
      const left = (a.newReceived[c] ?? 0) + (a.carriedOver[c] ?? 0);
      const right = (a.total![c] ?? 0) + (a.carriedForward[c] ?? 0);
      if (left !== right)
        out.push({
          path: A,
          reads: ['newReceived', 'carriedOver', 'total', 'carriedForward'].map((k) => `${A}.${k}[${c}]`),
          message: `表二 ${col}：${ROWS.newReceived} ${show(a.newReceived[c])} + ${ROWS.carriedOver} ${show(a.carriedOver[c])} = ${left}，应等于 ${ROWS.total} ${show(a.total![c])} + ${ROWS.carriedForward} ${show(a.carriedForward[c])} = ${right}`,
        });
    });
    return out;
  },
};

/** A4: the schema itself enforces it (a whole number ≥ 0 or a blank); its shape errors cite A4. */
const counts: RuleDefinition<AnyData> = {
  id: 'A4',
  severity: 'error',
  description: '表二 每个数为不小于 0 的整数',
  shape: (path) => path.startsWith(`${A}.`),
  check: () => [],
};

/** R1–R3: in each group of 表三, 总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结. */
const reviewTotals: RuleDefinition<AnyData>[] = REVIEW_KEYS.map((key, i) => ({
  id: `R${i + 1}`,
  severity: 'error',
  description: `表三 ${reviewName(key)}：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结`,
  reads: () => cells(`tables.reviews.${key}`, 5),
  check(d) {
    const g = d.tables.reviews[key];
    const expected = sum(g.slice(0, 4));
    if (g[4] === expected) return [];
    return [{ path: `tables.reviews.${key}[4]`, message: `表三 ${reviewName(key)} 总计应为 ${expected}（${terms(REVIEW_COLUMNS.slice(0, 4), g)}），填报为 ${show(g[4])}` }];
  },
}));

function overviewLength(d: AnyData): number {
  return d.sections.overview.paragraphs.map((p) => (typeof p === 'string' ? p : p.heading + p.text)).join('').replace(/\s/g, '').length;
}

/** W1 (2021): 总体情况 at most about a thousand characters. */
const overviewLimit: RuleDefinition<AnyData> = {
  id: 'W1',
  severity: 'warning',
  cite: '',
  description: '2021 年格式：总体情况篇幅原则上不超过一千字',
  reads: () => ['sections.overview.paragraphs'],
  check: (d) =>
    overviewLength(d) > 1000 ? [{ path: 'sections.overview', message: `总体情况共 ${overviewLength(d)} 字，超过 2021 年格式要求的“篇幅原则上不超过一千字”` }] : [],
};

/** W2: the format matches the year (2021 and later use the 2021 format). */
function formatForYear(version: Version): RuleDefinition<AnyData> {
  return {
    id: 'W2',
    severity: 'warning',
    cite: '',
    description: '2020 年度及以前用 2019 年格式，2021 年度起用 2021 年格式',
    reads: () => ['year'],
    check(d) {
      if (version === 2019 && d.year >= 2021) return [{ path: 'year', message: `${d.year} 年度报告应使用 2021 年格式（gov-info-annual-report-2021）` }];
      if (version === 2021 && d.year < 2021) return [{ path: 'year', message: `${d.year} 年度报告应使用 2019 年格式（gov-info-annual-report-2019）` }];
      return [];
    },
  };
}

export function rulesFor(version: Version): RuleDefinition<AnyData>[] {
  return [blanks(version), rowTotals(version), resultTotal(version), identity, counts, ...reviewTotals, ...(version === 2021 ? [overviewLimit] : []), formatForYear(version)];
}

/** Last year's data, parsed in its own format (2020 and earlier: 2019) with its totals filled. */
export interface Previous {
  data: AnyData;
  version: Version;
}

/** Cross-year checks against last year's data (warnings: last year's report may have been corrected since). */
export function crossYearRules(version: Version): CrossYearRuleDefinition<AnyData, Previous>[] {
  return [
    {
      id: 'X1',
      severity: 'warning',
      cite: '',
      description: '上一年度数据的年份比本年度早一年',
      check: (d, prev) => (prev.data.year !== d.year - 1 ? [{ path: 'year', message: `上一年度数据的年份为 ${prev.data.year}，本年度为 ${d.year}，应相差一年` }] : []),
    },
    {
      id: 'X2',
      severity: 'warning',
      cite: '跨年度',
      description: `表二 ${ROWS.carriedOver} = 上一年度的 ${ROWS.carriedForward}`,
      check(d, prev) {
        const now = d.tables.applications.carriedOver;
        const before = prev.data.tables.applications.carriedForward;
        return APPLICANT_COLUMNS.flatMap((col, c) =>
          now[c] !== before[c]
            ? [{ path: `${A}.carriedOver[${c}]`, message: `表二 ${ROWS.carriedOver} ${col}为 ${show(now[c])}，上一年度 ${ROWS.carriedForward} 为 ${show(before[c])}，两者应相等` }]
            : [],
        );
      },
    },
    {
      id: 'X3',
      severity: 'warning',
      cite: '跨年度',
      description: '表一（2021 年格式，两年都是）：现行有效件数 = 上年现行有效件数 + 本年制发件数 − 本年废止件数',
      check(d, prev) {
        if (version !== 2021 || prev.version !== 2021) return [];
        const [now, before] = [d as Data2021, prev.data as Data2021];
        return (['rules', 'normativeDocs'] as const).flatMap((key) => {
          const label = key === 'rules' ? '规章' : '行政规范性文件';
          const [issued, repealed, inForce] = now.tables.proactive[key];
          const expected = before.tables.proactive[key][2] + issued - repealed;
          if (inForce === expected) return [];
          return [
            {
              path: `tables.proactive.${key}[2]`,
              reads: [0, 1, 2].map((i) => `tables.proactive.${key}[${i}]`),
              message: `表一 ${label} 现行有效件数应为 ${expected}（上年现行有效 ${before.tables.proactive[key][2]} + 本年制发 ${issued} − 本年废止 ${repealed}），填报为 ${inForce}`,
            },
          ];
        });
      },
    },
  ];
}
