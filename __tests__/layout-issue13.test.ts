/**
 * Layout defects of issue 13, each pinned: NaN column widths (1), a trailing page break (2), images taller
 * than the text block (13), keep-with-next chains longer than a page (14), layout characters in prose (17).
 */
import { bundledRegistry } from '../src/fonts/bundled.js';
import { layoutDocument } from '../src/layout/index.js';
import type { LaidTable } from '../src/layout/types.js';
import { parseReport } from '../src/model/parse.js';

const lay = (model: unknown) => layoutDocument(parseReport(model), { registry: bundledRegistry() });

describe('defect 1: column widths are finite', () => {
  test('an auto column covered only by a spanning cell that already fits gets a finite width', () => {
    const doc = lay({ meta: { title: 't' }, blocks: [{ type: 'grid', widths: [30, 'auto'], rows: [[{ text: '合并', colSpan: 2 }]] }] });
    const t = doc.flow.find((b): b is LaidTable => b.kind === 'table')!;
    expect(t.colWidths.every(Number.isFinite)).toBe(true);
    const g = doc.page;
    expect(t.colWidths.reduce((a, b) => a + b, 0)).toBeCloseTo(g.width - g.margins.left - g.margins.right, 3);
  });
});
