import { drawRows } from '../draw/rows.js';
import type { PageFlow } from '../flow/page-flow.js';
import type { LaidTable } from '../types.js';
import { adjustBreak, rowsThatFit } from './break-choice.js';
import { HeaderRows } from './repeated-header.js';
import { placeTallRow } from './tall-rows.js';

/**
 * Draws a table across pages. Header rows repeat on every page (repeated-header.ts); a page break never
 * falls inside a row and moves so that no part of a cut label is too short for it (break-choice.ts,
 * split-labels.ts); a row taller than a page continues on the next pages (tall-rows.ts).
 */
export function placeTable(flow: PageFlow, t: LaidTable): void {
  const heights = [...t.rowHeights];
  const H = t.headerRows;
  const n = heights.length;
  const tableWidth = t.colWidths.reduce((a, b) => a + b, 0);
  const x0 = flow.left + Math.max(0, (flow.width - tableWidth) / 2);
  const colX = [x0];
  for (const w of t.colWidths) colX.push(colX[colX.length - 1] + w);
  const header = new HeaderRows(t, colX);
  const bodyCells = t.cells.filter((c) => c.r >= H);

  // a fixed form is never split: it starts a page if it does not fit below what is there
  flow.ensure(t.exact ? heights.reduce((a, b) => a + b, 0) : header.height + (n > H ? heights[H] : 0));
  let r = H;
  let first = true;
  while (first || r < n) {
    const showHeader = first || t.repeatHeader;
    const bodyTop = flow.y + (showHeader ? header.height : 0);
    let end = rowsThatFit(heights, r, flow.bottom - bodyTop);
    if (end === r && r < n) {
      if (!flow.atTop()) {
        flow.newPage();
        continue;
      }
      // A row taller than a whole page: its lines continue on the following pages.
      placeTallRow(flow, t, bodyCells.filter((c) => c.r === r), colX, header.shownOn(first) ? () => header.draw(flow, flow.y) : undefined, header.height);
      r += 1;
      first = false;
      if (r < n) flow.newPage();
      continue;
    }
    if (header.shownOn(first)) header.draw(flow, flow.y);
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
