import type { ReportDocument } from '../../model/document.js';
import { type TextContext, toLine } from '../text/measure.js';
import type { Line, PageGeometry, PageNumbering } from '../types.js';
import { PAGE_SIZES_MM, mm } from '../units.js';
import { BAND_SIZE, NUMBER_ASCENT, NUMBER_DESCENT, bandDistances } from './bands.js';
import { pageNumberParts, pageNumberSides } from './page-numbers.js';

/** Page size, margins, header/footer text and page numbering, with every distance resolved. */
export function geometry(doc: ReportDocument, ctx: TextContext): PageGeometry {
  const setup = doc.page ?? {};
  const [w, h] = PAGE_SIZES_MM[setup.size ?? 'A4'];
  const landscape = setup.orientation === 'landscape';
  const m = setup.margins ?? { top: 25, right: 25, bottom: 25, left: 25 };
  const numbersIn = setup.pageNumbers === false ? undefined : (setup.pageNumbers ?? {});
  let numbers: PageNumbering | undefined;
  if (numbersIn) {
    const size = numbersIn.size ?? 10.5;
    const style = numbersIn.style ?? 'plain';
    const position = numbersIn.position ?? 'center';
    numbers = {
      style,
      position,
      parts: pageNumberParts(style),
      sides: pageNumberSides(position),
      size,
      face: ctx.face(numbersIn.font ?? 'serif', false, '—'),
      offset: mm(numbersIn.offset ?? 7),
      inset: (numbersIn.inset ?? 1) * size,
      lineHeight: (NUMBER_ASCENT + NUMBER_DESCENT) * size,
    };
  }
  const small = (text: string | undefined, where: string): Line | undefined =>
    text ? toLine(ctx.chars([{ text }], { font: 'serif', size: BAND_SIZE, bold: false }, where)) : undefined;
  const header = small(setup.header, 'page.header');
  const footer = small(setup.footer, 'page.footer');
  const height = mm(landscape ? w : h);
  const margins = { top: mm(m.top), right: mm(m.right), bottom: mm(m.bottom), left: mm(m.left) };
  return {
    width: mm(landscape ? h : w),
    height,
    margins,
    landscape,
    header,
    footer,
    numbers,
    ...bandDistances({ height, margins, hasHeader: !!header, hasFooter: !!footer, numbers }),
  };
}

