import { bundledRegistry } from '../../src/fonts/bundled.js';
import { type MeasuredChar, TextContext } from '../../src/layout/text/measure.js';
import type { Line } from '../../src/layout/types.js';

/** Characters measured in the bundled serif (CJK characters are 1 em wide: 10 pt at size 10). */
export function measured(text: string, size = 10): MeasuredChar[] {
  return new TextContext(bundledRegistry(), false).chars([{ text }], { font: 'serif', size, bold: false }, 'test');
}

export const texts = (lines: Line[]) => lines.map((l) => l.pieces.map((p) => p.text).join(''));
