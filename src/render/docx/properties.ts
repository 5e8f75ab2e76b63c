/**
 * docProps/core.xml, given to docx as an override: docx dates it with the current time, the document has one
 * date (meta.creationDate, SOURCE_DATE_EPOCH). docx writes docProps/app.xml.
 */
import type { LaidOutDocument } from '../../layout/types.js';
import { XML_DECLARATION, text } from './xml.js';

/** W3CDTF without milliseconds, as Word writes it. */
export const w3cdtf = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

export function coreProperties(meta: LaidOutDocument['meta']): string {
  const el = (name: string, value: string | undefined) => (value ? `<${name}>${text(value)}</${name}>` : '');
  const author = meta.author ?? 'cjk-report';
  const date = w3cdtf(meta.creationDate);
  return (
    `${XML_DECLARATION}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    'xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">' +
    el('dc:title', meta.title) +
    el('dc:subject', meta.subject) +
    el('dc:creator', author) +
    el('cp:keywords', meta.keywords?.join(', ')) +
    el('cp:lastModifiedBy', author) +
    '<cp:revision>1</cp:revision>' +
    `<dcterms:created xsi:type="dcterms:W3CDTF">${date}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${date}</dcterms:modified>` +
    '</cp:coreProperties>'
  );
}
