import { bundledRegistry } from '../src/fonts/bundled.js';
import { layoutDocument } from '../src/layout/index.js';
import type { LaidOutDocument, TextOp } from '../src/layout/types.js';
import { parseReport } from '../src/model/parse.js';
import { readExample, renderExample } from './helpers/render.js';

const lay = (model: unknown) => layoutDocument(parseReport(model), { registry: bundledRegistry() });
const texts = (doc: LaidOutDocument, page: number) => doc.pages[page].ops.filter((o): o is TextOp => o.kind === 'text');
const str = (o: TextOp) => o.pieces.map((p) => p.text).join('');

/** The text of each visual line of a page (ops on one baseline within a cell joined: autospacing splits them). */
function lineStrings(doc: LaidOutDocument, page: number): string[] {
  const ops = texts(doc, page).sort((a, b) => a.baseline - b.baseline || a.x - b.x);
  const out: { y: number; x: number; s: string }[] = [];
  for (const o of ops) {
    const last = out[out.length - 1];
    if (last && Math.abs(last.y - o.baseline) < 0.01 && o.x - last.x < 30) {
      last.s += str(o);
      last.x = o.x + o.width;
    } else out.push({ y: o.baseline, x: o.x + o.width, s: str(o) });
  }
  return out.map((l) => l.s);
}

/** Body text must stay inside the text block; only page numbers, header and footer sit outside it. */
function outsideTextBlock(doc: LaidOutDocument): string[] {
  const top = doc.page.margins.top;
  const bottom = doc.page.height - doc.page.margins.bottom;
  const bands = new Set([doc.page.header, doc.page.footer].filter(Boolean).map((l) => l!.pieces.map((p) => p.text).join('')));
  return doc.pages.flatMap((_, i) =>
    texts(doc, i)
      .filter((o) => !bands.has(str(o)) && !/^—\s\d+\s—$|^\d+$/.test(str(o)))
      .filter((o) => o.baseline > bottom + 0.01 || o.baseline < top)
      .map((o) => `page ${i + 1}: ${str(o)}`),
  );
}

describe('pagination', () => {
  test('nothing in the showcase is drawn outside the text block', async () => {
    const { laidOut } = await renderExample('examples/showcase.json');
    expect(outsideTextBlock(laidOut)).toEqual([]);
  });

  test('a row taller than a page continues on the next pages, header repeated, no line lost', () => {
    const long = Array.from({ length: 120 }, (_, i) => `第${i + 1}条记录。`).join('\n');
    const doc = lay({
      meta: { title: 't' },
      blocks: [{ type: 'table', columns: [{ label: '编号' }, { label: '内容' }], rows: [['甲', long], ['乙', '短']] }],
    });
    expect(doc.pages.length).toBeGreaterThan(2);
    expect(outsideTextBlock(doc)).toEqual([]);
    const all = doc.pages.flatMap((_, i) => lineStrings(doc, i));
    for (let i = 1; i <= 120; i++) expect(all.filter((t) => t === `第${i}条记录。`)).toHaveLength(1);
    for (let p = 0; p < doc.pages.length; p++) expect(texts(doc, p).filter((o) => str(o) === '内容')).toHaveLength(1);
    expect(all).toContain('乙');
  });

  test('a heading is never left alone at the bottom of a page', () => {
    const blocks: unknown[] = [];
    for (let i = 0; i < 40; i++) blocks.push({ type: 'heading', level: 1, text: `标题${i}` }, { type: 'paragraph', text: '正文。'.repeat(5 + ((i * 37) % 61)) });
    const doc = lay({ meta: { title: 't' }, blocks });
    for (let p = 0; p < doc.pages.length - 1; p++) {
      const last = lineStrings(doc, p).filter((l) => !/^\d+$/.test(l)).pop()!;
      expect(last).not.toMatch(/^标题\d+$/);
    }
  });

  test('explicit page breaks start a new page; a break at the top of a page adds no empty page', () => {
    const doc = lay({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '一' }, { type: 'pageBreak' }, { type: 'pageBreak' }, { type: 'paragraph', text: '二' }] });
    expect(doc.pages.map((_, i) => texts(doc, i).map(str).filter((s) => !/^\d+$/.test(s)))).toEqual([['一'], ['二']]);
  });
});

describe('column widths', () => {
  test('tables fill the text block; hints in mm are kept; narrow and vertical columns are one character wide', () => {
    const doc = lay(readExample('examples/showcase.json'));
    const width = doc.page.width - doc.page.margins.left - doc.page.margins.right;
    for (const t of doc.flow) if (t.kind === 'table') expect(t.colWidths.reduce((a, b) => a + b, 0)).toBeCloseTo(width, 3);
    const towns = doc.flow.find((b) => b.kind === 'table' && b.id === 'townships');
    if (towns?.kind !== 'table') throw new Error();
    expect(towns.colWidths[1]).toBeCloseTo((38 * 72) / 25.4, 3);
    expect(towns.colWidths[0]).toBeLessThan(16); // the vertical 片区 column: one 10.5 pt character and padding
  });
});
