/**
 * The one reader of an sfnt (TrueType/OpenType) table directory, for the validator, the subsetter and the
 * web-assets builder. Offsets are not checked here: validateFont checks them against the file's length.
 */
export interface TableRecord {
  offset: number;
  length: number;
}

export function sfntTables(bytes: Uint8Array): Map<string, TableRecord> {
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const tables = new Map<string, TableRecord>();
  const count = dv.getUint16(4);
  for (let i = 0; i < count && 12 + 16 * (i + 1) <= bytes.length; i++) {
    const at = 12 + 16 * i;
    tables.set(String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]), { offset: dv.getUint32(at + 8), length: dv.getUint32(at + 12) });
  }
  return tables;
}

/** maxp.numGlyphs. */
export function sfntNumGlyphs(bytes: Uint8Array, tables = sfntTables(bytes)): number {
  const maxp = tables.get('maxp');
  if (!maxp) throw new Error('no maxp table');
  return new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint16(maxp.offset + 4);
}

/**
 * True when some glyph of a glyf/loca font has outline data: in a bitmap-only font (or one whose outlines
 * were stripped) every loca entry is the same offset, every glyph empty, and every page would come out blank.
 */
export function glyfHasOutlines(bytes: Uint8Array, tables = sfntTables(bytes)): boolean {
  const head = tables.get('head');
  const loca = tables.get('loca');
  if (!head || !loca) return false;
  const dv = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const long = dv.getInt16(head.offset + 50) === 1; // indexToLocFormat
  const size = long ? 4 : 2;
  const n = Math.min(sfntNumGlyphs(bytes, tables), loca.length / size - 1);
  const at = (i: number) => (long ? dv.getUint32(loca.offset + 4 * i) : dv.getUint16(loca.offset + 2 * i));
  for (let i = 0, prev = at(0); i < n; i++) {
    const next = at(i + 1);
    if (next > prev) return true;
    prev = next;
  }
  return false;
}
