import pdfmake from 'pdfmake';
import type { LaidOutDocument, TextOp } from '../../layout/types.js';

/* pdfmake's types lag its 0.3 API; the few shapes used here are declared locally. */
type Content = Record<string, unknown>;
interface PdfMake {
  virtualfs: { writeFileSync(name: string, data: Uint8Array): void; existsSync(name: string): boolean };
  addFonts(f: Record<string, { normal: string }>): void;
  setUrlAccessPolicy(cb: (url: string) => boolean): void;
  setLocalAccessPolicy(cb: (path: string) => boolean): void;
  createPdf(def: Content): { getBuffer(): Promise<Buffer> };
}
const pm = pdfmake as unknown as PdfMake;
pm.setUrlAccessPolicy(() => false);
pm.setLocalAccessPolicy(() => false);

const registered = new Map<string, Uint8Array>();

/** Each face is one pdfmake family (bold faces are their own family), registered once per process. */
function registerFonts(doc: LaidOutDocument): void {
  for (const { face } of doc.used.values()) {
    if (registered.get(face.key) === face.bytes) continue;
    const file = `cjk-report/${registered.size}-${face.key.replace(/[^A-Za-z0-9]+/g, '_')}.ttf`;
    pm.virtualfs.writeFileSync(file, face.bytes);
    pm.addFonts({ [face.key]: { normal: file } });
    registered.set(face.key, face.bytes);
  }
}

function textNode(op: TextOp): Content {
  // pdfmake puts a line's top at y and its baseline one (largest) ascender lower.
  const ascent = Math.max(...op.pieces.map((p) => p.face.ascent * p.size));
  return {
    text: op.pieces.map((p) => ({ text: p.text, font: p.face.key, fontSize: p.size, ...(p.vert ? { fontFeatures: ['vert'] } : {}) })),
    absolutePosition: { x: op.x, y: op.baseline - ascent },
    noWrap: true,
    lineHeight: 1,
    ...(op.charSpacing ? { characterSpacing: op.charSpacing } : {}),
  };
}

function dataUrl(data: Uint8Array): string {
  const png = data[0] === 0x89;
  const b64 = typeof Buffer !== 'undefined' ? Buffer.from(data).toString('base64') : btoa(Array.from(data, (b) => String.fromCharCode(b)).join(''));
  return `data:image/${png ? 'png' : 'jpeg'};base64,${b64}`;
}

/** Draws the laid-out pages. Every position comes from the layout; pdfmake only draws and embeds. */
export async function renderPdf(doc: LaidOutDocument): Promise<Uint8Array> {
  registerFonts(doc);
  const first = doc.used.values().next().value?.face.key;
  const content: Content[] = doc.pages.map((page, i) => {
    const stack: Content[] = [];
    const rules = page.ops.filter((o) => o.kind === 'rule');
    if (rules.length)
      stack.push({
        canvas: rules.map((l) => ({ type: 'line', x1: l.x1, y1: l.y1, x2: l.x2, y2: l.y2, lineWidth: l.width, lineCap: 'square' })),
        absolutePosition: { x: 0, y: 0 },
      });
    for (const op of page.ops) {
      if (op.kind === 'text') stack.push(textNode(op));
      else if (op.kind === 'image') stack.push({ image: dataUrl(op.data), width: op.w, height: op.h, absolutePosition: { x: op.x, y: op.y } });
    }
    // keeps an empty page a page; a document that draws no text at all has no font for it (found by fuzzing)
    stack.push(first ? { text: '' } : { canvas: [] });
    return { stack, ...(i > 0 ? { pageBreak: 'before' } : {}) };
  });
  const m = doc.meta;
  const def: Content = {
    pageSize: { width: doc.page.width, height: doc.page.height },
    pageMargins: [0, 0, 0, 0], // every position is absolute; margins would only make pdfmake break pages itself
    defaultStyle: { font: first, fontSize: 1 },
    content,
    compress: true,
    info: {
      title: m.title,
      author: m.author,
      subject: m.subject,
      keywords: m.keywords?.join(', '),
      creator: 'cjk-report',
      producer: 'cjk-report (pdfmake)',
      creationDate: m.creationDate,
      modDate: m.creationDate,
    },
  };
  const buf = await pm.createPdf(def).getBuffer();
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
}
