/**
 * The core API on bytes: no file system, no environment, no Node-only import. The HTTP handler, the
 * browser bundle and the CLI are thin shells over these functions.
 */
import type { FontRegistry } from './fonts/registry.js';
import type { HbSubsetter } from './fonts/hb-subset.js';
import { layoutDocument } from './layout/index.js';
import type { LaidOutDocument } from './layout/types.js';
import { parseReport } from './model/parse.js';
import type { ReportDocument } from './model/document.js';
import type { Crc32, DeflateRaw } from './render/docx/index.js';

/** The renderers load with their libraries (pdfkit; the DOCX writer) when a document first asks for their format. */
export const renderPdf: typeof import('./render/pdf/index.js').renderPdf = async (...args) => (await import('./render/pdf/index.js')).renderPdf(...args);
export const renderDocx: typeof import('./render/docx/index.js').renderDocx = async (...args) => (await import('./render/docx/index.js')).renderDocx(...args);

export type Format = 'pdf' | 'docx';

export interface RenderOptions {
  registry: FontRegistry;
  /** embeds font subsets: needed for DOCX; the PDF uses it when given (fontkit's slower subsetter otherwise) */
  subsetter?: HbSubsetter;
  /** raw deflate for the DOCX zip (Node: node:zlib's); without one, fflate's is loaded */
  deflate?: DeflateRaw;
  crc32?: Crc32;
  formats: Format[];
  creationDate?: Date;
  allowFontFallback?: boolean;
}

export interface RenderResult {
  pdf?: Uint8Array;
  docx?: Uint8Array;
  laidOut: LaidOutDocument;
}

/** Validates, lays out once, and renders each requested format from the same layout. */
export async function renderReport(input: unknown, opts: RenderOptions): Promise<RenderResult> {
  const doc: ReportDocument = parseReport(input);
  const laidOut = layoutDocument(doc, { registry: opts.registry, creationDate: opts.creationDate, allowFontFallback: opts.allowFontFallback });
  const out: RenderResult = { laidOut };
  if (opts.formats.includes('pdf')) out.pdf = await renderPdf(laidOut, { subsetter: opts.subsetter });
  if (opts.formats.includes('docx')) {
    if (!opts.subsetter) throw new Error('DOCX output needs a harfbuzz subsetter (RenderOptions.subsetter)');
    out.docx = await renderDocx(laidOut, { subsetter: opts.subsetter, deflate: opts.deflate, crc32: opts.crc32 });
  }
  return out;
}

export { layoutDocument, parseReport };
export type { Crc32, DeflateRaw, DocxOptions } from './render/docx/index.js';
