/** Node entry: the core with the bundled fonts, harfbuzz loaded from node_modules and node:zlib for the DOCX zip. */
import * as zlib from 'node:zlib';
import { type Crc32, type DeflateRaw, type DocxOptions, type Format, type RenderResult, type TemplateRef, type TemplateRenderResult, renderDocx as renderDocxCore, renderReport, renderTemplateWith } from './core.js';
import type { LaidOutDocument } from './layout/types.js';
import { bundledRegistry, newBundledRegistry } from './fonts/bundled.js';
import { nodeSubsetter } from './fonts/hb-wasm-node.js';
import type { FontRegistry } from './fonts/registry.js';
import type { Limits } from './limits.js';
import { InputError } from './errors.js';
import { MAX_YEAR, MIN_YEAR, type PdfSettings, yearInRange } from './model/document.js';
import { memoDeflate } from './deflate-memo.js';

export * from './core.js';
export * from './model/index.js';
export { FontRegistry } from './fonts/registry.js';
export { HbSubsetter } from './fonts/hb-subset.js';
export { bundledRegistry, newBundledRegistry, nodeSubsetter };
export { buildWebAssets, type BuildWebAssetsOptions } from './fonts/web-assets.js';
export type { WebFontManifest } from './fonts/needs.js';
/** a user's template from a module file (default export, or `template`), as --template ./x.mjs loads it */
export { loadTemplateModule } from './template-module.js';

export interface NodeRenderOptions {
  formats?: Format[];
  registry?: FontRegistry;
  creationDate?: Date;
  allowFontFallback?: boolean;
  limits?: Partial<Limits>;
  /** the PDF's document-level settings (PDF/A-2b, a lock with an owner password …) over the model's meta.pdf */
  pdf?: PdfSettings;
}

export interface NodeTemplateRenderOptions extends NodeRenderOptions {
  /** last year's data, for the cross-year checks (they come back as warnings) */
  previous?: unknown;
  /** render although the 勾稽 rules fail; otherwise an InconsistentDataError is thrown */
  allowInconsistent?: boolean;
}

/** SOURCE_DATE_EPOCH (seconds) fixes every date written into the output, for reproducible builds. */
export function sourceDateEpoch(env: Record<string, string | undefined> = process.env): Date | undefined {
  const v = env.SOURCE_DATE_EPOCH;
  if (v === undefined || v === '') return undefined;
  // a typo here would silently give non-reproducible output: refused, as are dates ZIP cannot carry
  const d = /^\d{1,12}$/.test(v) ? new Date(Number(v) * 1000) : undefined;
  if (!d) throw new InputError([{ path: 'SOURCE_DATE_EPOCH', message: `应为 Unix 时间（秒，十进制整数），实为 ${JSON.stringify(v.slice(0, 40))}` }]);
  if (!yearInRange(d)) throw new InputError([{ path: 'SOURCE_DATE_EPOCH', message: `${v} 对应 ${d.toISOString().slice(0, 10)}，不在 ${MIN_YEAR}–${MAX_YEAR} 年之间（DOCX 压缩包的时间只能记到 2099 年）` }]);
  return d;
}

/** node:zlib's raw deflate, several times faster than fflate's on Node. */
export const nodeDeflate: DeflateRaw = (data, level) => zlib.deflateRawSync(data, { level });
/** The renders' deflates: the embedded fonts' results are remembered (src/deflate-memo.ts). */
const fontDeflate = memoDeflate('raw', nodeDeflate);
/** zlib.deflateSync as pdfkit calls it (default level, zlib header) for the PDF's font programs, remembered. */
const pdfFontMemo = memoDeflate('zlib', (data) => zlib.deflateSync(data));
const pdfFontDeflate = (data: Uint8Array) => pdfFontMemo(data, -1);

/**
 * Forgets the remembered font subsets and their deflated bytes (a batch or server renders the same subsets
 * again and again; the memos skip that work). For benchmarks that compare one render with another system's,
 * as Typst's memo cache is evicted before each compile.
 */
export async function clearRenderMemos(): Promise<void> {
  fontDeflate.clear();
  pdfFontMemo.clear();
  (await nodeSubsetter()).clearSubsetMemo();
}
/** zlib.crc32 exists from Node 20.15 / 22.2; older versions fall back to the core's own. */
const nodeCrc32 = (zlib as { crc32?: Crc32 }).crc32;

/** renderDocx of the core, zipping with node:zlib unless told otherwise. */
export function renderDocx(doc: LaidOutDocument, opts: DocxOptions): Promise<Uint8Array> {
  return renderDocxCore(doc, { deflate: nodeDeflate, crc32: nodeCrc32, ...opts });
}

async function nodeOptions(opts: NodeRenderOptions) {
  const formats = opts.formats ?? ['pdf', 'docx'];
  return {
    registry: opts.registry ?? bundledRegistry(),
    subsetter: await nodeSubsetter(),
    deflate: fontDeflate,
    fontFileDeflate: pdfFontDeflate,
    crc32: nodeCrc32,
    formats,
    creationDate: opts.creationDate ?? sourceDateEpoch(),
    allowFontFallback: opts.allowFontFallback,
    limits: opts.limits,
    pdf: opts.pdf,
  };
}

/** A report model → PDF and/or DOCX. Template data goes to renderTemplate instead. */
export async function render(input: unknown, opts: NodeRenderOptions = {}): Promise<RenderResult> {
  return renderReport(input, await nodeOptions(opts));
}

/**
 * Template data → PDF and/or DOCX in one call. `template` is a built-in id or a template object
 * (defineTemplate's result, e.g. your own); it may be undefined when the data names its template
 * (`template: gov-info-annual-report-2021`); when both are given they must agree.
 */
export async function renderTemplate(id: TemplateRef | undefined, data: unknown, opts: NodeTemplateRenderOptions = {}): Promise<TemplateRenderResult> {
  return renderTemplateWith(id, data, { ...(await nodeOptions(opts)), previous: opts.previous, allowInconsistent: opts.allowInconsistent });
}
