/**
 * The annual report's official labels as the importer needs them: the row paths of each table in printed
 * order. The only file of the importer that reads the template's label modules, so that it can switch to
 * template.labels() (templates/define.ts) in one place.
 */
import {
  DENIED, NOT_PROCESSED, OTHER_2021, PROACTIVE_2019, PROACTIVE_2021, REVIEW_GROUPS, ROWS, SECTION_HEADINGS, UNABLE,
} from '../../templates/gov-info-annual-report/labels.js';
import { cellLabel } from '../../templates/gov-info-annual-report/cell-labels.js';

export { SECTION_HEADINGS, cellLabel };
export type SectionKey = keyof typeof SECTION_HEADINGS;

/** 2019, 2021, and the 2021 variant that prints （六）其他处理 as one row. */
export type Format = '2019' | '2021' | '2021-one-other';

export interface RowSpec {
  /** data path under tables.applications / tables.proactive */
  path: string;
  label: string;
  /** how many values the row holds (表二: 7 with 总计) */
  width: number;
}

const A = 'tables.applications';
const group = (key: string, head: string, labels: Record<string, string>): RowSpec[] =>
  Object.entries(labels).map(([k, label]) => ({ path: `${A}.${key}.${k}`, label: `${head}${label}`, width: 7 }));

/** 表二's body rows in printed order for a format. */
export function applicationRows(format: Format): RowSpec[] {
  const one = (key: string, label: string): RowSpec => ({ path: `${A}.${key}`, label, width: 7 });
  return [
    one('newReceived', ROWS.newReceived),
    one('carriedOver', ROWS.carriedOver),
    one('granted', ROWS.granted),
    one('partial', ROWS.partial),
    ...group('denied', '', DENIED),
    ...group('unable', '', UNABLE),
    ...group('notProcessed', '', NOT_PROCESSED),
    ...(format === '2021' ? group('other', '', OTHER_2021) : [one(format === '2019' ? 'other' : 'otherOneRow', ROWS.other)]),
    one('total', ROWS.total),
    one('carriedForward', ROWS.carriedForward),
  ];
}

/** 表一's data rows in printed order for a version. */
export function proactiveRows(version: 2019 | 2021): RowSpec[] {
  const blocks = version === 2019 ? PROACTIVE_2019 : PROACTIVE_2021;
  return Object.values(blocks).flatMap((b) =>
    Object.entries(b.rows as Record<string, string>).map(([key, label]) => ({ path: `tables.proactive.${key}`, label, width: (b.columns as readonly string[]).length })),
  );
}

/** 表一's headings and row labels of a version. */
const wordsOf = (blocks: Record<string, { columns: readonly string[]; rows: Record<string, string> }>) =>
  Object.values(blocks).flatMap((b) => [...b.columns, ...Object.values(b.rows)]);
/** The words that only one version's 表一 prints (neither containing nor contained in the other's). */
const only = (mine: string[], theirs: string[]) => mine.filter((w) => !theirs.some((t) => t.includes(w) || w.includes(t)));
export const PROACTIVE_MARKERS = {
  2019: only(wordsOf(PROACTIVE_2019), wordsOf(PROACTIVE_2021)),
  2021: only(wordsOf(PROACTIVE_2021), wordsOf(PROACTIVE_2019)),
};

export const OTHER_2021_FIRST = OTHER_2021.noCorrection;
export const REVIEW_KEYS = Object.keys(REVIEW_GROUPS) as (keyof typeof REVIEW_GROUPS)[];
