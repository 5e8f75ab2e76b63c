import * as fontkit from 'fontkit';
import type { LaidOutDocument } from '../src/layout/types.js';
import { docxParts, docxTables, docxXml, type GridCellXml } from './helpers/docx.js';
import { renderExample } from './helpers/render.js';
import { strFromU8 } from 'fflate';

let docx: Uint8Array;
let xml: string;
let laid: LaidOutDocument;
beforeAll(async () => {
  const r = await renderExample('examples/showcase.json');
  docx = r.docx!;
  laid = r.laidOut;
  xml = docxXml(docx);
});

/** The applications table: the one whose corner states the 勾稽 identity. */
function applications(): GridCellXml[] {
  return docxTables(xml).find((t) => t.some((c) => c.text.startsWith('（本列数据的勾稽关系为')))!;
}

describe('DOCX tables', () => {
  test('the 3×3 corner cell: gridSpan 3, vMerge restart then continue', () => {
    const t = applications();
    const corner = t.find((c) => c.text.startsWith('（本列数据的勾稽关系为'))!;
    expect([corner.row, corner.col, corner.span, corner.vMerge]).toEqual([0, 0, 3, 'restart']);
    const below = t.filter((c) => c.col === 0 && (c.row === 1 || c.row === 2));
    expect(below.map((c) => [c.span, c.vMerge])).toEqual([[3, 'continue'], [3, 'continue']]);
  });

  test('三、本年度办理结果 spans every result row, stacked one character per line in vertical forms', () => {
    const t = applications();
    const label = t.find((c) => c.text.replace(/\s/g, '') === '三︑本年度办理结果')!;
    expect(label).toBeDefined();
    expect(label.vMerge).toBe('restart');
    expect((label.xml.match(/<w:br\/>/g) ?? []).length).toBe(8);
    const continued = t.filter((c) => c.col === 0 && c.row > label.row && c.vMerge === 'continue');
    expect(continued).toHaveLength(19); // 2019 format: （一）（二）, 8 + 3 + 5 sub-rows, （六）（七）, less the first
  });

  test('（三）不予公开 spans 8 rows; the 15-column review table has two levels of spans', () => {
    const t = applications();
    const denied = t.find((c) => c.text === '（三）不予公开')!;
    expect(t.filter((c) => c.col === 1 && c.row > denied.row && c.row <= denied.row + 7 && c.vMerge === 'continue')).toHaveLength(7);
    const reviews = docxTables(xml).find((x) => x.some((c) => c.text === '行政复议'))!;
    const spans = Object.fromEntries(reviews.filter((c) => c.span > 1).map((c) => [c.text, c.span]));
    expect(spans).toEqual({ 行政复议: 5, 行政诉讼: 10, 未经复议直接起诉: 5, 复议后起诉: 5 });
    expect(reviews.filter((c) => c.row === 3 && !c.vMerge)).toHaveLength(15);
  });

  test('header rows repeat and rows do not split', () => {
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    const app = tables.find((t) => t.includes('（本列数据的勾稽关系为'))!;
    const rows = app.match(/<w:tr\b[\s\S]*?<\/w:tr>/g)!;
    expect(rows.slice(0, 3).every((r) => r.includes('<w:tblHeader/>'))).toBe(true);
    expect(rows.slice(3).some((r) => r.includes('<w:tblHeader/>'))).toBe(false);
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    expect(app).toContain('<w:tblLayout w:type="fixed"/>');
  });

  test('every run sets the East Asian font', () => {
    const runs = xml.match(/<w:r>[\s\S]*?<\/w:r>/g)!.filter((r) => r.includes('<w:t'));
    expect(runs.length).toBeGreaterThan(100);
    const without = runs.filter((r) => !/<w:rFonts [^>]*w:eastAsia="(Noto Serif SC|Noto Sans SC|LXGW WenKai)"/.test(r));
    expect(without).toEqual([]);
  });
});

describe('DOCX fonts, styles and page', () => {
  test('used fonts are embedded as complete TrueType subsets with CJK signatures and GB 2312 charset', () => {
    const parts = docxParts(docx);
    const fontTable = strFromU8(parts['word/fontTable.xml']);
    const rels = strFromU8(parts['word/_rels/fontTable.xml.rels']);
    const fonts = [...fontTable.matchAll(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g)];
    const families = new Set([...laid.used.values()].map((u) => u.face.family));
    expect(new Set(fonts.map((f) => f[1]))).toEqual(families);
    for (const [, name, body] of fonts) {
      expect(body).toContain('<w:charset w:val="86"/>');
      const usb1 = parseInt(/w:usb1="([0-9A-F]+)"/.exec(body)![1], 16);
      expect(usb1 & (1 << 27)).not.toBe(0); // CJK Unified Ideographs
      const embeds = [...body.matchAll(/<w:embed(Regular|Bold) r:id="([^"]+)" w:fontKey="\{([^}]+)\}"/g)];
      expect(embeds.length).toBeGreaterThan(0);
      for (const [, kind, id, key] of embeds) {
        const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"|Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)!;
        const data = parts[`word/${target[1] ?? target[2]}`].slice();
        const k = key.replace(/-/g, '').match(/../g)!.map((h) => parseInt(h, 16)).reverse();
        for (let i = 0; i < 32; i++) data[i] ^= k[i % 16];
        const font = fontkit.create(Buffer.from(data)) as fontkit.Font;
        const tables = Object.keys((font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables);
        expect(tables).toEqual(expect.arrayContaining(['cmap', 'name', 'OS/2', 'post', 'glyf'])); // what LibreOffice needs
        expect(font.familyName).toBe(name);
        // every character the document draws in this family (and the page-number fields' digits) is in the subset
        const drawn = [...laid.used.values()].filter((u) => u.face.family === name && u.face.bold === (kind === 'Bold')).flatMap((u) => [...u.codePoints]);
        const wanted = kind === 'Bold' ? drawn : [...drawn, ...'0123456789'].map((c) => (typeof c === 'string' ? c.codePointAt(0)! : c));
        expect(wanted.length).toBeGreaterThan(0);
        expect(wanted.filter((cp) => !font.hasGlyphForCodePoint(cp)).map((cp) => String.fromCodePoint(cp))).toEqual([]);
      }
    }
  });

  test('headings use Word heading styles with outline levels (navigation pane)', () => {
    const styles = docxXml(docx, 'word/styles.xml');
    for (const level of [1, 2, 3]) {
      const style = new RegExp(`<w:style [^>]*w:styleId="Heading${level}"[\\s\\S]*?</w:style>`).exec(styles)![0];
      expect(style).toContain(`<w:name w:val="heading ${level}"/>`);
      expect(style).toContain(`<w:outlineLvl w:val="${level - 1}"/>`);
    }
    expect(xml).toContain('<w:pStyle w:val="Heading1"/>');
  });

  test('page numbers are PAGE fields; outside numbering uses odd/even footers', () => {
    const parts = docxParts(docx);
    const footers = Object.keys(parts).filter((n) => /^word\/footer\d+\.xml$/.test(n)).map((n) => strFromU8(parts[n]));
    expect(footers).toHaveLength(2);
    for (const f of footers) expect(f).toMatch(/PAGE/);
    expect(footers.some((f) => f.includes('<w:jc w:val="right"/>'))).toBe(true);
    expect(footers.some((f) => f.includes('<w:jc w:val="left"/>'))).toBe(true);
    expect(docxXml(docx, 'word/settings.xml')).toContain('<w:evenAndOddHeaders/>');
  });

  test('page size and margins equal the PDF\'s', () => {
    const g = laid.page;
    const tw = (pt: number) => String(Math.round(pt * 20));
    expect(xml).toContain(`<w:pgSz w:w="${tw(g.width)}" w:h="${tw(g.height)}"`);
    expect(xml).toMatch(new RegExp(`<w:pgMar w:top="${tw(g.margins.top)}" w:right="${tw(g.margins.right)}" w:bottom="${tw(g.margins.bottom)}" w:left="${tw(g.margins.left)}"`));
  });
});

test('cells continuing a vertical merge hold a hairline paragraph, so they do not make rows taller in Word', () => {
  const continued = xml.match(/<w:tc>(?:(?!<\/w:tc>)[\s\S])*?<w:vMerge w:val="continue"\/>(?:(?!<\/w:tc>)[\s\S])*<\/w:tc>/g)!;
  expect(continued.length).toBeGreaterThan(50);
  for (const tc of continued) {
    expect(tc).toContain('<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>');
    expect(tc).toContain('<w:sz w:val="2"/>');
    expect(tc).not.toMatch(/<w:t[ >]/); // no text
  }
});
