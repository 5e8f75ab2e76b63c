import type { PageNumberPart, PageNumbering, Side } from '../types.js';

/** The parts of a page number in each style: literal text around PAGE / NUMPAGES fields. */
export function pageNumberParts(style: PageNumbering['style']): PageNumberPart[] {
  if (style === 'dash') return [{ text: '— ' }, { field: 'page' }, { text: ' —' }];
  if (style === 'page-of') return [{ text: '第 ' }, { field: 'page' }, { text: ' 页 共 ' }, { field: 'pages' }, { text: ' 页' }];
  return [{ field: 'page' }];
}

/** 'outside' (公文): odd pages right, even pages left; any other position is the same on both. */
export function pageNumberSides(position: PageNumbering['position']): PageNumbering['sides'] {
  return position === 'outside' ? { odd: 'right', even: 'left' } : { odd: position, even: position };
}

export function sideOf(n: PageNumbering, page: number): Side {
  return page % 2 === 1 ? n.sides.odd : n.sides.even;
}

/** The number as drawn on page `page` of `total`. */
export function pageNumberText(parts: PageNumberPart[], page: number, total: number): string {
  return parts.map((p) => ('text' in p ? p.text : String(p.field === 'page' ? page : total))).join('');
}

/**
 * Every character page-number parts can draw: their text and the digits fields fill in. A DOCX writes
 * fields that Word fills in, so its embedded font subsets must hold these although no text shows them.
 */
export function pageNumberChars(parts: PageNumberPart[]): Set<number> {
  const out = new Set<number>([...'0123456789'].map((c) => c.codePointAt(0)!));
  for (const p of parts) if ('text' in p) for (const ch of p.text) out.add(ch.codePointAt(0)!);
  return out;
}
