/**
 * The package's zip (APPNOTE 6.3: local headers, central directory, end record; no ZIP64, no data
 * descriptors). Reproducible: entries in the order given, every timestamp the document's date (UTC), no
 * extra fields. The deflate function is injected: node:zlib on Node, fflate in the browser.
 */

/** Raw DEFLATE (RFC 1951, no zlib header) at a level 1–9. */
export type DeflateRaw = (data: Uint8Array, level: number) => Uint8Array;
export type Crc32 = (data: Uint8Array) => number;

export interface ZipEntry {
  path: string;
  data: Uint8Array;
  /** 0 stores the data as is (already-compressed images) */
  level: number;
}

let table: Uint32Array | undefined;

/** CRC-32 (IEEE), table-driven; Node passes zlib.crc32 where it has one. */
export const crc32: Crc32 = (data) => {
  if (!table) {
    table = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  const t = table;
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = t[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
};

/** MS-DOS date and time of a UTC instant, clamped to what they can hold (1980–2107). */
export function dosDateTime(d: Date): { date: number; time: number } {
  const t = Math.min(Math.max(d.getTime(), Date.UTC(1980, 0, 1)), Date.UTC(2107, 11, 31, 23, 59, 58));
  const u = new Date(t);
  return {
    date: ((u.getUTCFullYear() - 1980) << 9) | ((u.getUTCMonth() + 1) << 5) | u.getUTCDate(),
    time: (u.getUTCHours() << 11) | (u.getUTCMinutes() << 5) | (u.getUTCSeconds() >> 1),
  };
}

const encoder = new TextEncoder();

export function zip(entries: ZipEntry[], when: Date, deflate: DeflateRaw, crc: Crc32 = crc32): Uint8Array {
  if (entries.length > 0xffff) throw new RangeError('too many parts for a zip without ZIP64');
  const { date, time } = dosDateTime(when);
  const items = entries.map((e) => {
    const name = encoder.encode(e.path);
    let method = 0;
    let body = e.data;
    if (e.level > 0) {
      const packed = deflate(e.data, e.level);
      if (packed.length < e.data.length) {
        method = 8;
        body = packed;
      }
    }
    if (e.data.length > 0xfffffffe) throw new RangeError(`${e.path} is too large for a zip without ZIP64`);
    // bit 11: the name is UTF-8 (only set when it is not plain ASCII)
    const flags = name.length !== e.path.length ? 0x0800 : 0;
    return { name, method, body, flags, crc: crc(e.data), size: e.data.length };
  });
  const localSize = items.reduce((s, i) => s + 30 + i.name.length + i.body.length, 0);
  const centralSize = items.reduce((s, i) => s + 46 + i.name.length, 0);
  const out = new Uint8Array(localSize + centralSize + 22);
  const v = new DataView(out.buffer);
  let p = 0;
  const offsets: number[] = [];
  for (const i of items) {
    offsets.push(p);
    v.setUint32(p, 0x04034b50, true);
    v.setUint16(p + 4, 20, true); // version needed: 2.0 (deflate)
    v.setUint16(p + 6, i.flags, true);
    v.setUint16(p + 8, i.method, true);
    v.setUint16(p + 10, time, true);
    v.setUint16(p + 12, date, true);
    v.setUint32(p + 14, i.crc, true);
    v.setUint32(p + 18, i.body.length, true);
    v.setUint32(p + 22, i.size, true);
    v.setUint16(p + 26, i.name.length, true);
    v.setUint16(p + 28, 0, true);
    out.set(i.name, p + 30);
    out.set(i.body, p + 30 + i.name.length);
    p += 30 + i.name.length + i.body.length;
  }
  const central = p;
  items.forEach((i, k) => {
    v.setUint32(p, 0x02014b50, true);
    v.setUint16(p + 4, 20, true); // made by: MS-DOS attributes, 2.0
    v.setUint16(p + 6, 20, true);
    v.setUint16(p + 8, i.flags, true);
    v.setUint16(p + 10, i.method, true);
    v.setUint16(p + 12, time, true);
    v.setUint16(p + 14, date, true);
    v.setUint32(p + 16, i.crc, true);
    v.setUint32(p + 20, i.body.length, true);
    v.setUint32(p + 24, i.size, true);
    v.setUint16(p + 28, i.name.length, true);
    // extra length, comment length, disk, internal and external attributes: 0
    v.setUint32(p + 42, offsets[k], true);
    out.set(i.name, p + 46);
    p += 46 + i.name.length;
  });
  v.setUint32(p, 0x06054b50, true);
  v.setUint16(p + 8, items.length, true);
  v.setUint16(p + 10, items.length, true);
  v.setUint32(p + 12, p - central, true);
  v.setUint32(p + 16, central, true);
  return out;
}
