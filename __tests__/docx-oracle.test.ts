/**
 * The docx library as a reference oracle for our WordprocessingML writer: from a laid-out fixture (a
 * merged-header table and a paragraph), docx's public API builds the same table and paragraph (Table /
 * TableRow / TableCell with rowSpan and columnSpan, Paragraph with runs in East Asian fonts), Packer packs
 * it, and the structure that matters is compared with what our writer wrote: the grid widths, each row's
 * cells with their gridSpan and vMerge, the text per cell, and the fonts named for East Asian text.
 * docx writes the package itself (src/render/docx/index.ts); the body stays the project's writer for cost,
 * and this keeps it equal to what docx's own object API writes (README, "Node versions": the EBADENGINE note).
 */
import { Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType, TableLayoutType, VerticalMergeType } from 'docx';
import type { LaidOutDocument, LaidParagraph, LaidTable, Line } from '../src/layout/types.js';
import { toTwips } from '../src/layout/units.js';
import { render } from '../src/index.js';
import { docxTables, docxXml } from './helpers/docx.js';

const MODEL = {
  meta: { title: '参照' },
  blocks: [
    { type: 'paragraph', text: '政府信息公开工作年度报告（2020年）' },
    {
      type: 'table',
      columns: [
        { label: '申请人情况', children: [{ label: '自然人' }, { label: '法人或其他组织', children: [{ label: '商业企业' }, { label: '科研机构' }] }, { label: '总计' }] },
      ],
      rowHeader: { corner: { text: '（本列数据的勾稽关系）' }, widths: [{ weight: 2 }, { weight: 3 }], rows: [{ label: '一、新收申请' }, { label: '三、办理结果', children: [{ label: '（一）予以公开' }, { label: '（二）部分公开' }] }] },
      rows: [
        [18, 4, 0, 22],
        [10, 2, 0, 12],
        [3, 1, 0, 4],
      ],
    },
  ],
};

const lineText = (l: Line) => l.pieces.map((p) => p.verticalForms ?? p.text).join('');

/** The same table through docx's API: one TableCell per laid cell, in its first row; continuations as vMerge. */
function oracleTable(t: LaidTable): Table {
  const cols = t.colWidths.map(toTwips);
  const rows: TableRow[] = [];
  for (let r = 0; r < t.rowHeights.length; r++) {
    const cells = t.cells
      .filter((c) => c.r === r)
      .sort((a, b) => a.c - b.c)
      .map(
        (c) =>
          new TableCell({
            rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
            columnSpan: c.colSpan > 1 ? c.colSpan : undefined,
            width: { size: cols.slice(c.c, c.c + c.colSpan).reduce((s, w) => s + w, 0), type: WidthType.DXA },
            children: [
              new Paragraph({
                children: c.lines.flatMap((l, i) =>
                  l.pieces.map((p, j) => new TextRun({ text: p.verticalForms ?? p.text, break: i > 0 && j === 0 ? 1 : undefined, font: { eastAsia: p.face.family, ascii: p.face.family, hAnsi: p.face.family }, bold: p.face.bold, size: Math.round(p.size * 2) })),
                ),
              }),
            ],
          }),
      );
    rows.push(new TableRow({ children: cells, tableHeader: r < t.headerRows }));
  }
  return new Table({ rows, columnWidths: cols, layout: TableLayoutType.FIXED, width: { size: cols.reduce((s, w) => s + w, 0), type: WidthType.DXA } });
}

function oracleParagraph(p: LaidParagraph): Paragraph {
  return new Paragraph({ children: p.pieces.map((x) => new TextRun({ text: x.text, font: { eastAsia: x.face.family, ascii: x.face.family, hAnsi: x.face.family }, bold: x.face.bold, size: Math.round(x.size * 2) })) });
}

interface Shape {
  grid: number[];
  rows: { span: number; vMerge?: string; text: string }[][];
  fonts: string[];
  paragraph: { text: string; fonts: string[] };
}

/** What both documents must agree on, read from document.xml. */
function shape(xml: string): Shape {
  const tbl = /<w:tbl>[\s\S]*?<\/w:tbl>/.exec(xml)![0];
  const grid = [...tbl.matchAll(/<w:gridCol w:w="(\d+)"/g)].map((m) => Number(m[1]));
  const cells = docxTables(xml)[0];
  const rows: Shape['rows'] = [];
  for (const c of cells) (rows[c.row] ??= []).push({ span: c.span, vMerge: c.vMerge, text: c.text });
  const eastAsia = (s: string) => [...new Set([...s.matchAll(/w:eastAsia="([^"]+)"/g)].map((m) => m[1]))].sort();
  const before = xml.slice(0, xml.indexOf('<w:tbl>'));
  const para = [...before.matchAll(/<w:p\b[\s\S]*?<\/w:p>/g)].map((m) => m[0]).find((p) => p.includes('<w:t'))!;
  const text = (s: string) => (s.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((x) => x.replace(/<[^>]+>/g, '')).join('');
  return { grid, rows, fonts: eastAsia(tbl), paragraph: { text: text(para), fonts: eastAsia(para) } };
}

let laid: LaidOutDocument;
let ours: Shape;
let oracle: Shape;
beforeAll(async () => {
  const r = await render(MODEL, { formats: ['docx'], creationDate: new Date('2021-01-15T00:00:00Z') });
  laid = r.laidOut;
  ours = shape(docxXml(r.docx!));
  const t = laid.flow.find((b): b is LaidTable => b.kind === 'table')!;
  const p = laid.flow.find((b): b is LaidParagraph => b.kind === 'paragraph')!;
  const doc = new Document({ sections: [{ children: [oracleParagraph(p), oracleTable(t)] }] });
  oracle = shape(docxXml(new Uint8Array(await Packer.toBuffer(doc))));
}, 60_000);

test('the fixture has merged headers both ways (the comparison is not vacuous)', () => {
  expect(ours.rows[0].some((c) => c.span > 1)).toBe(true);
  expect(ours.rows.flat().some((c) => c.vMerge === 'continue')).toBe(true);
  expect(ours.rows.flat().some((c) => c.text === '商业企业')).toBe(true);
  expect(VerticalMergeType.CONTINUE).toBe('continue');
});

test('tblGrid: the same column widths in twips', () => {
  expect(ours.grid).toEqual(oracle.grid);
  expect(ours.grid.length).toBe(6);
});

test('each row: the same cells with the same gridSpan and vMerge pattern and text', () => {
  expect(ours.rows).toEqual(oracle.rows);
});

test('East Asian fonts on the runs, and the paragraph, as docx writes them', () => {
  expect(ours.fonts).toEqual(oracle.fonts);
  expect(ours.fonts.length).toBeGreaterThan(0);
  expect(ours.paragraph).toEqual(oracle.paragraph);
  expect(ours.paragraph.text).toBe('政府信息公开工作年度报告（2020年）');
});
