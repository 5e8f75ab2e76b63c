import { VERTICAL_FORMS } from './cjk.js';
import { type MeasuredChar, toLine } from './text.js';
import type { Line } from './types.js';

/** Stacks characters upright, one per line (竖排). Punctuation takes its vertical form. Spaces and breaks vanish. */
export function stackVertical(chars: MeasuredChar[]): Line[] {
  return chars
    .filter((c) => c.ch.trim() !== '')
    .map((c) => {
      const line = toLine([VERTICAL_FORMS[c.ch] ? { ...c, vert: true } : c]);
      for (const p of line.pieces) if (p.vert) p.verticalForms = verticalForm(p.text);
      return line;
    });
}

/** The character a DOCX cell holds for a stacked character: the Unicode vertical presentation form. */
export function verticalForm(ch: string): string {
  return [...ch].map((c) => VERTICAL_FORMS[c] ?? c).join('');
}
