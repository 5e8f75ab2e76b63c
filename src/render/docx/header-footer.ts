/**
 * Header and footer parts (w:hdr, w:ftr): the layout's header and footer lines, centred at the layout's
 * band pitch, and the page number as its parts (text, PAGE / NUMPAGES fields) on the layout's side, in a
 * line of the layout's height. Where odd and even pages differ, Word's even-page header and footer are
 * written too (w:evenAndOddHeaders in the settings).
 */
import type { Line, PageGeometry, PageNumbering, Side } from '../../layout/types.js';
import { toTwips } from '../../layout/units.js';
import { exactSpacing, jc } from './paragraph.js';
import { runProps, runs, textElement } from './run.js';
import { NS, XML_DECLARATION } from './xml.js';

export type HeaderFooterKind = 'header' | 'footer';

export interface HeaderFooterPart {
  kind: HeaderFooterKind;
  /** w:type of its reference in the section */
  type: 'default' | 'even';
  xml: string;
}

const INSTR = { page: 'PAGE', pages: 'NUMPAGES' } as const;

/** A complex field (begin, instruction, separate, end); Word and LibreOffice compute its value. */
function field(rPr: string, instr: string): string {
  return (
    `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r>` +
    `<w:r>${rPr}<w:instrText xml:space="preserve">${instr}</w:instrText></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r>` +
    `<w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`
  );
}

export function pageNumberParagraph(n: PageNumbering, side: Side): string {
  const rPr = runProps(n.face.family, n.face.bold, n.size);
  const ind = side === 'left' ? `<w:ind w:left="${toTwips(n.inset)}"/>` : side === 'right' ? `<w:ind w:right="${toTwips(n.inset)}"/>` : '';
  const content = n.parts.map((part) => ('field' in part ? field(rPr, INSTR[part.field]) : `<w:r>${rPr}${textElement(part.text)}</w:r>`)).join('');
  return `<w:p><w:pPr>${exactSpacing(0, 0, n.lineHeight)}${ind}${jc(side)}</w:pPr>${content}</w:p>`;
}

function band(g: PageGeometry, line: Line, before = 0): string {
  return `<w:p><w:pPr>${exactSpacing(before, 0, g.bandPitch)}${jc('center')}</w:pPr>${runs(line.pieces)}</w:p>`;
}

function part(kind: HeaderFooterKind, type: 'default' | 'even', body: string): HeaderFooterPart {
  const root = kind === 'header' ? 'w:hdr' : 'w:ftr';
  return { kind, type, xml: `${XML_DECLARATION}<${root} xmlns:w="${NS.w}" xmlns:r="${NS.r}">${body}</${root}>` };
}

/** The header and footer parts a page geometry needs, and whether odd and even pages differ. */
export function headersAndFooters(g: PageGeometry): { parts: HeaderFooterPart[]; evenAndOdd: boolean } {
  const n = g.numbers;
  const evenAndOdd = !!n && n.sides.odd !== n.sides.even;
  const parts: HeaderFooterPart[] = [];
  // With w:evenAndOddHeaders, an even page without an even header shows none: write it for both.
  const types = evenAndOdd ? (['default', 'even'] as const) : (['default'] as const);
  if (g.header) for (const type of types) parts.push(part('header', type, band(g, g.header)));
  if (n || g.footer) {
    for (const type of types) {
      const number = n ? pageNumberParagraph(n, type === 'even' ? n.sides.even : n.sides.odd) : '';
      parts.push(part('footer', type, number + (g.footer ? band(g, g.footer, n ? g.numberGap : 0) : '')));
    }
  }
  return { parts, evenAndOdd };
}
