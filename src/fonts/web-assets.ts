/**
 * Web assets for the browser build, generated from the package's own fonts/*.ttf and harfbuzz's wasm (so
 * the tarball carries the fonts once): per face a "common" file (GB 2312 level 1, its symbol rows, ASCII,
 * Latin-1, CJK and full-width punctuation, vertical forms) and the full file, each Brotli-compressed next to
 * the raw bytes, with content hashes in the names so they can be cached forever. The common file keeps the
 * full file's glyph ids (hb-subset RETAIN_GIDS), so the subsets a PDF or DOCX embeds come out the same from
 * either. web-fonts.json lists, per face, the code points of both files so the page can tell which files a
 * document needs before fetching any. Used by `npm run build:web` and by `cjk-report web-assets <dir>`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { brotliCompress, brotliCompressSync, constants } from 'node:zlib';
import { promisify } from 'node:util';
import * as fontkit from 'fontkit';
import { fontsDir } from './bundled.js';
import { HbSubsetter } from './hb-subset.js';
import type { WebFontFile, WebFontManifest } from './needs.js';
import { sfntTables } from './sfnt.js';

const compress = promisify(brotliCompress);

const FACES: [family: string, bold: boolean, base: string][] = [
  ['Noto Serif SC', false, 'NotoSerifSC-Regular'],
  ['Noto Serif SC', true, 'NotoSerifSC-Bold'],
  ['Noto Sans SC', false, 'NotoSansSC-Regular'],
  ['Noto Sans SC', true, 'NotoSansSC-Bold'],
  ['LXGW WenKai', false, 'LXGWWenKai-Regular'],
  ['LXGW WenKai', true, 'LXGWWenKai-Bold'],
];

function range(a: number, b: number): number[] {
  const r: number[] = [];
  for (let i = a; i <= b; i++) r.push(i);
  return r;
}
/** EUC-CN rows: 0xA1–0xA9 symbols, 0xB0–0xD7 level-1 hanzi (3,755). */
function gbRows(from: number, to: number): number[] {
  const dec = new TextDecoder('gb18030');
  const cps: number[] = [];
  for (let hi = from; hi <= to; hi++)
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const s = dec.decode(new Uint8Array([hi, lo]));
      const cp = s.codePointAt(0)!;
      if (s.length === 1 && cp !== 0xfffd) cps.push(cp);
    }
  return cps;
}
function commonSet(): Set<number> {
  return new Set([
    ...range(0x20, 0x7e), ...range(0xa0, 0xff), ...range(0x2000, 0x206f), 0x2212, ...range(0x2160, 0x216b),
    ...range(0x3000, 0x303f), ...range(0xfe10, 0xfe19), ...range(0xfe30, 0xfe4f), ...range(0xff01, 0xff5e), ...range(0xffe0, 0xffe6),
    ...gbRows(0xa1, 0xa9), ...gbRows(0xb0, 0xd7),
  ]);
}

/**
 * hb-subset rewrites head.checkSumAdjustment, which pdfkit copies into the PDF's embedded subset; the
 * original head makes the PDF from the common file byte-identical to the one from the full file.
 */
function keepHead(subset: Uint8Array, full: Uint8Array): Uint8Array {
  const s = sfntTables(subset).get('head')!;
  const f = sfntTables(full).get('head')!;
  if (s.length !== f.length) throw new Error('head tables differ in length');
  subset.set(full.subarray(f.offset, f.offset + f.length), s.offset);
  return subset;
}

const str = (cps: Iterable<number>) => String.fromCodePoint(...[...cps].sort((a, b) => a - b));

export interface BuildWebAssetsOptions {
  /** Brotli quality, 0–11 (default 11: smallest downloads, ~10 s a font on one core; 9 is ~10× faster, ~5% larger). */
  quality?: number;
  /** a line per file written */
  log?: (line: string) => void;
}

/**
 * Writes web-fonts.json, the common and full font files and harfbuzz's wasm (each raw and as .br) into
 * `outDir`, the folder a page passes to `exportReport(…, { assetsUrl })`. Files whose hashed name already
 * has a .br next to it are kept, so a second run only rewrites the manifest.
 */
export async function buildWebAssets(outDir: string, opts: BuildWebAssetsOptions = {}): Promise<WebFontManifest> {
  const quality = opts.quality ?? 11;
  mkdirSync(outDir, { recursive: true });
  const require = createRequire(import.meta.url);
  const wasmBytes = new Uint8Array(readFileSync(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')));
  const hb = await HbSubsetter.create(wasmBytes);
  const COMMON = commonSet();

  const pending: Promise<unknown>[] = [];
  const emit = (base: string, bytes: Uint8Array, ext: string) => {
    const hash = createHash('sha256').update(bytes).digest('hex').slice(0, 12);
    const name = `${base}.${hash}.${ext}`;
    const entry: WebFontFile = { file: name, bytes: bytes.byteLength, brotli: 0 };
    writeFileSync(join(outDir, name), bytes);
    const br = join(outDir, `${name}.br`);
    if (existsSync(br)) entry.brotli = statSync(br).size;
    else
      pending.push(
        compress(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: quality, [constants.BROTLI_PARAM_LGWIN]: 24, [constants.BROTLI_PARAM_SIZE_HINT]: bytes.byteLength } }).then((c) => {
          // a kept .br is trusted by name: never leave a partial one
          writeFileSync(`${br}.tmp`, c);
          renameSync(`${br}.tmp`, br);
          entry.brotli = c.byteLength;
          opts.log?.(`${name}: ${c.byteLength} B br (${bytes.byteLength} raw)`);
        }),
      );
    return entry;
  };

  // Coverage, shipped as strings: the common set once; per family the characters it has beyond it and the
  // common ones it lacks (a family's regular and bold faces cover the same characters; checked here).
  const manifest: WebFontManifest = { common: str(COMMON), families: {}, faces: [], wasm: undefined as unknown as WebFontFile };
  for (const [family, bold, base] of FACES) {
    const full = new Uint8Array(readFileSync(join(fontsDir(), `${base}.ttf`)));
    const all = new Set<number>((fontkit.create(Buffer.from(full)) as unknown as { characterSet: number[] }).characterSet);
    const extra = str([...all].filter((cp) => !COMMON.has(cp)));
    const missing = str([...COMMON].filter((cp) => !all.has(cp)));
    const known = manifest.families[family];
    if (known && (known.extra !== extra || known.missing !== missing)) throw new Error(`${base}: regular and bold cover different characters`);
    manifest.families[family] = { extra, missing };
    const common = [...all].filter((cp) => COMMON.has(cp));
    manifest.faces.push({ family, bold, common: emit(`${base}-common`, keepHead(hb.subset(full, common, { retainGids: true }), full), 'ttf'), full: emit(base, full, 'ttf') });
  }
  manifest.wasm = emit('harfbuzz-subset', wasmBytes, 'wasm');
  // the zlib pool compresses on libuv's threads: all cores
  await Promise.all(pending);
  const json = Buffer.from(JSON.stringify(manifest));
  writeFileSync(join(outDir, 'web-fonts.json'), json);
  writeFileSync(join(outDir, 'web-fonts.json.br'), brotliCompressSync(json));
  return manifest;
}
