import { z } from 'zod';
import { Block } from './blocks.js';
import { Align, FontRole, FontSize, LineSpacing } from './text.js';

export const Margins = z
  .object({
    top: z.number().min(0).max(200),
    right: z.number().min(0).max(200),
    bottom: z.number().min(0).max(200),
    left: z.number().min(0).max(200),
  })
  .strict()
  .describe('millimetres');

export const PageNumbers = z
  .object({
    style: z.enum(['plain', 'dash', 'page-of']).optional().describe('dash: "— 1 —"'),
    position: z.enum(['center', 'left', 'right', 'outside']).optional().describe('outside: odd pages right, even pages left'),
    size: FontSize.optional(),
    font: FontRole.optional(),
    offset: z.number().min(0).max(100).optional().describe('mm from the bottom edge of the text block to the number'),
    inset: z.number().min(0).max(50).optional().describe('characters in from the text block edge (outside/left/right)'),
  })
  .strict();

export const PageSetup = z
  .object({
    size: z.enum(['A4', 'A3']).optional(),
    orientation: z.enum(['portrait', 'landscape']).optional(),
    margins: Margins.optional(),
    header: z.string().optional(),
    footer: z.string().optional(),
    pageNumbers: z.union([PageNumbers, z.literal(false)]).optional(),
  })
  .strict();
export type PageSetup = z.infer<typeof PageSetup>;

/** Document-wide defaults for each kind of block; typography presets fill these. */
const Style = z.object({ font: FontRole.optional(), size: FontSize.optional(), bold: z.boolean().optional(), align: Align.optional(),
  indent: z.number().min(0).max(20).optional(), lineSpacing: LineSpacing.optional(),
  spaceBefore: z.number().min(0).max(200).optional(), spaceAfter: z.number().min(0).max(200).optional() }).strict();
export const Styles = z
  .object({
    body: Style.optional(),
    title: Style.optional(),
    heading1: Style.optional(),
    heading2: Style.optional(),
    heading3: Style.optional(),
    table: z.object({ font: FontRole.optional(), size: FontSize.optional(), headerSize: FontSize.optional(), labelSize: FontSize.optional() }).strict().optional(),
    caption: Style.optional(),
  })
  .strict();
export type Styles = z.infer<typeof Styles>;

export const Metadata = z
  .object({
    title: z.string().min(1),
    author: z.string().optional(),
    subject: z.string().optional(),
    keywords: z.array(z.string()).optional(),
    creationDate: z.string().datetime({ offset: true }).optional().describe('ISO 8601; SOURCE_DATE_EPOCH overrides when set'),
  })
  .strict();

export const ReportDocument = z
  .object({
    meta: Metadata,
    page: PageSetup.optional(),
    styles: Styles.optional(),
    allowFontFallback: z.boolean().optional().describe('draw characters missing from a role\'s fonts with any bundled font instead of failing'),
    blocks: z.array(Block).min(1),
  })
  .strict();
export type ReportDocument = z.infer<typeof ReportDocument>;
