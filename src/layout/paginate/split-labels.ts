import type { LaidCell } from '../types.js';

/**
 * Row-spanning labels cut by a page break. Each part is drawn with the label repeated and centred in it
 * (draw/rows.ts clips a spanning cell to the rows on the page); here: which labels a break cuts, and
 * the last resort when a part below is still too short for its label.
 */

/** The row-spanning cells a break before row `at` cuts. */
export function crossing(cells: LaidCell[], at: number): LaidCell[] {
  return cells.filter((c) => c.rowSpan > 1 && c.r < at && at < c.r + c.rowSpan);
}

/** Grows the last row of each label cut at `end` until the part below the break can hold the label. */
export function growPartsBelow(cells: LaidCell[], heights: number[], end: number): void {
  const sum = (a: number, b: number) => heights.slice(a, b).reduce((x, y) => x + y, 0);
  for (const c of crossing(cells, end)) {
    const last = c.r + c.rowSpan - 1;
    const below = sum(end, last + 1);
    if (below < c.minHeight) heights[last] += c.minHeight - below;
  }
}
