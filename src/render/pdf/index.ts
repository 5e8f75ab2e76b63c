/// <reference path="./pdfkit.d.ts" />
import type PDFDocument from 'pdfkit/js/pdfkit.es.js';
import { InputError } from '../../errors.js';
import type { HbSubsetter } from '../../fonts/hb-subset.js';
import type { ImageOp, LaidOutDocument, LaidPage, TextOp } from '../../layout/types.js';
import type { PdfSettings } from '../../model/document.js';
import { createDocument } from './document.js';
import { PdfFont } from './font.js';
import { concatBytes } from '../../bytes.js';

/** PDF numbers: at most three decimals, no exponent, no trailing zeros (stable bytes). */
const num = (n: number) => String(Math.round(n * 1000) / 1000);

/**
 * pdfmake creates the document (document.ts: info, version, PDF/A, permissions) and renders its one blank
 * page; the laid-out pages are drawn on the pdfkit document it returns.
 * Every position comes from the layout: text is written as glyph runs at the layout's x and baseline, so
 * nothing is measured or shaped again; rules and images as they are placed.
 */
export interface PdfOptions {
  /** harfbuzz makes the embedded subsets (fast, glyph ids kept); without it, fontkit's subsetter does */
  subsetter?: HbSubsetter;
  /** deflates the font programs (zlib format, the bytes pdfkit's zlib.deflateSync gives); else pdfkit does */
  fontFileDeflate?: (data: Uint8Array) => Uint8Array;
  /** document-level settings over the model's meta.pdf (CLI --pdfa, --owner-password …) */
  pdf?: PdfSettings;
}

export async function renderPdf(doc: LaidOutDocument, opts: PdfOptions = {}): Promise<Uint8Array> {
  const pdf = await createDocument(doc, opts.pdf);
  const chunks: Uint8Array[] = [];
  const done = new Promise<void>((resolve, reject) => {
    // drained on 'readable' as pdfmake's getBuffer does: the browser's stream shim queues what pdfkit writes
    // before a reader is attached (the header) and hands it out through read()
    pdf.on('readable', () => {
      let c: Uint8Array | null;
      while ((c = pdf.read()) !== null) chunks.push(c);
    });
    pdf.on('end', resolve);
    pdf.on('error', reject);
  });
  const fonts = new Map<string, PdfFont>();
  const fontOf = (key: string) => {
    let f = fonts.get(key);
    if (!f) {
      const id = `F${++pdf._fontCount}`;
      f = new PdfFont(pdf, doc.used.get(key)!.face, id, opts.subsetter, opts.fontFileDeflate);
      fonts.set(key, f);
      pdf._fontFamilies[id] = f; // pdfkit embeds every font it knows when the document ends
    }
    return f;
  };
  // every glyph is known before the first page is written, so the subsets are made once, up front
  for (const page of doc.pages) for (const op of page.ops) if (op.kind === 'text') for (const p of op.pieces) fontOf(p.face.key).collect(p.text, p.vert, p.verticalForms);
  for (const f of fonts.values()) f.seal();
  doc.pages.forEach((page, i) => {
    // page 1 is the blank page pdfmake rendered from the empty content
    if (i > 0) pdf.addPage({ size: [doc.page.width, doc.page.height], margin: 0 });
    drawPage(pdf, page, fontOf);
  });
  try {
    pdf.end();
  } catch (e) {
    // PDF/A: pdfkit reads its sRGB profile from a file when the document ends; the browser build has no files
    if ((opts.pdf?.standard ?? doc.meta.pdf?.standard) && /file system/.test(String((e as Error)?.message)))
      throw new InputError([{ path: 'meta.pdf.standard', message: 'PDF/A-2b 需要 pdfkit 的 sRGB 色彩配置文件，只能在 Node（库、命令行、HTTP）中生成，浏览器版不支持' }]);
    throw e;
  }
  await done;
  return concatBytes(chunks);
}

/** Rules first (as the pdfmake renderer drew them), then text and images in the layout's order. */
function drawPage(pdf: PDFDocument, page: LaidPage, fontOf: (key: string) => PdfFont): void {
  // pdfkit's page content starts in a y-down system (origin top left), which is the layout's.
  let rules = '';
  let width = -1;
  for (const op of page.ops) {
    if (op.kind !== 'rule') continue;
    if (op.width !== width) rules += `${num((width = op.width))} w\n`;
    rules += `${num(op.x1)} ${num(op.y1)} m ${num(op.x2)} ${num(op.y2)} l S\n`;
  }
  if (rules) pdf.addContent(`q 0 G 2 J\n${rules}Q`);
  let text = '';
  const flip = `q 1 0 0 -1 0 ${num(pdf.page.height)} cm\n`;
  for (const op of page.ops) {
    // Each text op is its own q/Q group with the y-up text space, as pdfkit writes a text fragment: the text
    // state cannot leak into the next op, and extractors (pdfjs, pdftotext) split items where the layout did.
    if (op.kind === 'text') text += `${flip}${textOp(pdf, op, fontOf)}Q\n`;
    else if (op.kind === 'image') {
      if (text) pdf.addContent(text);
      text = '';
      drawImage(pdf, op);
    }
  }
  if (text) pdf.addContent(text);
}

function textOp(pdf: PDFDocument, op: TextOp, fontOf: (key: string) => PdfFont): string {
  const y = num(pdf.page.height - op.baseline);
  const tc = op.charSpacing ?? 0;
  let s = tc ? `BT\n${num(tc)} Tc\n` : 'BT\n';
  let tfNow = '';
  let x = op.x;
  for (const p of op.pieces) {
    const font = fontOf(p.face.key);
    pdf.page.fonts[font.id] ??= font.ref();
    const tf = `/${font.id} ${num(p.size)} Tf`;
    if (tf !== tfNow) s += `${(tfNow = tf)}\n`;
    s += `1 0 0 1 ${num(x)} ${y} Tm <${font.encode(p.text, p.vert, p.verticalForms)}> Tj\n`;
    x += p.width + tc * [...p.text].length;
  }
  return `${s}ET\n`;
}

function drawImage(pdf: PDFDocument, op: ImageOp): void {
  const bytes = op.data.buffer.slice(op.data.byteOffset, op.data.byteOffset + op.data.byteLength) as ArrayBuffer;
  pdf.image(bytes, op.x, op.y, { width: op.w, height: op.h });
}
