/**
 * Spec tests of the DOCX serializer, one concept each, on small hand-made laid-out inputs: what each
 * writer emits for a run, a paragraph, a tiny table, the headers and footers, the section.
 */
import type { Face } from '../src/fonts/face.js';
import { pageNumberParts, pageNumberSides } from '../src/layout/page/page-numbers.js';
import type { LaidCell, LaidParagraph, LaidTable, Line, PageGeometry, PageNumbering, Piece } from '../src/layout/types.js';
import { Document, Packer } from 'docx';
import { strFromU8, unzipSync } from 'fflate';
import { headersAndFooters } from '../src/render/docx/header-footer.js';
import { paragraph, spacer } from '../src/render/docx/paragraph.js';
import { lineRuns, runs, textElement } from '../src/render/docx/run.js';
import { sectionProperties } from '../src/render/docx/section.js';
import { table } from '../src/render/docx/table.js';
import { attr, text, xmlChars } from '../src/render/docx/xml.js';

const serif = { family: 'Noto Serif SC', bold: false, key: 'Noto Serif SC/regular' } as Face;
const serifBold = { family: 'Noto Serif SC', bold: true, key: 'Noto Serif SC/bold' } as Face;
const sans = { family: 'Noto Sans SC', bold: false, key: 'Noto Sans SC/regular' } as Face;

const piece = (t: string, face = serif, size = 12, extra: Partial<Piece> = {}): Piece => ({ text: t, face, size, width: 0, ...extra });
const line = (...pieces: Piece[]): Line => ({ pieces, width: 0 });
const count = (s: string, sub: string) => s.split(sub).length - 1;

describe('xml', () => {
  test('text escapes &, < and >; attributes also "', () => {
    expect(text('a & b < c > d "e"')).toBe('a &amp; b &lt; c &gt; d "e"');
    expect(attr('say "x" & <y>')).toBe('say &quot;x&quot; &amp; &lt;y&gt;');
  });

  test('characters XML 1.0 cannot hold are dropped; tab, newline and astral characters stay', () => {
    expect(xmlChars('a\u0000b\u0007c\u000Bd\uFFFEe\uFFFF')).toBe('abcde');
    expect(xmlChars('x\uD800y\uDC00z')).toBe('xyz'); // lone surrogates
    expect(xmlChars('\t\n𠀀中')).toBe('\t\n𠀀中');
  });

  test('w:t keeps spaces only where XML would drop them', () => {
    expect(textElement('报告')).toBe('<w:t>报告</w:t>');
    expect(textElement(' 报告')).toBe('<w:t xml:space="preserve"> 报告</w:t>');
    expect(textElement('第 1 页 ')).toBe('<w:t xml:space="preserve">第 1 页 </w:t>');
  });
});

describe('runs', () => {
  test('adjacent pieces in one face and size are one run; each run names the face in all four slots', () => {
    const xml = runs([piece('年'), piece('1'), piece('月'), piece('加粗', serifBold), piece('黑体', sans, 11)]);
    expect(count(xml, '<w:r>')).toBe(3);
    expect(xml).toContain('<w:t>年1月</w:t>');
    expect(xml).toContain('<w:rFonts w:ascii="Noto Serif SC" w:hAnsi="Noto Serif SC" w:eastAsia="Noto Serif SC" w:cs="Noto Serif SC"/><w:b/><w:bCs/><w:sz w:val="24"/>');
    expect(xml).toContain('w:eastAsia="Noto Sans SC" w:cs="Noto Sans SC"/><w:sz w:val="22"/><w:szCs w:val="22"/>');
  });

  test("an author's line break is a w:br in the run of the text after it", () => {
    expect(runs([piece('一'), piece('\n'), piece('二')])).toBe(`<w:r>${/<w:rPr>.*?<\/w:rPr>/.exec(runs([piece('x')]))![0]}<w:t>一</w:t><w:br/><w:t>二</w:t></w:r>`);
  });

  test("a cell's lines are joined by one w:br each, empty lines included, vertical forms for stacked punctuation", () => {
    const xml = lineRuns([line(piece('三')), line(piece('、', serif, 12, { vert: true, verticalForms: '\uFE11' })), line(), line(piece('本'))]);
    expect(xml).toContain('<w:t>三</w:t><w:br/><w:t>\uFE11</w:t><w:br/><w:br/><w:t>本</w:t>');
    expect(count(xml, '<w:r>')).toBe(1);
    expect(lineRuns([])).toBe('');
  });
});

describe('paragraphs', () => {
  const base: LaidParagraph = {
    kind: 'paragraph', role: 'body', pieces: [piece('正文')], lines: [], align: 'justify', size: 16,
    firstLineIndent: 32, rightIndent: 0, pitch: 28, spaceBefore: 0, spaceAfter: 6, keepNext: false,
  };

  test('exact pitch, spacing and first-line indent in twips; justify is both', () => {
    expect(paragraph(base)).toBe(
      '<w:p><w:pPr><w:spacing w:before="0" w:after="120" w:line="560" w:lineRule="exact"/><w:ind w:firstLine="640"/><w:jc w:val="both"/></w:pPr>' + runs(base.pieces) + '</w:p>',
    );
  });

  test('headings: style with outline level, keep with next, page break before, in schema order', () => {
    const h = paragraph({ ...base, role: 'heading', headingLevel: 2, keepNext: true, firstLineIndent: 0, align: 'left' }, true);
    expect(h).toMatch(/^<w:p><w:pPr><w:pStyle w:val="Heading2"\/><w:keepNext\/><w:pageBreakBefore\/><w:spacing [^>]*\/><w:jc w:val="left"\/><\/w:pPr>/);
    expect(paragraph({ ...base, role: 'title', firstLineIndent: 0, rightIndent: 10, align: 'center' })).toContain('<w:pStyle w:val="Title"/>');
  });

  test('the spacer that carries a page break before a table is 1 pt high', () => {
    expect(spacer(1, true)).toBe('<w:p><w:pPr><w:pageBreakBefore/><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/></w:pPr></w:p>');
  });
});

describe('a tiny table', () => {
  const cell = (r: number, c: number, rowSpan: number, colSpan: number, t: string, extra: Partial<LaidCell> = {}): LaidCell => ({
    r, c, rowSpan, colSpan, kind: 'data', lines: t ? [line(piece(t, serif, 10.5))] : [], vertical: false, align: 'center', valign: 'middle',
    size: 10.5, pitch: 14, minHeight: 20, ...extra,
  } as LaidCell);
  // ┌─────────┬───┐
  // │ corner  │ B │   rows 0–1 are header rows; the corner spans 2×2
  // │         ├───┤
  // │         │ C │
  // ├───┬─────┼───┤
  // │竖 │ x   │ 1 │   the vertical label spans rows 2–3
  // │   ├─────┼───┤
  // │   │ y   │ 2 │
  // └───┴─────┴───┘
  const t: LaidTable = {
    kind: 'table', colWidths: [30, 60, 40], rowHeights: [20, 20, 18, 18], headerRows: 2, repeatHeader: true, padX: 3, padY: 2, border: 0.5, spaceAfter: 6,
    cells: [
      cell(0, 0, 2, 2, '指标'), cell(0, 2, 1, 1, 'B'), cell(1, 2, 1, 1, 'C'),
      cell(2, 0, 2, 1, '', { vertical: true, lines: [line(piece('竖', serif, 10.5)), line(piece('、', serif, 10.5, { vert: true, verticalForms: '\uFE11' }))] }),
      cell(2, 1, 1, 1, 'x', { align: 'left', valign: 'top' }), cell(2, 2, 1, 1, '1', { align: 'right' }),
      cell(3, 1, 1, 1, 'y', { align: 'left', valign: 'bottom' }), cell(3, 2, 1, 1, '2', { align: 'right' }),
    ],
  };
  const xml = table(t);
  const rows = xml.match(/<w:tr>[\s\S]*?<\/w:tr>/g)!;
  const cells = (r: number) => rows[r].match(/<w:tc>[\s\S]*?<\/w:tc>/g)!;

  test('fixed layout, the grid in twips, borders in eighths of a point', () => {
    expect(xml).toContain('<w:tblW w:w="2600" w:type="dxa"/>');
    expect(xml).toContain('<w:tblLayout w:type="fixed"/>');
    expect(xml).toContain('<w:tblGrid><w:gridCol w:w="600"/><w:gridCol w:w="1200"/><w:gridCol w:w="800"/></w:tblGrid>');
    expect(xml).toContain('<w:insideV w:val="single" w:sz="4" w:color="000000"/>');
  });

  test('rows: header rows repeat, none splits, heights are at least the layout\'s', () => {
    expect(rows.map((r) => r.includes('<w:tblHeader/>'))).toEqual([true, true, false, false]);
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    expect(rows.map((r) => /<w:trHeight w:val="(\d+)" w:hRule="atLeast"\/>/.exec(r)![1])).toEqual(['400', '400', '360', '360']);
  });

  test('spans: gridSpan on every row of the merge, vMerge restart then continue with a hairline paragraph', () => {
    expect(cells(0)).toHaveLength(2);
    expect(cells(0)[0]).toContain('<w:tcW w:w="1800" w:type="dxa"/><w:gridSpan w:val="2"/><w:vMerge w:val="restart"/>');
    expect(cells(1)[0]).toContain('<w:gridSpan w:val="2"/><w:vMerge w:val="continue"/>');
    expect(cells(1)[0]).toContain('<w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/>');
    expect(cells(1)[0]).not.toContain('<w:t>');
    expect(cells(3)).toHaveLength(3);
    expect(cells(3)[0]).toContain('<w:vMerge w:val="continue"/>');
  });

  test('alignment and text: the layout\'s resolved alignment, stacked labels in vertical forms', () => {
    const jcOf = (tc: string) => /<w:jc w:val="(\w+)"\/>/.exec(tc)?.[1];
    expect(cells(2).map(jcOf)).toEqual(['center', 'left', 'right']);
    expect(cells(2)[0]).toContain('<w:t>竖</w:t><w:br/><w:t>\uFE11</w:t>');
    expect(cells(2).map((tc) => /<w:vAlign w:val="(\w+)"\/>/.exec(tc)![1])).toEqual(['center', 'top', 'center']);
    expect(cells(2)[0]).toContain('<w:spacing w:before="0" w:after="0" w:line="280" w:lineRule="exact"/>');
  });
});

describe('headers, footers and the section', () => {
  const face = serif;
  const numbers = (style: PageNumbering['style'], position: PageNumbering['position']): PageNumbering => ({
    style, position, parts: pageNumberParts(style), sides: pageNumberSides(position), size: 14, face, offset: 20, inset: 14, lineHeight: 15.4,
  });
  const geometry = (n?: PageNumbering, header = true): PageGeometry => ({
    width: 595.28, height: 841.89, landscape: false, margins: { top: 72, right: 60, bottom: 60, left: 70 },
    headerDistance: 30.15, footerDistance: 14.15, bandPitch: 11.7, numberGap: 3,
    ...(header ? { header: line(piece('页眉', serif, 9)) } : {}), footer: line(piece('页脚', serif, 9)), ...(n ? { numbers: n } : {}),
  });

  /** The header and footer parts docx writes for a geometry, as kind/type → XML. */
  async function parts(g: PageGeometry) {
    const hf = headersAndFooters(g);
    const doc = new Document({ evenAndOddHeaderAndFooters: hf.evenAndOdd, sections: [{ headers: hf.headers, footers: hf.footers, children: [] }] });
    const files = unzipSync(new Uint8Array(await Packer.toArrayBuffer(doc)));
    const out: Record<string, string> = {};
    const kinds = (o: object) => (['default', 'even'] as const).filter((t) => (o as Record<string, unknown>)[t]);
    kinds(hf.headers).forEach((t, i) => (out[`header/${t}`] = strFromU8(files[`word/header${i + 1}.xml`])));
    kinds(hf.footers).forEach((t, i) => (out[`footer/${t}`] = strFromU8(files[`word/footer${i + 1}.xml`])));
    return { evenAndOdd: hf.evenAndOdd, out, settings: strFromU8(files['word/settings.xml']) };
  }

  test('outside numbering: odd footer on the right, even on the left, and the header written for even pages too', async () => {
    const { out, evenAndOdd, settings } = await parts(geometry(numbers('dash', 'outside')));
    expect(evenAndOdd).toBe(true);
    expect(settings).toContain('<w:evenAndOddHeaders/>');
    expect(Object.keys(out)).toEqual(['header/default', 'header/even', 'footer/default', 'footer/even']);
    const [odd, even] = [out['footer/default'], out['footer/even']];
    expect(odd).toContain('<w:spacing w:after="0" w:before="0" w:line="308" w:lineRule="exact"/><w:ind w:right="280"/><w:jc w:val="right"/>');
    expect(even).toContain('<w:ind w:left="280"/><w:jc w:val="left"/>');
    // the footer line below the number, after the layout's gap, at the band pitch
    expect(odd).toContain('<w:spacing w:after="0" w:before="60" w:line="234" w:lineRule="exact"/><w:jc w:val="center"/>');
    expect(odd).toMatch(/<w:t xml:space="preserve">— <\/w:t>.*<w:fldChar w:fldCharType="begin"\/>.*<w:instrText xml:space="preserve">PAGE<\/w:instrText>.*<w:fldChar w:fldCharType="end"\/>.*<w:t xml:space="preserve"> —<\/w:t>/);
    // every run of the number names the face on all four slots and its size
    expect(odd).toContain('<w:rFonts w:ascii="Noto Serif SC" w:cs="Noto Serif SC" w:eastAsia="Noto Serif SC" w:hAnsi="Noto Serif SC"/><w:sz w:val="28"/>');
    expect(odd).toContain('页脚</w:t>');
  });

  test('centred "page of" numbering: one footer with PAGE and NUMPAGES; no numbers and no header: footer band only', async () => {
    const c = await parts(geometry(numbers('page-of', 'center'), false));
    expect([c.evenAndOdd, Object.keys(c.out)]).toEqual([false, ['footer/default']]);
    expect(c.settings).not.toContain('<w:evenAndOddHeaders/>');
    expect(c.out['footer/default']).toMatch(/PAGE<\/w:instrText>.*NUMPAGES<\/w:instrText>/);
    expect(c.out['footer/default']).toContain('<w:jc w:val="center"/>');
    const none = await parts(geometry(undefined, false));
    expect(Object.keys(none.out)).toEqual(['footer/default']);
    expect(none.out['footer/default']).not.toContain('fldChar');
  });

  test('section: references, page size, margins and the header/footer distances in twips', () => {
    const g = geometry(numbers('plain', 'center'));
    const xml = sectionProperties(g, [{ kind: 'footer', type: 'default', relId: 'rId5' }]);
    expect(xml).toBe(
      '<w:sectPr><w:footerReference w:type="default" r:id="rId5"/><w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>' +
        '<w:pgMar w:top="1440" w:right="1200" w:bottom="1200" w:left="1400" w:header="603" w:footer="283" w:gutter="0"/></w:sectPr>',
    );
  });
});
