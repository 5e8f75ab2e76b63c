/**
 * One document through both renderers, compared against the layout per cell and per line: the PDF's text
 * positions (pdfjs) and the DOCX's properties (XML) must both say what the laid-out document says.
 */
import { strFromU8 } from 'fflate';
import { pageNumberText } from '../src/layout/index.js';
import type { CellAlign, LaidCell, LaidImage, LaidOutDocument, LaidParagraph, LaidTable, Line, PageNumberPart, TextOp } from '../src/layout/types.js';
import { toTwips } from '../src/layout/units.js';
import { png } from './corpus/inputs.js';
import { docxParts, docxTables, docxXml } from './helpers/docx.js';
import { pdfItems, type TextItem } from './helpers/pdf.js';
import { FIXED_DATE, readExample } from './helpers/render.js';
import { describeWithTools, libreOfficeToPdf } from './helpers/tools.js';
import { render } from '../src/index.js';

const FIXTURE = '__tests__/fixtures/cross-renderer.json';
/** The header/footer text size and where a CJK em box's centre sits above the baseline (see layout/page/bands.ts). */
const BAND_SIZE = 9;
const EM_CENTER = 0.38;
const NUMBER_ASCENT = 0.88;

let laid: LaidOutDocument;
let items: TextItem[];
let parts: Record<string, Uint8Array>;
let documentXml: string;
let table: LaidTable;

beforeAll(async () => {
  const r = await render(readExample(FIXTURE), { creationDate: FIXED_DATE });
  laid = r.laidOut;
  ({ items } = await pdfItems(r.pdf!));
  parts = docxParts(r.docx!);
  documentXml = strFromU8(parts['word/document.xml']);
  table = laid.flow.find((b): b is LaidTable => b.kind === 'table')!;
});

const lineText = (l: Line) => l.pieces.map((p) => p.text).join('');
/** What a DOCX holds for a line: stacked punctuation as its Unicode vertical form. */
const docxLineText = (l: Line) => l.pieces.map((p) => p.verticalForms ?? p.text).join('');
const near = (a: number, b: number, tol = 0.1) => Math.abs(a - b) <= tol;

/** PDF text items grouped into visual lines: one page, one baseline, within [x0, x1]. */
function pdfLines(page: number, x0 = -Infinity, x1 = Infinity): { y: number; x: number; end: number; text: string }[] {
  const rows = new Map<number, TextItem[]>();
  for (const it of items) {
    if (it.page !== page || it.x < x0 - 0.1 || it.x + it.width > x1 + 0.1) continue;
    const key = Math.round(it.y * 10);
    rows.set(key, [...(rows.get(key) ?? []), it]);
  }
  return [...rows.values()].map((row) => {
    row.sort((a, b) => a.x - b.x);
    return { y: row[0].y, x: row[0].x, end: row[row.length - 1].x + row[row.length - 1].width, text: row.map((i) => i.str).join('').replace(/\s+/g, '') };
  });
}

/** The page (1-based) on which the layout drew an op with this text. */
function pageOf(text: string): number {
  const i = laid.pages.findIndex((p) => p.ops.some((o) => o.kind === 'text' && o.pieces.map((x) => x.text).join('') === text));
  if (i < 0) throw new Error(`the layout drew no "${text}"`);
  return i + 1;
}

/** Every <w:p> of an XML part, with its text (runs and page-number fields in order) and properties. */
function paragraphsOf(xml: string) {
  return (xml.match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []).map((p) => {
    const tokens: PageNumberPart[] = [];
    for (const m of p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:instrText[^>]*>([^<]*)<\/w:instrText>/g)) {
      if (m[1] !== undefined) tokens.push({ text: m[1] });
      else tokens.push({ field: /NUMPAGES/.test(m[2]) ? 'pages' : 'page' });
    }
    return {
      xml: p,
      parts: tokens,
      text: tokens.map((t) => ('text' in t ? t.text : '')).join(''),
      jc: /<w:jc w:val="(\w+)"\/>/.exec(p)?.[1],
      firstLine: /w:firstLine="(\d+)"/.exec(p)?.[1],
      line: /<w:spacing [^>]*w:line="(\d+)"/.exec(p)?.[1],
      before: /<w:spacing [^>]*w:before="(\d+)"/.exec(p)?.[1],
    };
  });
}

/** A DOCX cell's text split at its <w:br/>: the lines Word draws. */
function docxCellLines(tc: string): string[] {
  const lines = [''];
  for (const m of tc.matchAll(/<w:br\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)) {
    if (m[0] === '<w:br/>') lines.push('');
    else lines[lines.length - 1] += m[1];
  }
  return lines;
}

const JC: Record<CellAlign | 'justify', string> = { left: 'left', center: 'center', right: 'right', justify: 'both' };

function columnsX(): number[] {
  const g = laid.page;
  const width = g.width - g.margins.left - g.margins.right;
  const total = table.colWidths.reduce((a, b) => a + b, 0);
  const xs = [g.margins.left + Math.max(0, (width - total) / 2)];
  for (const w of table.colWidths) xs.push(xs[xs.length - 1] + w);
  return xs;
}

const cellName = (c: LaidCell) => `cell r${c.r}c${c.c} "${c.lines.map(lineText).join('')}"`;

describe('the PDF and the DOCX draw what the layout decided', () => {
  test('the fixture exercises the resolved values (justify cell, stacked labels, outside numbers, bands)', () => {
    const justify = table.cells.find((c) => lineText(c.lines[0]).startsWith('两端对齐'))!;
    expect(justify.align).toBe('left'); // the layout's resolution of 'justify' in a cell
    expect(justify.lines.length).toBeGreaterThan(1);
    expect(table.cells.filter((c) => c.vertical).map((c) => c.align)).toEqual(['center', 'center']);
    expect(table.cells.some((c) => c.align === 'right')).toBe(true);
    expect(laid.page.numbers!.sides).toEqual({ odd: 'right', even: 'left' });
    expect(laid.pages.length).toBe(2);
    expect(laid.page.header && laid.page.footer).toBeTruthy();
  });

  test('PDF: every text op of the layout is drawn at its position', () => {
    const missing: string[] = [];
    laid.pages.forEach((p, i) => {
      for (const op of p.ops.filter((o): o is TextOp => o.kind === 'text')) {
        const text = op.pieces.map((x) => x.text).join('').replace(/\s+/g, '');
        const got = items
          .filter((it) => it.page === i + 1 && near(it.y, op.baseline) && it.x >= op.x - 0.1 && it.x < op.x + op.width - 0.1)
          .sort((a, b) => a.x - b.x);
        if (!got.length || !near(got[0].x, op.x) || got.map((g) => g.str).join('').replace(/\s+/g, '') !== text) missing.push(`page ${i + 1} (${op.x}, ${op.baseline}) "${text}"`);
      }
    });
    expect(missing).toEqual([]);
  });

  test('per cell: the DOCX cell has the layout\'s span, merge, alignment and line breaks', () => {
    const docxTable = docxTables(documentXml)[0];
    const problems: string[] = [];
    for (const c of table.cells) {
      const tc = docxTable.find((x) => x.row === c.r && x.col === c.c);
      if (!tc) {
        problems.push(`${cellName(c)}: no DOCX cell`);
        continue;
      }
      const jc = /<w:jc w:val="(\w+)"\/>/.exec(tc.xml)?.[1];
      if (tc.span !== c.colSpan) problems.push(`${cellName(c)}: gridSpan ${tc.span}, layout ${c.colSpan}`);
      if (jc !== JC[c.align]) problems.push(`${cellName(c)}: jc ${jc}, layout ${c.align}`);
      if ((c.rowSpan > 1 ? 'restart' : undefined) !== tc.vMerge) problems.push(`${cellName(c)}: vMerge ${tc.vMerge}`);
      for (let r = c.r + 1; r < c.r + c.rowSpan; r++)
        if (docxTable.find((x) => x.row === r && x.col === c.c)?.vMerge !== 'continue') problems.push(`${cellName(c)}: row ${r} is not a vMerge continuation`);
      const lines = docxCellLines(tc.xml);
      const want = c.lines.map(docxLineText);
      if (JSON.stringify(lines) !== JSON.stringify(want)) problems.push(`${cellName(c)}: DOCX lines ${JSON.stringify(lines)}, layout ${JSON.stringify(want)}`);
    }
    expect(problems).toEqual([]);
  });

  test('per cell and line: the PDF draws each line of each cell where the resolved alignment puts it', () => {
    const xs = columnsX();
    const page = pageOf(lineText(table.cells[0].lines[0]));
    const problems: string[] = [];
    for (const c of table.cells) {
      const left = xs[c.c];
      const right = xs[c.c + c.colSpan];
      const drawn = pdfLines(page, left, right);
      for (const line of c.lines) {
        const text = lineText(line).replace(/\s+/g, '');
        const found = drawn.filter((d) => d.text === text);
        if (!found.length) {
          problems.push(`${cellName(c)}: line "${text}" not drawn inside its columns`);
          continue;
        }
        const ok = found.some((d) => {
          // the line's natural width: a justify cell's lines are not stretched
          if (!near(d.end - d.x, line.width - (line.hang ?? 0), 0.6) && !near(d.end - d.x, line.width, 0.6)) return false;
          if (c.align === 'left') return near(d.x, left + table.padX, 0.2);
          if (c.align === 'right') return near(d.x + line.width, right - table.padX, 0.2);
          return near(d.x + line.width / 2, (left + right) / 2, 0.2);
        });
        if (!ok) problems.push(`${cellName(c)}: line "${text}" at ${found.map((d) => `${d.x.toFixed(2)}–${d.end.toFixed(2)}`).join(', ')}, align ${c.align} in [${left.toFixed(2)}, ${right.toFixed(2)}]`);
      }
    }
    expect(problems).toEqual([]);
  });

  test('paragraphs: both formats take the first-line indent and alignment from the layout', () => {
    const docxParas = paragraphsOf(documentXml);
    const flowParas = laid.flow.filter((b): b is LaidParagraph => b.kind === 'paragraph' && b.lines.length > 0 && b.lines[0].pieces.length > 0);
    const g = laid.page;
    const width = g.width - g.margins.left - g.margins.right;
    const problems: string[] = [];
    for (const p of flowParas) {
      const text = p.pieces.map((x) => x.text).join('');
      const d = docxParas.find((x) => x.text === text);
      if (!d) {
        problems.push(`"${text}": no DOCX paragraph`);
        continue;
      }
      const wantFirst = p.firstLineIndent ? String(toTwips(p.firstLineIndent)) : undefined;
      if (d.firstLine !== wantFirst) problems.push(`"${text}": DOCX firstLine ${d.firstLine}, layout ${wantFirst}`);
      if (d.jc !== JC[p.align]) problems.push(`"${text}": DOCX jc ${d.jc}, layout ${p.align}`);
      const first = lineText(p.lines[0]).replace(/\s+/g, '');
      const drawn = laid.pages.flatMap((_, i) => pdfLines(i + 1)).find((l) => l.text === first);
      if (!drawn) {
        problems.push(`"${text}": first line not found in the PDF`);
        continue;
      }
      const x = p.align === 'center' ? g.margins.left + p.firstLineIndent + (width - p.rightIndent - p.firstLineIndent - p.lines[0].width) / 2 : g.margins.left + p.firstLineIndent;
      if (!near(drawn.x, x, 0.2)) problems.push(`"${text}": PDF first line at x ${drawn.x.toFixed(2)}, layout ${x.toFixed(2)}`);
    }
    expect(flowParas.some((p) => p.firstLineIndent > 0)).toBe(true);
    expect(flowParas.some((p) => p.align === 'center' && p.firstLineIndent === 0)).toBe(true);
    expect(problems).toEqual([]);
  });

  test('header and footer: the DOCX distances are the layout\'s, and the PDF baselines derive from them', () => {
    const g = laid.page;
    const mar = /<w:pgMar [^>]*\/>/.exec(documentXml)![0];
    expect(Number(/w:header="(\d+)"/.exec(mar)![1])).toBe(toTwips(g.headerDistance));
    expect(Number(/w:footer="(\d+)"/.exec(mar)![1])).toBe(toTwips(g.footerDistance));
    const header = lineText(g.header!).replace(/\s+/g, '');
    const footer = lineText(g.footer!).replace(/\s+/g, '');
    for (const page of [1, 2]) {
      const lines = pdfLines(page);
      expect(lines.find((l) => l.text === header)?.y).toBeCloseTo(g.headerDistance + g.bandPitch / 2 + EM_CENTER * BAND_SIZE, 1);
      expect(lines.find((l) => l.text === footer)?.y).toBeCloseTo(g.height - g.footerDistance - g.bandPitch / 2 + EM_CENTER * BAND_SIZE, 1);
    }
    // the header on odd and even pages alike (odd/even footers make Word read an even header too)
    const rels = strFromU8(parts['word/_rels/document.xml.rels']);
    for (const type of ['default', 'even']) {
      const id = new RegExp(`<w:headerReference w:type="${type}" r:id="([^"]+)"`).exec(documentXml)?.[1];
      expect([type, id]).toEqual([type, expect.any(String)]);
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      const hp = paragraphsOf(strFromU8(parts[`word/${target[1] ?? target[2]}`])).find((p) => p.text.replace(/\s+/g, '') === header);
      expect(hp).toBeDefined();
      expect(Number(hp!.line)).toBe(toTwips(g.bandPitch));
    }
  });

  test('page numbers: the same parts and sides in both formats', () => {
    const g = laid.page;
    const n = g.numbers!;
    const width = g.width - g.margins.left - g.margins.right;
    // PDF: the number text from the parts, on the side of each page, its baseline from footerDistance
    for (const page of [1, 2]) {
      const text = pageNumberText(n.parts, page, laid.pages.length).replace(/\s+/g, '');
      expect(text).toBe(`—${page}—`);
      const drawn = pdfLines(page).find((l) => l.text === text)!;
      expect(drawn).toBeDefined();
      expect(drawn.y).toBeCloseTo(g.height - g.footerDistance - g.bandPitch - g.numberGap - n.lineHeight + NUMBER_ASCENT * n.size, 1);
      const side = page % 2 ? n.sides.odd : n.sides.even;
      if (side === 'right') expect(drawn.end).toBeCloseTo(g.margins.left + width - n.inset, 0);
      else expect(drawn.x).toBeCloseTo(g.margins.left + n.inset, 1);
    }
    // DOCX: odd (default) and even footers, PAGE fields between the same literal parts, the same sides
    const rels = strFromU8(parts['word/_rels/document.xml.rels']);
    const footerOf = (type: string) => {
      const id = new RegExp(`<w:footerReference w:type="${type}" r:id="([^"]+)"`).exec(documentXml)![1];
      const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
      return paragraphsOf(strFromU8(parts[`word/${target[1] ?? target[2]}`]));
    };
    expect(strFromU8(parts['word/settings.xml'])).toContain('<w:evenAndOddHeaders/>');
    for (const [type, side] of [['default', n.sides.odd], ['even', n.sides.even]] as const) {
      const [number, band] = footerOf(type);
      const merged = number.parts.reduce<PageNumberPart[]>((acc, p) => {
        const last = acc[acc.length - 1];
        if ('text' in p && last && 'text' in last) last.text += p.text;
        else acc.push({ ...p });
        return acc;
      }, []);
      expect(merged).toEqual(n.parts);
      expect(number.jc).toBe(JC[side]);
      expect(Number(number.line)).toBe(toTwips(n.lineHeight));
      expect(band.text.replace(/\s+/g, '')).toBe(lineText(g.footer!).replace(/\s+/g, ''));
      expect(Number(band.before ?? 0)).toBe(toTwips(g.numberGap));
    }
  });
});

/** A small PNG (RGB, zeros): w × h pixels. */
const image = (w: number, h: number) => Buffer.from(png({ width: w, height: h })).toString('base64');

describe('what both formats show comes from the layout: page count, image spacing, trailing breaks, cell padding', () => {
  const model = {
    meta: { title: '同源' },
    blocks: [
      { type: 'paragraph', text: '图片前的段落。' },
      { type: 'image', data: image(40, 20), width: 60 },
      { type: 'paragraph', text: '图片后的段落。' },
      { type: 'grid', widths: ['auto', 'auto'], rows: [[{ text: '左' }, { text: '右对齐', align: 'right' }]] },
      { type: 'pageBreak' },
    ],
  };
  let r: Awaited<ReturnType<typeof render>>;
  beforeAll(async () => {
    r = await render(model, { creationDate: FIXED_DATE });
  });

  test('a trailing page break adds no page: the layout, the PDF and the DOCX (in LibreOffice) have the same page count', async () => {
    expect(r.laidOut.pages.length).toBe(1);
    expect((await pdfItems(r.pdf!)).pages).toBe(r.laidOut.pages.length);
    expect(r.laidOut.flow.at(-1)?.kind).not.toBe('pageBreak');
    // the DOCX writes only the breaks the layout kept
    expect((docxXml(r.docx!).match(/<w:pageBreakBefore\/>/g) ?? []).length).toBe(r.laidOut.flow.filter((b) => b.kind === 'pageBreak').length);
  });

  test('the space after an image is the layout\'s, in the PDF\'s positions and the DOCX\'s paragraph', () => {
    const img = r.laidOut.flow.find((b): b is LaidImage => b.kind === 'image')!;
    expect(img.spaceAfter).toBeGreaterThan(0);
    const op = r.laidOut.pages[0].ops.find((o) => o.kind === 'image')!;
    const after = r.laidOut.flow[r.laidOut.flow.indexOf(img) + 1] as LaidParagraph;
    const next = r.laidOut.pages[0].ops.find((o): o is TextOp => o.kind === 'text' && o.pieces.map((p) => p.text).join('') === '图片后的段落。')!;
    // the next line's box starts spaceAfter + the paragraph's spaceBefore below the image
    const lineTop = next.baseline - (r.laidOut.pages[0].ops.filter((o): o is TextOp => o.kind === 'text')[0].baseline - r.laidOut.page.margins.top);
    expect(lineTop).toBeCloseTo(op.y + op.h + img.spaceAfter + after.spaceBefore, 2);
    const p = /<w:p><w:pPr>(?:(?!<\/w:p>).)*<w:drawing>/.exec(docxXml(r.docx!))![0];
    expect(Number(/<w:spacing [^>]*w:after="(\d+)"/.exec(p)?.[1])).toBe(toTwips(img.spaceAfter));
  });

  test('cell padding: the DOCX cell margins are the padding the layout drew the PDF text with', () => {
    const t = r.laidOut.flow.find((b): b is LaidTable => b.kind === 'table')!;
    const mar = /<w:tblCellMar>[\s\S]*?<\/w:tblCellMar>/.exec(docxXml(r.docx!))![0];
    expect(Number(/<w:left w:w="(\d+)"/.exec(mar)![1])).toBe(toTwips(t.padX));
    expect(Number(/<w:right w:w="(\d+)"/.exec(mar)![1])).toBe(toTwips(t.padX));
    expect(Number(/<w:top w:w="(\d+)"/.exec(mar)![1])).toBe(toTwips(t.padY));
  });
});

describeWithTools(['soffice'], 'page count in LibreOffice', () => {
  test('a trailing page break: the DOCX has as many pages as the layout', async () => {
    const r = await render({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '一' }, { type: 'pageBreak' }, { type: 'paragraph', text: '二' }, { type: 'pageBreak' }] }, { creationDate: FIXED_DATE });
    expect(r.laidOut.pages.length).toBe(2);
    expect((await pdfItems(r.pdf!)).pages).toBe(2);
    expect((await pdfItems(libreOfficeToPdf(r.docx!))).pages).toBe(2);
  }, 120_000);
});
