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
  const tableW = colX[colX.length - 1];
  // a fixed form's outer border is heavier (任免表: 1.5 pt outside, 1 pt inside); it is drawn whole, never split
  const outer = t.outerBorder !== undefined ? { x1: colX[0], x2: tableW, y1: rowY[from], y2: rowY[to], width: t.outerBorder } : undefined;
  const borders = new Borders(t.border, ops, outer);
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
    if (c.image) ops.push({ kind: 'image', x: x + (w - c.image.width) / 2, y: top + (h - c.image.height) / 2, w: c.image.width, h: c.image.height, data: c.image.data });
  }
  flow.page.ops.push(...ops);
}
