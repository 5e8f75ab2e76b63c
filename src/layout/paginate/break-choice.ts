import type { LaidCell } from '../types.js';
import { crossing, growPartsBelow } from './split-labels.js';

/** How many rows from `start` fit in `room` pt (a row is never split): the end of the page's rows. */
export function rowsThatFit(heights: number[], start: number, room: number): number {
  let end = start;
  let h = 0;
  while (end < heights.length && h + heights[end] <= room + 0.01) h += heights[end++];
  return end;
}

/**
 * Chooses where a page's rows end, given that rows [start, end) fit. A spanning label cut by the break
 * needs room on both sides: the break moves up to the label's first row when the part above is too short
 * for it, and moves up row by row while the part below is too short and the part above can spare the row
 * (like widow control). Only when neither helps does the last row below grow to hold the label.
 */
export function adjustBreak(cells: LaidCell[], heights: number[], start: number, end: number): number {
  const sum = (a: number, b: number) => heights.slice(a, b).reduce((x, y) => x + y, 0);
  for (let guard = 0; guard < 1000; guard++) {
    const short = crossing(cells, end).find((c) => sum(Math.max(c.r, start), end) < c.minHeight - 0.01 && c.r > start);
    if (short) {
      end = short.r;
      continue;
    }
    const thin = crossing(cells, end).find((c) => sum(end, c.r + c.rowSpan) < c.minHeight - 0.01 && end - 1 > Math.max(c.r, start) && sum(Math.max(c.r, start), end - 1) >= c.minHeight);
    if (thin) {
      end -= 1;
      continue;
    }
    break;
  }
  growPartsBelow(cells, heights, end);
  return end;
}
