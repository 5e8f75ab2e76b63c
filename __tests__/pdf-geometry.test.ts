import type { LaidCell, LaidOutDocument, LaidTable, TextOp } from '../src/layout/types.js';
import { flatText, pdfItems, type TextItem } from './helpers/pdf.js';
import { readExample, renderExample } from './helpers/render.js';

const SHOWCASE = 'examples/showcase.json';

let items: TextItem[];
let laid: LaidOutDocument;
let pages: number;
beforeAll(async () => {
  const r = await renderExample(SHOWCASE);
  laid = r.laidOut;
  ({ items, pages } = await pdfItems(r.pdf!));
});

/** Every string in the input model (the text a reader must find in the output). */
function modelText(v: unknown, out: string[] = [], key = ''): string[] {
  if (typeof v === 'string' && !['data', 'type', 'align', 'valign', 'font', 'size', 'creationDate', 'style', 'position', 'orientation', 'id', 'widths', 'width', 'sign', 'decimals'].includes(key)) out.push(v);
  else if (Array.isArray(v)) v.forEach((x) => modelText(x, out, key));
  else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) if (k !== 'meta') modelText(x, out, k);
  return out;
}

describe('PDF of the showcase', () => {
  test('every character of the input text is in the PDF text', () => {
    const text = flatText(items);
    const want = new Set(modelText(readExample(SHOWCASE)).join('').replace(/\s+/g, ''));
    const missing = [...want].filter((c) => !text.includes(c));
    expect(missing).toEqual([]);
    expect(pages).toBe(laid.pages.length);
  });

  test('a vertical label is a column of upright glyphs: one x, rising y, one character per line', () => {
    const label = '三、本年度办理结果';
    const chars = [...label];
    // find the stack: a run of single-character items equal to the label's characters, same x
    const singles = items.filter((i) => [...i.str].length === 1);
    let found: TextItem[] | undefined;
    for (let k = 0; k + chars.length <= singles.length && !found; k++) {
      const run = singles.slice(k, k + chars.length);
      if (run.every((it, j) => it.str === chars[j] && it.page === run[0].page)) found = run;
    }
    expect(found).toBeDefined();
    const xs = found!.map((i) => i.x + i.width / 2);
    for (const x of xs) expect(Math.abs(x - xs[0])).toBeLessThan(0.5);
    for (let j = 1; j < found!.length; j++) {
      const step = found![j].y - found![j - 1].y;
      expect(step).toBeGreaterThan(found![j].size * 0.9); // one character per line, moving down the page
      expect(step).toBeLessThan(found![j].size * 1.5);
    }
  });

  test('the 、 of a stacked label is drawn in its vertical form but extracts as 、', () => {
    const op = laid.pages.flatMap((p) => p.ops).find((o): o is TextOp => o.kind === 'text' && o.pieces.some((pc) => pc.vert && pc.text === '、'));
    expect(op).toBeDefined();
    expect(items.some((i) => i.str === '、' && Math.abs(i.x - op!.x) < 0.5)).toBe(true);
  });

  test('a merged cell\'s text lies inside its rectangle, vertically centred', () => {
    const table = laid.flow.find((b): b is LaidTable => b.kind === 'table' && b.id === 'applications')!;
    const cell = table.cells.find((c) => c.lines.map((l) => l.pieces.map((p) => p.text).join('')).join('') === '（三）不予公开')!;
    expect(cell.rowSpan).toBe(8);
    const rect = cellRect(table, cell, laid);
    const texts = items.filter((i) => i.page === rect.page && i.x >= rect.x - 0.5 && i.x + i.width <= rect.x + rect.w + 0.5 && i.y > rect.y && i.y < rect.y + rect.h);
    const joined = texts.map((t) => t.str).join('');
    expect(joined).toBe('（三）不予公开');
    // centred: the gap above the first line's em box equals the gap below the last one
    const top = Math.min(...texts.map((t) => t.y - 0.88 * t.size));
    const bottom = Math.max(...texts.map((t) => t.y + 0.12 * t.size));
    expect(Math.abs(top - rect.y - (rect.y + rect.h - bottom))).toBeLessThan(2);
  });

  test('the long table crosses pages: header repeated, no row lost, the split group label repeated', () => {
    const model = readExample(SHOWCASE) as { blocks: { id?: string; rowHeader?: { rows: { label: string; children: { label: string }[] }[] } }[] };
    const t = model.blocks.find((b) => b.id === 'townships')!;
    const towns = t.rowHeader!.rows.flatMap((g) => g.children.map((c) => c.label));
    const townPages = towns.map((name) => items.filter((i) => i.str === name).map((i) => i.page));
    for (const [k, p] of townPages.entries()) expect([towns[k], p.length]).toEqual([towns[k], 1]); // each row exactly once
    const tablePages = [...new Set(townPages.flat())];
    expect(tablePages.length).toBeGreaterThan(1);
    for (const p of tablePages) expect(items.filter((i) => i.page === p && i.str === '收到申请（件）')).toHaveLength(1);
    // a group whose rows fall on two pages shows its label on both
    const split = t.rowHeader!.rows.find((g) => new Set(g.children.map((c) => townPages[towns.indexOf(c.label)][0])).size > 1);
    expect(split).toBeDefined();
    const groupPages = new Set(split!.children.map((c) => townPages[towns.indexOf(c.label)][0]));
    for (const p of groupPages) {
      const stacked = items.filter((i) => i.page === p && [...split!.label].includes(i.str));
      expect(stacked.map((i) => i.str).join('')).toContain(split!.label);
    }
    // rows never overlap: on each page, town baselines are at least a line apart
    for (const p of tablePages) {
      const ys = items.filter((i) => i.page === p && towns.includes(i.str)).map((i) => i.y).sort((a, b) => a - b);
      for (let j = 1; j < ys.length; j++) expect(ys[j] - ys[j - 1]).toBeGreaterThan(10);
    }
  });

  test('no line of body text starts with a closing mark or ends with an opening one', () => {
    const lines = laid.pages.flatMap((p) => p.ops).filter((o): o is TextOp => o.kind === 'text')
      .map((o) => o.pieces.map((p) => p.text).join(''))
      .filter((l) => [...l].length > 1); // one-character lines are stacked labels
    const bad = lines.filter((l) => /^[，。、；：？！）》」』”’…]/.test(l) || /[（《「『“‘]$/.test(l));
    expect(bad).toEqual([]);
  });
});

/** A cell's rectangle on the page where its label is drawn, from the layout's rules (the lines the PDF draws). */
function cellRect(table: LaidTable, cell: LaidCell, doc: LaidOutDocument) {
  const text = cell.lines[0].pieces[0].text;
  const pageIndex = doc.pages.findIndex((p) => p.ops.some((o) => o.kind === 'text' && o.pieces[0]?.text === text));
  const page = doc.pages[pageIndex];
  const op = page.ops.find((o): o is TextOp => o.kind === 'text' && o.pieces[0]?.text === text)!;
  const vs = page.ops.filter((o) => o.kind === 'rule' && o.x1 === o.x2 && o.y1 <= op.baseline && o.y2 >= op.baseline);
  const left = Math.max(...vs.filter((l) => l.kind === 'rule' && l.x1 <= op.x).map((l) => (l.kind === 'rule' ? l.x1 : 0)));
  const right = Math.min(...vs.filter((l) => l.kind === 'rule' && l.x1 > op.x).map((l) => (l.kind === 'rule' ? l.x1 : 0)));
  // the cell's own left border is the shortest line at that x (a neighbour spanning more rows shares the x)
  const own = vs.filter((l) => l.kind === 'rule' && l.x1 === left).sort((a, b) => (a.kind === 'rule' && b.kind === 'rule' ? a.y2 - a.y1 - (b.y2 - b.y1) : 0));
  const line = own[0];
  if (line.kind !== 'rule') throw new Error();
  void table;
  return { page: pageIndex + 1, x: left, w: right - left, y: line.y1, h: line.y2 - line.y1 };
}

describe('Chinese typesetting in the PDF', () => {
  test('an automatic space of 0.2 em separates Chinese from digits and Latin letters', async () => {
    const { pdf } = await renderExample('examples/fangzheng-2020/fangzheng-2020.yaml', 'gov-info-annual-report-2019');
    const { items } = await pdfItems(pdf!);
    const digits = items.find((i) => i.str === '2020' && i.size > 20)!; // the title's second line
    const next = items.find((i) => i.page === digits.page && Math.abs(i.y - digits.y) < 0.5 && i.str.startsWith('年'))!;
    expect(next.x - (digits.x + digits.width)).toBeCloseTo(0.2 * digits.size, 1);
  });

  test('、，。 may hang past the right edge of a justified line; the other lines end flush at it', () => {
    const right = laid.page.width - laid.page.margins.right;
    const body = laid.pages.flatMap((p) => p.ops).filter((o): o is TextOp => o.kind === 'text' && o.pieces[0].size === 12);
    const ends = body.map((o) => ({ end: o.x + o.width - (o.charSpacing ?? 0), cs: o.charSpacing ?? 0, text: o.pieces.map((p) => p.text).join('') }));
    for (const e of ends) expect(e.end).toBeLessThan(right + 12 + e.cs + 0.01); // at most one hanging mark past the edge
    const past = ends.filter((e) => e.end > right + 0.5);
    for (const e of past) expect(e.text).toMatch(/[、。，．；：？！]$/);
  });
});
