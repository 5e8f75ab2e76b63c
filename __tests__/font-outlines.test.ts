/** Defect 12: a font whose glyf glyphs are all empty (bitmap-only, outlines stripped) is refused, as the README says. */
import { readFileSync } from 'node:fs';
import { CjkReportError } from '../src/errors.js';
import { glyfHasOutlines, sfntTables } from '../src/fonts/sfnt.js';
import { validateFont } from '../src/fonts/validate.js';

const real = new Uint8Array(readFileSync('fonts/NotoSerifSC-Regular.ttf'));

/** The same font with every loca entry 0: each glyph has no outline data, all else intact. */
function withoutOutlines(font: Uint8Array): Uint8Array {
  const b = font.slice();
  const loca = sfntTables(b).get('loca')!;
  b.fill(0, loca.offset, loca.offset + loca.length);
  return b;
}

test('a real font has outlines and passes', () => {
  expect(glyfHasOutlines(real)).toBe(true);
  expect(() => validateFont(real, 'NotoSerifSC-Regular.ttf', 1e8)).not.toThrow();
});

test('a font with every glyph empty is refused by name, with the reason', () => {
  let err: unknown;
  try {
    validateFont(withoutOutlines(real), 'bitmap-only.ttf', 1e8);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(CjkReportError);
  const e = err as CjkReportError;
  expect(e.code).toBe('invalid-font');
  expect(e.problems[0].path).toBe('bitmap-only.ttf');
  expect(e.problems[0].message).toContain('没有轮廓');
});
