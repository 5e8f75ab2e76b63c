/**
 * The section properties (w:sectPr) of the body part: the references to the headers and footers docx made
 * (their relationship ids are docx's), and the page size, margins and header/footer distances docx's section
 * is given too, in twips (the same numbers the PDF uses). The body replaces docx's document part, so its
 * section must say the same.
 */
import type { PageGeometry } from '../../layout/types.js';
import { toTwips } from '../../layout/units.js';

export interface HeaderFooterRef {
  kind: 'header' | 'footer';
  type: 'default' | 'even';
  relId: string;
}

export function sectionProperties(g: PageGeometry, refs: HeaderFooterRef[]): string {
  const m = g.margins;
  return (
    '<w:sectPr>' +
    refs.map((r) => `<w:${r.kind}Reference w:type="${r.type}" r:id="${r.relId}"/>`).join('') +
    `<w:pgSz w:w="${toTwips(g.width)}" w:h="${toTwips(g.height)}" w:orient="${g.landscape ? 'landscape' : 'portrait'}"/>` +
    `<w:pgMar w:top="${toTwips(m.top)}" w:right="${toTwips(m.right)}" w:bottom="${toTwips(m.bottom)}" w:left="${toTwips(m.left)}" ` +
    `w:header="${toTwips(g.headerDistance)}" w:footer="${toTwips(g.footerDistance)}" w:gutter="0"/>` +
    '</w:sectPr>'
  );
}
