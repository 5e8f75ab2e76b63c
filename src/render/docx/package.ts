/**
 * The package's bytes: docx's Packer output, unzipped with fflate and zipped again with fflate's Zip, so
 * the bytes are reproducible (Packer stamps every entry with the current time): every entry carries the
 * document's date, [Content_Types].xml comes first, and the parts the project writes (`late`) replace
 * docx's at their place. Entries are deflated with the injected deflate (node:zlib with a memo for the
 * font programs on Node, fflate in the browser).
 */
import { Zip, type ZipInputFile, unzipSync } from 'fflate';
import type { Crc32 } from './crc32.js';
import { concatBytes } from '../../bytes.js';

/** Raw DEFLATE (RFC 1951, no zlib header) at a level 1–9. */
export type DeflateRaw = (data: Uint8Array, level: number) => Uint8Array;

export interface Part {
  path: string;
  data: Uint8Array;
  /** 0 stores the data as is (already-compressed images) */
  level: number;
}

const CONTENT_TYPES = '[Content_Types].xml';

/** A zip timestamp whose local-time fields are the instant's UTC fields (fflate reads local time), 1980–2099. */
export function zipTime(d: Date): Date {
  const t = Math.min(Math.max(d.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2099, 11, 31, 23, 59, 58));
  const u = new Date(t);
  return new Date(u.getUTCFullYear(), u.getUTCMonth(), u.getUTCDate(), u.getUTCHours(), u.getUTCMinutes(), u.getUTCSeconds());
}

export function repack(packed: Uint8Array, late: Part[], when: Date, deflate: DeflateRaw, crc: Crc32): Uint8Array {
  const docx = unzipSync(packed);
  const replace = new Map(late.map((p) => [p.path, p]));
  const paths = [CONTENT_TYPES, ...Object.keys(docx).filter((p) => p !== CONTENT_TYPES)];
  for (const p of late) if (!(p.path in docx)) paths.push(p.path);
  const parts: Part[] = paths.map((path) => replace.get(path) ?? { path, data: docx[path], level: /\.(png|jpe?g|gif)$/i.test(path) ? 0 : 6 });
  return zip(parts, zipTime(when), deflate, crc);
}

function zip(parts: Part[], mtime: Date, deflate: DeflateRaw, crc: Crc32): Uint8Array {
  const chunks: Uint8Array<ArrayBufferLike>[] = [];
  let failure: Error | null = null;
  const z = new Zip((err, chunk) => {
    if (err) failure = err;
    else chunks.push(chunk);
  });
  for (const p of parts) {
    const packed = p.level > 0 ? deflate(p.data, p.level) : undefined;
    const stored = !packed || packed.length >= p.data.length;
    // an entry whose bytes are ready: fflate writes the headers, sizes and CRC as given
    const entry: ZipInputFile = { filename: p.path, size: p.data.length, crc: crc(p.data), compression: stored ? 0 : 8, mtime };
    z.add(entry);
    entry.ondata!(null, (stored ? p.data : packed!) as Uint8Array<ArrayBuffer>, true);
  }
  z.end();
  if (failure) throw failure;
  return concatBytes(chunks);
}
