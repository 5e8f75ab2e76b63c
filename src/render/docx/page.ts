import { AlignmentType, Footer, Header, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import type { LaidOutDocument, PageNumbering } from '../../layout/types.js';
import { toTwips } from '../../layout/units.js';
import { runsOf } from './runs.js';

/** Page size and margins in twips, the same numbers the PDF uses. */
export function sectionPage(doc: LaidOutDocument) {
  const g = doc.page;
  const n = g.numbers;
  // w:footer is the distance from the page's bottom edge to the footer's bottom (number's descent).
  const footer = n ? g.margins.bottom - n.offset - n.size * 1.1 : g.margins.bottom / 3;
  return {
    size: { width: toTwips(g.width), height: toTwips(g.height), orientation: g.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: {
      top: toTwips(g.margins.top),
      right: toTwips(g.margins.right),
      bottom: toTwips(g.margins.bottom),
      left: toTwips(g.margins.left),
      header: toTwips(g.margins.top / 3),
      footer: toTwips(Math.max(0, footer)),
    },
  };
}

function numberParagraph(n: PageNumbering, side: 'center' | 'left' | 'right'): Paragraph {
  const family = n.face.family;
  const font = { ascii: family, eastAsia: family, hAnsi: family, cs: family };
  const parts: (string | (typeof PageNumber)[keyof typeof PageNumber])[] =
    n.style === 'dash' ? ['— ', PageNumber.CURRENT, ' —'] : n.style === 'page-of' ? ['第 ', PageNumber.CURRENT, ' 页 共 ', PageNumber.TOTAL_PAGES, ' 页'] : [PageNumber.CURRENT];
  return new Paragraph({
    alignment: side === 'left' ? AlignmentType.LEFT : side === 'right' ? AlignmentType.RIGHT : AlignmentType.CENTER,
    indent: side === 'left' ? { left: toTwips(n.inset) } : side === 'right' ? { right: toTwips(n.inset) } : {},
    children: [new TextRun({ children: parts, font, size: Math.round(n.size * 2) })],
  });
}

/** Footers with a PAGE field; "outside" numbering uses Word's odd/even footers. */
export function headersFooters(doc: LaidOutDocument): { headers?: { default: Header }; footers?: { default: Footer; even?: Footer }; evenAndOdd: boolean } {
  const g = doc.page;
  const band = (line = g.footer) => (line ? [new Paragraph({ alignment: AlignmentType.CENTER, children: runsOf(line.pieces) })] : []);
  const headers = g.header ? { default: new Header({ children: band(g.header) }) } : undefined;
  const n = g.numbers;
  if (!n) return { headers, footers: g.footer ? { default: new Footer({ children: band() }) } : undefined, evenAndOdd: false };
  if (n.position === 'outside')
    return {
      headers,
      footers: { default: new Footer({ children: [numberParagraph(n, 'right'), ...band()] }), even: new Footer({ children: [numberParagraph(n, 'left'), ...band()] }) },
      evenAndOdd: true,
    };
  return { headers, footers: { default: new Footer({ children: [numberParagraph(n, n.position), ...band()] }) }, evenAndOdd: false };
}
