import type { Face } from '../../fonts/face.js';
import { advance } from '../../fonts/face.js';
import type { FontRegistry } from '../../fonts/registry.js';
import { CjkReportError } from '../../errors.js';
import type { FontRole, Run } from '../../model/text.js';
import type { Line, Piece } from '../types.js';
import { layoutChar } from './layout-chars.js';

/** One character with the face and size that draw it. */
export interface MeasuredChar {
  ch: string;
  cp: number;
  face: Face;
  size: number;
  vert?: boolean;
  /** extra space before this character when it does not start a line (中西文间距), pt */
  gapBefore?: number;
  /** a zero width space stood before it: a line may break here */
  breakHint?: boolean;
}

/** The space Word and LibreOffice put between Chinese and Latin letters or digits, × font size. */
export const AUTO_SPACE = 0.2;
const HAN = /\p{Script=Han}/u;
const WESTERN = /[A-Za-z0-9\u00C0-\u024F]/;

/** Marks the automatic space between Han characters and Latin letters or digits, as word processors add it. */
export function autoSpace(chars: MeasuredChar[]): MeasuredChar[] {
  for (let i = 1; i < chars.length; i++) {
    const a = chars[i - 1].ch;
    const b = chars[i].ch;
    if ((HAN.test(a) && WESTERN.test(b)) || (WESTERN.test(a) && HAN.test(b))) chars[i].gapBefore = AUTO_SPACE * Math.min(chars[i - 1].size, chars[i].size);
  }
  return chars;
}

export interface TextStyleResolved {
  font: FontRole;
  size: number;
  bold: boolean;
}

/** Resolves fonts per character and records characters no font of the role can draw, with where they occur. */
export class TextContext {
  readonly missing = new Map<string, Set<string>>();
  constructor(
    readonly registry: FontRegistry,
    readonly allowFallback: boolean,
  ) {}

  chars(runs: Run[], base: TextStyleResolved, where: string): MeasuredChar[] {
    const out: MeasuredChar[] = [];
    let hint = false;
    for (const run of runs) {
      const role = run.font ?? base.font;
      const bold = run.bold ?? base.bold;
      const size = run.size ?? base.size;
      for (let ch of run.text.replace(/\r\n?/g, '\n')) {
        const kind = layoutChar(ch);
        if (kind === 'drop') continue;
        if (kind === 'hint') {
          hint = true;
          continue;
        }
        if (kind === 'break') ch = '\n';
        else if (kind === 'space') ch = ' ';
        const cp = ch.codePointAt(0)!;
        let face = ch === '\n' ? undefined : this.registry.pick(role, bold, cp, this.allowFallback);
        if (!face) {
          if (ch !== '\n') this.note(where, ch);
          face = this.registry.face(this.registry.chain(role)[0] ?? this.anyFamily(), bold);
        }
        out.push({ ch, cp, face, size, ...(hint ? { breakHint: true } : {}) });
        hint = false;
      }
    }
    return autoSpace(out);
  }

  /** A face for lines that carry no character (page numbers, dashes) in a role. */
  face(role: FontRole, bold: boolean, sample = '0'): Face {
    const cp = sample.codePointAt(0)!;
    return this.registry.pick(role, bold, cp, true) ?? this.registry.face(this.anyFamily(), bold);
  }

  private anyFamily(): string {
    const f = this.registry.familyNames()[0];
    if (!f) throw new CjkReportError('invalid-font', [{ path: 'registry', message: '字体注册表是空的：请至少注册一个字体（或使用内置字体）' }]);
    return f;
  }

  private note(where: string, ch: string) {
    let set = this.missing.get(where);
    if (!set) this.missing.set(where, (set = new Set()));
    set.add(ch);
  }
}

export function charWidth(c: MeasuredChar): number {
  return advance(c.face, c.cp) * c.size;
}

/** Width of chars[from, to) as one line: the gap before its first character does not count. */
export function widthOf(chars: MeasuredChar[], from = 0, to = chars.length): number {
  let w = 0;
  for (let i = from; i < to; i++) w += charWidth(chars[i]) + (i > from ? chars[i].gapBefore ?? 0 : 0);
  return w;
}

/** Merges neighbouring characters of the same face, size and form into pieces; a gap starts a new piece. */
export function toPieces(chars: MeasuredChar[]): Piece[] {
  const out: Piece[] = [];
  for (const c of chars) {
    if (c.ch === '\n') {
      // kept as its own piece so the DOCX can write a line break; lines never contain one
      out.push({ text: '\n', face: c.face, size: c.size, width: 0 });
      continue;
    }
    const last = out[out.length - 1];
    const gap = last && last.text !== '\n' ? c.gapBefore ?? 0 : 0;
    if (last && last.text !== '\n' && !gap && last.face === c.face && last.size === c.size && !!last.vert === !!c.vert) {
      last.text += c.ch;
      last.width += charWidth(c);
    } else out.push({ text: c.ch, face: c.face, size: c.size, width: charWidth(c), ...(c.vert ? { vert: true } : {}), ...(gap ? { gapBefore: gap } : {}) });
  }
  return out;
}

export function toLine(chars: MeasuredChar[]): Line {
  return { pieces: toPieces(chars), width: widthOf(chars) };
}
