/**
 * Headers and footers as docx objects (docx writes the parts, their relationships and content types): the
 * layout's header and footer lines, centred at the layout's band pitch, and the page number as its parts
 * (text, PageNumber.CURRENT / TOTAL_PAGES fields) on the layout's side, in a line of the layout's height.
 * Where odd and even pages differ, the even-page header and footer are given too (docx then writes
 * w:evenAndOddHeaders).
 */
import { AlignmentType, Footer, Header, LineRuleType, PageNumber, Paragraph, TextRun } from 'docx';
import type { Line, PageGeometry, PageNumbering, Side } from '../../layout/types.js';
import { toTwips } from '../../layout/units.js';
import { xmlChars } from './xml.js';

export interface HeadersAndFooters {
  headers: { default?: Header; even?: Header };
  footers: { default?: Footer; even?: Footer };
  evenAndOdd: boolean;
}

const ALIGN = { left: AlignmentType.LEFT, right: AlignmentType.RIGHT, center: AlignmentType.CENTER } as const;

/** A run in one face and size, named on all four script slots as the body's runs are. */
function run(family: string, bold: boolean, size: number, children: (string | (typeof PageNumber)[keyof typeof PageNumber])[]): TextRun {
  const font = { ascii: family, hAnsi: family, eastAsia: family, cs: family };
  return new TextRun({ font, size: Math.round(size * 2), ...(bold ? { bold: true, boldComplexScript: true } : {}), children });
}

const exact = (before: number, pitch: number) => ({ before: toTwips(before), after: 0, line: toTwips(pitch), lineRule: LineRuleType.EXACT });

export function pageNumberParagraph(n: PageNumbering, side: Side): Paragraph {
  const children = n.parts.map((part) => ('field' in part ? (part.field === 'page' ? PageNumber.CURRENT : PageNumber.TOTAL_PAGES) : xmlChars(part.text)));
  const indent = side === 'left' ? { left: toTwips(n.inset) } : side === 'right' ? { right: toTwips(n.inset) } : undefined;
  return new Paragraph({ spacing: exact(0, n.lineHeight), ...(indent ? { indent } : {}), alignment: ALIGN[side], children: children.map((c) => run(n.face.family, n.face.bold, n.size, [c])) });
}

function band(g: PageGeometry, line: Line, before = 0): Paragraph {
  const runs = line.pieces.filter((p) => p.text !== '\n').map((p) => run(p.face.family, p.face.bold, p.size, [xmlChars(p.verticalForms ?? p.text)]));
  return new Paragraph({ spacing: exact(before, g.bandPitch), alignment: AlignmentType.CENTER, children: runs });
}

/** The headers and footers a page geometry needs, and whether odd and even pages differ. */
export function headersAndFooters(g: PageGeometry): HeadersAndFooters {
  const n = g.numbers;
  const evenAndOdd = !!n && n.sides.odd !== n.sides.even;
  const out: HeadersAndFooters = { headers: {}, footers: {}, evenAndOdd };
  // With w:evenAndOddHeaders, an even page without an even header shows none: give it for both.
  const types = evenAndOdd ? (['default', 'even'] as const) : (['default'] as const);
  for (const type of types) {
    if (g.header) out.headers[type] = new Header({ children: [band(g, g.header)] });
    if (n || g.footer) {
      const children = [...(n ? [pageNumberParagraph(n, type === 'even' ? n.sides.even : n.sides.odd)] : []), ...(g.footer ? [band(g, g.footer, n ? g.numberGap : 0)] : [])];
      out.footers[type] = new Footer({ children });
    }
  }
  return out;
}
