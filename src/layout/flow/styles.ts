import type { Styles } from '../../model/document.js';
import type { Align, FontRole, LineSpacing } from '../../model/text.js';

export interface BlockStyle {
  font: FontRole;
  size: number;
  bold: boolean;
  align: Align;
  indent: number;
  lineSpacing: LineSpacing;
  spaceBefore: number;
  spaceAfter: number;
}

/** Plain defaults; typography presets (e.g. gongwen) override them through `styles`. */
export const DEFAULT_STYLES: Record<'body' | 'title' | 'heading1' | 'heading2' | 'heading3' | 'caption', BlockStyle> = {
  body: { font: 'serif', size: 12, bold: false, align: 'justify', indent: 2, lineSpacing: { multiple: 1.3 }, spaceBefore: 0, spaceAfter: 0 },
  title: { font: 'title', size: 20, bold: true, align: 'center', indent: 0, lineSpacing: { multiple: 1.2 }, spaceBefore: 0, spaceAfter: 16 },
  heading1: { font: 'sans', size: 14, bold: false, align: 'left', indent: 2, lineSpacing: { multiple: 1.3 }, spaceBefore: 6, spaceAfter: 3 },
  heading2: { font: 'kai', size: 13, bold: false, align: 'left', indent: 2, lineSpacing: { multiple: 1.3 }, spaceBefore: 3, spaceAfter: 0 },
  heading3: { font: 'serif', size: 12, bold: true, align: 'left', indent: 2, lineSpacing: { multiple: 1.3 }, spaceBefore: 0, spaceAfter: 0 },
  caption: { font: 'sans', size: 12, bold: false, align: 'center', indent: 0, lineSpacing: { multiple: 1.2 }, spaceBefore: 6, spaceAfter: 4 },
};

export function resolveStyle(kind: keyof typeof DEFAULT_STYLES, styles: Styles | undefined): BlockStyle {
  const over = styles?.[kind] ?? {};
  const defined = Object.fromEntries(Object.entries(over).filter(([, v]) => v !== undefined));
  return { ...DEFAULT_STYLES[kind], ...defined } as BlockStyle;
}

/** Single line spacing as a multiple of the font size (both renderers use the resulting exact pitch). */
export const SINGLE = 1.3;

export function pitchOf(ls: LineSpacing, size: number): number {
  return 'exact' in ls ? ls.exact : ls.multiple * size * SINGLE;
}
