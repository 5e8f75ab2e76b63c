/**
 * The model's fixed-form additions, through layout and both renderers, without any template: a grid with
 * exact row heights and the given widths (centred), a heavier outer border, text that shrinks to fit or is
 * refused, cell paragraphs with hanging indents, a picture in a cell, a letter-spaced title.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bundledRegistry } from '../../src/fonts/bundled.js';
import { render } from '../../src/index.js';
import { layoutDocument } from '../../src/layout/index.js';
import type { LaidTable, RuleOp, TextOp } from '../../src/layout/types.js';
import { parseReport } from '../../src/model/parse.js';
import { docxTables, docxXml } from '../helpers/docx.js';
import { FIXED_DATE, ROOT } from '../helpers/render.js';

const PT = 72 / 25.4;
const lay = (model: unknown) => layoutDocument(parseReport(model), { registry: bundledRegistry() });
const doc = (grid: object, extra: object[] = []) => ({ meta: { title: '表' }, page: { pageNumbers: false }, blocks: [...extra, { type: 'grid', id: 't', ...grid }] });
const str = (o: TextOp) => o.pieces.map((p) => p.text).join('');
const PHOTO = readFileSync(join(ROOT, 'examples/cadre/photo.jpg')).toString('base64');

describe('grid with exactHeights', () => {
  const grid = { widths: [20, 30], exactHeights: [10, 15], size: 12, rows: [['甲', '乙'], ['丙', '丁']] };

  test('rows as given, widths as given (not stretched to the text block), the table centred', () => {
    const d = lay(doc(grid));
    const t = d.flow.find((b): b is LaidTable => b.kind === 'table')!;
    expect(t.rowHeights.map((h) => h / PT)).toEqual([expect.closeTo(10, 6), expect.closeTo(15, 6)]);
    expect(t.colWidths.map((w) => w / PT)).toEqual([expect.closeTo(20, 6), expect.closeTo(30, 6)]);
    const rules = d.pages[0].ops.filter((o): o is RuleOp => o.kind === 'rule');
    const left = Math.min(...rules.map((r) => r.x1));
    expect(left).toBeCloseTo(25 * PT + ((210 - 50 - 50) * PT) / 2, 2);
  });

  test('DOCX: exact heights, the table centred; the default table keeps at-least heights and no jc', async () => {
    const fixed = docxXml((await render(doc(grid), { formats: ['docx'], creationDate: FIXED_DATE })).docx!);
    expect(fixed.match(/w:hRule="exact"/g)!.length).toBe(2);
    expect(fixed).toContain('<w:trHeight w:val="567" w:hRule="exact"/>'); // 10 mm
    expect(fixed).toMatch(/<w:tblW [^>]*\/><w:jc w:val="center"\/>/);
    const plain = docxXml((await render(doc({ widths: [20, 30], rows: [['甲', '乙']] }), { formats: ['docx'], creationDate: FIXED_DATE })).docx!);
    expect(plain).not.toContain('hRule="exact"');
    expect(/<w:tblPr>.*?<\/w:tblPr>/.exec(plain)![0]).not.toContain('<w:jc ');
  });

  test('border {outer, inner}: the outer rules heavier in the PDF and the DOCX', async () => {
    const model = doc({ ...grid, border: { outer: 1.5, inner: 1 } });
    const d = lay(model);
    const rules = d.pages[0].ops.filter((o): o is RuleOp => o.kind === 'rule');
    const xs = rules.map((r) => r.x1);
    const [l, r] = [Math.min(...xs), Math.max(...xs)];
    const ys = rules.map((r) => r.y1);
    const [top, bottom] = [Math.min(...ys), Math.max(...ys)];
    for (const rule of rules) {
      const edge = (rule.x1 === rule.x2 && (rule.x1 === l || rule.x1 === r)) || (rule.y1 === rule.y2 && (rule.y1 === top || rule.y1 === bottom));
      expect([rule.width, edge]).toEqual([edge ? 1.5 : 1, edge]);
    }
    expect(rules.filter((x) => x.width === 1).length).toBeGreaterThan(0);
    const xml = docxXml((await render(model, { formats: ['docx'], creationDate: FIXED_DATE })).docx!);
    expect(xml).toMatch(/<w:top w:val="single" w:sz="12"[^>]*\/>.*<w:insideH w:val="single" w:sz="8"/);
  });

  test('text that does not fit and may not shrink is refused at its cell, with its label', () => {
    const long = '很长的文字'.repeat(12);
    expect(() => lay(doc({ ...grid, rows: [[{ text: long, label: '现任职务' }, '乙'], ['丙', '丁']] }))).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ path: 'tables.t.rows[0][0]', message: expect.stringMatching(/^现任职务：内容过多，以 12 磅仍放不下/) })] }),
    );
  });

  test('minSize: the largest whole size that fits, down to minSize, its pitch scaled with it', () => {
    const text = '很长的文字很长的文字很长的文字';
    const d = lay(doc({ ...grid, linePitch: 1.2, rows: [[{ text, minSize: 6 }, '乙'], ['丙', '丁']] }));
    const cell = d.flow.find((b): b is LaidTable => b.kind === 'table')!.cells[0];
    expect(cell.size).toBeLessThan(12);
    expect(cell.pitch).toBeCloseTo(cell.size * 1.2, 6);
    expect(cell.lines.length * cell.pitch).toBeLessThanOrEqual(10 * PT + 0.01);
    // one point larger does not fit: 20 mm − 5 pt padding holds fewer characters per line
    const perLine = Math.floor((20 * PT - 5) / (cell.size + 1));
    expect(Math.ceil(text.length / perLine) * (cell.size + 1) * 1.2).toBeGreaterThan(10 * PT);
    const tooLong = () => lay(doc({ ...grid, rows: [[{ text: text.repeat(10), minSize: 8 }, '乙'], ['丙', '丁']] }));
    expect(tooLong).toThrow(/缩小到 8 磅仍放不下/);
  });

  test('from a fractional size: whole sizes down, and the minimum itself is tried', () => {
    // 21 characters in a 22.2 × 14 mm cell (58 pt of line, 39.7 pt high, pitch 1.3): three lines of seven
    // fit at 8 pt, not at 8.5 pt (six a line); 10.5 → 9.5 → 8.5 steps would never try 8
    const text = '很长的文字很长的文字很长的文字很长的文字很';
    const d = lay(doc({ ...grid, widths: [22.2, 30], exactHeights: [14, 15], size: 10.5, rows: [[{ text, minSize: 8 }, '乙'], ['丙', '丁']] }));
    expect(d.flow.find((b): b is LaidTable => b.kind === 'table')!.cells[0].size).toBe(8);
  });

  test('a fixed table taller than the page is refused, not split', () => {
    expect(() => lay(doc({ ...grid, exactHeights: [200, 200] }))).toThrow(/超过一页版心高/);
  });

  test('exactHeights must have one height per row', () => {
    expect(() => lay(doc({ ...grid, exactHeights: [10] }))).toThrow(expect.objectContaining({ problems: [{ path: 'tables.t.exactHeights', message: '应有 2 个行高（每行一个），实有 1 个' }] }));
    expect(() => lay(doc({ ...grid, widths: [20, { weight: 1 }] }))).toThrow(expect.objectContaining({ problems: [expect.objectContaining({ path: 'tables.t.widths[1]' })] }));
  });
});

describe('cell paragraphs with a hanging indent', () => {
  const model = doc({
    widths: [120],
    exactHeights: [60],
    size: 10,
    rows: [[{ valign: 'top', paragraphs: [{ lead: '2001.03--2005.06', text: '某某委员会综合处副主任科员、主任科员，某某办公室副主任', hanging: 9 }, { text: '（其间：在职学习）', indent: 8, hanging: 1 }] }]],
  });

  test('PDF: the text after the lead and its continuation lines start at the hanging indent', () => {
    const d = lay(model);
    const ops = d.pages[0].ops.filter((o): o is TextOp => o.kind === 'text');
    const rules = d.pages[0].ops.filter((o): o is RuleOp => o.kind === 'rule');
    const textLeft = Math.min(...rules.map((r) => r.x1)) + 2.5;
    const lead = ops.find((o) => str(o).startsWith('2001'))!;
    expect(lead.x).toBeCloseTo(textLeft, 2);
    const body = ops.filter((o) => /^[某办]/.test(str(o)) || str(o).startsWith('副主任'));
    expect(new Set(body.map((o) => o.x.toFixed(2))).size).toBe(1);
    expect(body[0].x).toBeCloseTo(textLeft + 90, 2);
    expect(body.length).toBeGreaterThanOrEqual(2); // it wrapped
    expect(ops.find((o) => str(o).startsWith('（其间'))!.x).toBeCloseTo(textLeft + 80, 2);
  });

  test('DOCX: a paragraph each, w:ind left/hanging, a tab stop there and a tab after the lead', async () => {
    const xml = docxXml((await render(model, { formats: ['docx'], creationDate: FIXED_DATE })).docx!);
    const cell = docxTables(xml)[0][0].xml;
    expect(cell.match(/<w:p>/g)!.length).toBe(2);
    expect(cell).toContain('<w:tabs><w:tab w:val="left" w:pos="1800"/></w:tabs>');
    expect(cell).toContain('<w:ind w:left="1800" w:hanging="1800"/>');
    expect(cell).toMatch(/2001\.03--2005\.06<\/w:t><w:tab\/><w:t>某某/);
    expect(cell).toContain('<w:ind w:left="1800" w:hanging="200"/>');
  });
});

describe('a picture in a cell', () => {
  const model = doc({ widths: [40, 40], exactHeights: [55], rows: [['照片', { image: { data: PHOTO, width: 36, height: 49 } }]] });

  test('PDF: drawn centred inside its cell', () => {
    const d = lay(model);
    const img = d.pages[0].ops.find((o) => o.kind === 'image')!;
    const rules = d.pages[0].ops.filter((o): o is RuleOp => o.kind === 'rule');
    const right = Math.max(...rules.map((r) => r.x1));
    const cellLeft = right - 40 * PT;
    if (img.kind !== 'image') throw new Error('no image');
    expect(img.w / PT).toBeCloseTo(36, 3);
    expect(img.x - cellLeft).toBeCloseTo(right - (img.x + img.w), 2); // positions are rounded to 0.001 pt
  });

  test('scaled down (aspect kept) when larger than its cell', () => {
    const d = lay(doc({ widths: [30], exactHeights: [55], rows: [[{ image: { data: PHOTO, width: 36, height: 49 } }]] }));
    const img = d.pages[0].ops.find((o) => o.kind === 'image')!;
    if (img.kind !== 'image') throw new Error('no image');
    expect(img.w).toBeLessThanOrEqual(30 * PT - 3 + 1e-6);
    expect(img.w / img.h).toBeCloseTo(36 / 49, 6);
  });

  test('DOCX: an inline drawing in the cell, no side margins, the image part in the package', async () => {
    const r = await render(model, { formats: ['docx'], creationDate: FIXED_DATE });
    const cell = docxTables(docxXml(r.docx!))[0][1].xml;
    expect(cell).toContain('<w:drawing>');
    expect(cell).toContain('<w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar>');
    expect(docxXml(r.docx!, 'word/_rels/document.xml.rels')).toMatch(/Target="media\/image1\.jpg"/);
  });

  test('a broken picture is an error at its data', () => {
    expect(() => lay(doc({ widths: [30], exactHeights: [55], rows: [[{ image: { data: 'aGVsbG8=', width: 20, height: 20 } }]] }))).toThrow(
      expect.objectContaining({ problems: [expect.objectContaining({ path: 'tables.t.rows[0][0].image.data' })] }),
    );
  });
});

describe('title spread', () => {
  const model = { meta: { title: '表' }, page: { pageNumbers: false }, blocks: [{ type: 'title', text: '干部任免审批表', size: 22, spread: 87 }] };

  test('PDF: the characters span the width, centred', () => {
    const d = lay(model);
    const op = d.pages[0].ops.find((o): o is TextOp => o.kind === 'text')!;
    const span = op.width - op.charSpacing!; // no spacing after the last character
    expect(span / PT).toBeCloseTo(87, 1);
    expect(op.x + span / 2).toBeCloseTo(d.page.width / 2, 1);
  });

  test('DOCX: w:spacing on every character but the last', async () => {
    const xml = docxXml((await render(model, { formats: ['docx'], creationDate: FIXED_DATE })).docx!);
    const runs = xml.match(/<w:r>.*?<\/w:r>/g)!;
    expect(runs.length).toBe(2);
    expect(runs[0]).toMatch(/<w:spacing w:val="\d+"\/>.*<w:t>干部任免审批<\/w:t>/);
    expect(runs[1]).not.toContain('w:spacing');
  });
});
