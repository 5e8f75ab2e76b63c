import { HANGING, NO_LINE_END, NO_LINE_START, isSpace, isWordChar } from './cjk.js';
import { type MeasuredChar, charWidth, toLine } from './measure.js';
import type { Line } from '../types.js';

/** May a line break fall between chars[i-1] and chars[i]? Chinese rules: 禁则 and words kept whole. */
function canBreakBefore(chars: MeasuredChar[], i: number): boolean {
  const a = chars[i - 1].ch;
  const b = chars[i].ch;
  if (isSpace(b)) return false; // spaces hang at the end of the line
  if (NO_LINE_START.has(b) || NO_LINE_END.has(a)) return false;
  if (chars[i].breakHint) return true; // a zero width space was here
  if (isWordChar(a) && isWordChar(b)) return false;
  return true;
}

/**
 * Greedy line breaking to `width` pt; the first line is `indent` pt narrower. '\n' forces a break.
 * A run that cannot be broken and is wider than the line is cut by characters.
 */
export function breakLines(chars: MeasuredChar[], width: number, indent = 0, hang = true): Line[] {
  const lines: Line[] = [];
  let start = 0;
  while (start < chars.length) {
    const avail = (lines.length === 0 ? width - indent : width) + 0.001;
    let w = 0;
    let lastBreak = -1;
    let i = start;
    let forced = false;
    let hung = 0;
    for (; i < chars.length; i++) {
      const c = chars[i];
      if (c.ch === '\n') {
        forced = true;
        break;
      }
      const allowed = i > start && canBreakBefore(chars, i);
      const cw = charWidth(c) + (i > start ? c.gapBefore ?? 0 : 0);
      if (allowed) lastBreak = i;
      if (w + cw > avail && i > start && !isSpace(c.ch)) {
        // 、，。 may hang past the line's end (Word's and LibreOffice's default for Chinese), rather than
        // pushing the character before them to the next line.
        if (hang && HANGING.has(c.ch) && w <= avail && (i + 1 >= chars.length || canBreakBefore(chars, i + 1))) {
          i++;
          hung = cw;
        }
        break;
      }
      w += cw;
    }
    let end = i;
    if (hung) lastBreak = i;
    if (!forced && i < chars.length) {
      if (lastBreak > start) end = lastBreak;
      // else: no allowed break on this line; cut here (a very long word or a run of forbidden marks)
    }
    let trimmed = end;
    while (trimmed > start && isSpace(chars[trimmed - 1].ch)) trimmed--;
    lines.push(hung ? { ...toLine(chars.slice(start, trimmed)), hang: hung } : toLine(chars.slice(start, trimmed)));
    start = forced && end === i ? end + 1 : end;
    while (!forced && start < chars.length && isSpace(chars[start].ch)) start++;
  }
  if (lines.length === 0) lines.push({ pieces: [], width: 0 });
  return lines;
}

/** The widest unbreakable piece: what a column must hold so no word is cut. */
export function minContentWidth(chars: MeasuredChar[]): number {
  let best = 0;
  let w = 0;
  for (let i = 0; i < chars.length; i++) {
    if (chars[i].ch === '\n' || (i > 0 && canBreakBefore(chars, i))) w = 0;
    if (chars[i].ch !== '\n' && !isSpace(chars[i].ch)) w += charWidth(chars[i]) + (w > 0 ? chars[i].gapBefore ?? 0 : 0);
    best = Math.max(best, w);
  }
  return best;
}

/** The width of the longest forced line: what a column wants so nothing wraps. */
export function maxContentWidth(chars: MeasuredChar[]): number {
  let best = 0;
  let w = 0;
  for (const c of chars) {
    if (c.ch === '\n') w = 0;
    else w += charWidth(c) + (w > 0 ? c.gapBefore ?? 0 : 0);
    best = Math.max(best, w);
  }
  return best;
}
