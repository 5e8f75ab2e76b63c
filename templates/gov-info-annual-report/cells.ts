/**
 * Every printed data cell of the annual report as a CellLabel (templates/define.ts): its path, the label
 * messages use (cellLabel, so the form and the messages agree), its row and column headers as printed, its
 * kind, and whether a computed field fills it. Built from the official labels in labels.ts.
 */
import type { CellKind, CellLabel } from '../define.js';
import { cellLabel } from './cell-labels.js';
import { APPLICANT_COLUMNS, DENIED, NOT_PROCESSED, OTHER_2021, PROACTIVE_2019, PROACTIVE_2021, REVIEW_COLUMNS, REVIEW_GROUPS, ROWS, SECTION_HEADINGS, UNABLE } from './labels.js';
import type { AnyData, Version } from './schema.js';

const A = 'tables.applications';

/** 表二's column headers as printed: 申请人情况 › 法人或其他组织 › 商业企业. */
function applicantColumn(c: number): string[] {
  if (c === 0 || c === 6) return ['申请人情况', APPLICANT_COLUMNS[c]];
  return ['申请人情况', '法人或其他组织', APPLICANT_COLUMNS[c]];
}

function applications(version: Version): CellLabel[] {
  const rows: { path: string; row: string[] }[] = [
    { path: `${A}.newReceived`, row: [ROWS.newReceived] },
    { path: `${A}.carriedOver`, row: [ROWS.carriedOver] },
    { path: `${A}.granted`, row: [ROWS.results, ROWS.granted] },
    { path: `${A}.partial`, row: [ROWS.results, ROWS.partial] },
  ];
  const group = (key: string, head: string, labels: Record<string, string>) => {
    for (const [k, label] of Object.entries(labels)) rows.push({ path: `${A}.${key}.${k}`, row: [ROWS.results, head, label] });
  };
  group('denied', ROWS.denied, DENIED);
  group('unable', ROWS.unable, UNABLE);
  group('notProcessed', ROWS.notProcessed, NOT_PROCESSED);
  if (version === 2021) group('other', ROWS.other, OTHER_2021);
  else rows.push({ path: `${A}.other`, row: [ROWS.results, ROWS.other] });
  rows.push({ path: `${A}.total`, row: [ROWS.results, ROWS.total] }, { path: `${A}.carriedForward`, row: [ROWS.carriedForward] });
  return rows.flatMap(({ path, row }) =>
    APPLICANT_COLUMNS.map((_, c) => {
      const p = `${path}[${c}]`;
      return { path: p, label: cellLabel(p)!, group: '表二', row, column: applicantColumn(c), kind: 'count' as const, ...(c === 6 || path === `${A}.total` ? { computed: true } : {}) };
    }),
  );
}

function reviews(): CellLabel[] {
  return (Object.keys(REVIEW_GROUPS) as (keyof typeof REVIEW_GROUPS)[]).flatMap((key) =>
    REVIEW_COLUMNS.map((col, c) => {
      const p = `tables.reviews.${key}[${c}]`;
      const head = key === 'review' ? [REVIEW_GROUPS[key]] : ['行政诉讼', REVIEW_GROUPS[key]];
      return { path: p, label: cellLabel(p)!, group: '表三', column: [...head, col], kind: 'count' as const, ...(c === 4 ? { computed: true } : {}) };
    }),
  );
}

const kindOf = (column: string): CellKind => (column === '本年增/减' ? 'signed' : /金额/.test(column) ? 'amount' : 'count');

function proactive(version: Version): CellLabel[] {
  const blocks = Object.values(version === 2021 ? PROACTIVE_2021 : PROACTIVE_2019);
  return blocks.flatMap((block) =>
    Object.entries(block.rows).flatMap(([key, rowLabel]) =>
      (block.columns as readonly string[]).map((col, i) => {
        const p = block.columns.length === 1 ? `tables.proactive.${key}` : `tables.proactive.${key}[${i}]`;
        return { path: p, label: cellLabel(p)!, group: '表一', row: [block.label, rowLabel], column: [col], kind: kindOf(col), ...(kindOf(col) === 'amount' ? { hint: '万元' } : {}) };
      }),
    ),
  );
}

/** The prose and the names around the tables; paragraphs are listed per item for the data given. */
function text(d?: AnyData): CellLabel[] {
  const each = (path: string, label: string, items: unknown[] | undefined): CellLabel[] =>
    items?.length ? items.map((_, i) => ({ path: `${path}[${i}]`, label: `${label} 第${i + 1}段`, group: '正文', kind: 'prose' as const })) : [{ path: `${path}[*]`, label, group: '正文', kind: 'prose' }];
  const out: CellLabel[] = [
    { path: 'agency', label: '机关名称', group: '基本信息', kind: 'text' },
    { path: 'year', label: '年度', group: '基本信息', kind: 'number' },
    { path: 'title', label: '标题', group: '基本信息', kind: 'text', hint: '默认：机关名称 + 年度 + 政府信息公开工作年度报告' },
    ...each('intro', '引言', d?.intro),
  ];
  for (const [key, heading] of Object.entries(SECTION_HEADINGS) as [keyof typeof SECTION_HEADINGS, string][]) {
    out.push({ path: `sections.${key}.heading`, label: `${heading} 标题`, group: '正文', kind: 'text', hint: heading });
    out.push(...each(`sections.${key}.paragraphs`, `${heading} 正文`, d?.sections[key].paragraphs));
    if (key === 'proactive' || key === 'applications' || key === 'reviews') out.push({ path: `sections.${key}.caption`, label: `${heading} 表题`, group: '正文', kind: 'text' });
  }
  out.push({ path: 'signature.agency', label: '落款机关', group: '落款', kind: 'text' }, { path: 'signature.date', label: '落款日期', group: '落款', kind: 'date' });
  return out;
}

export function labelsFor(version: Version, d?: AnyData): CellLabel[] {
  return [...text(d), ...proactive(version), ...applications(version), ...reviews()];
}
