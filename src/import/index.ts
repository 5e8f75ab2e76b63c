/** Reads a published annual report (PDF, DOCX, HTML) back into the template's data. */
import { ImportRefusal } from './errors.js';
import type { ImportedDoc } from './grid.js';
import { type Imported, mapDoc } from './map.js';

export { ImportRefusal } from './errors.js';
export type { Imported, Note, Printed } from './map.js';
export { toYaml } from './yaml.js';

/** Which reader a file needs: by its first bytes, else by its extension. */
export function kindOf(bytes: Uint8Array, file: string): ImportedDoc['kind'] {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (head.startsWith('%PDF')) return 'pdf';
  if (head.startsWith('PK')) return 'docx';
  if (/<(!doctype html|html|meta|table|body)/i.test(head)) return 'html';
  const ext = /\.[^./\\]+$/.exec(file)?.[0].toLowerCase() ?? ''; // (no node:path: the 审核 page runs this in a browser)
  if (ext === '.pdf') return 'pdf';
  if (ext === '.docx') return 'docx';
  if (ext === '.html' || ext === '.htm') return 'html';
  throw new ImportRefusal('unsupported-file', file);
}

export async function readDoc(bytes: Uint8Array, file: string): Promise<ImportedDoc> {
  const kind = kindOf(bytes, file);
  if (kind === 'pdf') return (await import('./pdf.js')).readPdf(bytes, file);
  if (kind === 'docx') return (await import('./docx.js')).readDocx(bytes, file);
  return (await import('./html.js')).readHtml(bytes, file);
}

export async function importReport(bytes: Uint8Array, file: string): Promise<Imported> {
  return mapDoc(await readDoc(bytes, file), file);
}
