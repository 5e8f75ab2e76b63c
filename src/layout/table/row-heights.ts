import type { LaidCell } from '../types.js';

/**
 * Row heights: every row at least one line of the table's size; a row as tall as its tallest single-row
 * cell; then spanning cells, shortest spans first, share a deficit equally over the rows they span.
 */
export function rowHeights(cells: LaidCell[], rows: number, minRow: number): number[] {
  const heights = new Array<number>(rows).fill(minRow);
  for (const c of cells) if (c.rowSpan === 1) heights[c.r] = Math.max(heights[c.r], c.minHeight);
  for (const c of [...cells].filter((x) => x.rowSpan > 1).sort((a, b) => a.rowSpan - b.rowSpan)) {
    let have = 0;
    for (let r = c.r; r < c.r + c.rowSpan; r++) have += heights[r];
    if (have < c.minHeight) for (let r = c.r; r < c.r + c.rowSpan; r++) heights[r] += (c.minHeight - have) / c.rowSpan;
  }
  return heights;
}
