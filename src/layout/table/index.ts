import type { TextContext } from '../text/measure.js';
import type { LaidTable } from '../types.js';
import { CELL_PITCH, layCells } from './cells.js';
import { type TableDefaults, measureCells } from './measure.js';
import type { GridSpec } from './resolve.js';
import { rowHeights } from './row-heights.js';
import { chooseWidths, columnNeeds } from './widths.js';

export { CELL_PITCH } from './cells.js';
export { STACK_PITCH } from './vertical.js';
export { type TableDefaults, tableDefaults } from './measure.js';

/**
 * Cell lines are broken this much (pt) narrower than the text width between the paddings that both
 * formats draw: Word rounds widths and glyph advances to twips and must never re-wrap a line.
 */
export const LINE_SLACK = 1.2;

/**
 * A resolved grid → a laid table: measure the cells, choose column widths, break the cells' lines,
 * set row heights. Geometry only; pagination is in ../paginate/.
 */
export function layoutTable(spec: GridSpec, ctx: TextContext, d: TableDefaults, avail: number, extra: { id?: string; repeatHeader?: boolean }): LaidTable {
  const padX = 2.5;
  const padY = 2.5;
  const measured = measureCells(spec.cells, ctx, d);
  const colWidths = chooseWidths(spec.widthHints, columnNeeds(measured, spec.cols, spec.widthHints, padX, LINE_SLACK), avail, d.labelSize + 2 * padX);
  const cells = layCells(measured, colWidths, padX, padY, LINE_SLACK);
  return {
    kind: 'table',
    id: extra.id,
    colWidths,
    rowHeights: rowHeights(cells, spec.rows, d.size * CELL_PITCH + 2 * padY),
    headerRows: spec.headerRows,
    repeatHeader: extra.repeatHeader ?? true,
    cells,
    padX,
    padY,
    border: 0.6,
    spaceAfter: 8,
  };
}
