import { z } from 'zod';

/** Font roles: what a piece of text is, not which file draws it. The font registry maps roles to families. */
export const FontRole = z.enum(['serif', 'sans', 'kai', 'fangsong', 'title']).describe(
  'serif = 宋体, sans = 黑体, kai = 楷体, fangsong = 仿宋, title = 小标宋 (falls back to serif)',
);
export type FontRole = z.infer<typeof FontRole>;

export const Align = z.enum(['left', 'center', 'right', 'justify']);
export type Align = z.infer<typeof Align>;

export const VAlign = z.enum(['top', 'middle', 'bottom']);
export type VAlign = z.infer<typeof VAlign>;

/** Point size, bounded so a typo cannot make a 10,000 pt page. */
export const FontSize = z.number().min(4).max(72);

export const TextStyle = z.object({
  font: FontRole.optional(),
  size: FontSize.optional(),
  bold: z.boolean().optional(),
});
export type TextStyle = z.infer<typeof TextStyle>;

export const Run = TextStyle.extend({ text: z.string() }).strict();
export type Run = z.infer<typeof Run>;

/** A run list, or plain text as a shorthand for one run. */
export const Inline = z.union([z.string(), z.array(z.union([z.string(), Run]))]);
export type Inline = z.infer<typeof Inline>;

/** Line spacing: an exact pitch in points (公文: 28 pt), or a multiple of the font size. */
export const LineSpacing = z.union([
  z.object({ exact: z.number().min(4).max(200) }).strict(),
  z.object({ multiple: z.number().min(0.5).max(5) }).strict(),
]);
export type LineSpacing = z.infer<typeof LineSpacing>;

export function inlineRuns(inline: Inline): Run[] {
  if (typeof inline === 'string') return [{ text: inline }];
  return inline.map((r) => (typeof r === 'string' ? { text: r } : r));
}

export function inlineText(inline: Inline): string {
  return inlineRuns(inline).map((r) => r.text).join('');
}
