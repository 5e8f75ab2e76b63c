/**
 * Fonts by need: which faces (family × weight) and which characters a document needs, decided before any
 * font file is fetched. The document is laid out once with coverage-only faces (a character map and a
 * nominal 1 em advance), so the faces come from the same role chains and per-character picks as the real
 * layout (`FontRegistry.pick`); which file of a face to fetch (its common part or the full file) then
 * follows from the characters. Pure: no I/O, no Node import.
 */
import type { Font } from 'fontkit';
import { layoutDocument } from '../layout/index.js';
import type { ReportDocument } from '../model/document.js';
import type { Face } from './face.js';
import { FontRegistry, type RoleMap } from './registry.js';

/** Coverage of the web font files, as written by buildWebAssets() (src/fonts/web-assets.ts) into web-fonts.json. */
export interface WebFontFile {
  file: string;
  bytes: number;
  brotli: number;
}
export interface WebFontManifest {
  /** every character of the common files' character set (GB 2312 level 1, symbols, ASCII, …) */
  common: string;
  /** per family: characters beyond the common set, and common characters the family lacks */
  families: Record<string, { extra: string; missing: string }>;
  faces: { family: string; bold: boolean; common: WebFontFile; full: WebFontFile }[];
  wasm: WebFontFile;
}

export interface FaceNeed {
  family: string;
  bold: boolean;
  codePoints: Set<number>;
}

/** A family's coverage as a predicate on code points. */
export type Coverage = Record<string, (cp: number) => boolean>;

/** A face that only knows which characters it has (1 em each): enough for the layout to pick faces. */
export function coverageFace(family: string, bold: boolean, covers: (cp: number) => boolean): Face {
  const glyph = { advanceWidth: 1000 };
  const font = { unitsPerEm: 1000, ascent: 880, hasGlyphForCodePoint: covers, glyphForCodePoint: () => glyph } as unknown as Font;
  return { family, bold, bytes: new Uint8Array(0), font, unitsPerEm: 1000, ascent: 0.88, key: `${family}/${bold ? 'bold' : 'regular'}` };
}

/**
 * The faces a (parsed) document draws with, and their characters. Throws the layout's InputError when a
 * character has no font in its role, as the real render would, so that happens before any download.
 */
export function fontNeeds(doc: ReportDocument, coverage: Coverage, roles: Partial<RoleMap>, opts: { allowFontFallback?: boolean } = {}): FaceNeed[] {
  const reg = new FontRegistry(roles);
  for (const [family, covers] of Object.entries(coverage))
    reg.registerFaces(family, { regular: coverageFace(family, false, covers), bold: coverageFace(family, true, covers) });
  const laid = layoutDocument(doc, { registry: reg, allowFontFallback: opts.allowFontFallback, creationDate: new Date(0), coverageOnly: true });
  return [...laid.used.values()].map(({ face, codePoints }) => ({ family: face.family, bold: face.bold, codePoints }));
}

export function manifestCoverage(m: WebFontManifest): { coverage: Coverage; inCommon: (family: string, cp: number) => boolean } {
  const common = new Set(Array.from(m.common, (c) => c.codePointAt(0)!));
  const sets = Object.fromEntries(
    Object.entries(m.families).map(([f, { extra, missing }]) => [
      f,
      { extra: new Set(Array.from(extra, (c) => c.codePointAt(0)!)), missing: new Set(Array.from(missing, (c) => c.codePointAt(0)!)) },
    ]),
  );
  const inCommon = (family: string, cp: number) => common.has(cp) && !sets[family].missing.has(cp);
  const coverage: Coverage = Object.fromEntries(Object.keys(sets).map((f) => [f, (cp: number) => inCommon(f, cp) || sets[f].extra.has(cp)]));
  return { coverage, inCommon };
}

export interface FontFetch {
  family: string;
  bold: boolean;
  part: 'common' | 'full';
  file: WebFontFile;
  /** characters outside the common file that made the full file necessary */
  beyondCommon: string;
}

/** Which font files to fetch for the needs: per face the common file, or the full one when a character is outside it. */
export function planFontFetches(needs: FaceNeed[], m: WebFontManifest): FontFetch[] {
  const { inCommon } = manifestCoverage(m);
  return needs.map((n) => {
    const face = m.faces.find((f) => f.family === n.family && f.bold === n.bold);
    if (!face) throw new Error(`no web font for ${n.family} ${n.bold ? 'bold' : 'regular'}`);
    const beyond = [...n.codePoints].filter((cp) => cp !== 10 && !inCommon(n.family, cp));
    return { family: n.family, bold: n.bold, part: beyond.length ? 'full' : 'common', file: beyond.length ? face.full : face.common, beyondCommon: String.fromCodePoint(...beyond) };
  });
}
