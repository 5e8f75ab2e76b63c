/**
 * Layout defects of issue 13, each pinned: NaN column widths (1), a trailing page break (2), images taller
 * than the text block (13), keep-with-next chains longer than a page (14), layout characters in prose (17).
 */
import { bundledRegistry } from '../src/fonts/bundled.js';
import { layoutDocument } from '../src/layout/index.js';
import type { ImageOp, LaidImage, LaidOutDocument, LaidParagraph, LaidTable, TextOp } from '../src/layout/types.js';
import { parseReport } from '../src/model/parse.js';
import { render } from '../src/index.js';
import { png } from './corpus/inputs.js';
import { docxXml } from './helpers/docx.js';
import { FIXED_DATE } from './helpers/render.js';

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

const EMU_PER_PT = 12700;
const blockHeight = (doc: LaidOutDocument) => doc.page.height - doc.page.margins.top - doc.page.margins.bottom;
const blockWidth = (doc: LaidOutDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const image = (w: number, h: number) => Buffer.from(png({ width: w, height: h })).toString('base64');

describe('defect 13: an image taller than the text block is scaled down to it, keeping its aspect ratio', () => {
  test.each([
    ['a height in mm taller than the page', { data: image(10, 10), width: 100, height: 1000 }, 100 / 1000],
    ['a 10 × 10000 px screenshot at 100 mm wide', { data: image(10, 10000), width: 100 }, 10 / 10000],
  ])('%s: in the layout, the PDF positions and the DOCX extent', async (_, img, ratio) => {
    const r = await render({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '前' }, { type: 'image', ...img }, { type: 'paragraph', text: '后' }] }, { creationDate: FIXED_DATE });
    const doc = r.laidOut;
    const laid = doc.flow.find((b): b is LaidImage => b.kind === 'image')!;
    expect(laid.height).toBeLessThanOrEqual(blockHeight(doc) + 1e-6);
    expect(laid.height).toBeCloseTo(blockHeight(doc), 3);
    expect(laid.width / laid.height).toBeCloseTo(ratio, 6);
    expect(laid.width).toBeLessThanOrEqual(blockWidth(doc));
    // PDF: drawn inside the text block
    const ops = doc.pages.flatMap((p) => p.ops).filter((o): o is ImageOp => o.kind === 'image');
    expect(ops).toHaveLength(1);
    expect(ops[0].y).toBeGreaterThanOrEqual(doc.page.margins.top - 1e-6);
    expect(ops[0].y + ops[0].h).toBeLessThanOrEqual(doc.page.height - doc.page.margins.bottom + 1e-6);
    // DOCX: the same extent
    const ext = /<wp:extent cx="(\d+)" cy="(\d+)"\/>/.exec(docxXml(r.docx!))!;
    expect(Number(ext[2])).toBe(Math.round(laid.height * EMU_PER_PT));
    expect(Number(ext[1])).toBe(Math.round(laid.width * EMU_PER_PT));
    expect(doc.pages.length).toBe(3); // 前 | the image alone | 后
  });
});

describe('defect 14: a keep-with-next chain longer than a page breaks, it does not scatter', () => {
  test('120 headings in a row fill pages one after another', () => {
    const blocks = Array.from({ length: 120 }, (_, i) => ({ type: 'heading', level: 2, text: `标题${i + 1}` }));
    const doc = lay({ meta: { title: 't' }, blocks: [...blocks, { type: 'paragraph', text: '正文。' }] });
    const h = doc.flow.filter((b): b is LaidParagraph => b.kind === 'paragraph').reduce((s, p) => s + p.spaceBefore + p.lines.length * p.pitch + p.spaceAfter, 0);
    expect(doc.pages.length).toBeLessThanOrEqual(Math.ceil(h / blockHeight(doc)) + 1);
    // every page but the last is filled at least half
    const used = doc.pages.map((p) => Math.max(...p.ops.filter((o): o is TextOp => o.kind === 'text').map((o) => o.baseline)));
    for (const y of used.slice(0, -1)) expect(y - doc.page.margins.top).toBeGreaterThan(blockHeight(doc) / 2);
  });

  test('a 200-line signature takes the pages its lines need; its last lines stay with each other', () => {
    const lines = Array.from({ length: 200 }, (_, i) => `签名行${i + 1}`);
    const doc = lay({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '正文。' }, { type: 'signature', lines }] });
    const sig = doc.flow.filter((b): b is LaidParagraph => b.kind === 'paragraph' && b.role === 'signature');
    const h = sig.reduce((s, p) => s + p.spaceBefore + p.lines.length * p.pitch, 0);
    expect(doc.pages.length).toBeLessThanOrEqual(Math.ceil(h / blockHeight(doc)) + 1);
    // a line's ops (the space between 签名行 and its number splits them) joined per page and baseline
    const all = doc.pages.flatMap((p) => {
      const rows = new Map<number, string>();
      for (const o of p.ops) if (o.kind === 'text') rows.set(o.baseline, (rows.get(o.baseline) ?? '') + o.pieces.map((x) => x.text).join(''));
      return [...rows.values()];
    });
    for (const l of lines) expect([l, all.filter((t) => t === l).length]).toEqual([l, 1]);
  });

  test('a short chain is still kept together with what follows (a heading is not left at the bottom)', () => {
    const blocks: unknown[] = [];
    for (let i = 0; i < 30; i++) blocks.push({ type: 'heading', level: 1, text: `标题${i}` }, { type: 'heading', level: 2, text: `小标题${i}` }, { type: 'paragraph', text: '正文。'.repeat(20 + ((i * 37) % 61)) });
    const doc = lay({ meta: { title: 't' }, blocks });
    for (const p of doc.pages.slice(0, -1)) {
      const last = p.ops.filter((o): o is TextOp => o.kind === 'text' && !/^\d+$/.test(o.pieces.map((x) => x.text).join(''))).sort((a, b) => a.baseline - b.baseline).pop()!;
      expect(last.pieces.map((x) => x.text).join('')).not.toMatch(/标题/);
    }
  });
});

describe('defect 17: layout characters in prose are not glyphs', () => {
  const texts = (doc: LaidOutDocument) => doc.pages.flatMap((p) => p.ops.filter((o): o is TextOp => o.kind === 'text').map((o) => o.pieces.map((x) => x.text).join('')));
  const para = (doc: LaidOutDocument, k = 0) => doc.flow.filter((b): b is LaidParagraph => b.kind === 'paragraph')[k];

  test('a TAB is white space (in prose, a cell and the header)', async () => {
    const r = await render(
      { meta: { title: 't' }, page: { header: '页眉\t文字' }, blocks: [{ type: 'paragraph', text: '甲\t乙' }, { type: 'grid', widths: ['auto'], rows: [[{ text: '单元\t格' }]] }] },
      { creationDate: FIXED_DATE },
    );
    expect(para(r.laidOut).lines[0].pieces.map((p) => p.text).join('')).toBe('甲 乙');
    expect(texts(r.laidOut).join('')).not.toContain('\t');
    expect(docxXml(r.docx!)).not.toContain('\t');
    const cell = r.laidOut.flow.find((b): b is LaidTable => b.kind === 'table')!.cells[0];
    expect(cell.lines.map((l) => l.pieces.map((p) => p.text).join('')).join('')).toBe('单元 格');
  });

  test('U+2028 and U+2029 break the line, in both formats', async () => {
    const r = await render({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '第一行\u2028第二行\u2029第三行' }] }, { creationDate: FIXED_DATE });
    expect(para(r.laidOut).lines.map((l) => l.pieces.map((p) => p.text).join(''))).toEqual(['第一行', '第二行', '第三行']);
    expect((docxXml(r.docx!).match(/<w:br\/>/g) ?? []).length).toBe(2);
  });

  test('ZWJ, ZWNJ, word joiner and an inner BOM are dropped', () => {
    const doc = lay({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '甲\u200D乙\u200C丙\u2060丁\uFEFF戊' }] });
    expect(para(doc).pieces.map((p) => p.text).join('')).toBe('甲乙丙丁戊');
  });

  test('ZWSP is dropped and lets a long Latin word break there', () => {
    const word = 'a'.repeat(60);
    const doc = lay({ meta: { title: 't' }, blocks: [{ type: 'paragraph', indent: 0, text: `${word}\u200B${word}` }] });
    const lines = para(doc).lines.map((l) => l.pieces.map((p) => p.text).join(''));
    expect(lines.join('')).toBe(word + word);
    expect(lines[0]).toBe(word); // the break falls at the hint, not where the word is cut
  });
});

describe('probe: columns too narrow for one character', () => {
  test('fixed columns that leave too little give way, so no character is drawn outside its cell (a fuzz finding)', () => {
    const doc = lay({
      meta: { title: 't' },
      page: { margins: { top: 0, right: 0, bottom: 0, left: 0 } },
      blocks: [{ type: 'grid', widths: [{ weight: 1 }, 'auto', { weight: 2 }, 49, 68, 44, 'auto', 'auto', 27], rows: [['的', '的', '的', { text: '的', colSpan: 3 }, '的', '的', '的']] }],
    });
    const ops = doc.pages[0].ops.filter((o): o is TextOp => o.kind === 'text');
    for (const o of ops) expect(o.x).toBeGreaterThanOrEqual(0);
    const t = doc.flow.find((b): b is LaidTable => b.kind === 'table')!;
    for (const c of t.cells) {
      const w = t.colWidths.slice(c.c, c.c + c.colSpan).reduce((a, b) => a + b, 0);
      for (const l of c.lines) expect(l.width).toBeLessThanOrEqual(w - 2 * t.padX);
    }
  });

  test('a table whose columns cannot each hold one character is refused, naming the table', () => {
    const cols = 60;
    expect(() => lay({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '前' }, { type: 'grid', widths: new Array(cols).fill('auto'), rows: [new Array(cols).fill('字')] }] })).toThrow(
      expect.objectContaining({ code: 'invalid-input', problems: [expect.objectContaining({ path: 'blocks[1]', message: expect.stringMatching(/放不下一个字/) })] }),
    );
  });
});

describe('probe: image variants', () => {
  test('a 16-bit interlaced PNG is refused with a typed error at its field, not a crash of the PDF writer (a fuzz finding)', async () => {
    const rows = new Uint8Array(400); // zeroed scanlines, more than the 7 passes declare
    const bytes = png({ width: 3, height: 20, depth: 16, type: 2, interlace: 1, raw: rows });
    await expect(render({ meta: { title: 't' }, blocks: [{ type: 'image', data: Buffer.from(bytes).toString('base64'), width: 30 }] }, { creationDate: FIXED_DATE })).rejects.toMatchObject({
      code: 'invalid-image',
      problems: [expect.objectContaining({ path: 'blocks[0].data', message: expect.stringMatching(/16 位的隔行扫描/) })],
    });
  });
});
