import { bundledRegistry } from '../../src/fonts/bundled.js';
import { layoutDocument } from '../../src/layout/index.js';
import { measureCells } from '../../src/layout/table/measure.js';
import { resolveGridTable } from '../../src/layout/table/resolve.js';
import { AUTO_SHARE_WITH_WEIGHTS, type ColumnNeeds, chooseWidths, columnNeeds } from '../../src/layout/table/widths.js';
import { TextContext } from '../../src/layout/text/measure.js';
import type { LaidTable } from '../../src/layout/types.js';
import { mm } from '../../src/layout/units.js';
import { GridTable, parseReport } from '../../src/index.js';

const need = (min: number, max: number, vertical = false): ColumnNeeds => ({ min, max, vertical });
const round = (xs: number[]) => xs.map((x) => Math.round(x * 1000) / 1000);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

describe('chooseWidths, one branch each', () => {
  test('only fixed columns: stretched together to fill the width', () => {
    const w = chooseWidths([10, { mm: 30 }], [need(0, 0), need(0, 0)], 200, 15);
    expect(round(w)).toEqual([50, 150]);
  });

  test('fixed columns wider than the page are scaled down together, leaving an auto column its minimum', () => {
    const w = chooseWidths([100, 100, undefined], [need(0, 0), need(0, 0), need(20, 40)], mm(100), 15);
    expect(round(w)).toEqual(round([(mm(100) - 20) / 2, (mm(100) - 20) / 2, 20]));
  });

  test('fixed columns that leave too little give way to the minimum of the other columns (issue 13: a character drawn off the page)', () => {
    // 150 of 160 pt fixed: the auto and the weighted column each need 16 for one character
    const w = chooseWidths([{ mm: 150 / mm(1) }, undefined, { weight: 1 }], [need(0, 0), need(16, 16), need(16, 16)], 160, 15);
    expect(round(w)).toEqual([128, 16, 16]);
    expect(round([sum(w)])).toEqual([160]);
  });

  test("'narrow' is one label character wide; a column of stacked labels is as wide as its widest character", () => {
    const w = chooseWidths(['narrow', undefined, undefined], [need(30, 30), need(12, 12, true), need(10, 50)], 200, 15);
    expect(round(w.slice(0, 2))).toEqual([15, 15]); // max(narrow, 12)
    expect(round(w)[2]).toBe(170);
  });

  test(`next to weights, auto columns that fit in ${AUTO_SHARE_WITH_WEIGHTS * 100}% of the free width take their maximum`, () => {
    const w = chooseWidths([undefined, { weight: 1 }, { weight: 3 }], [need(10, 50), need(0, 0), need(0, 0)], 200, 15);
    expect(round(w)).toEqual([50, 37.5, 112.5]);
  });

  test(`next to weights, wider auto columns shrink toward their minimum, within ${AUTO_SHARE_WITH_WEIGHTS * 100}%`, () => {
    const w = chooseWidths([undefined, undefined, { weight: 1 }], [need(40, 300), need(40, 300), need(0, 0)], 200, 15);
    expect(round(w)).toEqual([40, 40, 120]); // mins fit under the cap
    const cramped = chooseWidths([undefined, { weight: 1 }], [need(150, 300), need(0, 0)], 200, 15);
    expect(round(cramped)).toEqual([120, 80]); // mins over the cap are scaled into it: weights keep 40%
  });

  test('auto columns that all fit share the extra width in proportion to their maximum', () => {
    expect(round(chooseWidths([undefined, undefined], [need(10, 20), need(10, 60)], 160, 15))).toEqual([40, 120]);
  });

  test('when only the minimums fit, each column gets its minimum plus a share of the rest in proportion to how much more it wants', () => {
    expect(round(chooseWidths([undefined, undefined], [need(10, 110), need(20, 40)], 90, 15))).toEqual([60, 30]);
  });

  test('when not even the minimums fit, each column keeps one character (narrow) and the rest of the minimums are scaled down', () => {
    // floors 15 + 15, then 20 pt for the remaining 45 + 25 of the minimums
    expect(round(chooseWidths([undefined, undefined], [need(60, 100), need(40, 100)], 50, 15))).toEqual(round([15 + (45 * 20) / 70, 15 + (25 * 20) / 70]));
    // a one-character label column next to columns of long words is not squeezed below its character (a fuzz finding)
    const w = chooseWidths([undefined, undefined, undefined], [need(16, 16), need(65, 77), need(65, 77)], 100, 15.5);
    expect(w[0]).toBeGreaterThanOrEqual(15.5);
  });
});

describe('columnNeeds', () => {
  const ctx = () => new TextContext(bundledRegistry(), false);
  const defaults = { font: 'serif' as const, size: 10, headerSize: 10, labelSize: 10 };

  test('a spanning cell wider than its columns raises their minimums, shared equally among the auto columns', () => {
    const spec = resolveGridTable(GridTable.parse({ type: 'grid', widths: ['auto', 'auto', 20], headerRows: 1, rows: [[{ text: 'Internationalization', colSpan: 2 }, 'x'], ['一', '二', '三']] }), 'g');
    const needs = columnNeeds(measureCells(spec.cells, ctx(), defaults), spec.cols, spec.widthHints, 2.5);
    const word = measureCells([spec.cells[0]], ctx(), defaults)[0].chars.reduce((s, c) => s + c.face.font.glyphForCodePoint(c.cp).advanceWidth / c.face.unitsPerEm * c.size, 0);
    expect(needs[0].min + needs[1].min).toBeCloseTo(word + 5, 3);
    expect(needs[0].min).toBeCloseTo(needs[1].min, 6);
    expect(needs[0].max).toBeGreaterThanOrEqual(needs[0].min);
    expect(needs[2].min).toBe(15); // 三 + padding; a fixed column is not widened
  });

  test('a spanning cell narrower than its columns changes nothing', () => {
    const spec = resolveGridTable(GridTable.parse({ type: 'grid', widths: ['auto', 'auto'], headerRows: 1, rows: [[{ text: '一', colSpan: 2 }], ['一二三', '四五六']] }), 'g');
    const needs = columnNeeds(measureCells(spec.cells, ctx(), defaults), spec.cols, spec.widthHints, 2.5);
    expect(needs.map((n) => n.min)).toEqual([15, 15]);
  });
});

describe('a wide spanning header widens its columns (the bug: spanning cells were left out of the minimum widths)', () => {
  // eight crowded columns of breakable Chinese text; the first two share a header with an unbreakable word
  const word = 'InternationalizationAndLocalization';
  const model = {
    meta: { title: 't' },
    page: { margins: { top: 20, bottom: 20, left: 20, right: 20 } },
    blocks: [
      {
        type: 'grid',
        widths: new Array(8).fill('auto'),
        headerRows: 1,
        rows: [
          [{ text: word, colSpan: 2 }, ...new Array(6).fill('表头')],
          new Array(8).fill('一段相当长的中文说明文字需要在很窄的列里折成许多行才能放下'),
        ],
      },
    ],
  };
  const laid = layoutDocument(parseReport(model), { registry: bundledRegistry() });
  const t = laid.flow.find((b): b is LaidTable => b.kind === 'table')!;
  const header = t.cells.find((c) => c.r === 0 && c.c === 0)!;

  test('the header stays on one line, and its two columns hold it', () => {
    expect(header.lines.map((l) => l.pieces.map((p) => p.text).join(''))).toEqual([word]);
    expect(t.colWidths[0] + t.colWidths[1]).toBeGreaterThanOrEqual(header.lines[0].width + 2 * t.padX - 0.001);
    expect(sum(t.colWidths)).toBeCloseTo(mm(170), 3);
  });
});

test('fixed columns wider than the page give way; narrow columns stay one character wide (a fuzz finding)', () => {
  const w = chooseWidths([100, 'narrow', 100], [need(0, 0), need(15, 15), need(0, 0)], mm(100), 15);
  expect(round(w)).toEqual(round([(mm(100) - 15) / 2, 15, (mm(100) - 15) / 2]));
});

test('a fixed column under spanning cells (minimum 0) gives way only down to one character (a fuzz finding)', () => {
  // a 14 pt fixed column with no cell of its own next to an auto column that wants far more than the page
  const w = chooseWidths([5, undefined], [need(0, 0), need(400, 500)], 200, 15.5);
  expect(w[0]).toBeGreaterThanOrEqual(mm(5) - 1e-9);
});
