/**
 * DOCX from the laid-out document. docx's `Document` and `Packer` write the package: content types,
 * relationships, core and app properties, styles, the section's headers and footers (PAGE / NUMPAGES
 * fields), theme and the other parts Word expects. The project's writer gives what docx's object tree
 * would cost too much for, or cannot say, as overrides of whole parts (package.ts): the body
 * (word/document.xml), the font table with the obfuscated font subsets, the settings and the dates.
 */
import { Document, ImageRun, Packer, PageOrientation, Paragraph, hashedId } from 'docx';
import type { HbSubsetter } from '../../fonts/hb-subset.js';
import type { LaidImage, LaidOutDocument } from '../../layout/types.js';
import { toTwips } from '../../layout/units.js';
import { type Crc32, crc32 } from './crc32.js';
import { documentPart } from './document.js';
import { embeddedFonts, fontTable } from './fonts.js';
import { headersAndFooters } from './header-footer.js';
import { type DeflateRaw, type Part, repack } from './package.js';
import { coreProperties } from './properties.js';
import type { HeaderFooterRef } from './section.js';
import { settings } from './settings.js';
import { documentStyles } from './styles.js';

export type { Crc32 } from './crc32.js';
export type { DeflateRaw } from './package.js';

export interface DocxOptions {
  /** harfbuzz subsetter for the embedded fonts (LibreOffice ignores fontkit subsets) */
  subsetter: HbSubsetter;
  /** raw deflate: Node passes node:zlib's (with a memo for the fonts); without one, fflate's is loaded */
  deflate?: DeflateRaw;
  /** CRC-32 of the zip entries: Node passes zlib.crc32 where it exists; without one, a table-driven one */
  crc32?: Crc32;
}

let fflateDeflate: Promise<DeflateRaw> | undefined;
/** fflate only where no deflate was given (the browser bundle), loaded on first use. */
function defaultDeflate(): Promise<DeflateRaw> {
  fflateDeflate ??= import('fflate').then((f) => (data: Uint8Array, level: number) => f.deflateSync(data, { level: level as 6 }));
  return fflateDeflate;
}

export async function renderDocx(doc: LaidOutDocument, opts: DocxOptions): Promise<Uint8Array> {
  const { file, overrides, late } = buildDocx(doc, opts.subsetter);
  const packed = new Uint8Array(await Packer.toArrayBuffer(file, false, overrides));
  return repack(packed, late, doc.meta.creationDate, opts.deflate ?? (await defaultDeflate()), opts.crc32 ?? crc32);
}

/**
 * docx's Document for the layout, the small parts docx is told to write as given (`overrides`), and the
 * two large ones set when the package is rezipped (`late`: the body and the font programs, which Packer
 * would only deflate with fflate for repack to inflate again).
 */
export function buildDocx(doc: LaidOutDocument, hb: HbSubsetter): { file: Document; overrides: { path: string; data: string }[]; late: Part[] } {
  const g = doc.page;
  const m = doc.meta;
  const hf = headersAndFooters(g);
  // every picture in the order the body refers to them: flow images and pictures in table cells (the 任免表's
  // photo); the body's own walk finds them, a first pass only when there are any
  const hasImages = doc.flow.some((b) => b.kind === 'image' || (b.kind === 'table' && b.cells.some((c) => c.image)));
  const images: LaidImage[] = hasImages ? documentPart(doc, [], () => '').images.map((i) => i.image) : [];
  const author = m.author ?? 'cjk-report';
  const file = new Document({
    title: m.title,
    ...(m.subject ? { subject: m.subject } : {}),
    ...(m.keywords?.length ? { keywords: m.keywords.join(', ') } : {}),
    creator: author,
    lastModifiedBy: author,
    revision: 1,
    ...(hf.evenAndOdd ? { evenAndOddHeaderAndFooters: true } : {}),
    styles: documentStyles(doc),
    sections: [
      {
        properties: {
          page: {
            // docx swaps width and height for landscape itself
            size: { width: toTwips(g.landscape ? g.height : g.width), height: toTwips(g.landscape ? g.width : g.height), orientation: g.landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
            margin: { top: toTwips(g.margins.top), right: toTwips(g.margins.right), bottom: toTwips(g.margins.bottom), left: toTwips(g.margins.left), header: toTwips(g.headerDistance), footer: toTwips(g.footerDistance), gutter: 0 },
          },
        },
        headers: hf.headers,
        footers: hf.footers,
        // each image once, so docx adds the media part and its relationship (the body below refers to them)
        children: images.map((img) => new Paragraph({ children: [new ImageRun({ type: img.format, data: img.data, transformation: { width: 1, height: 1 } })] })),
      },
    ],
  });
  // relationship ids as docx gives them: headers and footers in the order made, then the media in order of
  // first use (docx keys media by content), right after the document's other relationships
  const refs: HeaderFooterRef[] = [];
  const types = (o: object) => (['default', 'even'] as const).filter((t) => t in o && (o as Record<string, unknown>)[t]);
  types(hf.headers).forEach((type, i) => refs.push({ kind: 'header', type, relId: `rId${file.Headers[i].View.ReferenceId}` }));
  types(hf.footers).forEach((type, i) => refs.push({ kind: 'footer', type, relId: `rId${file.Footers[i].View.ReferenceId}` }));
  const base = file.Document.Relationships.RelationshipCount + 1;
  const media = new Map<string, number>();
  const imageRel = images.map((img) => {
    const key = `${hashedId(img.data)}.${img.format}`;
    if (!media.has(key)) media.set(key, media.size);
    return `rId${base + media.get(key)!}`;
  });
  const body = documentPart(doc, refs, (n) => imageRel[n - 1]);
  const fonts = fontTable(embeddedFonts(doc, hb));
  const enc = new TextEncoder();
  return {
    file,
    overrides: [
      // docx writes no w:characterSpacingControl (LibreOffice then compresses CJK punctuation) and embeds fonts only with random keys
      { path: 'word/settings.xml', data: settings({ evenAndOddHeaders: hf.evenAndOdd, embedFonts: fonts.files.length > 0 }) },
      // docx dates core.xml with the current time; the document has one date (SOURCE_DATE_EPOCH)
      { path: 'docProps/core.xml', data: coreProperties(m) },
      { path: 'word/fontTable.xml', data: fonts.xml },
      { path: 'word/_rels/fontTable.xml.rels', data: fonts.rels },
    ],
    late: [{ path: 'word/document.xml', data: enc.encode(body.xml), level: 6 }, ...fonts.files.map((f) => ({ path: f.path, data: f.data, level: 6 }))],
  };
}
