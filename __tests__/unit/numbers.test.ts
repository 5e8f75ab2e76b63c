import { formatValue } from '../../src/layout/numbers.js';

describe('formatValue', () => {
  test.each([
    // rounding half away from zero on the decimal string, not the float
    [1.005, { decimals: 2 }, '1.01'],
    ['2.675', { decimals: 2 }, '2.68'],
    [-2.5, { decimals: 0 }, '-3'],
    [0.5, { decimals: 0 }, '1'],
    // exact digits far beyond a float's precision
    ['12345678901234567890.125', { decimals: 2, thousands: true }, '12,345,678,901,234,567,890.13'],
    ['0.1234567890123456789', { decimals: 'as-given' as const }, '0.1234567890123456789'],
    // as given: the digits written, with separators if asked
    ['1234.50', { thousands: true }, '1,234.50'],
    ['1,234', { decimals: 'as-given' as const }, '1234'],
    // signs: a value that rounds to zero has none; 'always' marks positives
    [-0.004, { decimals: 2 }, '0.00'],
    [-0.004, { decimals: 2, sign: 'always' as const }, '0.00'],
    [1234, { thousands: true, sign: 'always' as const }, '+1,234'],
    ['−7', { sign: 'always' as const }, '-7'],
    // text and empty cells pass through
    ['不适用', { decimals: 2 }, '不适用'],
    [null, { decimals: 2 }, ''],
  ])('%p with %p → %p', (v, fmt, out) => {
    expect(formatValue(v, fmt)).toBe(out);
  });

  test('a number that is not finite is an error', () => {
    expect(() => formatValue(Infinity, { decimals: 2 })).toThrow('不是有限的数');
  });
});
