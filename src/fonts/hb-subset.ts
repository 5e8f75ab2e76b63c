/**
 * TrueType subsets with harfbuzz's hb-subset (wasm). LibreOffice and Word accept these as embedded fonts
 * (complete cmap/name/OS-2/post), unlike fontkit's subsets. A harfbuzz face is kept per font for the life
 * of the subsetter, so each subset costs only the subsetting itself, not copying the font into wasm again.
 */
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
  hb_set_add(s: number, v: number): void;
  hb_set_clear(s: number): void;
  hb_set_invert(s: number): void;
  hb_subset_or_fail(face: number, input: number): number;
}

const HB_MEMORY_MODE_WRITABLE = 2;
const HB_SUBSET_SETS_DROP_TABLE_TAG = 3;
const HB_SUBSET_SETS_LAYOUT_FEATURE_TAG = 6;

/** Faces kept in wasm memory at once: a server fed many different fonts frees the least recently used. */
const MAX_FACES = 16;
/** OpenType layout tables; a font embedded for text whose glyphs are already chosen does not need them. */
const LAYOUT_TABLES = ['GSUB', 'GPOS', 'GDEF', 'BASE', 'JSTF', 'STAT'];
const tag = (s: string) => ((s.charCodeAt(0) << 24) | (s.charCodeAt(1) << 16) | (s.charCodeAt(2) << 8) | s.charCodeAt(3)) >>> 0;

export interface SubsetOptions {
  /**
   * Keep the OpenType layout tables with every feature (default true, so `vert` still works). Without
   * them the subset holds only the glyphs of the code points: about a fifth fewer glyphs for Noto Serif
   * SC, whose substitutions (alternates, vertical forms) would otherwise pull theirs in.
   */
  layout?: boolean;
}

export class HbSubsetter {
  /** font bytes → harfbuzz face and the wasm copy of the font; Map order is recency (LRU) */
  private faces = new Map<Uint8Array, { face: number; ptr: number }>();

  private constructor(private hb: HbExports) {}

  static async create(wasm: BufferSource): Promise<HbSubsetter> {
    const { instance } = await WebAssembly.instantiate(wasm, {});
    const hb = instance.exports as unknown as HbExports;
    hb._initialize?.();
    return new HbSubsetter(hb);
  }

  private face(font: Uint8Array): number {
    let entry = this.faces.get(font);
    if (entry) {
      this.faces.delete(font);
      this.faces.set(font, entry);
      return entry.face;
    }
    const ptr = this.hb.malloc(font.byteLength);
    new Uint8Array(this.hb.memory.buffer).set(font, ptr);
    const blob = this.hb.hb_blob_create(ptr, font.byteLength, HB_MEMORY_MODE_WRITABLE, 0, 0);
    entry = { face: this.hb.hb_face_create(blob, 0), ptr };
    this.hb.hb_blob_destroy(blob);
    this.faces.set(font, entry);
    while (this.faces.size > MAX_FACES) {
      const [oldest, old] = this.faces.entries().next().value!;
      this.faces.delete(oldest);
      this.hb.hb_face_destroy(old.face);
      this.hb.free(old.ptr);
    }
    return entry.face;
  }

  /** Faces held in wasm memory (bounded by MAX_FACES). */
  get cachedFaces(): number {
    return this.faces.size;
  }

  /** A subset holding the given code points, by default with all layout features kept (so `vert` still works). */
  subset(font: Uint8Array, codePoints: Iterable<number>, opts: SubsetOptions = {}): Uint8Array {
    const hb = this.hb;
    const face = this.face(font);
    const input = hb.hb_subset_input_create_or_fail();
    if (!input) throw new Error('harfbuzz: could not create a subset input');
    try {
      const features = hb.hb_subset_input_set(input, HB_SUBSET_SETS_LAYOUT_FEATURE_TAG);
      hb.hb_set_clear(features);
      if (opts.layout === false) {
        const drop = hb.hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
        for (const t of LAYOUT_TABLES) hb.hb_set_add(drop, tag(t));
      } else {
        hb.hb_set_invert(features);
      }
      const unicodes = hb.hb_subset_input_unicode_set(input);
      for (const cp of codePoints) hb.hb_set_add(unicodes, cp);
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
