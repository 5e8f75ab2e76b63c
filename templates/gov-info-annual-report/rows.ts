import { DENIED, NOT_PROCESSED, OTHER_2021, ROWS, UNABLE } from './labels.js';
import type { AnyData, Data2019, Data2021, Version } from './schema.js';

export interface RowRef {
  path: string;
  label: string;
  row: (number | null)[];
}

const P = 'tables.applications';

/** The result rows of 表二 that （七）总计 adds up, in printed order, with their paths and full labels. */
export function resultRows(d: AnyData, version: Version): RowRef[] {
  const a = d.tables.applications;
  const out: RowRef[] = [
    { path: `${P}.granted`, label: ROWS.granted, row: a.granted },
    { path: `${P}.partial`, label: ROWS.partial, row: a.partial },
  ];
  const group = <K extends string>(key: string, head: string, labels: Record<K, string>, rows: Record<K, (number | null)[]>) => {
    for (const k of Object.keys(labels) as K[]) out.push({ path: `${P}.${key}.${k}`, label: `${head} ${labels[k]}`, row: rows[k] });
  };
  group('denied', ROWS.denied, DENIED, a.denied);
  group('unable', ROWS.unable, UNABLE, a.unable);
  group('notProcessed', ROWS.notProcessed, NOT_PROCESSED, a.notProcessed);
  if (version === 2019) out.push({ path: `${P}.other`, label: ROWS.other, row: (d as Data2019).tables.applications.other });
  else {
    const a21 = (d as Data2021).tables.applications;
    if (a21.other) group('other', ROWS.other, OTHER_2021, a21.other);
    else out.push({ path: `${P}.otherOneRow`, label: ROWS.other, row: a21.otherOneRow! }); // the one-row variant
  }
  return out;
}

/** Every row of 表二 (for the per-row total, rule A3). */
export function allRows(d: AnyData, version: Version): RowRef[] {
  const a = d.tables.applications;
  return [
    { path: `${P}.newReceived`, label: ROWS.newReceived, row: a.newReceived },
    { path: `${P}.carriedOver`, label: ROWS.carriedOver, row: a.carriedOver },
    ...resultRows(d, version),
    ...(a.total ? [{ path: `${P}.total`, label: ROWS.total, row: a.total }] : []),
    { path: `${P}.carriedForward`, label: ROWS.carriedForward, row: a.carriedForward },
  ];
}
