/**
 * TEMPORARY ADAPTER — delete when the layout contract of issue 6 (branch `structure`) is merged into main.
 *
 * The writer reads every resolved value through these functions, named after the contract's fields
 * (LaidParagraph.firstLineIndent, LaidCell.align without 'justify', PageGeometry.headerDistance /
 * footerDistance, PageNumbering.parts / sides). Until the layout carries them, they are derived here
 * exactly as the layout draws the PDF today; after the merge each body becomes the field access.
 */
import type { LaidCell, LaidParagraph, PageGeometry, PageNumbering } from '../../layout/types.js';

export type Side = 'left' | 'center' | 'right';
export type NumberPart = { text: string } | { field: 'page' | 'pages' };

/** LaidParagraph.firstLineIndent: build-flow already sets 0 for centred and right-aligned text. */
export function firstLineIndent(p: LaidParagraph): number {
  return p.indent;
}

/** LaidCell.align: stacked labels are centred, justify is drawn left-aligned (place-table.ts). */
export function cellAlign(c: LaidCell): Side {
  if (c.vertical) return 'center';
  return c.align === 'justify' ? 'left' : c.align;
}

/** PageGeometry.headerDistance, pt from the page's top edge to the header's top. */
export function headerDistance(g: PageGeometry): number {
  return g.margins.top / 3;
}

/** PageGeometry.footerDistance, pt from the page's bottom edge to the footer's bottom (the number's descent). */
export function footerDistance(g: PageGeometry): number {
  const n = g.numbers;
  return Math.max(0, n ? g.margins.bottom - n.offset - n.size * 1.1 : g.margins.bottom / 3);
}

/** PageNumbering.parts: the page-number text with its fields (layout/index.ts pageNumberText). */
export function numberParts(n: PageNumbering): NumberPart[] {
  if (n.style === 'dash') return [{ text: '— ' }, { field: 'page' }, { text: ' —' }];
  if (n.style === 'page-of') return [{ text: '第 ' }, { field: 'page' }, { text: ' 页 共 ' }, { field: 'pages' }, { text: ' 页' }];
  return [{ field: 'page' }];
}

/** PageNumbering.sides: where the number sits on odd and even pages. */
export function numberSides(n: PageNumbering): { odd: Side; even: Side } {
  return n.position === 'outside' ? { odd: 'right', even: 'left' } : { odd: n.position, even: n.position };
}
