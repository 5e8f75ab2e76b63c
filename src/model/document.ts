import { z } from 'zod';
import { Block } from './blocks.js';
import { Align, FontRole, FontSize, LineSpacing } from './text.js';

/** Page sizes in mm (as in layout/units.ts; repeated here so the model stays free of layout imports). */
const PAGE_MM = { A4: [210, 297], A3: [297, 420] } as const;
const MIN_TEXT_BLOCK_MM = 30;

/**
 * ZIP (DOCX) timestamps end in 2099 (fflate refuses later ones deep in the writer), so later dates are
 * refused here. Earlier ones down to 1970 stay accepted — SOURCE_DATE_EPOCH=0 is the usual reproducible-build
 * value — and the DOCX writer records times before 1980 as 1980-01-02, as it always did.
 */
export const MIN_YEAR = 1970;
export const MAX_YEAR = 2099;
export function yearInRange(d: Date): boolean {
  const y = d.getUTCFullYear();
  return Number.isFinite(d.getTime()) && y >= MIN_YEAR && y <= MAX_YEAR;
}

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
  .strict()
  .superRefine((p, ctx) => {
    // Margins that leave no text block would lay out one character per page (or none at all).
    if (!p.margins) return;
    const [w, h] = PAGE_MM[p.size ?? 'A4'];
    const [pw, ph] = p.orientation === 'landscape' ? [h, w] : [w, h];
    const tw = pw - p.margins.left - p.margins.right;
    const th = ph - p.margins.top - p.margins.bottom;
    if (tw < MIN_TEXT_BLOCK_MM || th < MIN_TEXT_BLOCK_MM)
      ctx.addIssue({ code: 'custom', path: ['margins'], message: `页边距过大：版心只剩 ${Math.max(0, tw)} × ${Math.max(0, th)} mm（页面 ${pw} × ${ph} mm），版心宽和高至少应为 ${MIN_TEXT_BLOCK_MM} mm` });
  });
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

/**
 * What the PDF document itself declares (pdfmake's document-definition options): PDF/A-2b for archiving, and
 * a lock — permissions enforced by an owner password, as published government PDFs often are.
 */
export const PdfPermissions = z
  .object({
    printing: z.enum(['highResolution', 'lowResolution', 'none']).optional().describe('default highResolution'),
    copying: z.boolean().optional(),
    modifying: z.boolean().optional(),
    annotating: z.boolean().optional(),
    fillingForms: z.boolean().optional(),
    contentAccessibility: z.boolean().optional().describe('default true: screen readers may extract the text'),
    documentAssembly: z.boolean().optional(),
  })
  .strict();
export const PdfSettings = z
  .object({
    standard: z.literal('PDF/A-2b').optional().describe('archival PDF (ISO 19005-2, level b): XMP metadata and an sRGB output intent'),
    ownerPassword: z.string().min(1).max(128).optional().describe('locks the permissions: needed to change them'),
    userPassword: z.string().min(1).max(128).optional().describe('needed to open the file'),
    permissions: PdfPermissions.optional().describe('with ownerPassword; unset ones are refused, printing defaults to allowed'),
    displayTitle: z.boolean().optional().describe('viewers show the title instead of the file name (default true)'),
    compress: z.boolean().optional().describe('default true'),
  })
  .strict()
  .superRefine((p, ctx) => {
    if (p.standard && (p.ownerPassword || p.userPassword))
      ctx.addIssue({ code: 'custom', path: ['standard'], message: 'PDF/A-2b 不允许加密：归档文件与加密（ownerPassword/userPassword）只能选一个' });
    if (p.permissions && !p.ownerPassword) ctx.addIssue({ code: 'custom', path: ['ownerPassword'], message: '设置权限（permissions）需要同时给出所有者密码（ownerPassword），否则权限无法生效' });
  });
export type PdfSettings = z.infer<typeof PdfSettings>;

export const Metadata = z
  .object({
    title: z.string().min(1),
    author: z.string().optional(),
    subject: z.string().optional(),
    keywords: z.array(z.string()).optional(),
    creationDate: z
      .string()
      .datetime({ offset: true })
      .refine((v) => yearInRange(new Date(v)), `日期应在 ${MIN_YEAR}–${MAX_YEAR} 年之间（DOCX 压缩包的时间只能记到 2099 年）`)
      .optional()
      .describe('ISO 8601, 1980–2099; SOURCE_DATE_EPOCH overrides when set'),
    pdf: PdfSettings.optional(),
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
