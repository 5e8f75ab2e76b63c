import { AlignmentType, Footer, Header, LineRuleType, PageNumber, PageOrientation, Paragraph, TextRun } from 'docx';
import type { LaidOutDocument, Line, PageGeometry, PageNumbering, Side } from '../../layout/types.js';
import { toTwips } from '../../layout/units.js';
import { runsOf } from './runs.js';

/** Page size, margins and header/footer distances in twips: the layout's numbers, translated. */
export function sectionPage(doc: LaidOutDocument) {
  const g = doc.page;
  return {
    size: { width: toTwips(g.width), height: toTwips(g.height), orientation: g.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
    margin: {
      top: toTwips(g.margins.top),
      right: toTwips(g.margins.right),
      bottom: toTwips(g.margins.bottom),
      left: toTwips(g.margins.left),
      header: toTwips(g.headerDistance),
      footer: toTwips(g.footerDistance),
    },
  };
}

const FIELDS = { page: PageNumber.CURRENT, pages: PageNumber.TOTAL_PAGES } as const;
const ALIGN = { left: AlignmentType.LEFT, center: AlignmentType.CENTER, right: AlignmentType.RIGHT } as const;

function numberParagraph(n: PageNumbering, side: Side): Paragraph {
  const family = n.face.family;
  const font = { ascii: family, eastAsia: family, hAnsi: family, cs: family };
  return new Paragraph({
    alignment: ALIGN[side],
    indent: side === 'left' ? { left: toTwips(n.inset) } : side === 'right' ? { right: toTwips(n.inset) } : {},
    spacing: { line: toTwips(n.lineHeight), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
    children: [new TextRun({ children: n.parts.map((p) => ('text' in p ? p.text : FIELDS[p.field])), font, size: Math.round(n.size * 2) })],
  });
}

function bandParagraph(g: PageGeometry, line: Line, before = 0): Paragraph {
  return new Paragraph({
    alignment: AlignmentType.CENTER,
    spacing: { line: toTwips(g.bandPitch), lineRule: LineRuleType.EXACT, before: toTwips(before), after: 0 },
    children: runsOf(line.pieces),
  });
}

/** Header and footers; page numbers are PAGE/NUMPAGES fields, odd and even footers when the sides differ. */
export function headersFooters(doc: LaidOutDocument): { headers?: { default: Header; even?: Header }; footers?: { default: Footer; even?: Footer }; evenAndOdd: boolean } {
  const g = doc.page;
  const n = g.numbers;
  const evenAndOdd = !!n && n.sides.odd !== n.sides.even;
  const header = () => new Header({ children: g.header ? [bandParagraph(g, g.header)] : [] });
  // with odd/even footers Word takes even pages' header from the even header too: the same text on both
  const headers = g.header ? { default: header(), ...(evenAndOdd ? { even: header() } : {}) } : undefined;
  const footerText = (gap: number) => (g.footer ? [bandParagraph(g, g.footer, gap)] : []);
  if (!n) return { headers, footers: g.footer ? { default: new Footer({ children: footerText(0) }) } : undefined, evenAndOdd: false };
  const footer = (side: Side) => new Footer({ children: [numberParagraph(n, side), ...footerText(g.numberGap)] });
  if (evenAndOdd) return { headers, footers: { default: footer(n.sides.odd), even: footer(n.sides.even) }, evenAndOdd: true };
  return { headers, footers: { default: footer(n.sides.odd) }, evenAndOdd: false };
}
