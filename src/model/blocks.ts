import { z } from 'zod';
import { Align, FontRole, FontSize, Inline, LineSpacing, TextStyle } from './text.js';
import { GridTable, TreeTable } from './table.js';

const ParagraphStyle = TextStyle.extend({
  align: Align.optional(),
  indent: z.number().min(0).max(20).optional().describe('first-line indent in characters'),
  lineSpacing: LineSpacing.optional(),
  spaceBefore: z.number().min(0).max(200).optional().describe('points'),
  spaceAfter: z.number().min(0).max(200).optional().describe('points'),
});

export const TitleBlock = ParagraphStyle.extend({
  type: z.literal('title'),
  text: Inline,
  spread: z.number().positive().max(1000).optional().describe('letter-space the title across this many millimetres (干部任免审批表: 87)'),
}).strict();
export const HeadingBlock = ParagraphStyle.extend({
  type: z.literal('heading'),
  level: z.union([z.literal(1), z.literal(2), z.literal(3)]),
  text: Inline,
}).strict();
export const ParagraphBlock = ParagraphStyle.extend({ type: z.literal('paragraph'), text: Inline }).strict();
export const PageBreakBlock = z
  .object({
    type: z.literal('pageBreak'),
    section: z.boolean().optional().describe('a section break (next page) in the DOCX, as the 任免表 has between its pages'),
  })
  .strict();
export const SignatureBlock = z
  .object({
    type: z.literal('signature'),
    lines: z.array(z.string()).min(1).describe('agency name(s) and the date, right-aligned'),
    font: FontRole.optional(),
    size: FontSize.optional(),
    rightIndent: z.number().min(0).max(20).optional().describe('characters kept free at the right'),
  })
  .strict();
export const ImageBlock = z
  .object({
    type: z.literal('image'),
    data: z.string().describe('base64 PNG or JPEG, or a data: URL'),
    width: z.number().positive().max(1000).describe('millimetres'),
    height: z.number().positive().max(1000).optional().describe('millimetres; default keeps the aspect ratio'),
    align: z.enum(['left', 'center', 'right']).optional(),
  })
  .strict();

export const Block = z.discriminatedUnion('type', [
  TitleBlock,
  HeadingBlock,
  ParagraphBlock,
  TreeTable,
  GridTable,
  PageBreakBlock,
  SignatureBlock,
  ImageBlock,
]);
export type Block = z.infer<typeof Block>;
export type TitleBlock = z.infer<typeof TitleBlock>;
export type HeadingBlock = z.infer<typeof HeadingBlock>;
export type ParagraphBlock = z.infer<typeof ParagraphBlock>;
export type SignatureBlock = z.infer<typeof SignatureBlock>;
export type ImageBlock = z.infer<typeof ImageBlock>;
