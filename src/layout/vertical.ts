import { VERTICAL_FORMS } from './cjk.js';
import { type SChar, toLine } from './text.js';
import type { Line } from './types.js';

/** Stacks characters upright, one per line (竖排). Punctuation takes its vertical form. Spaces and breaks vanish. */
export function stackVertical(chars: SChar[]): Line[] {
  return chars
    .filter((c) => c.ch.trim() !== '')
    .map((c) => toLine([VERTICAL_FORMS[c.ch] ? { ...c, vert: true } : c]));
}

/** The character a DOCX cell holds for a stacked character: the Unicode vertical presentation form. */
export function verticalForm(ch: string): string {
  return [...ch].map((c) => VERTICAL_FORMS[c] ?? c).join('');
}
