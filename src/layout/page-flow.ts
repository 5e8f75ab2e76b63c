import type { Align } from '../model/text.js';
import type { LaidPage, Line, PageGeometry, TextOp } from './types.js';
import { roundPt } from './units.js';

/** Where a CJK em box's centre lies above the baseline, × size (ideographs sit from −0.12 to 0.88 em). */
export const EM_CENTER = 0.38;

/** The pages being filled and the cursor on the current one. */
export class PageFlow {
  readonly pages: LaidPage[] = [];
  y = 0;
  readonly left: number;
  readonly width: number;
  readonly top: number;
  readonly bottom: number;

  constructor(readonly geom: PageGeometry) {
    this.left = geom.margins.left;
    this.width = geom.width - geom.margins.left - geom.margins.right;
    this.top = geom.margins.top;
    this.bottom = geom.height - geom.margins.bottom;
    this.newPage();
  }

  get page(): LaidPage {
    return this.pages[this.pages.length - 1];
  }

  newPage(): void {
    this.pages.push({ ops: [] });
    this.y = this.top;
  }

  atTop(): boolean {
    return this.y <= this.top + 0.01;
  }

  fits(h: number): boolean {
    return this.y + h <= this.bottom + 0.01;
  }

  /** Starts a new page unless `h` fits here (or we are already at the top, where nothing better can happen). */
  ensure(h: number): void {
    if (!this.fits(h) && !this.atTop()) this.newPage();
  }
}

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
