import { CharacterSet, Document, ImageRun, LineRuleType, Packer, Paragraph, type FileChild } from 'docx';
import type { Face } from '../../fonts/face.js';
import type { HbSubsetter } from '../../fonts/hb-subset.js';
import { type LaidOutDocument, pageNumberChars } from '../../layout/index.js';
import { toTwips } from '../../layout/units.js';
import { type Unzipped, strToU8, unzipSync } from 'fflate';
import { finalizeDocx } from './finalize.js';
import { headersFooters, sectionPage } from './page.js';
import { alignment, paragraphOf } from './paragraph.js';
import { documentStyles } from './styles.js';
import { tableOf } from './table.js';

export interface DocxOptions {
  /** harfbuzz subsetter for the embedded fonts (LibreOffice ignores fontkit subsets) */
  subsetter: HbSubsetter;
}


/** The used fonts as harfbuzz subsets, regular and bold per family, for embedding. */
function embeddedFonts(doc: LaidOutDocument, hb: HbSubsetter) {
  // Word may draw page-number fields in any used family; the text itself does not show their characters.
  const fieldChars = doc.page.numbers ? pageNumberChars(doc.page.numbers.parts) : new Set<number>();
  const families = new Map<string, { regular?: Face; bold?: Face; cps: Set<number>; boldCps: Set<number> }>();
  for (const { face, codePoints } of doc.used.values()) {
    const f = families.get(face.family) ?? { cps: new Set<number>(fieldChars), boldCps: new Set<number>() };
    if (face.bold) {
      f.bold = face;
      for (const c of codePoints) f.boldCps.add(c);
    } else {
      f.regular = face;
      for (const c of codePoints) f.cps.add(c);
    }
    families.set(face.family, f);
  }
  const faces = new Map<string, Face>();
  const fonts = [...families].map(([name, f]) => {
    const regular = f.regular ?? f.bold!;
    faces.set(name, regular);
    const data = hb.subset(regular.bytes, f.regular ? f.cps : new Set([...f.cps, ...f.boldCps]));
    const bold = f.bold && f.bold.bytes !== regular.bytes ? hb.subset(f.bold.bytes, f.boldCps) : undefined;
    return { name, data: toBuffer(data), ...(bold ? { bold: toBuffer(bold) } : {}), characterSet: CharacterSet.GB_2312 };
  });
  return { fonts, faces };
}

function toBuffer(u: Uint8Array): Buffer {
  return (typeof Buffer !== 'undefined' ? Buffer.from(u.buffer, u.byteOffset, u.byteLength) : u) as Buffer;
}

/** Translates the laid-out document into a Word document; Word and LibreOffice break lines and pages. */
export async function renderDocx(doc: LaidOutDocument, opts: DocxOptions): Promise<Uint8Array> {
  const children: FileChild[] = [];
  let pendingBreak = false;
  for (const b of doc.flow) {
    if (b.kind === 'pageBreak') {
      pendingBreak = true;
      continue;
    }
    if (b.kind === 'paragraph') {
      children.push(paragraphOf(b, pendingBreak));
    } else if (b.kind === 'table') {
      // Tables cannot break a page themselves: a hairline paragraph carries the break.
      if (pendingBreak) children.push(new Paragraph({ pageBreakBefore: true, children: [], spacing: { before: 0, after: 0, line: 20, lineRule: LineRuleType.EXACT } }));
      children.push(tableOf(b));
      // Word needs a paragraph between two tables, or it merges them.
      children.push(new Paragraph({ children: [], spacing: { before: 0, after: 0, line: toTwips(b.spaceAfter), lineRule: LineRuleType.EXACT } }));
    } else if (b.kind === 'image') {
      const px = (pt: number) => Math.round((pt * 96) / 72);
      children.push(
        new Paragraph({
          pageBreakBefore: pendingBreak,
          alignment: alignment(b.align),
          children: [new ImageRun({ type: b.format, data: toBuffer(b.data), transformation: { width: px(b.width), height: px(b.height) } })],
        }),
      );
    }
    pendingBreak = false;
  }
  const { fonts, faces } = embeddedFonts(doc, opts.subsetter);
  const hf = headersFooters(doc);
  const m = doc.meta;
  const file = new Document({
    title: m.title,
    subject: m.subject,
    creator: m.author ?? 'cjk-report',
    lastModifiedBy: m.author ?? 'cjk-report',
    keywords: m.keywords?.join(', '),
    revision: 1,
    fonts,
    styles: documentStyles(doc),
    evenAndOddHeaderAndFooters: hf.evenAndOdd,
    sections: [{ properties: { page: sectionPage(doc) }, headers: hf.headers, footers: hf.footers, children }],
  });
  return finalizeDocx(await packageParts(file), faces, m.creationDate);
}

/**
 * The package's parts before zipping. docx's own compiler gives them directly (saving a deflate and an
 * inflate of every embedded font); if a docx release hides it, unzip what Packer writes.
 */
async function packageParts(file: Document): Promise<Unzipped> {
  const compiler = (Packer as unknown as { compiler?: { compile(f: Document): Map<string, string | Uint8Array> } }).compiler;
  if (compiler?.compile) {
    const out: Unzipped = {};
    for (const [path, data] of compiler.compile(file)) out[path] = typeof data === 'string' ? strToU8(data) : new Uint8Array(data);
    return out;
  }
  return unzipSync(new Uint8Array(await Packer.toArrayBuffer(file)));
}
