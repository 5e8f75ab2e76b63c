/**
 * The core API on bytes: no file system, no environment, no Node-only import. The HTTP handler, the
 * browser bundle and the CLI are thin shells over these functions.
 */
import type { FontRegistry } from './fonts/registry.js';
import type { HbSubsetter } from './fonts/hb-subset.js';
import { layoutDocument } from './layout/index.js';
import type { LaidOutDocument } from './layout/types.js';
import { parseReport } from './model/parse.js';
import { type Limits, resolveLimits } from './limits.js';
import { InputError } from './errors.js';
import { MAX_YEAR, MIN_YEAR, yearInRange } from './model/document.js';
import type { ReportDocument } from './model/document.js';
import { type Crc32, type DeflateRaw, renderDocx } from './render/docx/index.js';
import { renderPdf } from './render/pdf/index.js';

export type Format = 'pdf' | 'docx';

export interface RenderOptions {
  registry: FontRegistry;
  /** needed for DOCX */
  subsetter?: HbSubsetter;
  /** raw deflate for the DOCX zip (Node: node:zlib's); without one, fflate's is loaded */
  deflate?: DeflateRaw;
  crc32?: Crc32;
  formats: Format[];
  creationDate?: Date;
  allowFontFallback?: boolean;
  /** resource limits; unset ones take DEFAULT_LIMITS (src/limits.ts) */
  limits?: Partial<Limits>;
}

export interface RenderResult {
  pdf?: Uint8Array;
  docx?: Uint8Array;
  laidOut: LaidOutDocument;
}

/** Validates, lays out once, and renders each requested format from the same layout. */
export async function renderReport(input: unknown, opts: RenderOptions): Promise<RenderResult> {
  const limits = resolveLimits(opts.limits);
  if (opts.creationDate && !yearInRange(opts.creationDate))
    throw new InputError([{ path: 'creationDate', message: `日期 ${String(opts.creationDate)} 不在 ${MIN_YEAR}–${MAX_YEAR} 年之间（DOCX 压缩包的时间只能记到 2099 年）` }]);
  const doc: ReportDocument = parseReport(input, limits);
  const laidOut = layoutDocument(doc, { registry: opts.registry, creationDate: opts.creationDate, allowFontFallback: opts.allowFontFallback, limits });
  const out: RenderResult = { laidOut };
  if (opts.formats.includes('pdf')) out.pdf = await renderPdf(laidOut);
  if (opts.formats.includes('docx')) {
    if (!opts.subsetter) throw new Error('DOCX output needs a harfbuzz subsetter (RenderOptions.subsetter)');
    out.docx = await renderDocx(laidOut, { subsetter: opts.subsetter, deflate: opts.deflate, crc32: opts.crc32 });
  }
  return out;
}

export { layoutDocument, parseReport, renderPdf, renderDocx };
export type { Crc32, DeflateRaw, DocxOptions } from './render/docx/index.js';
