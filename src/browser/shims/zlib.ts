/** Node's zlib as pdfkit and pdfmake use it, on fflate (the same deflate the DOCX zip uses). */
import { Buffer } from 'buffer';
import { unzlibSync, zlibSync } from 'fflate';

export function deflateSync(data: Uint8Array): Buffer {
  const out = zlibSync(data);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
export function inflateSync(data: Uint8Array): Buffer {
  const out = unzlibSync(data);
  return Buffer.from(out.buffer, out.byteOffset, out.byteLength);
}
export default { deflateSync, inflateSync };
