import { VERTICAL_FORMS } from '../text/cjk.js';
import { type MeasuredChar, charWidth, toLine } from '../text/measure.js';
import type { Line } from '../types.js';

/**
 * Everything about stacked (竖排) labels: how they are stacked, their pitch, the width their column
 * needs and the characters a DOCX writes for them. Renderers only read `LaidCell.vertical` and
 * `Piece.vert` / `Piece.verticalForms`; a stacked cell's alignment is resolved to 'center' in cells.ts.
 */

/** Stacked characters, × font size. */
export const STACK_PITCH = 1.12;

/** Stacks characters upright, one per line. Punctuation takes its vertical form. Spaces and breaks vanish. */
export function stackVertical(chars: MeasuredChar[]): Line[] {
  return chars
    .filter((c) => c.ch.trim() !== '')
    .map((c) => {
      const line = toLine([VERTICAL_FORMS[c.ch] ? { ...c, vert: true } : c]);
      for (const p of line.pieces) if (p.vert) p.verticalForms = verticalForm(p.text);
      return line;
    });
}

/** The width a stacked label needs: its widest character (padding excluded). */
export function stackWidth(chars: MeasuredChar[]): number {
  return Math.max(0, ...chars.map(charWidth));
}

/** The character a DOCX cell holds for a stacked character: the Unicode vertical presentation form. */
export function verticalForm(ch: string): string {
  return [...ch].map((c) => VERTICAL_FORMS[c] ?? c).join('');
}
