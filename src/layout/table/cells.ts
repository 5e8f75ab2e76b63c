import { breakLines } from '../text/linebreak.js';
import type { CellAlign, LaidCell } from '../types.js';
import type { MeasuredCell } from './measure.js';
import { STACK_PITCH, stackVertical } from './vertical.js';

/** Horizontal lines in a cell, × font size. */
export const CELL_PITCH = 1.3;

/**
 * A cell's alignment as both renderers draw it: stacked labels are centred; leaf row labels and the corner
 * read as text (left); headers, spanning labels and numbers are centred; cell lines end in breaks, so
 * 'justify' is drawn (and written to the DOCX) left-aligned.
 */
export function resolveCellAlign(m: MeasuredCell): CellAlign {
  const { cell, vertical } = m;
  if (vertical) return 'center';
  const defaultAlign = (cell.kind === 'label' && cell.rowSpan === 1) || cell.kind === 'corner' ? 'left' : 'center';
  const wanted = cell.align ?? defaultAlign;
  return wanted === 'justify' ? 'left' : wanted;
}

/** Breaks each cell's text into the lines of its column width (or stacks it) and resolves its alignment. */
export function layCells(measured: MeasuredCell[], colWidths: number[], padX: number, padY: number, slack = 0): LaidCell[] {
  return measured.map((m) => {
    const { cell, size, chars, vertical } = m;
    let w = 0;
    for (let c = cell.c; c < cell.c + cell.colSpan; c++) w += colWidths[c];
    const lines = vertical ? stackVertical(chars) : breakLines(chars, w - 2 * padX - slack, 0, false); // nothing hangs into a cell border
    const pitch = size * (vertical ? STACK_PITCH : CELL_PITCH);
    return {
      r: cell.r,
      c: cell.c,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      kind: cell.kind,
      lines,
      vertical,
      align: resolveCellAlign(m),
      valign: cell.valign ?? 'middle',
      size,
      pitch,
      minHeight: lines.length * pitch + 2 * padY,
    };
  });
}
