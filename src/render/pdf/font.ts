import type { Font } from 'fontkit';
import type PDFDocument from 'pdfkit/js/pdfkit.es.js';
import type { PdfRef } from 'pdfkit/js/pdfkit.es.js';
import type { Face } from '../../fonts/face.js';
import { VERTICAL_FORMS } from '../../layout/cjk.js';

/** fontkit's subset builder (TTF or CFF), as pdfkit's own embedded font uses it. */
interface Subset {
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
  cff?: unknown;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/**
 * A pdfkit font object for a face the layout has already parsed and measured. pdfkit would parse the file
 * again and shape every string with fontkit; the layout has done both, so this maps code points straight to
 * glyphs (the `vert` feature's glyph for stacked punctuation) and embeds a subset with a ToUnicode map that
 * gives the original characters back (a stacked 、 extracts as 、). The embedding mirrors pdfkit's EmbeddedFont.
 */
export class PdfFont {
  readonly font: Font;
  readonly name: string;
  private subset: Subset;
  private dictionary?: PdfRef;
  private embedded = false;
  /** per subset glyph id: advance in 1/1000 em and the characters it stands for */
  private widths: number[] = [];
  private unicode: number[][] = [];
  private byCodePoint = new Map<number, string>();
  private byVertical = new Map<number, string>();
  private scale: number;

  constructor(
    private document: PDFDocument,
    readonly face: Face,
    readonly id: string,
  ) {
    this.font = face.font;
    this.name = this.font.postscriptName;
    this.scale = 1000 / this.font.unitsPerEm;
    this.subset = (this.font as unknown as { createSubset(): Subset }).createSubset();
    this.include(0, [0]);
  }

  ref(): PdfRef {
    return (this.dictionary ??= this.document.ref());
  }

  /** The glyphs of `text` as a hex string of subset glyph ids (Identity-H). */
  encode(text: string, vert = false): string {
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      const cache = vert ? this.byVertical : this.byCodePoint;
      let h = cache.get(cp);
      if (h === undefined) {
        const glyph = vert ? this.verticalGlyph(ch) : this.font.glyphForCodePoint(cp).id;
        h = hex4(this.include(glyph, [cp]));
        cache.set(cp, h);
      }
      out += h;
    }
    return out;
  }

  /** The glyph the font's `vert` feature substitutes; the presentation form's glyph if it has none. */
  private verticalGlyph(ch: string): number {
    const plain = this.font.glyphForCodePoint(ch.codePointAt(0)!).id;
    const run = this.font.layout(ch, ['vert']);
    const g = run.glyphs.length === 1 ? run.glyphs[0].id : plain;
    if (g !== plain) return g;
    const form = VERTICAL_FORMS[ch];
    return form && this.font.hasGlyphForCodePoint(form.codePointAt(0)!) ? this.font.glyphForCodePoint(form.codePointAt(0)!).id : plain;
  }

  private include(glyph: number, codePoints: number[]): number {
    const gid = this.subset.includeGlyph(glyph);
    if (this.widths[gid] === undefined) {
      this.widths[gid] = this.font.getGlyph(glyph).advanceWidth * this.scale;
      this.unicode[gid] = codePoints;
    }
    return gid;
  }

  /** Called by pdfkit when the document ends (for every font in _fontFamilies). */
  finalize(): void {
    if (this.embedded || !this.dictionary) return;
    this.embed();
    this.embedded = true;
  }

  private embed(): void {
    const doc = this.document;
    const f = this.font as unknown as {
      'OS/2'?: { sFamilyClass?: number };
      post: { isFixedPitch: boolean };
      head: { macStyle: { italic: boolean } };
      bbox: { minX: number; minY: number; maxX: number; maxY: number };
      italicAngle: number;
      capHeight: number;
      xHeight: number;
      ascent: number;
      descent: number;
    };
    const isCFF = this.subset.cff != null;
    const fontFile = doc.ref();
    if (isCFF) fontFile.data.Subtype = 'CIDFontType0C';
    fontFile.end(this.subset.encode());
    const familyClass = (f['OS/2']?.sFamilyClass ?? 0) >> 8;
    let flags = 1 << 2;
    if (f.post.isFixedPitch) flags |= 1 << 0;
    if (familyClass >= 1 && familyClass <= 7) flags |= 1 << 1;
    if (familyClass === 10) flags |= 1 << 3;
    if (f.head.macStyle.italic) flags |= 1 << 6;
    const tag = [1, 2, 3, 4, 5, 6].map((i) => String.fromCharCode((this.id.charCodeAt(i) || 73) + 17)).join('');
    const name = `${tag}+${this.name.replaceAll(' ', '_')}`;
    const s = this.scale;
    const descriptor = doc.ref({
      Type: 'FontDescriptor',
      FontName: name,
      Flags: flags,
      FontBBox: [f.bbox.minX * s, f.bbox.minY * s, f.bbox.maxX * s, f.bbox.maxY * s],
      ItalicAngle: f.italicAngle,
      Ascent: f.ascent * s,
      Descent: f.descent * s,
      CapHeight: (f.capHeight || f.ascent) * s,
      XHeight: (f.xHeight || 0) * s,
      StemV: 0,
      [isCFF ? 'FontFile3' : 'FontFile2']: fontFile,
    });
    descriptor.end();
    const descendant = doc.ref({
      Type: 'Font',
      Subtype: isCFF ? 'CIDFontType0' : 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: [0, this.widths],
      ...(isCFF ? {} : { CIDToGIDMap: 'Identity' }),
    });
    descendant.end();
    const dict = this.ref();
    dict.data = { Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [descendant], ToUnicode: this.toUnicode() };
    dict.end();
  }

  private toUnicode(): PdfRef {
    const entries = this.unicode.map((cps) => `<${cps.flatMap((v) => (v > 0xffff ? [hex4(((v - 0x10000) >>> 10) | 0xd800), hex4(0xdc00 | ((v - 0x10000) & 0x3ff))] : [hex4(v)])).join(' ')}>`);
    const ranges: string[] = [];
    for (let start = 0; start < entries.length; start += 256) {
      const end = Math.min(start + 256, entries.length);
      ranges.push(`<${hex4(start)}> <${hex4(end - 1)}> [${entries.slice(start, end).join(' ')}]`);
    }
    const cmap = this.document.ref();
    cmap.end(`/CIDInit /ProcSet findresource begin
12 dict begin
begincmap
/CIDSystemInfo <<
  /Registry (Adobe)
  /Ordering (UCS)
  /Supplement 0
>> def
/CMapName /Adobe-Identity-UCS def
/CMapType 2 def
1 begincodespacerange
<0000><ffff>
endcodespacerange
${ranges.length} beginbfrange
${ranges.join('\n')}
endbfrange
endcmap
CMapName currentdict /CMap defineresource pop
end
end`);
    return cmap;
  }
}
