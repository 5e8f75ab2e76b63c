import { alignX, EM_CENTER } from '../draw/line-ops.js';
import { toLine } from '../text/measure.js';
import type { LaidPage, Line, PageGeometry, PageNumbering } from '../types.js';
import { roundPt } from '../units.js';
import { pageNumberText, sideOf } from './page-numbers.js';

/** Header and footer text size, pt, and their exact line height. */
export const BAND_SIZE = 9;
export const BAND_PITCH = BAND_SIZE * 1.3;
/** A page number's baseline lies NUMBER_ASCENT × size below the top of its line box, which is 1.1 em tall. */
export const NUMBER_ASCENT = 0.88;
export const NUMBER_DESCENT = 0.22;

export interface BandInput {
  height: number;
  margins: PageGeometry['margins'];
  hasHeader: boolean;
  hasFooter: boolean;
  numbers?: PageNumbering;
}

/**
 * Where the header and footer bands sit, as a word processor measures them: the header's line is centred
 * in the top margin; the footer text's line is centred a third of the bottom margin above the page's edge;
 * the page number's baseline is `offset` below the text block, plus its ascent.
 */
export function bandDistances(g: BandInput): Pick<PageGeometry, 'headerDistance' | 'footerDistance' | 'bandPitch' | 'numberGap'> {
  // never below the page edge: a 5 mm margin would give a negative distance, which Word cannot write (found by fuzzing)
  const headerDistance = Math.max(0, g.margins.top / 2 - BAND_PITCH / 2);
  const footerTextBottom = Math.max(0, g.margins.bottom / 3 - BAND_PITCH / 2);
  const n = g.numbers;
  if (!n) return { headerDistance, footerDistance: footerTextBottom, bandPitch: BAND_PITCH, numberGap: 0 };
  // distance from the page's bottom edge to the bottom of the number's line box
  const numberBottom = g.margins.bottom - n.offset - n.lineHeight;
  if (!g.hasFooter) return { headerDistance, footerDistance: Math.max(0, numberBottom), bandPitch: BAND_PITCH, numberGap: 0 };
  return { headerDistance, footerDistance: footerTextBottom, bandPitch: BAND_PITCH, numberGap: Math.max(0, numberBottom - (footerTextBottom + BAND_PITCH)) };
}

/** Baselines, pt from the page's top, derived from the distances above (the DOCX writes the same distances). */
export function headerBaseline(g: PageGeometry): number {
  return g.headerDistance + g.bandPitch / 2 + EM_CENTER * BAND_SIZE;
}
export function footerBaseline(g: PageGeometry): number {
  return g.height - g.footerDistance - g.bandPitch / 2 + EM_CENTER * BAND_SIZE;
}
export function numberBaseline(g: PageGeometry, n: PageNumbering): number {
  const above = g.footer ? g.bandPitch + g.numberGap : 0;
  return g.height - g.footerDistance - above - n.lineHeight + NUMBER_ASCENT * n.size;
}

/** Page numbers, header and footer text, once the page count is known. */
export function decoratePages(pages: LaidPage[], g: PageGeometry): void {
  const left = g.margins.left;
  const width = g.width - g.margins.left - g.margins.right;
  pages.forEach((p, i) => {
    const n = g.numbers;
    if (n) {
      const text = pageNumberText(n.parts, i + 1, pages.length);
      const line = toLine([...text].map((ch) => ({ ch, cp: ch.codePointAt(0)!, face: n.face, size: n.size })));
      const side = sideOf(n, i + 1);
      const x = side === 'left' ? left + n.inset : side === 'right' ? left + width - n.inset - line.width : alignX('center', left, width, line.width);
      p.ops.push({ kind: 'text', x: roundPt(x), baseline: roundPt(numberBaseline(g, n)), pieces: line.pieces, width: roundPt(line.width) });
    }
    const band = (line: Line | undefined, baseline: number) => {
      if (line) p.ops.push({ kind: 'text', x: roundPt(alignX('center', left, width, line.width)), baseline: roundPt(baseline), pieces: line.pieces, width: roundPt(line.width) });
    };
    band(g.header, headerBaseline(g));
    band(g.footer, footerBaseline(g));
  });
}
