/**
 * Embedded fonts (ECMA-376 Part 1, 17.8.1 and 17.8.3): the used faces as harfbuzz subsets (LibreOffice
 * ignores fontkit's), obfuscated with a key derived from the family name (so output is reproducible),
 * and the font table (w:fonts) with each font's real OS/2 signature and the GB 2312 character set, which
 * Word uses to pick the font for Chinese text.
 */
import type { Face } from '../../fonts/face.js';
import type { HbSubsetter } from '../../fonts/hb-subset.js';
import { pageNumberChars } from '../../layout/page/page-numbers.js';
import type { LaidOutDocument } from '../../layout/types.js';
import { NS, XML_DECLARATION, attr } from './xml.js';

/** w:charset of GB 2312 (ST_UcharHexNumber 0x86) */
const CHARSET_GB2312 = '86';

export interface EmbeddedFont {
  family: string;
  /** the face whose OS/2 table gives the signature */
  face: Face;
  regular?: Uint8Array;
  bold?: Uint8Array;
}

/** The used faces grouped by family: one regular and an optional bold subset each. */
export function embeddedFonts(doc: LaidOutDocument, hb: HbSubsetter): EmbeddedFont[] {
  // Word may draw page-number fields (any number, not only the ones the PDF shows) in any used family.
  const fieldChars = doc.page.numbers ? pageNumberChars(doc.page.numbers.parts) : new Set<number>();
  const families = new Map<string, { regular?: Face; bold?: Face; cps: Set<number>; boldCps: Set<number> }>();
  const entry = (face: Face) => {
    let f = families.get(face.family);
    if (!f) families.set(face.family, (f = { cps: new Set(fieldChars), boldCps: new Set() }));
    if (face.bold) f.bold = face;
    else f.regular = face;
    return face.bold ? f.boldCps : f.cps;
  };
  for (const { face, codePoints } of doc.used.values()) {
    const cps = entry(face);
    for (const c of codePoints) cps.add(c);
  }
  const n = doc.page.numbers;
  if (n) for (const c of fieldChars) entry(n.face).add(c);
  return [...families].map(([family, f]) => {
    const sub = (face: Face, cps: Set<number>) => hb.subset(face.bytes, cps, { layout: false });
    if (!f.regular) return { family, face: f.bold!, bold: sub(f.bold!, f.boldCps) };
    // a bold that is the regular file (no bold registered) is drawn from the regular font: one subset for both
    if (!f.bold || f.bold.bytes === f.regular.bytes) return { family, face: f.regular, regular: sub(f.regular, new Set([...f.cps, ...f.boldCps])) };
    return { family, face: f.regular, regular: sub(f.regular, f.cps), bold: sub(f.bold, f.boldCps) };
  });
}

/** 32 hex digits from a string, stable across runs (FNV-1a with four seeds; not for security). */
export function stableGuid(s: string): string {
  let out = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let h = seed >>> 0;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.toUpperCase();
}

/** The GUID as w:fontKey writes it: {8-4-4-4-12}. */
export function fontKey(hex32: string): string {
  const h = hex32;
  return `{${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}}`;
}

/**
 * Font obfuscation (17.8.1): the key's 16 bytes, read from the GUID's hex digits in reverse order,
 * XORed over the first 32 bytes of the font. In place; the same call undoes it.
 */
export function obfuscate(font: Uint8Array, hex32: string): Uint8Array {
  const key: number[] = [];
  for (let i = 30; i >= 0; i -= 2) key.push(parseInt(hex32.slice(i, i + 2), 16));
  for (let i = 0; i < 32 && i < font.length; i++) font[i] ^= key[i % 16];
  return font;
}

const hex8 = (n: number) => (n >>> 0).toString(16).toUpperCase().padStart(8, '0');

/** w:sig: the OS/2 Unicode and code-page ranges, which tell Word the font covers CJK. */
export function signature(face: Face): string {
  const os2 = (face.font as unknown as { 'OS/2'?: { ulCharRange?: number[]; codePageRange?: number[] } })['OS/2'];
  const u = os2?.ulCharRange ?? [0, 0, 0, 0];
  const c = os2?.codePageRange ?? [0, 0];
  return `<w:sig w:usb0="${hex8(u[0])}" w:usb1="${hex8(u[1])}" w:usb2="${hex8(u[2])}" w:usb3="${hex8(u[3])}" w:csb0="${hex8(c[0])}" w:csb1="${hex8(c[1])}"/>`;
}

export interface FontTable {
  xml: string;
  /** word/_rels/fontTable.xml.rels */
  rels: string;
  /** word/fonts/fontN.odttf, obfuscated */
  files: { path: string; data: Uint8Array }[];
}

export function fontTable(fonts: EmbeddedFont[]): FontTable {
  const files: FontTable['files'] = [];
  let rels = '';
  let body = '';
  for (const f of fonts) {
    let embeds = '';
    for (const [kind, data] of [['embedRegular', f.regular], ['embedBold', f.bold]] as const) {
      if (!data) continue;
      const n = files.length + 1;
      const key = stableGuid(`${f.family}/${kind}`);
      files.push({ path: `word/fonts/font${n}.odttf`, data: obfuscate(data, key) });
      rels += `<Relationship Id="rId${n}" Type="${NS.r}/font" Target="fonts/font${n}.odttf"/>`;
      embeds += `<w:${kind} r:id="rId${n}" w:fontKey="${fontKey(key)}"/>`;
    }
    body += `<w:font w:name="${attr(f.family)}"><w:charset w:val="${CHARSET_GB2312}"/><w:family w:val="auto"/><w:pitch w:val="variable"/>${signature(f.face)}${embeds}</w:font>`;
  }
  return {
    xml: `${XML_DECLARATION}<w:fonts xmlns:w="${NS.w}" xmlns:r="${NS.r}">${body}</w:fonts>`,
    rels: `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    files,
  };
}
