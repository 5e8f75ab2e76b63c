/**
 * The section properties (w:sectPr): header/footer references, page size and margins in twips (the same
 * numbers the PDF uses), and the header and footer distances the layout gives (w:header, w:footer).
 */
import type { PageGeometry } from '../../layout/types.js';
import { toTwips } from '../../layout/units.js';
import type { HeaderFooterKind } from './header-footer.js';

export interface HeaderFooterRef {
  kind: HeaderFooterKind;
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
