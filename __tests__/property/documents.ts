/**
 * Generated report documents in two kinds, kept apart so each has a sharp oracle:
 * - valid: within the schema and within what a page can hold (short header/footer, short text in cells
 *   that span rows or repeat as header), so each one must render, with its text in both formats;
 * - invalid: a valid document with one defect put in at a known field, so each one must be refused with a
 *   typed error naming that field.
 * Both probe what users really have: pasted text with TABs and zero-width characters, images of every PNG
 * colour type and depth and JPEGs (sizes from a thumbnail to a tall screenshot), wide tables, odd page setups,
 * keep-with-next chains, signatures and trailing page breaks.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import fc from 'fast-check';
import { chunk, png } from '../corpus/inputs.js';

const IMAGES = join(process.cwd(), '__tests__', 'fixtures', 'images');

const HANZI = '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再';
const LATIN = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
const PUNCT = '，。、；：？！（）《》“”—…·%.,;:()-/';
/** What pasted text carries besides characters (issue 13, defect 17). */
const LAYOUT_CHARS = ['\t', '\u200B', '\u200D', '\u2028', '\u2029', '\uFEFF', '\u00AD', '\u2060'];

const from = (chars: string) => fc.constantFrom(...[...chars]);
const run = fc.oneof(
  { weight: 6, arbitrary: fc.array(from(HANZI), { minLength: 1, maxLength: 12 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.array(from(LATIN), { minLength: 1, maxLength: 10 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: fc.array(from(DIGITS), { minLength: 1, maxLength: 8 }).map((a) => a.join('')) },
  { weight: 2, arbitrary: from(PUNCT) },
  { weight: 1, arbitrary: fc.constant(' ') },
  { weight: 1, arbitrary: fc.constantFrom(...LAYOUT_CHARS) },
  { weight: 1, arbitrary: fc.tuple(from(LATIN + DIGITS + HANZI), fc.integer({ min: 30, max: 160 })).map(([c, n]) => c.repeat(n)) },
);
/** Text with at least one drawn character. */
const text = (max = 8) => fc.tuple(from(HANZI), fc.array(run, { maxLength: max })).map(([h, a]) => h + a.join(''));
/** A few characters: labels that repeat on every page or stack upright, header and footer lines. */
const short = (max = 6) => fc.array(from(HANZI + DIGITS), { minLength: 1, maxLength: max }).map((a) => a.join(''));

// ---- images: every PNG colour type and bit depth, and JPEGs, from a thumbnail to a tall screenshot ----
const PNG_DEPTHS: Record<number, { depths: number[]; channels: number }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1 },
  2: { depths: [8, 16], channels: 3 },
  3: { depths: [1, 2, 4, 8], channels: 1 },
  4: { depths: [8, 16], channels: 2 },
  6: { depths: [8, 16], channels: 4 },
};
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];
/** Zeroed Adam7 scanlines of a w × h image with `bpp` bytes per pixel. */
function adam7Rows(w: number, h: number, bpp: number): Uint8Array {
  let n = 0;
  for (const [x0, y0, dx, dy] of ADAM7) {
    const pw = Math.ceil((w - x0) / dx);
    const ph = Math.ceil((h - y0) / dy);
    if (pw > 0 && ph > 0) n += ph * (1 + pw * bpp);
  }
  return new Uint8Array(n);
}
const pngArb = fc
  .record({ type: fc.constantFrom(0, 2, 3, 4, 6), d: fc.nat(4), w: fc.integer({ min: 1, max: 64 }), h: fc.integer({ min: 1, max: 64 }), tall: fc.boolean(), fill: fc.nat(255), interlace: fc.boolean(), trns: fc.boolean() })
  .map(({ type, d, w, h, tall, fill, interlace, trns }) => {
    const { depths, channels } = PNG_DEPTHS[type];
    const depth = depths[d % depths.length];
    interlace &&= depth !== 16; // refused (png-js cannot read them): see the invalid defects
    const height = tall ? h * 80 : h; // a phone screenshot: far taller than wide
    // scanlines (filter byte 0, then the pixels), per Adam7 pass when interlaced
    const rows: number[] = [];
    for (const [x0, y0, dx, dy] of interlace ? ADAM7 : [[0, 0, 1, 1]]) {
      const pw = Math.ceil((w - x0) / dx);
      const ph = Math.ceil((height - y0) / dy);
      if (pw > 0 && ph > 0) for (let y = 0; y < ph; y++) rows.push(1 + Math.ceil((pw * channels * depth) / 8));
    }
    const raw = Buffer.alloc(rows.reduce((a, b) => a + b, 0), fill);
    for (let y = 0, o = 0; y < rows.length; o += rows[y++]) raw[o] = 0;
    const extra = type === 3 ? [chunk('PLTE', new Uint8Array(3 * 2 ** depth).fill(fill))] : [];
    // a transparent colour (grey, RGB) or palette alphas, as optimizers write them
    if (trns && (type === 0 || type === 2 || type === 3)) extra.push(chunk('tRNS', new Uint8Array(type === 0 ? 2 : type === 2 ? 6 : 2 ** depth).fill(0)));
    return { kind: `png type ${type} depth ${depth} ${w}×${height}${interlace ? ' interlaced' : ''}`, bytes: png({ width: w, height, type, depth, interlace: interlace ? 1 : 0, raw, extra, idat: deflateSync(raw) }) };
  });
/** Real JPEGs (pdftoppm wrote them): baseline, progressive, optimized, a tall strip and a wide one. */
const JPEGS = readdirSync(IMAGES).filter((f) => f.endsWith('.jpg')).map((f) => ({ kind: `jpeg ${f}`, bytes: new Uint8Array(readFileSync(join(IMAGES, f))) }));
const jpegArb = fc.constantFrom(...JPEGS);
const imageBlock = fc
  .record({ img: fc.oneof(pngArb, jpegArb), width: fc.integer({ min: 5, max: 400 }), height: fc.option(fc.integer({ min: 5, max: 1000 }), { nil: undefined }), align: fc.constantFrom('left', 'center', 'right', undefined), dataUrl: fc.boolean() })
  .map(({ img, width, height, align, dataUrl }) => {
    const b64 = Buffer.from(img.bytes).toString('base64');
    const mime = img.kind.startsWith('png') ? 'image/png' : 'image/jpeg';
    return { type: 'image', data: dataUrl ? `data:${mime};base64,${b64}` : b64, width, ...(height ? { height } : {}), ...(align ? { align } : {}) };
  });

// ---- tables ----
interface Node {
  label: string;
  vertical?: boolean;
  children?: Node[];
}
const node: fc.Arbitrary<Node> = fc.letrec<{ node: Node }>((tie) => ({
  node: fc.record(
    { label: short(6), vertical: fc.boolean(), children: fc.oneof({ depthSize: 'small', withCrossShrink: true }, fc.constant(undefined), fc.array(tie('node'), { minLength: 1, maxLength: 3 })) },
    { requiredKeys: ['label'] },
  ),
})).node.map(strip);
function strip(n: Node): Node {
  const out: Node = { label: n.label };
  if (n.vertical) out.vertical = true;
  if (n.children?.length) out.children = n.children.map(strip);
  return out;
}
const leaves = (ns: Node[]): number => ns.reduce((s, n) => s + (n.children ? leaves(n.children) : 1), 0);

const cellValue = fc.oneof(
  fc.integer({ min: -99999, max: 999999 }),
  fc.double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true }).map((x) => Math.round(x * 1000) / 1000),
  fc.constant(null),
  text(2),
);

const treeTable = fc
  .record({
    columns: fc.array(node, { minLength: 1, maxLength: 3 }),
    rowHeader: fc.option(fc.array(node, { minLength: 1, maxLength: 3 }), { nil: undefined }),
    extraRows: fc.integer({ min: 1, max: 6 }),
    seed: fc.array(cellValue, { minLength: 1, maxLength: 40 }),
    caption: fc.option(short(10), { nil: undefined }),
  })
  .map(({ columns, rowHeader, extraRows, seed, caption }) => {
    const cols = leaves(columns);
    const nRows = rowHeader ? leaves(rowHeader) : extraRows;
    const rows = Array.from({ length: nRows }, (_, r) => Array.from({ length: cols }, (_, c) => seed[(r * cols + c) % seed.length]));
    return { type: 'table', ...(caption ? { caption } : {}), columns, ...(rowHeader ? { rowHeader: { corner: { text: '项目' }, rows: rowHeader } } : {}), rows };
  });

const widthHint = fc.oneof(fc.constant('auto'), fc.constant('narrow'), fc.record({ weight: fc.integer({ min: 1, max: 5 }) }), fc.integer({ min: 5, max: 80 }));
/** A grid whose spans tile it; cells that span rows or sit in header rows hold short text (they must fit a page). */
const gridTable = (maxCols: number, widthMm: number) => fc
  .record({
    cols: fc.integer({ min: 1, max: Math.min(24, maxCols) }),
    rows: fc.integer({ min: 1, max: 8 }),
    spans: fc.array(fc.tuple(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 3 }), fc.boolean(), text(2), short(4)), { minLength: 48, maxLength: 48 }),
    headerRows: fc.integer({ min: 0, max: 2 }),
    hints: fc.array(widthHint, { minLength: 24, maxLength: 24 }),
  })
  .map(({ cols, rows, spans, headerRows, hints }) => {
    const free = Array.from({ length: rows }, () => new Array(cols).fill(true));
    const out: unknown[][] = Array.from({ length: rows }, () => []);
    const header = Math.min(headerRows, rows);
    let k = 0;
    for (let r = 0; r < rows; r++)
      for (let c = 0; c < cols; c++) {
        if (!free[r][c]) continue;
        const [rs0, cs0, vertical, long, brief] = spans[k++ % spans.length];
        let cs = 1;
        while (cs < cs0 && c + cs < cols && free[r][c + cs]) cs++;
        const rs = Math.min(rs0, r < header ? header - r : rows - r); // a span does not cross the header's edge
        for (let y = r; y < r + rs; y++) for (let x = c; x < c + cs; x++) free[y][x] = false;
        const t = rs > 1 || r < header || vertical ? brief : long;
        out[r].push({ text: t, ...(rs > 1 ? { rowSpan: rs } : {}), ...(cs > 1 ? { colSpan: cs } : {}), ...(vertical ? { vertical: true } : {}) });
      }
    // widths in mm that leave room for the other columns (wider ones than the page are the invalid kind)
    const widths = hints.slice(0, cols);
    const fixed = widths.reduce<number>((s, h) => s + (typeof h === 'number' ? h : 0), 0);
    const scale = Math.min(1, (0.6 * widthMm) / Math.max(fixed, 1));
    return { type: 'grid', widths: widths.map((h) => (typeof h === 'number' ? Math.max(5, Math.floor(h * scale)) : h)), headerRows: header, rows: out };
  });

const depth = (ns: Node[]): number => Math.max(...ns.map((n) => 1 + (n.children ? depth(n.children) : 0)));
/** Each column must hold one character: about 6 mm with padding, so at most text width / 8 mm columns. */
const block = (maxCols: number, widthMm: number) => fc.oneof(
  { weight: 4, arbitrary: text(12).map((t) => ({ type: 'paragraph', text: t })) },
  { weight: 1, arbitrary: fc.record({ text: text(12), align: fc.constantFrom('left', 'center', 'right', 'justify'), indent: fc.integer({ min: 0, max: 4 }), size: fc.integer({ min: 6, max: 30 }) }).map((p) => ({ type: 'paragraph', ...p })) },
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom(1, 2, 3), text(3)).map(([level, t]) => ({ type: 'heading', level, text: t })) },
  { weight: 1, arbitrary: text(3).map((t) => ({ type: 'title', text: t })) },
  { weight: 3, arbitrary: treeTable.filter((t: any) => leaves(t.columns) + (t.rowHeader ? depth(t.rowHeader.rows) : 0) <= maxCols) },
  { weight: 3, arbitrary: gridTable(maxCols, widthMm) },
  { weight: 2, arbitrary: imageBlock },
  { weight: 1, arbitrary: fc.array(short(12), { minLength: 1, maxLength: 60 }).map((lines) => ({ type: 'signature', lines })) },
  { weight: 1, arbitrary: fc.integer({ min: 2, max: 80 }).map((n) => ({ type: 'heading-chain', n })) },
  { weight: 1, arbitrary: fc.constant({ type: 'pageBreak' }) },
);

/** Page setups from cramped to generous; the text block stays at least 30 mm each way (the schema's floor). */
const page = fc
  .record({
    size: fc.constantFrom('A4', 'A3'),
    orientation: fc.constantFrom('portrait', 'landscape'),
    margins: fc.record({ top: fc.integer({ min: 0, max: 40 }), right: fc.integer({ min: 0, max: 70 }), bottom: fc.integer({ min: 0, max: 40 }), left: fc.integer({ min: 0, max: 70 }) }),
    header: fc.option(short(5), { nil: undefined }),
    footer: fc.option(short(5), { nil: undefined }),
    pageNumbers: fc.oneof(fc.constant(false as const), fc.record({ style: fc.constantFrom('plain', 'dash', 'page-of'), position: fc.constantFrom('center', 'left', 'right', 'outside') })),
  })
  .map((p) => {
    const out: Record<string, unknown> = { size: p.size, orientation: p.orientation, margins: p.margins, pageNumbers: p.pageNumbers };
    if (p.header) out.header = p.header;
    if (p.footer) out.footer = p.footer;
    return out;
  });

const expand = (blocks: any[]) => blocks.flatMap((b) => (b.type === 'heading-chain' ? Array.from({ length: b.n }, (_, i) => ({ type: 'heading', level: 2, text: `第${i + 1}节` })) : [b]));

const PAGE_MM = { A4: [210, 297], A3: [297, 420] } as const;
const textWidthMm = (p: any) => {
  const [w, h] = PAGE_MM[p.size as 'A4' | 'A3'];
  return (p.orientation === 'landscape' ? h : w) - p.margins.left - p.margins.right;
};

export const validDocumentArb = page.chain((p) =>
  fc.record({ title: short(8), blocks: fc.array(block(Math.floor(textWidthMm(p) / 8), textWidthMm(p)), { minLength: 1, maxLength: 6 }) }).map(({ title, blocks }) => ({ meta: { title }, page: p, blocks: expand(blocks) })),
);

// ---- invalid: one defect at a known field ----
type Doc = { meta: any; page: any; blocks: any[] };
interface Defect {
  name: string;
  /** puts the defect in (on a copy) and returns the field path the error must name */
  apply: (d: Doc, pick: number) => string | undefined;
}
const DEFECTS: Defect[] = [
  { name: 'unknown block type', apply: (d, k) => ((d.blocks[k % d.blocks.length].type = 'chart'), `blocks[${k % d.blocks.length}].type`) },
  { name: 'heading level 4', apply: (d) => (d.blocks.push({ type: 'heading', level: 4, text: '标题' }), `blocks[${d.blocks.length - 1}].level`) },
  { name: 'font size 0', apply: (d) => (d.blocks.unshift({ type: 'paragraph', text: '字', size: 0 }), 'blocks[0].size') },
  { name: 'text is a number', apply: (d) => (d.blocks.unshift({ type: 'paragraph', text: 12 }), 'blocks[0].text') },
  { name: 'negative margin', apply: (d) => ((d.page.margins = { ...d.page.margins, left: -5 }), 'page.margins.left') },
  { name: 'margins leave no text block', apply: (d) => ((d.page.margins = { top: 10, bottom: 10, left: 100, right: 100 }), (d.page.size = 'A4'), (d.page.orientation = 'portrait'), 'page.margins') },
  { name: 'page size A5', apply: (d) => ((d.page.size = 'A5'), 'page.size') },
  { name: 'empty title', apply: (d) => ((d.meta.title = ''), 'meta.title') },
  { name: 'unknown key', apply: (d) => ((d.page.colour = 'red'), 'page') },
  { name: 'no blocks', apply: (d) => ((d.blocks = []), 'blocks') },
  { name: 'image not base64', apply: (d) => (d.blocks.unshift({ type: 'image', data: '这不是图片', width: 50 }), 'blocks[0].data') },
  { name: 'image not PNG or JPEG', apply: (d) => (d.blocks.unshift({ type: 'image', data: Buffer.from('GIF89a......').toString('base64'), width: 50 }), 'blocks[0].data') },
  { name: 'truncated PNG', apply: (d) => (d.blocks.unshift({ type: 'image', data: Buffer.from(png({ width: 4, height: 4 })).subarray(0, 40).toString('base64'), width: 50 }), 'blocks[0].data') },
  { name: '16-bit interlaced PNG', apply: (d) => (d.blocks.unshift({ type: 'image', data: Buffer.from(png({ width: 3, height: 20, depth: 16, interlace: 1, raw: adam7Rows(3, 20, 6) })).toString('base64'), width: 30 }), 'blocks[0].data') },
  { name: 'image width 0', apply: (d) => (d.blocks.unshift({ type: 'image', data: Buffer.from(png({ width: 4, height: 4 })).toString('base64'), width: 0 }), 'blocks[0].width') },
  { name: 'grid row too long', apply: (d) => (d.blocks.unshift({ type: 'grid', widths: ['auto', 'auto'], rows: [['甲', '乙', '丙']] }), 'blocks[0]') },
  { name: 'grid spans overlap', apply: (d) => (d.blocks.unshift({ type: 'grid', widths: ['auto', 'auto'], rows: [[{ text: '甲', rowSpan: 2 }, '乙'], ['丙', '丁']] }), 'blocks[0]') },
  { name: 'negative width hint', apply: (d) => (d.blocks.unshift({ type: 'grid', widths: [-3], rows: [['甲']] }), 'blocks[0].widths[0]') },
  { name: 'tree table row too short', apply: (d) => (d.blocks.unshift({ type: 'table', columns: [{ label: '甲' }, { label: '乙' }], rows: [[1]] }), 'blocks[0]') },
  { name: 'header wider than the page', apply: (d) => ((d.page.header = '页眉'.repeat(200)), 'page.header') },
  { name: 'a character no font has', apply: (d) => (d.blocks.unshift({ type: 'paragraph', text: '字\u{E000}' }), 'blocks[0].text') },
  { name: 'signature without lines', apply: (d) => (d.blocks.unshift({ type: 'signature', lines: [] }), 'blocks[0].lines') },
  { name: 'row-spanning cell taller than the page', apply: (d) => (d.blocks.unshift({ type: 'grid', widths: ['auto', 'auto'], rows: [[{ text: '字'.repeat(300), rowSpan: 2, vertical: true }, '乙'], ['丙']] }), 'blocks[0]') },
  { name: 'more columns than the page can hold', apply: (d) => (d.blocks.unshift({ type: 'grid', widths: new Array(200).fill('auto'), rows: [new Array(200).fill('字')] }), 'blocks[0]') },
  { name: 'date after 2099', apply: (d) => ((d.meta.creationDate = '2150-01-01T00:00:00Z'), 'meta.creationDate') },
];

export const invalidDocumentArb = fc.tuple(validDocumentArb, fc.nat(DEFECTS.length - 1), fc.nat(1000)).map(([doc, i, k]) => {
  const d = structuredClone(doc) as Doc;
  const path = DEFECTS[i].apply(d, k)!;
  return { defect: DEFECTS[i].name, path, doc: d };
});
