/**
 * Characters that shape text rather than being drawn: pasted prose carries them (a TAB from a
 * spreadsheet, U+2028 from a web page, ZWSP/ZWJ/BOM from editors). They are never looked up as glyphs.
 */
export type LayoutChar = 'break' | 'space' | 'hint' | 'drop';

/** Line and paragraph separators, vertical tab, form feed, NEL: a line break. */
const BREAKS = new Set(['\u2028', '\u2029', '\u000B', '\u000C', '\u0085']);

/** What `ch` does in the layout, or undefined for a character that is drawn. */
export function layoutChar(ch: string): LayoutChar | undefined {
  if (BREAKS.has(ch)) return 'break';
  if (ch === '\t') return 'space'; // white space: one space wide, a break opportunity, trimmed at line ends
  if (ch === '\u200B') return 'hint'; // zero width space: no width, but a line may break there
  const cp = ch.codePointAt(0)!;
  // ZWNJ, ZWJ, LRM, RLM, word joiner, an inner BOM, soft hyphen, variation selectors: no width, no glyph
  if (cp === 0xad || (cp >= 0x200c && cp <= 0x200f) || cp === 0x2060 || cp === 0xfeff || (cp >= 0xfe00 && cp <= 0xfe0f) || (cp >= 0xe0100 && cp <= 0xe01ef)) return 'drop';
  return undefined;
}
