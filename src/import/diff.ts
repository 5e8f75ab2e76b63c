/** Two imported reports (last year, this year): the cells that changed and the key figures side by side. */
import type { Imported } from './map.js';
import { cellLabel } from './template-labels.js';

export interface CellChange {
  path: string;
  label: string;
  before: string;
  after: string;
}

export interface KeyFigure {
  label: string;
  before: number | null;
  after: number | null;
  change: number | null;
}

type Paths = string[] | ((imp: Imported) => string[]);
/** 表一's decision counts: the only value in 2021, the third in 2019. */
const decisions = (key: string) => (imp: Imported) => [`tables.proactive.${key}[${imp.version === 2021 ? 0 : 2}]`];
const KEYS: [string, Paths][] = [
  ['本年新收申请', ['tables.applications.newReceived[6]']],
  ['上年结转', ['tables.applications.carriedOver[6]']],
  ['予以公开', ['tables.applications.granted[6]']],
  ['办理结果总计', ['tables.applications.total[6]']],
  ['结转下年度继续办理', ['tables.applications.carriedForward[6]']],
  ['行政复议', ['tables.reviews.review[4]']],
  ['行政诉讼', ['tables.reviews.direct[4]', 'tables.reviews.afterReview[4]']],
  ['行政许可', decisions('licensing')],
  ['行政处罚', decisions('penalty')],
];

const num = (imp: Imported, path: string): number | null => {
  const t = imp.cells.get(path)?.text.replace(/[,，\s]/g, '');
  return t && /^[+-]?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
};

export function diffImported(a: Imported, b: Imported): { changes: CellChange[]; keys: KeyFigure[] } {
  const changes: CellChange[] = [];
  // the cells compared by their printed labels, so a 2019 and a 2021 report line up where they share rows
  const byLabel = (imp: Imported) => new Map([...imp.cells].map(([p, c]) => [cellLabel(p) ?? p, { path: p, text: c.text }]));
  const la = byLabel(a);
  const lb = byLabel(b);
  for (const [label, cb] of lb) {
    const ca = la.get(label);
    if (!ca || ca.text.trim() !== cb.text.trim()) changes.push({ path: cb.path, label, before: ca?.text ?? '（无此项）', after: cb.text });
  }
  const keys = KEYS.map(([label, paths]) => {
    const sum = (imp: Imported) => {
      const present = (typeof paths === 'function' ? paths(imp) : paths).filter((p) => imp.cells.has(p));
      const vs = present.map((p) => num(imp, p));
      return vs.length && vs.every((v) => v !== null) ? (vs as number[]).reduce((x, y) => x + y, 0) : null;
    };
    const before = sum(a);
    const after = sum(b);
    return { label, before, after, change: before !== null && after !== null ? after - before : null };
  });
  return { changes, keys };
}
