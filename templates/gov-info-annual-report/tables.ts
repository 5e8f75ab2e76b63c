import type { GridCell, GridTable, HeaderNode, RowNode, TreeTable } from '../../src/model/table.js';
import {
  APPLICANTS, CORNER, DENIED, INFO_CONTENT, NOT_PROCESSED, OTHER_2021, PROACTIVE_2019, PROACTIVE_2021, REVIEW_COLUMNS, REVIEW_GROUPS, ROWS, UNABLE,
} from './labels.js';
import { resultRows } from './rows.js';
import type { AnyData, Data2019, Data2021, Version } from './schema.js';

type Cell = GridCell | string | number | null;

const leaves = (labels: Record<string, string>): RowNode[] => Object.values(labels).map((label) => ({ label }));

/** 表二: 3 label columns (三、本年度办理结果 stacked one character per line) and 7 number columns. */
export function applicationsTable(d: AnyData, version: Version, caption?: string): TreeTable {
  const a = d.tables.applications;
  const v2021 = version === 2021;
  const numberCol = { width: { weight: 685 } } as const;
  const columns: HeaderNode[] = [
    {
      label: '申请人情况',
      children: [
        { label: APPLICANTS[0], vertical: true, ...numberCol },
        { label: '法人或其他组织', children: [...APPLICANTS.slice(1, 5).map((label) => ({ label, ...numberCol })), { label: APPLICANTS[5], vertical: true, ...numberCol }] },
        { label: '总计', ...numberCol },
      ],
    },
  ];
  const results: RowNode[] = [
    { label: ROWS.granted },
    { label: ROWS.partial },
    { label: ROWS.denied, children: leaves(DENIED) },
    { label: ROWS.unable, children: leaves(UNABLE) },
    { label: ROWS.notProcessed, children: leaves(NOT_PROCESSED) },
    v2021 && (d as Data2021).tables.applications.other ? { label: ROWS.other, children: leaves(OTHER_2021) } : { label: ROWS.other },
    { label: ROWS.total },
  ];
  const rows = [a.newReceived, a.carriedOver, ...resultRows(d, version).map((r) => r.row), a.total!, a.carriedForward];
  return {
    type: 'table',
    id: 'applications',
    caption,
    headerSize: 9,
    columns,
    rowHeader: {
      corner: { text: CORNER, align: 'left' },
      widths: [{ weight: 754 }, { weight: 921 }, { weight: 3271 }],
      rows: [
        { label: ROWS.newReceived },
        { label: ROWS.carriedOver },
        { label: ROWS.results, vertical: true, children: results },
        { label: ROWS.carriedForward },
      ],
    },
    rows,
  };
}

/** 表三: 15 equal number columns under two levels of spans; the leaf headers stacked one character per line. */
export function reviewsTable(d: AnyData, caption?: string): TreeTable {
  const group = (): HeaderNode[] => REVIEW_COLUMNS.map((label) => ({ label, vertical: true }));
  const r = d.tables.reviews;
  return {
    type: 'table',
    id: 'reviews',
    caption,
    columns: [
      { label: REVIEW_GROUPS.review, children: group() },
      { label: '行政诉讼', children: [{ label: REVIEW_GROUPS.direct, children: group() }, { label: REVIEW_GROUPS.afterReview, children: group() }] },
    ],
    rows: [[...r.review, ...r.direct, ...r.afterReview]],
  };
}

/** 表一 (2019): a 5-column grid; 3-value blocks put the last value over 2 grid columns, 2-value blocks 2 + 2. */
function proactive2019(d: Data2019): Cell[][] {
  const p = d.tables.proactive;
  const rows: Cell[][] = [];
  const signed = { sign: 'always' as const };
  for (const block of Object.values(PROACTIVE_2019)) {
    rows.push([{ text: block.label, colSpan: 5 }]);
    const spans = block.columns.length === 3 ? [1, 1, 2] : [2, 2];
    rows.push([INFO_CONTENT, ...block.columns.map((text, i) => ({ text, colSpan: spans[i] }))]);
    for (const [key, label] of Object.entries(block.rows)) {
      const values = p[key as keyof typeof p] as (number | string)[];
      const isSigned = (i: number) => block.columns[i] === '本年增/减';
      rows.push([{ text: label, align: 'left' }, ...values.map((v, i) => ({ text: v, colSpan: spans[i], ...(isSigned(i) ? { format: signed } : {}) }))]);
    }
  }
  return rows;
}

/** 表一 (2021): a 4-column grid; single-value blocks span the 3 value columns. */
function proactive2021(d: Data2021): Cell[][] {
  const p = d.tables.proactive;
  const rows: Cell[][] = [];
  for (const block of Object.values(PROACTIVE_2021)) {
    rows.push([{ text: block.label, colSpan: 4 }]);
    const span = block.columns.length === 1 ? 3 : 1;
    rows.push([INFO_CONTENT, ...block.columns.map((text) => ({ text, colSpan: span }))]);
    for (const [key, label] of Object.entries(block.rows)) {
      const v = p[key as keyof typeof p];
      const values = Array.isArray(v) ? v : [v];
      rows.push([{ text: label, align: 'left' }, ...values.map((x) => ({ text: x, colSpan: span }))]);
    }
  }
  return rows;
}

export function proactiveTable(d: AnyData, version: Version, caption?: string): GridTable {
  const v2021 = version === 2021;
  return {
    type: 'grid',
    id: 'proactive',
    caption,
    widths: v2021 ? [{ weight: 3 }, { weight: 2 }, { weight: 2 }, { weight: 2 }] : [{ weight: 3 }, { weight: 2 }, { weight: 2 }, { weight: 1 }, { weight: 1 }],
    rows: v2021 ? proactive2021(d as Data2021) : proactive2019(d as Data2019),
  };
}
