import type { FontRole } from '../model/text.js';
import { type Face, hasGlyph, makeFace } from './face.js';
import { validateFont } from './validate.js';
import { InputError } from '../errors.js';

function validated(bytes: Uint8Array, what: string, maxBytes?: number): Uint8Array {
  validateFont(bytes, what, maxBytes);
  return bytes;
}

/** Font bytes, or a function that reads them: a face is read and parsed the first time a document uses it. */
export type FontSource = Uint8Array | (() => Uint8Array);

export interface FamilyFiles {
  regular: FontSource;
  bold?: FontSource;
}

/** A face parsed on first use. */
class LazyFace {
  private face?: Face;
  constructor(
    private family: string,
    private bold: boolean,
    private source: FontSource,
  ) {}
  get(): Face {
    return (this.face ??= makeFace(this.family, this.bold, typeof this.source === 'function' ? this.source() : this.source));
  }
  static ready(face: Face): LazyFace {
    const f = new LazyFace(face.family, face.bold, face.bytes);
    f.face = face;
    return f;
  }
}

/** Which families draw each role, first match wins per character. `latin` draws ASCII digits and letters when set. */
export type RoleMap = Record<FontRole, string[]> & { latin?: string[] };

/**
 * Families (by name) and the roles that use them. Holds parsed faces for the life of the registry,
 * so a long-running process parses each font file once.
 */
export class FontRegistry {
  private families = new Map<string, { regular: LazyFace; bold?: LazyFace }>();
  /** pick() answers by role, weight and code point: every character of every document asks */
  private picks = new Map<string, Map<number, Face | undefined>>();
  roles: RoleMap;

  constructor(roles?: Partial<RoleMap>) {
    this.roles = { serif: [], sans: [], kai: [], fangsong: [], title: [], ...roles };
  }

  /**
   * Registers a family. Each file is validated (src/fonts/validate.ts) so an unusable font is refused here,
   * named, never later in a renderer: bytes given now, a lazily read file when it is first read.
   */
  register(family: string, files: FamilyFiles, opts: { maxFontBytes?: number } = {}): this {
    const checked = (source: FontSource, what: string): FontSource =>
      typeof source === 'function' ? () => validated(source(), what, opts.maxFontBytes) : validated(source, what, opts.maxFontBytes);
    const regular = new LazyFace(family, false, checked(files.regular, `字体 ${family}`));
    const bold = files.bold ? new LazyFace(family, true, checked(files.bold, `字体 ${family}（粗体）`)) : undefined;
    if (typeof files.regular !== 'function') regular.get();
    if (bold && typeof files.bold !== 'function') bold.get();
    this.families.set(family, { regular, bold });
    this.picks.clear();
    return this;
  }

  /** Registers already-made faces (e.g. coverage-only faces that plan font downloads before any font is fetched). */
  registerFaces(family: string, faces: { regular: Face; bold?: Face }): this {
    this.families.set(family, { regular: LazyFace.ready(faces.regular), bold: faces.bold && LazyFace.ready(faces.bold) });
    this.picks.clear();
    return this;
  }

  /** Puts the given families first for a role (e.g. a licensed 仿宋_GB2312 before the bundled fallback). */
  assign(role: FontRole | 'latin', families: string[]): this {
    for (const f of families)
      if (!this.families.has(f))
        throw new InputError([{ path: `fonts.${role}`, message: `字体族“${f}”尚未注册；请先用 register() 注册，已注册：${this.familyNames().join('、') || '（无）'}` }], undefined, 'invalid-font');
    const rest = (this.roles[role] ?? []).filter((f) => !families.includes(f));
    this.roles[role] = [...families, ...rest];
    this.picks.clear();
    return this;
  }

  familyNames(): string[] {
    return [...this.families.keys()];
  }

  /** The face of a family in a weight; a family without a bold face draws bold with its regular face. */
  face(family: string, bold: boolean): Face {
    const f = this.families.get(family);
    if (!f) throw new Error(`font family "${family}" is not registered`);
    return ((bold && f.bold) || f.regular).get();
  }

  /** The font chain of a role: its families, then (title → serif) the role it stands in for. */
  chain(role: FontRole): string[] {
    const own = this.roles[role] ?? [];
    const fallback = role === 'title' || role === 'fangsong' ? this.roles.serif : [];
    return [...own, ...fallback.filter((f) => !own.includes(f))];
  }

  /**
   * The face that draws a character in a role, or undefined when no font of the chain has it.
   * With `anyFont`, every registered family is tried after the chain (the user allowed fallback).
   */
  pick(role: FontRole, bold: boolean, codePoint: number, anyFont = false): Face | undefined {
    const key = bold ? (anyFont ? `${role}+b+a` : `${role}+b`) : anyFont ? `${role}+a` : role;
    let byCp = this.picks.get(key);
    if (!byCp) this.picks.set(key, (byCp = new Map()));
    let face = byCp.get(codePoint);
    if (face === undefined && !byCp.has(codePoint)) byCp.set(codePoint, (face = this.search(role, bold, codePoint, anyFont)));
    return face;
  }

  private search(role: FontRole, bold: boolean, codePoint: number, anyFont: boolean): Face | undefined {
    const latin = this.roles.latin && isLatin(codePoint) ? this.roles.latin : [];
    for (const family of [...latin, ...this.chain(role)]) {
      const face = this.face(family, bold);
      if (hasGlyph(face, codePoint)) return face;
    }
    if (anyFont) {
      for (const family of this.families.keys()) {
        const face = this.face(family, bold);
        if (hasGlyph(face, codePoint)) return face;
      }
    }
    return undefined;
  }
}

function isLatin(cp: number): boolean {
  return (cp >= 0x21 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0x24f);
}
