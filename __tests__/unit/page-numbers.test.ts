import { bandDistances, BAND_PITCH } from '../../src/layout/page/bands.js';
import { pageNumberChars, pageNumberParts, pageNumberSides, pageNumberText } from '../../src/layout/page/page-numbers.js';
import type { PageNumbering } from '../../src/layout/types.js';

describe('page numbers', () => {
  test('parts per style, the text drawn from them', () => {
    expect(pageNumberParts('plain')).toEqual([{ field: 'page' }]);
    expect(pageNumberText(pageNumberParts('dash'), 3, 9)).toBe('— 3 —');
    expect(pageNumberText(pageNumberParts('page-of'), 3, 9)).toBe('第 3 页 共 9 页');
  });

  test("'outside' is odd pages right, even pages left; other positions are the same on both", () => {
    expect(pageNumberSides('outside')).toEqual({ odd: 'right', even: 'left' });
    expect(pageNumberSides('center')).toEqual({ odd: 'center', even: 'center' });
  });

  test('the characters a DOCX subset must hold for the fields: digits and the literal parts', () => {
    const chars = [...pageNumberChars(pageNumberParts('page-of'))].map((c) => String.fromCodePoint(c)).sort().join('');
    expect(chars).toBe(' 0123456789共第页');
  });
});

describe('bandDistances', () => {
  const margins = { top: 100, right: 50, bottom: 90, left: 50 };
  const numbers = { offset: 20, lineHeight: 11, size: 10 } as PageNumbering;

  test('the header line is centred in the top margin', () => {
    expect(bandDistances({ height: 800, margins, hasHeader: true, hasFooter: false }).headerDistance).toBeCloseTo(50 - BAND_PITCH / 2, 9);
  });

  test('without footer text the footer band is the page number: its line box ends offset + line height below the text block', () => {
    const d = bandDistances({ height: 800, margins, hasHeader: false, hasFooter: false, numbers });
    expect(d.footerDistance).toBeCloseTo(90 - 20 - 11, 9);
    expect(d.numberGap).toBe(0);
  });

  test('with footer text the number sits above it, the gap keeping the number where the offset puts it', () => {
    const d = bandDistances({ height: 800, margins, hasHeader: false, hasFooter: true, numbers });
    expect(d.footerDistance).toBeCloseTo(30 - BAND_PITCH / 2, 9);
    expect(d.footerDistance + BAND_PITCH + d.numberGap).toBeCloseTo(90 - 20 - 11, 9);
  });
});
