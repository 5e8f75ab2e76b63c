/**
 * The totals a data file may leave out, filled in dependency order: each row's 总计 of 表二, then
 * （七）总计 (from the filled rows), then the three 总计 of 表三. A given total is kept (its rule checks it);
 * a blank one (null) is filled as well, and rule V reports the blank.
 */
import type { ComputedDefinition } from '../define.js';
import { APPLICANT_COLUMNS, REVIEW_GROUPS } from './labels.js';
import { allRows, resultRows } from './rows.js';
import { sum } from './rules.js';
import type { AnyData, Version } from './schema.js';

const A = 'tables.applications';
const REVIEW_KEYS = Object.keys(REVIEW_GROUPS) as (keyof typeof REVIEW_GROUPS)[];

export function computedFor(version: Version): ComputedDefinition<AnyData>[] {
  const rows = (d: AnyData) => allRows(d, version).filter((r) => r.path !== `${A}.total`);
  return [
    {
      id: 'row-totals',
      description: '表二 每行的总计：六类申请人之和',
      paths: (d) => rows(d).map((r) => `${r.path}[6]`),
      fill(d) {
        for (const r of rows(d)) if (r.row.length === 6 || r.row[6] === null) r.row[6] = sum(r.row.slice(0, 6));
      },
    },
    {
      id: 'result-total',
      description: '表二 （七）总计：（一）至（六）各项之和，逐列',
      paths: () => APPLICANT_COLUMNS.map((_, c) => `${A}.total[${c}]`),
      fill(d) {
        const a = d.tables.applications;
        const results = resultRows(d, version);
        if (!a.total) a.total = APPLICANT_COLUMNS.map((_, c) => sum(results.map((r) => r.row[c])));
        else if (a.total.length === 6) a.total.push(sum(a.total));
      },
    },
    {
      id: 'review-totals',
      description: '表三 每组的总计：结果维持、结果纠正、其他结果、尚未审结之和',
      paths: () => REVIEW_KEYS.map((k) => `tables.reviews.${k}[4]`),
      fill(d) {
        for (const k of REVIEW_KEYS) {
          const g = d.tables.reviews[k];
          if (g.length === 4 || g[4] === null) g[4] = sum(g.slice(0, 4));
        }
      },
    },
  ];
}
