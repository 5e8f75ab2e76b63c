/**
 * The hostile corpus's inputs, made by code (a 2 MB PNG declaring 20000×20000 px or a 0.9 MB alias bomb
 * would be poor files to keep in git). `corpusInput(name)` gives the bytes of an input by the name the
 * manifest uses, so the CLI, the library and the HTTP route all run on exactly the same bytes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync } from 'node:zlib';
import { parse, stringify } from 'yaml';

const ROOT = process.cwd();
const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const json = (v: unknown) => enc(JSON.stringify(v));
const model = (blocks: unknown[], extra: Record<string, unknown> = {}) => ({ meta: { title: '测试' }, ...extra, blocks });
const image = (bytes: Uint8Array) => json(model([{ type: 'image', data: Buffer.from(bytes).toString('base64'), width: 40 }]));

// ---- PNG and JPEG builders ----
const CRC = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});
function crc32(b: Uint8Array): number {
  let c = 0xffffffff;
  for (const x of b) c = CRC[(c ^ x) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
export function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])));
  return Buffer.concat([head, data, crc]);
}
interface PngSpec {
  width: number;
  height: number;
  type?: number;
  depth?: number;
  interlace?: number;
  raw?: Uint8Array; // uncompressed scanlines (filter byte + pixels)
  idat?: Uint8Array | null; // compressed data as is; null: no IDAT
  extra?: Buffer[];
  iend?: boolean;
}
export function png(s: PngSpec): Uint8Array {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(s.width, 0);
  ihdr.writeUInt32BE(s.height, 4);
  ihdr[8] = s.depth ?? 8;
  ihdr[9] = s.type ?? 2;
  ihdr[12] = s.interlace ?? 0;
  const raw = s.raw ?? Buffer.alloc(s.height * (1 + s.width * 3)); // RGB 8-bit rows of zeros, filter 0
  const idat = s.idat === null ? [] : [chunk('IDAT', s.idat ?? deflateSync(raw))];
  return new Uint8Array(
    Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), ...(s.extra ?? []), ...idat, ...(s.iend === false ? [] : [chunk('IEND', new Uint8Array())])]),
  );
}
/** A baseline JPEG's frame header and scan, with the given size (the entropy data is not a real picture). */
function jpeg(width: number, height: number, comps = 3): Uint8Array {
  const sof = [0xff, 0xc0, 0, 8 + 3 * comps, 8, height >> 8, height & 255, width >> 8, width & 255, comps, ...Array.from({ length: comps }, (_, i) => [i + 1, 0x11, 0]).flat()];
  const sos = [0xff, 0xda, 0, 8, 1, 1, 0, 0, 0x3f, 0];
  return new Uint8Array([0xff, 0xd8, ...sof, ...sos, 0x12, 0x34, 0xff, 0xd9]);
}
/** PNG rows with a filter byte of 180 (no such filter), interlaced, cut short. */
function corruptInterlaced(): Uint8Array {
  const raw = Buffer.alloc(64 * (1 + 16 * 3), 180);
  return png({ width: 16, height: 16, interlace: 1, idat: deflateSync(raw).subarray(0, 40) });
}

// ---- fonts ----
const bundledFont = () => readFileSync(join(ROOT, 'fonts', 'NotoSansSC-Regular.ttf'));

// ---- template data ----
const shihe = () => parse(readFileSync(join(ROOT, 'examples/shihe-2021/shihe-2021.yaml'), 'utf8')) as any;
const yaml = (v: unknown) => enc(stringify(v));

function deepHeader(depth: number): unknown {
  let node: any = { label: '末' };
  for (let i = 0; i < depth - 1; i++) node = { label: `${i}`, children: [node] };
  return model([{ type: 'table', id: 't', columns: [node], rows: [[1]] }]);
}

function rows(n: number) {
  return model([{ type: 'table', id: 'big', columns: [{ label: '甲' }, { label: '乙' }, { label: '丙' }], rows: Array.from({ length: n }, (_, i) => [i, i * 2, `第${i}行`]) }]);
}

export const INPUTS: Record<string, () => Uint8Array> = {
  // limits and hostile structure
  'alias-bomb.yaml': () => {
    const para = '长'.repeat(300_000);
    const lines = ['meta: {title: 别名}', `x: &p "${para}"`, 'blocks:'];
    for (let i = 0; i < 99; i++) lines.push('  - {type: paragraph, text: *p}');
    return enc(lines.join('\n'));
  },
  'cyclic-alias.yaml': () => enc('meta: {title: 循环}\nblocks: &b\n  - {type: paragraph, text: a}\n  - *b\n'),
  'header-1000-deep.json': () => json(deepHeader(1000)),
  'header-500-deep.json': () => json(deepHeader(500)),
  'header-20-deep.json': () => json(deepHeader(20)),
  'nested-100k.json': () => enc('['.repeat(100_000) + ']'.repeat(100_000)),
  'rows-20000.json': () => json(rows(20_000)),
  'text-19k.json': () => json(model([{ type: 'paragraph', text: '字'.repeat(19_000) }])),
  'text-30k.json': () => json(model([{ type: 'paragraph', text: '字'.repeat(30_000) }])),
  'total-chars.json': () => json(model(Array.from({ length: 30 }, () => ({ type: 'paragraph', text: '字'.repeat(19_000) })))),
  'blocks-10001.json': () => json(model(Array.from({ length: 10_001 }, () => ({ type: 'pageBreak' })))),
  'big-input.json': () => enc(JSON.stringify(model([{ type: 'paragraph', text: 'x' }])) + ' '.repeat(6 * 1024 * 1024)),
  // images
  'png-width-0.json': () => image(png({ width: 0, height: 10 })),
  'png-header-only.json': () => image(png({ width: 10, height: 10, idat: null, iend: false })),
  'png-no-idat.json': () => image(png({ width: 10, height: 10, idat: null })),
  'png-colour-type-7.json': () => image(png({ width: 4, height: 4, type: 7 })),
  'png-bad-depth.json': () => image(png({ width: 4, height: 4, type: 2, depth: 4 })),
  'png-20000x20000.json': () => image(png({ width: 20_000, height: 20_000, type: 6, idat: new Uint8Array(2 * 1024 * 1024) })),
  'png-corrupt-interlaced.json': () => image(corruptInterlaced()),
  'png-bad-filter.json': () => image(png({ width: 4, height: 4, raw: Buffer.alloc(4 * 13, 180) })),
  'png-truncated.json': () => image(png({ width: 64, height: 64 }).subarray(0, 60)),
  'png-short-data.json': () => image(png({ width: 64, height: 64, raw: Buffer.alloc(10 * (1 + 64 * 3)) })),
  'png-text-200k.json': () => image(png({ width: 8, height: 8, extra: [chunk('tEXt', Buffer.concat([Buffer.from('Comment\0'), Buffer.alloc(200 * 1024, 0x41)]))] })),
  'jpeg-0x0.json': () => image(jpeg(0, 0)),
  'jpeg-junk.json': () => image(new Uint8Array([0xff, 0xd8, 0xff, ...Buffer.from('this is not a jpeg at all, only junk bytes')])),
  'jpeg-truncated-segment.json': () => image(jpeg(8, 8).subarray(0, 12)),
  'jpeg-2-components.json': () => image(jpeg(8, 8, 2)),
  'not-an-image.json': () => image(enc('GIF89a this is a gif')),
  // model-level refusals
  'date-2100.json': () => json(model([{ type: 'paragraph', text: '日期' }], { meta: { title: '日期', creationDate: '2100-06-01T00:00:00Z' } })),
  'margins-200.json': () => json(model([{ type: 'paragraph', text: '页边距' }], { page: { margins: { top: 20, bottom: 20, left: 200, right: 200 } } })),
  'integer-2-60.json': () => enc('{"meta":{"title":"大数"},"blocks":[{"type":"table","id":"t","columns":[{"label":"数"}],"rows":[[1152921504606846976]]}]}'),
  'integer-as-string.json': () => json(model([{ type: 'table', id: 't', columns: [{ label: '数' }], rows: [['1152921504606846976'], ['9007199254740993']] }])),
  'rowspan-past-end.json': () => json(model([{ type: 'grid', id: 'g', widths: [20, 20], rows: [[{ text: '甲', rowSpan: 3 }, '乙'], ['丙']] }])),
  'escape-in-key.json': () => json({ meta: { title: 't' }, '\u001b]0;pwned\u0007': 1, blocks: [{ type: 'paragraph', text: 'x' }] }),
  'proto-key.json': () => enc('{"meta":{"title":"t"},"__proto__":{"x":1},"blocks":[{"type":"paragraph","text":"x"}]}'),
  'bom.json': () => enc('\ufeff' + JSON.stringify(model([{ type: 'paragraph', text: '带 BOM 的 JSON' }]))),
  'gbk.yaml': () => new Uint8Array([...Buffer.from('meta: {title: '), 0xb2, 0xe2, 0xca, 0xd4, ...Buffer.from('}\nblocks: [{type: paragraph, text: x}]\n')]),
  'json-syntax.json': () => enc('{"meta": {"title": "t"}, "blocks": [}'),
  'missing-char.json': () => json(model([{ type: 'paragraph', text: '表情😀' }])),
  'image-only.json': () => json(model([{ type: 'image', data: Buffer.from(png({ width: 8, height: 8 })).toString('base64'), width: 40 }], { page: { pageNumbers: false } })),
  'blank-cell-only.json': () => json(model([{ type: 'grid', widths: [{ weight: 1 }], rows: [[{ text: ' ' }]] }], { page: { pageNumbers: false } })),
  'plain.json': () => json(model([{ type: 'paragraph', text: '普通的一段文字。' }])),
  'pages-5.json': () => json(model(Array.from({ length: 5 }, (_, i) => [{ type: 'paragraph', text: `第${i + 1}页` }, { type: 'pageBreak' }]).flat().slice(0, -1))),
  // fonts (passed with --font; the model is plain.json)
  'font-truncated.ttf': () => bundledFont().subarray(0, 5000),
  'font-woff2.woff2': () => new Uint8Array([...Buffer.from('wOF2'), 0, 1, 0, 0, ...new Uint8Array(64)]),
  'font-text.ttf': () => enc('this is not a font, just text renamed to .ttf'),
  // template data
  'tpl-bad-agency.yaml': () => yaml({ ...shihe(), agency: '浉河区😀局' }),
  'tpl-inf.yaml': () => enc(stringify(shihe()).replace(/granted:\n(\s+)- 40/, 'granted:\n$1- .inf')),
  'tpl-blank.yaml': () => {
    const d = shihe();
    d.tables.applications.granted[2] = null;
    d.tables.reviews.review[1] = null;
    return yaml(d);
  },
  'tpl-huge-count.yaml': () => {
    const d = shihe();
    d.tables.applications.granted[0] = 9007199254740991;
    return yaml(d);
  },
  'tpl-fees-1e-7.yaml': () => {
    const d = shihe();
    d.tables.proactive.fees = 1e-7;
    return enc(JSON.stringify(d));
  },
  'tpl-ok.yaml': () => yaml(shihe()),
};

export function corpusInput(name: string): Uint8Array {
  const make = INPUTS[name];
  if (!make) throw new Error(`no corpus input "${name}"`);
  return make();
}
