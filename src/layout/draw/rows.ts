import type { PageFlow } from '../flow/page-flow.js';
import type { DrawOp, LaidCell, LaidTable } from '../types.js';
import { Borders } from './borders.js';
import { cellTextOps } from './cell-text.js';

/**
 * Draws the parts of `cells` that fall in rows [from, to), starting at y: a cell spanning rows outside
 * the range is clipped to it, and its text is centred in the part drawn (how a split label is repeated).
 */
export function drawRows(flow: PageFlow, t: LaidTable, cells: LaidCell[], heights: number[], colX: number[], from: number, to: number, y: number): void {
  const rowY: number[] = [];
  let acc = y;
  for (let i = from; i <= to; i++) {
    rowY[i] = acc;
    if (i < to) acc += heights[i];
  }
  const ops: DrawOp[] = [];
  const borders = new Borders(t.border, ops);
  for (const c of cells) {
    const a = Math.max(c.r, from);
    const b = Math.min(c.r + c.rowSpan, to);
    if (a >= b) continue;
    const x = colX[c.c];
    const w = colX[c.c + c.colSpan] - x;
    const top = rowY[a];
    const h = rowY[b] - top;
    borders.box(x, top, w, h);
    ops.push(...cellTextOps(c, x, top, w, h, t.padX, t.padY));
  }
  flow.page.ops.push(...ops);
}
