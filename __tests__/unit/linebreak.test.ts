import { breakLines, maxContentWidth, minContentWidth } from '../../src/layout/text/linebreak.js';
import { measured, texts } from './chars.js';

describe('breakLines', () => {
  test('breaks between any two Chinese characters, at the width', () => {
    expect(texts(breakLines(measured('一二三四五六七'), 30))).toEqual(['一二三', '四五六', '七']);
  });

  test('the first line is `indent` narrower', () => {
    expect(texts(breakLines(measured('一二三四五六七'), 30, 10))).toEqual(['一二', '三四五', '六七']);
  });

  test('行首禁则: a closing mark never starts a line; without hanging, the character before it moves down too', () => {
    expect(texts(breakLines(measured('一二三四，五六'), 40, 0, false))).toEqual(['一二三', '四，五六']);
    expect(texts(breakLines(measured('一二三）四五'), 30, 0, false))).toEqual(['一二', '三）四', '五']);
  });

  test('悬挂标点: with hanging, 、，。 stay at the end of the full line, past its width', () => {
    const lines = breakLines(measured('一二三四，五六'), 40);
    expect(texts(lines)).toEqual(['一二三四，', '五六']);
    expect(lines[0].hang).toBe(10);
    expect(lines[0].width).toBe(50);
    expect(lines[1].hang).toBeUndefined();
  });

  test('行尾禁则: an opening mark never ends a line; it moves down with what it opens', () => {
    expect(texts(breakLines(measured('一二三（四）五'), 40))).toEqual(['一二三', '（四）五']);
  });

  test('a Latin word or a number is kept whole; a word wider than the line is cut by characters', () => {
    expect(texts(breakLines(measured('一二三12345'), 40))).toEqual(['一二三', '12345']); // not 一二三1 | 2345
    const long = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
    const lines = breakLines(measured(long), 30);
    expect(texts(lines).join('')).toBe(long);
    expect(lines.length).toBeGreaterThan(3);
    for (const l of lines) expect(l.width).toBeLessThanOrEqual(30.001);
  });

  test('a newline forces a break; an empty text is one empty line', () => {
    expect(texts(breakLines(measured('一二\n三'), 100))).toEqual(['一二', '三']);
    expect(breakLines([], 100)).toEqual([{ pieces: [], width: 0 }]);
  });
});

describe('content widths', () => {
  test('min: the widest unbreakable piece; max: the longest forced line', () => {
    const chars = measured('一二三\n四五');
    expect(minContentWidth(chars)).toBe(10);
    expect(maxContentWidth(chars)).toBe(30);
    expect(minContentWidth(measured('（四）'))).toBe(30); // brackets hold to what they enclose
  });
});
