import type { Styles } from '../../model/document.js';
import type { FontRole } from '../../model/text.js';
import type { MeasuredChar, TextContext } from '../text/measure.js';
import type { GridCellSpec } from './resolve.js';

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

/** A cell of the resolved grid with its text measured in the faces and size that draw it. */
export interface MeasuredCell {
  cell: GridCellSpec;
  size: number;
  chars: MeasuredChar[];
  vertical: boolean;
}

/** Resolves each cell's size and fonts (headers, labels and data have their own default sizes). */
export function measureCells(cells: GridCellSpec[], ctx: TextContext, d: TableDefaults): MeasuredCell[] {
  return cells.map((cell) => {
    const size = cell.size ?? (cell.kind === 'header' || cell.kind === 'corner' ? d.headerSize : cell.kind === 'label' ? d.labelSize : d.size);
    const chars = ctx.chars([{ text: cell.text }], { font: cell.font ?? d.font, size, bold: cell.bold ?? false }, cell.where);
    return { cell, size, chars, vertical: cell.vertical ?? false };
  });
}
