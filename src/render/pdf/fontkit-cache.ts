import { createRequire } from 'node:module';
import { parseFont } from '../../fonts/face.js';

let installed = false;

/**
 * pdfkit parses each font again for every document (~100 ms for a CJK font). Its fontkit is the CommonJS
 * build; route its `create` through our process-wide parsed-font cache, keyed by the byte array we hand
 * to pdfmake's virtual file system (which passes the same object on).
 */
export function shareParsedFonts(): void {
  if (installed) return;
  installed = true;
  try {
    const require = createRequire(import.meta.url);
    const cjs = require(require.resolve('fontkit', { paths: [require.resolve('pdfkit')] })) as { create: (b: Uint8Array, n?: string) => unknown };
    const original = cjs.create;
    cjs.create = (bytes: Uint8Array, name?: string) => (name ? original(bytes, name) : parseFont(bytes));
  } catch {
    // not in Node (a bundle): pdfkit parses per document, slower but correct
  }
}
