import { drawRows } from '../draw/rows.js';
import type { PageFlow } from '../flow/page-flow.js';
import type { LaidCell, LaidTable } from '../types.js';

/**
 * Draws one row that no page can hold, in slices: each page takes as many lines of each cell as fit,
 * top-aligned, with the header rows repeated above. Cells spanning rows are drawn whole (they cannot be
 * taller than the rows they span, which include this one).
 */
export function placeTallRow(flow: PageFlow, t: LaidTable, cells: LaidCell[], colX: number[], header: (() => void) | undefined, headerH: number): void {
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
