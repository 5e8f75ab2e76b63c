import type { Align } from '../../model/text.js';
import type { Line, TextOp } from '../types.js';
import { roundPt } from '../units.js';

/** Where a CJK em box's centre lies above the baseline, × size (ideographs sit from −0.12 to 0.88 em). */
export const EM_CENTER = 0.38;

/**
 * A line of text vertically centred in a box of height `pitch` whose top is `boxTop`, as text operations:
 * one per run of pieces without a gap, each at its own x (so the automatic Chinese/Latin space and the
 * justification spacing are placed by the layout, not by the PDF library).
 */
export function lineOps(line: Line, x: number, boxTop: number, pitch: number, size: number, charSpacing?: number): TextOp[] {
  const baseline = roundPt(boxTop + pitch / 2 + EM_CENTER * size);
  const ops: TextOp[] = [];
  let cursor = x;
  for (const [k, p] of line.pieces.entries()) {
    if (k > 0 && p.gapBefore) cursor += p.gapBefore;
    const n = [...p.text].length;
    const width = p.width + (charSpacing ?? 0) * n;
    const prev = ops[ops.length - 1];
    if (prev && !p.gapBefore) {
      prev.pieces.push(p);
      prev.width = roundPt(prev.width + width);
    } else ops.push({ kind: 'text', x: roundPt(cursor), baseline, pieces: [p], width: roundPt(width), ...(charSpacing ? { charSpacing: roundPt(charSpacing) } : {}) });
    cursor += width;
  }
  return ops;
}

export function countChars(line: Line): number {
  let n = 0;
  for (const p of line.pieces) n += [...p.text].length;
  return n;
}

/** x of a line in a box [left, left+width] by alignment. */
export function alignX(align: Align, left: number, width: number, lineWidth: number): number {
  if (align === 'center') return left + (width - lineWidth) / 2;
  if (align === 'right') return left + width - lineWidth;
  return left;
}
