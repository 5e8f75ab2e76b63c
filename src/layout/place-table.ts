import type { PageFlow } from './page-flow.js';
import { alignX, lineOps } from './page-flow.js';
import type { DrawOp, LaidCell, LaidTable } from './types.js';
import { roundPt } from './units.js';

/**
 * Draws a table across pages. Header rows repeat on every page; a page break never falls inside a row;
 * a row-spanning cell cut by a break is drawn on both pages with its label repeated and centred in each
 * part (adjustBreak decides where, so that no part is too short for its label); a row taller than a page
 * continues on the next pages.
 */
export function placeTable(flow: PageFlow, t: LaidTable): void {
  const heights = [...t.rowHeights];
  const H = t.headerRows;
  const n = heights.length;
  const tableWidth = t.colWidths.reduce((a, b) => a + b, 0);
  const x0 = flow.left + Math.max(0, (flow.width - tableWidth) / 2);
  const colX = [x0];
  for (const w of t.colWidths) colX.push(colX[colX.length - 1] + w);
  const headerH = heights.slice(0, H).reduce((a, b) => a + b, 0);
  const headerCells = t.cells.filter((c) => c.r < H);
  const bodyCells = t.cells.filter((c) => c.r >= H);

  flow.ensure(headerH + (n > H ? heights[H] : 0));
  let r = H;
  let first = true;
  while (first || r < n) {
    const showHeader = first || t.repeatHeader;
    const bodyTop = flow.y + (showHeader ? headerH : 0);
    const room = flow.bottom - bodyTop;
    let end = r;
    let h = 0;
    while (end < n && h + heights[end] <= room + 0.01) h += heights[end++];
    if (end === r && r < n) {
      if (!flow.atTop()) {
        flow.newPage();
        continue;
      }
      // A row taller than a whole page: its lines continue on the following pages.
      placeTallRow(flow, t, bodyCells.filter((c) => c.r === r), colX, showHeader && H > 0 ? () => drawRows(flow, t, headerCells, heights, colX, 0, H, flow.y) : undefined, headerH);
      r += 1;
      first = false;
      if (r < n) flow.newPage();
      continue;
    }
    if (showHeader && H > 0) drawRows(flow, t, headerCells, heights, colX, 0, H, flow.y);
    let y = bodyTop;
    if (end < n) end = adjustBreak(bodyCells, heights, r, end);
    drawRows(flow, t, bodyCells, heights, colX, r, end, y);
    for (let i = r; i < end; i++) y += heights[i];
    flow.y = y;
    r = end;
    first = false;
    if (r < n) flow.newPage();
  }
  flow.y += t.spaceAfter;
}

/**
 * Draws one row that no page can hold, in slices: each page takes as many lines of each cell as fit,
 * top-aligned, with the header rows repeated above. Cells spanning rows are drawn whole (they cannot be
 * taller than the rows they span, which include this one).
 */
function placeTallRow(flow: PageFlow, t: LaidTable, cells: LaidCell[], colX: number[], header: (() => void) | undefined, headerH: number): void {
  const next = cells.map(() => 0);
  for (let slice = 0; cells.some((c, i) => next[i] < c.lines.length); slice++) {
    if (slice > 0) flow.newPage();
    header?.();
    const top = flow.y + (header ? headerH : 0);
    const room = flow.bottom - top;
    const take = cells.map((c, i) => Math.max(slice === 0 || next[i] < c.lines.length ? 1 : 0, Math.min(c.lines.length - next[i], Math.floor((room - 2 * t.padY) / c.pitch))));
    const h = Math.min(room, Math.max(...cells.map((c, i) => take[i] * c.pitch)) + 2 * t.padY);
    const part = cells.map((c, i) => ({ ...c, lines: c.lines.slice(next[i], next[i] + take[i]), r: 0, rowSpan: 1, valign: 'top' as const }));
    drawRows(flow, t, part, [h], colX, 0, 1, top);
    cells.forEach((_, i) => (next[i] += take[i]));
    flow.y = top + h;
  }
}

/**
 * Chooses where a page's rows end, given that rows [start, end) fit. A spanning label cut by the break
 * needs room on both sides: the break moves up to the label's first row when the part above is too short
 * for it, and moves up row by row while the part below is too short and the part above can spare the row
 * (like widow control). Only when neither helps does the last row below grow to hold the label.
 */
function adjustBreak(cells: LaidCell[], heights: number[], start: number, end: number): number {
  const sum = (a: number, b: number) => heights.slice(a, b).reduce((x, y) => x + y, 0);
  const crossing = (at: number) => cells.filter((c) => c.rowSpan > 1 && c.r < at && at < c.r + c.rowSpan);
  for (let guard = 0; guard < 1000; guard++) {
    const short = crossing(end).find((c) => sum(Math.max(c.r, start), end) < c.minHeight - 0.01 && c.r > start);
    if (short) {
      end = short.r;
      continue;
    }
    const thin = crossing(end).find((c) => sum(end, c.r + c.rowSpan) < c.minHeight - 0.01 && end - 1 > Math.max(c.r, start) && sum(Math.max(c.r, start), end - 1) >= c.minHeight);
    if (thin) {
      end -= 1;
      continue;
    }
    break;
  }
  for (const c of crossing(end)) {
    const last = c.r + c.rowSpan - 1;
    const below = sum(end, last + 1);
    if (below < c.minHeight) heights[last] += c.minHeight - below;
  }
  return end;
}

/** Draws the parts of `cells` that fall in rows [from, to), starting at y. */
function drawRows(flow: PageFlow, t: LaidTable, cells: LaidCell[], heights: number[], colX: number[], from: number, to: number, y: number): void {
  const rowY: number[] = [];
  let acc = y;
  for (let i = from; i <= to; i++) {
    rowY[i] = acc;
    if (i < to) acc += heights[i];
  }
  const ops: DrawOp[] = [];
  const seen = new Set<string>();
  const rule = (x1: number, y1: number, x2: number, y2: number) => {
    const k = `${roundPt(x1)},${roundPt(y1)},${roundPt(x2)},${roundPt(y2)}`;
    if (seen.has(k)) return;
    seen.add(k);
    ops.push({ kind: 'rule', x1: roundPt(x1), y1: roundPt(y1), x2: roundPt(x2), y2: roundPt(y2), width: t.border });
  };
  for (const c of cells) {
    const a = Math.max(c.r, from);
    const b = Math.min(c.r + c.rowSpan, to);
    if (a >= b) continue;
    const x = colX[c.c];
    const w = colX[c.c + c.colSpan] - x;
    const top = rowY[a];
    const h = rowY[b] - top;
    rule(x, top, x + w, top);
    rule(x, top + h, x + w, top + h);
    rule(x, top, x, top + h);
    rule(x + w, top, x + w, top + h);
    const textH = c.lines.length * c.pitch;
    const textTop = c.valign === 'top' ? top + t.padY : c.valign === 'bottom' ? top + h - t.padY - textH : top + (h - textH) / 2;
    c.lines.forEach((line, k) => {
      if (!line.pieces.length) return;
      const lx = alignX(c.align, x + t.padX, w - 2 * t.padX, line.width);
      ops.push(...lineOps(line, lx, textTop + k * c.pitch, c.pitch, c.size));
    });
  }
  flow.page.ops.push(...ops);
}
