/**
 * TEMPORARY: the annual report's templates in the shape of templates/define.ts (labels, computed fields,
 * rules with ids and the cells they read), built from the existing labels.ts, cell-labels.ts and rules.ts,
 * until they are rewritten on defineTemplate. The form uses only the contract; delete this file then.
 */
import { InputError, type Problem } from '../../src/errors.js';
import type { CellLabel, ComputedDefinition, RuleDefinition, Template } from '../../templates/define.js';
import { cellLabel } from '../../templates/gov-info-annual-report/cell-labels.js';
import {
  APPLICANT_COLUMNS, DENIED, NOT_PROCESSED, OTHER_2021, PROACTIVE_2019, PROACTIVE_2021, REVIEW_COLUMNS, REVIEW_GROUPS, ROWS, SECTION_HEADINGS, UNABLE,
} from '../../templates/gov-info-annual-report/labels.js';
import { applyRules } from '../../templates/gov-info-annual-report/rules.js';
import type { AnyData, Version } from '../../templates/gov-info-annual-report/schema.js';
import type { Template as OldTemplate } from '../../templates/types.js';

const A = 'tables.applications';
type Row = { key: string; row: string[] };

/** 表二's rows in printed order: data key (under tables.applications) and row labels, outermost first. */
function applicationRows(version: Version): Row[] {
  const sub = (key: string, head: string, labels: Record<string, string>): Row[] =>
    Object.entries(labels).map(([k, l]) => ({ key: `${key}.${k}`, row: [ROWS.results, head, l] }));
  return [
    { key: 'newReceived', row: [ROWS.newReceived] },
    { key: 'carriedOver', row: [ROWS.carriedOver] },
    { key: 'granted', row: [ROWS.results, ROWS.granted] },
    { key: 'partial', row: [ROWS.results, ROWS.partial] },
    ...sub('denied', ROWS.denied, DENIED),
    ...sub('unable', ROWS.unable, UNABLE),
    ...sub('notProcessed', ROWS.notProcessed, NOT_PROCESSED),
    ...(version === 2021 ? sub('other', ROWS.other, OTHER_2021) : [{ key: 'other', row: [ROWS.results, ROWS.other] }]),
    { key: 'total', row: [ROWS.results, ROWS.total] },
    { key: 'carriedForward', row: [ROWS.carriedForward] },
  ];
}

const REVIEW_ROWS: [string, string[]][] = [
  ['review', [REVIEW_GROUPS.review]],
  ['direct', ['行政诉讼', REVIEW_GROUPS.direct]],
  ['afterReview', ['行政诉讼', REVIEW_GROUPS.afterReview]],
];

function labels(version: Version): CellLabel[] {
  const out: CellLabel[] = [
    { path: 'agency', label: '机关名称', group: '基本情况', kind: 'text' },
    { path: 'year', label: '年度', group: '基本情况', kind: 'count', hint: 'yyyy' },
  ];
  for (const block of Object.values(version === 2021 ? PROACTIVE_2021 : PROACTIVE_2019) as { label: string; columns: readonly string[]; rows: Record<string, string> }[])
    for (const [key, rowLabel] of Object.entries(block.rows))
      block.columns.forEach((col, i) => {
        const kind = col === '本年增/减' ? 'signed' : /金额/.test(col) ? 'amount' : 'count';
        out.push({
          path: `tables.proactive.${key}${block.columns.length > 1 ? `[${i}]` : ''}`,
          label: `表一 ${rowLabel} ${col}`,
          group: `表一 ${block.label}`,
          row: [rowLabel],
          column: [col],
          kind,
          ...(kind === 'amount' ? { hint: '万元' } : kind === 'signed' ? { hint: '+17、0、-3' } : {}),
        });
      });
  for (const r of applicationRows(version))
    APPLICANT_COLUMNS.forEach((col, c) => {
      const path = `${A}.${r.key}[${c}]`;
      out.push({ path, label: cellLabel(path)!, group: '表二', row: r.row, column: [col], kind: 'count', computed: c === 6 || r.key === 'total' });
    });
  for (const [key, row] of REVIEW_ROWS)
    REVIEW_COLUMNS.forEach((col, c) => {
      const path = `tables.reviews.${key}[${c}]`;
      out.push({ path, label: cellLabel(path)!, group: '表三', row, column: [col], kind: 'count', computed: c === 4 });
    });
  for (const [key, heading] of Object.entries(SECTION_HEADINGS)) out.push({ path: `sections.${key}.paragraphs[*]`, label: heading, group: '正文', kind: 'prose' });
  return out;
}

/** The computed cells present in this data (filled by applyRules when left out). */
function computedPaths(d: AnyData, version: Version): string[] {
  const out: string[] = [];
  for (const r of applicationRows(version)) {
    if (r.key === 'total') {
      if (d?.tables?.applications?.total) out.push(`${A}.total`);
      continue;
    }
    out.push(`${A}.${r.key}[6]`);
  }
  for (const [key] of REVIEW_ROWS) out.push(`tables.reviews.${key}[4]`);
  return out;
}

/** The cells each rule family reads, for a finding's blamed path. */
function readsOf(p: Problem, version: Version): string[] {
  const col = /\[(\d+)\]$/.exec(p.path)?.[1];
  if (p.rule === 'A3') return Array.from({ length: 7 }, (_, c) => `${p.path.replace(/\[\d+\]$/, '')}[${c}]`);
  if (p.rule === 'A2' && col !== undefined)
    return [...applicationRows(version).filter((r) => r.row[0] === ROWS.results).map((r) => `${A}.${r.key}[${col}]`)];
  if (p.rule === 'A1' && col !== undefined) return ['newReceived', 'carriedOver', 'total', 'carriedForward'].map((k) => `${A}.${k}[${col}]`);
  if (/^R\d$/.test(p.rule ?? '')) return Array.from({ length: 5 }, (_, c) => `${p.path.replace(/\[\d+\]$/, '')}[${c}]`);
  if (p.rule === '跨年度' && p.path.startsWith('tables.proactive.')) return [0, 1, 2].map((i) => p.path.replace(/\[\d+\]$/, `[${i}]`));
  return [p.path];
}

/** Adds rule, severity and reads to the old check's problems; [A1] (blamed on the table) goes to its column's 一、本年新收 cell. */
function contractProblem(p: Problem, severity: 'error' | 'warning', version: Version, label: (path: string) => string): Problem {
  const rule = p.rule ?? /^\[([^\]]+)\]/.exec(p.message)?.[1];
  let path = p.path;
  if (rule === 'A1') {
    const col = /^\[A1\] 表二 (\S+)：/.exec(p.message)?.[1];
    path = `${A}.newReceived[${Math.max(0, (APPLICANT_COLUMNS as readonly string[]).indexOf(col ?? ''))}]`;
  }
  const old = cellLabel(path);
  const message = old && label(path) && old !== label(path) ? p.message.replace(old, label(path)) : p.message;
  const q: Problem = { path, message, rule, severity };
  return { ...q, reads: p.reads ?? readsOf(q, version) };
}

const RULES: [string, string][] = [
  ['V', '表二、表三 每个数都应填写（空白应填 0）'],
  ['A1', '表二 每列：一、本年新收 + 二、上年结转 = （七）总计 + 四、结转下年度继续办理'],
  ['A2', '表二 （七）总计 = 各项办理结果之和'],
  ['A3', '表二 每行：总计 = 六类申请人之和'],
  ['R1', '表三 行政复议：总计 = 结果维持 + 结果纠正 + 其他结果 + 尚未审结'],
  ['R2', '表三 未经复议直接起诉：总计 = 四项之和'],
  ['R3', '表三 复议后起诉：总计 = 四项之和'],
];

/** The old template with the contract's members added; check() keeps its exact behaviour, problems gain rule/severity/reads. */
export function adaptAnnualReport(old: OldTemplate<any>, version: Version, example: unknown): Template<AnyData> {
  const all = labels(version);
  const byPath = new Map(all.map((l) => [l.path, l.label]));
  const label = (p: string) => byPath.get(p) ?? '';
  const computed: ComputedDefinition<AnyData>[] = [
    { id: 'totals', description: '表二各行及（七）总计、表三各组总计', paths: (d) => computedPaths(d, version), fill: (d) => void applyRules(d, version) },
  ];
  const rules: RuleDefinition<AnyData>[] = RULES.map(([id, description]) => ({
    id,
    severity: 'error',
    description,
    check: (d) =>
      applyRules(structuredClone(d), version)
        .map((p) => contractProblem(p, 'error', version, label))
        .filter((p) => p.rule === id)
        .map((p) => ({ path: p.path, message: p.message.replace(/^\[[^\]]+\] /, ''), reads: p.reads })),
  }));
  return {
    ...(old as OldTemplate<AnyData>),
    version: String(version),
    labels: () => all,
    computed,
    rules,
    // the old check() runs the cross-year comparison itself; this declares it for the form
    previous: { parse: (x: unknown) => x as AnyData, rules: [{ id: '跨年度', severity: 'warning', description: '二、上年结转 = 上一年度 四、结转下年度继续办理', check: () => [] }] },
    example,
    check(input, opts) {
      let r: ReturnType<typeof old.check>;
      try {
        r = old.check(input, opts);
      } catch (e) {
        // shape errors name 表一's cells '第1个数': use the printed column instead
        if (e instanceof InputError) throw new InputError(e.problems.map((p) => ({ ...p, ...contractProblem(p, 'error', version, label) })), e.title);
        throw e;
      }
      return {
        data: r.data,
        errors: r.errors.map((p) => contractProblem(p, 'error', version, label)),
        warnings: r.warnings.map((p) => contractProblem(p, 'warning', version, label)),
      };
    },
  } as Template<AnyData>;
}
