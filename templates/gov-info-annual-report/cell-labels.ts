import { APPLICANT_COLUMNS, DENIED, NOT_PROCESSED, OTHER_2021, PROACTIVE_2019, REVIEW_COLUMNS, REVIEW_GROUPS, ROWS, UNABLE } from './labels.js';

const GROUPS: Record<string, [string, Record<string, string>]> = {
  denied: [ROWS.denied, DENIED],
  unable: [ROWS.unable, UNABLE],
  notProcessed: [ROWS.notProcessed, NOT_PROCESSED],
  other: [ROWS.other, OTHER_2021],
};

const PROACTIVE_ROWS: Record<string, string> = Object.assign({}, ...Object.values(PROACTIVE_2019).map((b) => b.rows), { normativeDocs: '（行政）规范性文件' });

/** The printed labels of a data path, e.g. tables.applications.denied.inquiry[1] → 表二 （三）不予公开 8.属于行政查询事项 商业企业. */
export function cellLabel(path: string): string | undefined {
  let m = /^tables\.applications\.(\w+)(?:\.(\w+))?(?:\[(\d+)\])?$/.exec(path);
  if (m) {
    const [, key, sub, col] = m;
    const row = sub ? `${GROUPS[key]?.[0] ?? key} ${GROUPS[key]?.[1][sub] ?? sub}` : (ROWS as Record<string, string>)[key === 'otherOneRow' ? 'other' : key] ?? key;
    return `表二 ${row}${col !== undefined ? ` ${APPLICANT_COLUMNS[Number(col)] ?? `第${Number(col) + 1}列`}` : ''}`;
  }
  m = /^tables\.reviews\.(\w+)(?:\[(\d+)\])?$/.exec(path);
  if (m) return `表三 ${(REVIEW_GROUPS as Record<string, string>)[m[1]] ?? m[1]}${m[2] !== undefined ? ` ${REVIEW_COLUMNS[Number(m[2])] ?? ''}` : ''}`;
  m = /^tables\.proactive\.(\w+)(?:\[(\d+)\])?$/.exec(path);
  if (m) return `表一 ${PROACTIVE_ROWS[m[1]] ?? m[1]}${m[2] !== undefined ? ` 第${Number(m[2]) + 1}个数` : ''}`;
  return undefined;
}
