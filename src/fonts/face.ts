import * as fontkit from 'fontkit';
import { CjkReportError } from '../errors.js';

/**
 * What the rest of the code reads from a parsed font. Declared here rather than as fontkit.Font so the
 * published .d.ts does not need @types/fontkit (users compile without skipLibCheck).
 */
export interface ParsedFont {
  familyName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  glyphForCodePoint(codePoint: number): { advanceWidth: number };
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** One parsed font file. Parsed once; everything that measures or embeds it shares this object. */
export interface Face {
  family: string;
  bold: boolean;
  bytes: Uint8Array;
  font: ParsedFont;
  unitsPerEm: number;
  /** hhea ascent in em units, as pdfkit positions text with it */
  ascent: number;
  /** a stable key, e.g. "Noto Serif SC/bold" */
  key: string;
}

const parsed = new WeakMap<Uint8Array, fontkit.Font>();

/** Parses font bytes once per process (keyed by the byte array's identity). */
export function parseFont(bytes: Uint8Array): ParsedFont {
  let font = parsed.get(bytes);
  if (!font) {
    const f = fontkit.create(bytes as Buffer);
    if (!('glyphForCodePoint' in f)) throw new CjkReportError('invalid-font', [{ path: '(font)', message: '是字体集（TTC），请先取出其中一个字体（TTF）再注册' }]);
    font = f as fontkit.Font;
    parsed.set(bytes, font);
  }
  return font;
}

export function makeFace(family: string, bold: boolean, bytes: Uint8Array): Face {
  const font = parseFont(bytes);
  return {
    family,
    bold,
    bytes,
    font,
    unitsPerEm: font.unitsPerEm,
    ascent: font.ascent / font.unitsPerEm,
    key: `${family}/${bold ? 'bold' : 'regular'}`,
  };
}

const advanceCache = new WeakMap<ParsedFont, Map<number, number>>();

/** Advance width of one code point in em units; cached because tables measure the same digits thousands of times. */
export function advance(face: Face, codePoint: number): number {
  let cache = advanceCache.get(face.font);
  if (!cache) advanceCache.set(face.font, (cache = new Map()));
  let w = cache.get(codePoint);
  if (w === undefined) {
    w = face.font.glyphForCodePoint(codePoint).advanceWidth / face.unitsPerEm;
    cache.set(codePoint, w);
  }
  return w;
}

export function hasGlyph(face: Face, codePoint: number): boolean {
  return face.font.hasGlyphForCodePoint(codePoint);
}
