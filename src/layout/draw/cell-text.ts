import type { LaidCell, TextOp } from '../types.js';
import { alignX, lineOps } from './line-ops.js';

/** A cell's lines in its rectangle: vertically by `valign` inside the padding, horizontally by the resolved `align`. */
export function cellTextOps(c: LaidCell, x: number, top: number, w: number, h: number, padX: number, padY: number): TextOp[] {
  const textH = c.lines.length * c.pitch;
  const textTop = c.valign === 'top' ? top + padY : c.valign === 'bottom' ? top + h - padY - textH : top + (h - textH) / 2;
  const ops: TextOp[] = [];
  c.lines.forEach((line, k) => {
    if (!line.pieces.length) return;
    ops.push(...lineOps(line, alignX(c.align, x + padX, w - 2 * padX, line.width) + (line.indent ?? 0), textTop + k * c.pitch, c.pitch, c.size));
  });
  return ops;
}
