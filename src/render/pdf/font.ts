import type { Font } from 'fontkit';
import type PDFDocument from 'pdfkit/js/pdfkit.es.js';
import type { PdfRef } from 'pdfkit/js/pdfkit.es.js';
import type { Face } from '../../fonts/face.js';
import type { HbSubsetter } from '../../fonts/hb-subset.js';

/** fontkit's subset builder (TTF or CFF), as pdfkit's own embedded font uses it. */
interface FontkitSubset {
  includeGlyph(glyph: number): number;
  encode(): Uint8Array;
  cff?: unknown;
}

const hex4 = (n: number) => n.toString(16).padStart(4, '0');

/**
 * A pdfkit font object for a face the layout has already parsed and measured. pdfkit would parse the file
 * again and shape every string with fontkit; the layout has done both, so this maps code points straight to
 * glyphs (the `vert` feature's glyph for stacked punctuation). The renderer first `collect`s every string of
 * the document, then `seal`s the font: the subset is made once (harfbuzz when a subsetter is given, else
 * fontkit's subsetter) and character ids are the subset's glyph ids; then pages are drawn with `encode`.
 * The ToUnicode map gives the original characters back (a stacked 、 extracts as 、). The font dictionaries
 * mirror pdfkit's EmbeddedFont.
 */
export class PdfFont {
  readonly font: Font;
  readonly name: string;
  private dictionary?: PdfRef;
  private embedded = false;
  /** glyph id → the characters it stands for */
  private glyphs = new Map<number, number[]>([[0, [0]]]);
  private byCodePoint = new Map<number, number>();
  private byVertical = new Map<number, number>();
  /** after seal(): glyph id → character id (hex), the font program */
  private cids = new Map<number, string>();
  private program?: { data: Uint8Array; cff: boolean };
  private scale: number;

  constructor(
    private document: PDFDocument,
    readonly face: Face,
    readonly id: string,
    private subsetter?: HbSubsetter,
    private deflate?: (data: Uint8Array) => Uint8Array,
  ) {
    this.font = face.font as unknown as Font; // a real fontkit font: coverage-only faces never reach a renderer
    this.name = this.font.postscriptName;
    this.scale = 1000 / this.font.unitsPerEm;
  }

  ref(): PdfRef {
    return (this.dictionary ??= this.document.ref());
  }

  private glyph(cp: number, vert: boolean, form: string | undefined): number {
    const cache = vert ? this.byVertical : this.byCodePoint;
    let gid = cache.get(cp);
    if (gid === undefined) {
      gid = vert ? this.verticalGlyph(cp, form) : this.font.glyphForCodePoint(cp).id;
      cache.set(cp, gid);
      if (!this.glyphs.has(gid)) this.glyphs.set(gid, [cp]);
    }
    return gid;
  }

  /** Notes the glyphs a string will need (before seal). `forms`: the layout's vertical presentation forms of `text`. */
  collect(text: string, vert = false, forms?: string): void {
    this.each(text, vert, forms, () => {});
  }

  private each(text: string, vert: boolean, forms: string | undefined, use: (gid: number) => void): void {
    const alt = vert && forms ? [...forms] : undefined;
    let i = 0;
    for (const ch of text) use(this.glyph(ch.codePointAt(0)!, vert, alt?.[i++]));
  }

  /** Makes the subset of the collected glyphs and fixes their character ids. */
  seal(): void {
    const gids = [...this.glyphs.keys()].sort((a, b) => a - b);
    const hb = this.subsetter;
    if (hb && (this.font as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables.glyf) {
      let sub = hb.subsetGlyphs(this.face.bytes, gids);
      // composite glyphs pulled in components: keep the ids as they are instead of guessing the renumbering
      const renumbered = sub.glyphs === gids.length;
      if (!renumbered) sub = hb.subsetGlyphs(this.face.bytes, gids, true);
      gids.forEach((g, i) => this.cids.set(g, hex4(renumbered ? i : g)));
      this.program = { data: sub.data, cff: false };
    } else {
      const subset = (this.font as unknown as { createSubset(): FontkitSubset }).createSubset();
      for (const g of gids) this.cids.set(g, hex4(subset.includeGlyph(g)));
      this.program = { data: subset.encode(), cff: subset.cff != null };
    }
  }

  /** The glyphs of `text` as a hex string of character ids (Identity-H); only glyphs collected before seal. */
  encode(text: string, vert = false, forms?: string): string {
    let out = '';
    this.each(text, vert, forms, (gid) => (out += this.cids.get(gid)!));
    return out;
  }

  /** The glyph the font's `vert` feature substitutes; else the glyph of the layout's vertical presentation form. */
  private verticalGlyph(cp: number, form: string | undefined): number {
    const plain = this.font.glyphForCodePoint(cp).id;
    const run = this.font.layout(String.fromCodePoint(cp), ['vert']);
    const g = run.glyphs.length === 1 ? run.glyphs[0].id : plain;
    if (g !== plain || !form) return g;
    const f = form.codePointAt(0)!;
    return f !== cp && this.font.hasGlyphForCodePoint(f) ? this.font.glyphForCodePoint(f).id : plain;
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
    const program = this.program!;
    const isCFF = program.cff;
    const fontFile = doc.ref();
    if (isCFF) fontFile.data.Subtype = 'CIDFontType0C';
    if (this.deflate && doc.compress) {
      // deflated here, as pdfkit would (same keys in the same order: Length, then Filter)
      fontFile.compress = false;
      fontFile.write(this.deflate(program.data));
      fontFile.data.Filter = 'FlateDecode';
      fontFile.end();
    } else fontFile.end(program.data);
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
    // character id → (width, characters), in id order
    const byCid = [...this.glyphs].map(([g, cps]) => ({ cid: parseInt(this.cids.get(g)!, 16), w: Math.round(this.font.getGlyph(g).advanceWidth * this.scale * 1000) / 1000, cps })).sort((a, b) => a.cid - b.cid);
    const descendant = doc.ref({
      Type: 'Font',
      Subtype: isCFF ? 'CIDFontType0' : 'CIDFontType2',
      BaseFont: name,
      CIDSystemInfo: { Registry: new String('Adobe'), Ordering: new String('Identity'), Supplement: 0 },
      FontDescriptor: descriptor,
      W: widthsArray(byCid),
      ...(isCFF ? {} : { CIDToGIDMap: 'Identity' }),
    });
    descendant.end();
    const dict = this.ref();
    dict.data = { Type: 'Font', Subtype: 'Type0', BaseFont: name, Encoding: 'Identity-H', DescendantFonts: [descendant], ToUnicode: this.toUnicode(byCid) };
    dict.end();
  }

  private toUnicode(byCid: Glyph[]): PdfRef {
    const utf16 = (v: number) => (v > 0xffff ? hex4((((v - 0x10000) >>> 10) & 0x3ff) | 0xd800) + hex4(0xdc00 | ((v - 0x10000) & 0x3ff)) : hex4(v));
    // bfrange with an array per run of consecutive ids that share their high byte
    const ranges = runs(byCid, 256).map((r) => `<${hex4(r[0].cid)}> <${hex4(r[r.length - 1].cid)}> [${r.map((g) => `<${g.cps.map(utf16).join('')}>`).join(' ')}]`);
    const blocks: string[] = [];
    for (let i = 0; i < ranges.length; i += 100) {
      const chunk = ranges.slice(i, i + 100);
      blocks.push(`${chunk.length} beginbfrange\n${chunk.join('\n')}\nendbfrange`);
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
${blocks.join('\n')}
endcmap
CMapName currentdict /CMap defineresource pop
end
end`);
    return cmap;
  }
}

interface Glyph {
  cid: number;
  w: number;
  cps: number[];
}

/** Runs of consecutive character ids; with `block`, a run also ends where the id's high byte changes. */
function runs(glyphs: Glyph[], block = Infinity): Glyph[][] {
  const out: Glyph[][] = [];
  glyphs.forEach((g, i) => {
    if (i === 0 || g.cid !== glyphs[i - 1].cid + 1 || g.cid % block === 0) out.push([]);
    out[out.length - 1].push(g);
  });
  return out;
}

/** The CIDFont W array: `first [w w …]` per run of consecutive ids. */
function widthsArray(glyphs: Glyph[]): (number | number[])[] {
  return runs(glyphs).flatMap((r) => [r[0].cid, r.map((g) => g.w)]);
}
