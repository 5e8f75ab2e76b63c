/**
 * TrueType subsets with harfbuzz's hb-subset (wasm). LibreOffice and Word accept these as embedded fonts
 * (complete cmap/name/OS-2/post), unlike fontkit's subsets. A harfbuzz face is kept per font for the life
 * of the subsetter, so each subset costs only the subsetting itself, not copying the font into wasm again.
 */
import { LRUCache } from 'lru-cache';
import { sfntNumGlyphs } from './sfnt.js';

interface HbExports {
  memory: WebAssembly.Memory;
  _initialize?: () => void;
  malloc(n: number): number;
  free(p: number): void;
  hb_blob_create(data: number, len: number, mode: number, user: number, destroy: number): number;
  hb_blob_destroy(b: number): void;
  hb_blob_get_data(b: number, len: number): number;
  hb_blob_get_length(b: number): number;
  hb_face_create(blob: number, index: number): number;
  hb_face_destroy(f: number): void;
  hb_face_reference_blob(f: number): number;
  hb_subset_input_create_or_fail(): number;
  hb_subset_input_destroy(i: number): void;
  hb_subset_input_set(i: number, which: number): number;
  hb_subset_input_unicode_set(i: number): number;
  hb_subset_input_glyph_set(i: number): number;
  hb_subset_input_set_flags(i: number, flags: number): void;
  hb_set_add(s: number, v: number): void;
  hb_set_clear(s: number): void;
  hb_set_invert(s: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;
const HB_SUBSET_FLAGS_NO_HINTING = 0x1;
const HB_SUBSET_FLAGS_RETAIN_GIDS = 0x2;
const HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE = 0x200;
const tag = (t: string) => ((t.charCodeAt(0) << 24) | (t.charCodeAt(1) << 16) | (t.charCodeAt(2) << 8) | t.charCodeAt(3)) >>> 0;
/** Tables a PDF's CIDFontType2 program does not use (glyphs are named by id): keep glyf, loca, head, hhea, hmtx, maxp. */
const PDF_DROP = ['cmap', 'name', 'post', 'OS/2', 'STAT', 'gasp', 'GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'vhea', 'vmtx', 'VORG', 'DSIG', 'meta', 'hdmx', 'LTSH', 'VDMX', 'kern'].map(tag);

/** Subsets remembered (the last reports' fonts), at most this many and this many bytes (per worker). */
const MAX_SUBSETS = 16;
const MAX_SUBSET_BYTES = 8 * 1024 * 1024;
/** Faces kept in wasm memory at once: a server fed many different fonts frees the least recently used. */
const MAX_FACES = 16;
/** OpenType layout tables; a font embedded for text whose glyphs are already chosen does not need them. */
const LAYOUT_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'STAT'];

export interface SubsetOptions {
  /**
   * Keep the OpenType layout tables with every feature (default true, so `vert` still works). Without
   * them the subset holds only the glyphs of the code points: about a fifth fewer glyphs for Noto Serif
   * SC, whose substitutions (alternates, vertical forms) would otherwise pull theirs in.
   */
  layout?: boolean;
  /** keep every glyph at its id (the web fonts' common file, whose subsets must match the full file's) */
  retainGids?: boolean;
}

export class HbSubsetter {
  /** font bytes → harfbuzz face and the wasm copy of the font; the least recently used is freed in wasm */
  private faces: LRUCache<Uint8Array, { face: number; ptr: number }>;
  /** font bytes → a number for the subset memo's keys (a WeakMap: no font is kept alive by it) */
  private fontIds = new WeakMap<Uint8Array, number>();
  private lastFontId = 1;
  private subsets = new LRUCache<string, { data: Uint8Array; glyphs: number }>({ max: MAX_SUBSETS, maxSize: MAX_SUBSET_BYTES, sizeCalculation: (v) => Math.max(1, v.data.length) });

  private constructor(private hb: HbExports) {
    this.faces = new LRUCache({
      max: MAX_FACES,
      dispose: (v) => {
        hb.hb_face_destroy(v.face);
        hb.free(v.ptr);
      },
    });
  }

  /** Forgets the remembered subsets (faces stay): for benchmarks that must not profit from a repeat. */
  clearSubsetMemo(): void {
    this.subsets.clear();
  }

  static async create(wasm: BufferSource): Promise<HbSubsetter> {
    const { instance } = await WebAssembly.instantiate(wasm, {});
    const hb = instance.exports as unknown as HbExports;
    hb._initialize?.();
    return new HbSubsetter(hb);
  }

  private face(font: Uint8Array): number {
    const known = this.faces.get(font);
    if (known) return known.face;
    const ptr = this.hb.malloc(font.byteLength);
    new Uint8Array(this.hb.memory.buffer).set(font, ptr);
    const blob = this.hb.hb_blob_create(ptr, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
    const entry = { face: this.hb.hb_face_create(blob, 0), ptr };
    this.hb.hb_blob_destroy(blob);
    this.faces.set(font, entry);
    return entry.face;
  }

  /** Faces held in wasm memory (bounded by MAX_FACES). */
  get cachedFaces(): number {
    return this.faces.size;
  }

  /** A subset holding the given code points, by default with all layout features kept (so `vert` still works). */
  subset(font: Uint8Array, codePoints: Iterable<number>, opts: SubsetOptions = {}): Uint8Array {
    const cps = [...codePoints].sort((a, b) => a - b);
    return this.remembered(font, `u${opts.layout === false ? 0 : 1}${opts.retainGids ? 'r' : ''}:${cps.join(',')}`, () => ({ data: this.subsetUncached(font, cps, opts), glyphs: 0 })).data;
  }

  private subsetUncached(font: Uint8Array, codePoints: Iterable<number>, opts: SubsetOptions): Uint8Array {
    return this.run(font, (input) => {
      const features = this.hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
      this.hb.hb_set_clear(features);
      if (opts.layout === false) {
        const drop = this.hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const t of LAYOUT_TABLES) this.hb.hb_set_add(drop, tag(t));
      } else {
        this.hb.hb_set_invert(features);
      }
      if (opts.retainGids) this.hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS);
      const unicodes = this.hb.hb_subset_input_unicode_set(input);
      for (const cp of codePoints) this.hb.hb_set_add(unicodes, cp);
    });
  }

  /**
   * A font program for a PDF holding the given glyphs, without hinting and the tables a PDF does not read.
   * Glyphs are renumbered in the order of their ids (0, the lowest, … ); composite glyphs pull in their
   * components, which shifts the numbering: the result's glyph count tells, and `retainIds` keeps every glyph
   * at its own id instead.
   */
  subsetGlyphs(font: Uint8Array, glyphIds: Iterable<number>, retainIds = false): { data: Uint8Array; glyphs: number } {
    const ids = [...glyphIds].sort((a, b) => a - b);
    return this.remembered(font, `g${retainIds ? 1 : 0}:${ids.join(',')}`, () => this.subsetGlyphsUncached(font, ids, retainIds));
  }

  /**
   * The last subsets made, by font and request: a batch or a server makes the same subsets for every report
   * of a template (harfbuzz's subsetting was ~9 ms of a warm render). A copy each time: callers may change
   * the bytes (the DOCX obfuscates its fonts in place).
   */
  private remembered(font: Uint8Array, key: string, make: () => { data: Uint8Array; glyphs: number }): { data: Uint8Array; glyphs: number } {
    let id = this.fontIds.get(font);
    if (id === undefined) this.fontIds.set(font, (id = ++this.lastFontId));
    const k = `${id}|${key}`;
    let r = this.subsets.get(k);
    if (!r) this.subsets.set(k, (r = make()));
    return { data: r.data.slice(), glyphs: r.glyphs };
  }

  private subsetGlyphsUncached(font: Uint8Array, glyphIds: Iterable<number>, retainIds: boolean): { data: Uint8Array; glyphs: number } {
    const data = this.run(font, (input) => {
      const hb = this.hb;
      hb.hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_NO_HINTING | HB_SUBSET_FLAGS_NO_LAYOUT_CLOSURE | (retainIds ? HB_SUBSET_FLAGS_RETAIN_GIDS : 0));
      const glyphs = hb.hb_subset_input_glyph_set(input);
      for (const g of glyphIds) hb.hb_set_add(glyphs, g);
      const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
      for (const t of PDF_DROP) hb.hb_set_add(drop, t);
    });
    return { data, glyphs: sfntNumGlyphs(data) };
  }

  private run(font: Uint8Array, fill: (input: number) => void): Uint8Array {
    const hb = this.hb;
    const face = this.face(font);
    const input = hb.hb_subset_input_create_or_fail();
    if (!input) throw new Error('harfbuzz: could not create a subset input');
    try {
      fill(input);
      const sub = hb.hb_subset_or_fail(face, input);
      if (!sub) throw new Error('harfbuzz: subsetting failed');
      const blob = hb.hb_face_reference_blob(sub);
      const ptr = hb.hb_blob_get_data(blob, 0);
      const len = hb.hb_blob_get_length(blob);
      const out = new Uint8Array(hb.memory.buffer, ptr, len).slice();
      hb.hb_blob_destroy(blob);
      hb.hb_face_destroy(sub);
      if (!len) throw new Error('harfbuzz: empty subset');
      return out;
    } finally {
      hb.hb_subset_input_destroy(input);
    }
  }
}

