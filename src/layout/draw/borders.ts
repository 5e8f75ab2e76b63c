import type { DrawOp } from '../types.js';
import { roundPt } from '../units.js';

/** A cell's four borders as rules; a border two cells share is drawn once. */
export class Borders {
  private readonly seen = new Set<string>();
  constructor(
    private readonly width: number,
    /** where the rules go (a page's ops, in drawing order) */
    private readonly ops: DrawOp[],
    /** the table's outer edges and their width, when heavier than the inner rules */
    private readonly outer?: { x1: number; x2: number; y1: number; y2: number; width: number },
  ) {}

  private widthOf(x1: number, y1: number, x2: number, y2: number): number {
    const o = this.outer;
    if (!o) return this.width;
    const on = (a: number, b: number) => Math.abs(a - b) < 0.01;
    const edge = (on(x1, x2) && (on(x1, o.x1) || on(x1, o.x2))) || (on(y1, y2) && (on(y1, o.y1) || on(y1, o.y2)));
    return edge ? o.width : this.width;
  }

  rule(x1: number, y1: number, x2: number, y2: number): void {
    const k = `${roundPt(x1)},${roundPt(y1)},${roundPt(x2)},${roundPt(y2)}`;
    if (this.seen.has(k)) return;
    this.seen.add(k);
    this.ops.push({ kind: 'rule', x1: roundPt(x1), y1: roundPt(y1), x2: roundPt(x2), y2: roundPt(y2), width: this.widthOf(x1, y1, x2, y2) });
  }

  box(x: number, top: number, w: number, h: number): void {
    this.rule(x, top, x + w, top);
    this.rule(x, top + h, x + w, top + h);
    this.rule(x, top, x, top + h);
    this.rule(x + w, top, x + w, top + h);
  }
}
