import { adjustBreak, rowsThatFit } from '../../src/layout/paginate/break-choice.js';
import type { LaidCell } from '../../src/layout/types.js';

/** A row-spanning label: rows [r, r+rowSpan), needing `minHeight` pt. */
const label = (r: number, rowSpan: number, minHeight: number): LaidCell => ({
  r, c: 0, rowSpan, colSpan: 1, kind: 'label', lines: [], vertical: true, align: 'center', valign: 'middle', size: 10, pitch: 11.2, minHeight,
});
const rows = (n: number, h = 10) => new Array<number>(n).fill(h);

describe('rowsThatFit', () => {
  test('whole rows only, with a hundredth of a point of tolerance', () => {
    expect(rowsThatFit(rows(5), 0, 35)).toBe(3);
    expect(rowsThatFit(rows(5), 1, 29.995)).toBe(4);
    expect(rowsThatFit(rows(5), 2, 5)).toBe(2);
  });
});

describe('adjustBreak', () => {
  test('no label cut: the break stays', () => {
    const h = rows(6);
    expect(adjustBreak([label(0, 2, 15)], h, 0, 4)).toBe(4);
    expect(h).toEqual(rows(6));
  });

  test('the part above too short for its label: the break moves up to the label\'s first row', () => {
    const h = rows(8);
    expect(adjustBreak([label(2, 4, 30)], h, 0, 4)).toBe(2);
    expect(h).toEqual(rows(8));
  });

  test('the part below too short: the break moves up row by row while the part above can spare them (widow control)', () => {
    const h = rows(8);
    expect(adjustBreak([label(0, 6, 25)], h, 0, 5)).toBe(3);
    expect(h).toEqual(rows(8));
  });

  test('when neither helps, the last row below grows to hold the label', () => {
    const h = rows(6);
    // the label starts the page (nothing better above) and the part above cannot spare a row
    expect(adjustBreak([label(0, 4, 40)], h, 0, 2)).toBe(2);
    expect(h).toEqual([10, 10, 10, 30, 10, 10]);
  });
});
