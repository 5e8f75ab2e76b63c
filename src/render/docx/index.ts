/**
 * DOCX from the laid-out document, written as WordprocessingML text by this folder's small serializer
 * (one file per concept of the format) and zipped with an injected deflate. It translates what the
 * layout decided; Word and LibreOffice break the lines of flow paragraphs and the pages themselves.
 */
import type { HbSubsetter } from '../../fonts/hb-subset.js';
import type { LaidOutDocument } from '../../layout/types.js';
import { CONTENT_TYPE, contentTypes } from './content-types.js';
import { documentPart } from './document.js';
import { embeddedFonts, fontTable } from './fonts.js';
import { headersAndFooters } from './header-footer.js';
import { appProperties, coreProperties } from './properties.js';
import { REL, type Relationship, relationships } from './relationships.js';
import type { HeaderFooterRef } from './section.js';
import { settings } from './settings.js';
import { styles } from './styles.js';
import { type Crc32, type DeflateRaw, type ZipEntry, zip } from './zip.js';

export type { Crc32, DeflateRaw } from './zip.js';

export interface DocxOptions {
  /** harfbuzz subsetter for the embedded fonts (LibreOffice ignores fontkit subsets) */
  subsetter: HbSubsetter;
  /** raw deflate: Node passes node:zlib's; without one, fflate's is loaded */
  deflate?: DeflateRaw;
  /** CRC-32 of the zip entries: Node passes zlib.crc32 where it exists; without one, a table-driven one */
  crc32?: Crc32;
}

/**
 * Deflate levels: XML shrinks ~30× and costs little at 6; the embedded fonts are most of the bytes and
 * gain ~4% from 1 to 6 (level 9 adds nothing more); images are already compressed.
 */
const LEVEL = { xml: 6, font: 6, image: 0 } as const;

let fflateDeflate: Promise<DeflateRaw> | undefined;
/** fflate only where no deflate was given (the browser bundle), loaded on first use. */
function defaultDeflate(): Promise<DeflateRaw> {
  fflateDeflate ??= import('fflate').then((f) => (data: Uint8Array, level: number) => f.deflateSync(data, { level: level as 6 }));
  return fflateDeflate;
}

export async function renderDocx(doc: LaidOutDocument, opts: DocxOptions): Promise<Uint8Array> {
  return packageDocx(doc, opts.subsetter, opts.deflate ?? (await defaultDeflate()), opts.crc32);
}

/** Every part of the package, in a fixed order, zipped. */
export function packageDocx(doc: LaidOutDocument, hb: HbSubsetter, deflate: DeflateRaw, crc32?: Crc32): Uint8Array {
  const enc = new TextEncoder();
  const entries: ZipEntry[] = [];
  const xmlPart = (path: string, xml: string) => entries.push({ path, data: enc.encode(xml), level: LEVEL.xml });
  const overrides: [string, string][] = [];
  const extensions = new Set(['rels', 'xml']);

  const docRels: Relationship[] = [
    { id: 'rId1', type: REL.styles, target: 'styles.xml' },
    { id: 'rId2', type: REL.settings, target: 'settings.xml' },
    { id: 'rId3', type: REL.fontTable, target: 'fontTable.xml' },
  ];
  const hf = headersAndFooters(doc.page);
  const refs: HeaderFooterRef[] = [];
  const hfParts: [string, string][] = [];
  const count = { header: 0, footer: 0 };
  for (const p of hf.parts) {
    const name = `${p.kind}${++count[p.kind]}.xml`;
    const id = `rId${docRels.length + 1}`;
    docRels.push({ id, type: REL[p.kind], target: name });
    refs.push({ kind: p.kind, type: p.type, relId: id });
    hfParts.push([`word/${name}`, p.xml]);
    overrides.push([`word/${name}`, CONTENT_TYPE[p.kind]]);
  }
  const firstImageRel = docRels.length + 1;
  const body = documentPart(doc, refs, (n) => `rId${firstImageRel + n - 1}`);
  const media = body.images.map(({ relId, image }, k) => {
    const path = `media/image${k + 1}.${image.format}`;
    docRels.push({ id: relId, type: REL.image, target: path });
    extensions.add(image.format);
    return { path: `word/${path}`, data: image.data, level: LEVEL.image };
  });
  const fonts = fontTable(embeddedFonts(doc, hb));
  if (fonts.files.length) extensions.add('odttf');

  overrides.unshift(
    ['word/document.xml', CONTENT_TYPE.document],
    ['word/styles.xml', CONTENT_TYPE.styles],
    ['word/settings.xml', CONTENT_TYPE.settings],
    ['word/fontTable.xml', CONTENT_TYPE.fontTable],
  );
  overrides.push(['docProps/core.xml', CONTENT_TYPE.coreProperties], ['docProps/app.xml', CONTENT_TYPE.extendedProperties]);

  xmlPart('[Content_Types].xml', contentTypes(extensions, overrides));
  xmlPart(
    '_rels/.rels',
    relationships([
      { id: 'rId1', type: REL.officeDocument, target: 'word/document.xml' },
      { id: 'rId2', type: REL.coreProperties, target: 'docProps/core.xml' },
      { id: 'rId3', type: REL.extendedProperties, target: 'docProps/app.xml' },
    ]),
  );
  xmlPart('docProps/core.xml', coreProperties(doc.meta));
  xmlPart('docProps/app.xml', appProperties());
  xmlPart('word/document.xml', body.xml);
  xmlPart('word/_rels/document.xml.rels', relationships(docRels));
  xmlPart('word/styles.xml', styles(doc));
  xmlPart('word/settings.xml', settings({ evenAndOddHeaders: hf.evenAndOdd }));
  xmlPart('word/fontTable.xml', fonts.xml);
  xmlPart('word/_rels/fontTable.xml.rels', fonts.rels);
  for (const [path, xml] of hfParts) xmlPart(path, xml);
  entries.push(...media);
  for (const f of fonts.files) entries.push({ path: f.path, data: f.data, level: LEVEL.font });
  return zip(entries, doc.meta.creationDate, deflate, crc32);
}
