import type { Styles } from '../model/document.js';
import type { FontRole } from '../model/text.js';
import type { GridSpec } from './grid.js';
import { breakLines, maxContentWidth, minContentWidth } from './linebreak.js';
import { type MeasuredChar, type TextContext, charWidth } from './text.js';
import type { CellAlign, LaidCell, LaidTable } from './types.js';
import { stackVertical } from './vertical.js';
import { type ColumnNeeds, chooseWidths } from './widths.js';

export const CELL_PITCH = 1.3; // horizontal lines in a cell, × font size
export const STACK_PITCH = 1.12; // stacked characters, × font size

export interface TableDefaults {
  font: FontRole;
  size: number;
  headerSize: number;
  labelSize: number;
}

export function tableDefaults(styles: Styles | undefined, t: { font?: FontRole; size?: number; headerSize?: number }): TableDefaults {
  const size = t.size ?? styles?.table?.size ?? 10.5;
  return {
    font: t.font ?? styles?.table?.font ?? 'serif',
    size,
    headerSize: t.headerSize ?? styles?.table?.headerSize ?? size,
    labelSize: styles?.table?.labelSize ?? size,
  };
}

/** Measures every cell, chooses column widths and row heights. Geometry only; pagination comes later. */
export function layoutTable(spec: GridSpec, ctx: TextContext, d: TableDefaults, avail: number, extra: { id?: string; repeatHeader?: boolean }): LaidTable {
  const padX = 2.5;
  const padY = 2.5;
  const measured = spec.cells.map((cell) => {
    const size = cell.size ?? (cell.kind === 'header' || cell.kind === 'corner' ? d.headerSize : cell.kind === 'label' ? d.labelSize : d.size);
    const chars: MeasuredChar[] = ctx.chars([{ text: cell.text }], { font: cell.font ?? d.font, size, bold: cell.bold ?? false }, cell.where);
    return { cell, size, chars, vertical: cell.vertical ?? false };
  });

  const needs: ColumnNeeds[] = Array.from({ length: spec.cols }, () => ({ min: 0, max: 0, vertical: false }));
  const hasPlain = new Array<boolean>(spec.cols).fill(false);
  for (const m of measured) {
    if (m.cell.colSpan !== 1) continue;
    const need = needs[m.cell.c];
    if (m.vertical) {
      const w = Math.max(0, ...m.chars.map(charWidth)) + 2 * padX;
      need.min = Math.max(need.min, w);
      need.max = Math.max(need.max, w);
      need.vertical = !hasPlain[m.cell.c];
    } else {
      hasPlain[m.cell.c] = true;
      need.vertical = false;
      need.min = Math.max(need.min, minContentWidth(m.chars) + 2 * padX);
      need.max = Math.max(need.max, maxContentWidth(m.chars) + 2 * padX);
    }
  }
  const colWidths = chooseWidths(spec.widthHints, needs, avail, d.labelSize + 2 * padX);

  const cells: LaidCell[] = measured.map(({ cell, size, chars, vertical }) => {
    let w = 0;
    for (let c = cell.c; c < cell.c + cell.colSpan; c++) w += colWidths[c];
    const lines = vertical ? stackVertical(chars) : breakLines(chars, w - 2 * padX, 0, false); // nothing hangs into a cell border
    const pitch = size * (vertical ? STACK_PITCH : CELL_PITCH);
    // leaf row labels and the corner read as text (left); headers, spanning labels and numbers are centred
    const defaultAlign = (cell.kind === 'label' && !vertical && cell.rowSpan === 1) || cell.kind === 'corner' ? 'left' : 'center';
    const wanted = cell.align ?? defaultAlign;
    // stacked labels are centred; cell lines end in breaks, so justify is drawn (and written) left-aligned
    const align: CellAlign = vertical ? 'center' : wanted === 'justify' ? 'left' : wanted;
    return {
      r: cell.r,
      c: cell.c,
      rowSpan: cell.rowSpan,
      colSpan: cell.colSpan,
      kind: cell.kind,
      lines,
      vertical,
      align,
      valign: cell.valign ?? 'middle',
      size,
      pitch,
      minHeight: lines.length * pitch + 2 * padY,
    };
  });

  const rowHeights = new Array<number>(spec.rows).fill(d.size * CELL_PITCH + 2 * padY);
  for (const c of cells) if (c.rowSpan === 1) rowHeights[c.r] = Math.max(rowHeights[c.r], c.minHeight);
  // Spanning cells, shortest spans first: a deficit is shared by the rows they span.
  for (const c of [...cells].filter((x) => x.rowSpan > 1).sort((a, b) => a.rowSpan - b.rowSpan)) {
    let have = 0;
    for (let r = c.r; r < c.r + c.rowSpan; r++) have += rowHeights[r];
    if (have < c.minHeight) for (let r = c.r; r < c.r + c.rowSpan; r++) rowHeights[r] += (c.minHeight - have) / c.rowSpan;
  }
  return {
    kind: 'table',
    id: extra.id,
    colWidths,
    rowHeights,
    headerRows: spec.headerRows,
    repeatHeader: extra.repeatHeader ?? true,
    cells,
    padX,
    padY,
    border: 0.6,
    spaceAfter: 8,
  };
}
