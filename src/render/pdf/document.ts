/// <reference path="./pdfkit.d.ts" />
import pdfmake from 'pdfmake';
import type PDFDocument from 'pdfkit/js/pdfkit.es.js';
import type { LaidOutDocument } from '../../layout/types.js';
import type { PdfSettings } from '../../model/document.js';

/** The libraries that write the file, named in its Producer (pack-engines.test.ts checks them against package.json). */
export const VERSION = '0.1.0';
export const PDFMAKE_VERSION = '0.3.11';
export const PDFKIT_VERSION = '0.19.1';
export const PRODUCER = `cjk-report ${VERSION} (pdfmake ${PDFMAKE_VERSION}, pdfkit ${PDFKIT_VERSION})`;

// The definition names no URL and no file, so nothing may be fetched; set only where the host application
// has not chosen its own policies (pdfmake is one shared instance), and so pdfmake does not warn on every call.
const pm = pdfmake as unknown as { urlAccessPolicy?: unknown; localAccessPolicy?: unknown; setLocalAccessPolicy?: (cb: (p: string) => boolean) => void };
if (pm.urlAccessPolicy === undefined) pdfmake.setUrlAccessPolicy(() => false);
if (pm.localAccessPolicy === undefined) pm.setLocalAccessPolicy?.(() => false); // Node build only

/**
 * pdfmake's definition for a laid-out document: everything at the document level (size, info, language,
 * version, compression, PDF/A, permissions) is pdfmake's; the content stays empty because the pages are
 * drawn from the layout. pdfmake renders that as one blank page, which becomes page 1.
 */
export function definition(doc: LaidOutDocument, override?: PdfSettings): Record<string, unknown> {
  const m = doc.meta;
  const s: PdfSettings = { ...m.pdf, ...override };
  const locked = !!(s.ownerPassword || s.userPassword);
  return {
    content: [],
    pageSize: { width: doc.page.width, height: doc.page.height },
    pageMargins: 0,
    info: {
      title: m.title,
      ...(m.author ? { author: m.author } : {}),
      ...(m.subject ? { subject: m.subject } : {}),
      ...(m.keywords?.length ? { keywords: m.keywords.join(', ') } : {}),
      creator: `cjk-report ${VERSION}`,
      producer: PRODUCER,
      creationDate: m.creationDate,
      modDate: m.creationDate,
    },
    language: 'zh-CN',
    // PDF/A-2 is built on PDF 1.7; a lock uses 1.7 extension level 3 for AES-256 (1.3 would mean 40-bit RC4)
    version: s.standard ? '1.7' : locked ? '1.7ext3' : '1.3',
    ...(s.standard ? { subset: s.standard } : {}),
    compress: s.compress ?? true,
    displayTitle: s.displayTitle ?? true,
    ...(s.ownerPassword ? { ownerPassword: s.ownerPassword } : {}),
    ...(s.userPassword ? { userPassword: s.userPassword } : {}),
    ...(s.ownerPassword ? { permissions: permissions(s) } : {}),
  };
}

/** pdfkit's permission flags: what the model leaves unset is refused, except printing (a report is printed). */
function permissions(s: PdfSettings): Record<string, unknown> {
  const p = s.permissions ?? {};
  return {
    ...(p.printing !== 'none' ? { printing: p.printing ?? 'highResolution' } : {}),
    copying: p.copying ?? false,
    modifying: p.modifying ?? false,
    annotating: p.annotating ?? false,
    fillingForms: p.fillingForms ?? false,
    contentAccessibility: p.contentAccessibility ?? true,
    documentAssembly: p.documentAssembly ?? false,
  };
}

/** The pdfkit document pdfmake made, not yet ended, with its one blank page current. */
export async function createDocument(doc: LaidOutDocument, override?: PdfSettings): Promise<PDFDocument> {
  const out = pdfmake.createPdf(definition(doc, override) as never);
  return (await out.getStream()) as unknown as PDFDocument;
}
