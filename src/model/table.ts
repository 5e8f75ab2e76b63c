import { z } from 'zod';
import { Align, FontRole, FontSize, VAlign } from './text.js';

/** How a cell's text is drawn. Every field is optional; the table and document give defaults. */
export const CellStyle = z.object({
  vertical: z.boolean().optional().describe('stack the characters upright, one per line (竖排)'),
  align: Align.optional(),
  valign: VAlign.optional(),
  font: FontRole.optional(),
  bold: z.boolean().optional(),
  size: FontSize.optional(),
});
export type CellStyle = z.infer<typeof CellStyle>;

/** Number format for a data column: decimals as given or fixed, thousands separator, explicit sign. */
export const NumberFormat = z
  .object({
    decimals: z.union([z.literal('as-given'), z.number().int().min(0).max(10)]).optional(),
    thousands: z.boolean().optional(),
    sign: z.enum(['auto', 'always']).optional().describe('always: +17, 0, -3'),
  })
  .strict();
export type NumberFormat = z.infer<typeof NumberFormat>;

/** Width hint: millimetres, a share of the free width ({ weight }), or 'narrow' (one CJK character). */
export const WidthHint = z.union([
  z.number().positive().max(2000),
  z.object({ mm: z.number().positive().max(2000) }).strict(),
  z.object({ weight: z.number().positive().max(1e6) }).strict(),
  z.literal('narrow'),
  z.literal('auto'),
]);
export type WidthHint = z.infer<typeof WidthHint>;

/**
 * A JSON number beyond ±2^53 has already lost digits when it reaches us (1152921504606846976 would print as
 * …847000): refused, with the way to keep it exact — a string, which is printed digit for digit.
 */
export function exactNumber() {
  return z.number().refine((v) => Math.abs(v) <= Number.MAX_SAFE_INTEGER, '数值超出可精确表示的范围（±9007199254740991），请写成字符串，如 "1152921504606846976"，以原样输出');
}

/** A number keeps its decimals when given as a numeric string ("5949.088667", "1.50"). */
export const CellValue = z.union([exactNumber(), z.string(), z.null()]);
export type CellValue = z.infer<typeof CellValue>;

export interface HeaderNode extends CellStyle {
  label: string;
  children?: HeaderNode[];
  width?: WidthHint;
  format?: NumberFormat;
}
export const HeaderNode: z.ZodType<HeaderNode> = z.lazy(() =>
  CellStyle.extend({
    label: z.string(),
    children: z.array(HeaderNode).min(1).optional(),
    width: WidthHint.optional().describe('only on leaves: the width of that column'),
    format: NumberFormat.optional().describe('only on leaves: number format of that data column'),
  }).strict(),
);

/** Row header node. A leaf owns one data row; a branch spans the rows of its leaves. */
export interface RowNode extends CellStyle {
  label: string;
  children?: RowNode[];
}
export const RowNode: z.ZodType<RowNode> = z.lazy(() =>
  CellStyle.extend({ label: z.string(), children: z.array(RowNode).min(1).optional() }).strict(),
);

const TableCommon = z.object({
  id: z.string().optional().describe('names the table in error messages'),
  caption: z.string().optional(),
  notes: z.array(z.string()).optional(),
  size: FontSize.optional(),
  font: FontRole.optional(),
  headerSize: FontSize.optional(),
  repeatHeader: z.boolean().optional().describe('repeat the header rows on every page (default true)'),
});

/** A table described as people think of it: header trees and the data of the leaves. */
export const TreeTable = TableCommon.extend({
  type: z.literal('table'),
  columns: z.array(HeaderNode).min(1).describe('column header tree over the data columns'),
  rowHeader: z
    .object({
      corner: CellStyle.extend({ text: z.string() }).optional().describe('the cell above the row labels'),
      widths: z.array(WidthHint).optional().describe('one per row-label column'),
      rows: z.array(RowNode).min(1),
    })
    .strict()
    .optional(),
  rows: z.array(z.array(CellValue)).describe('one array per leaf row, one value per leaf column'),
  cellStyle: CellStyle.optional().describe('style of the data cells'),
}).strict();
export type TreeTable = z.infer<typeof TreeTable>;

/**
 * A paragraph of a cell with a hanging indent (a 简历 line): `lead` (the period) at `indent`, the text from
 * `indent + hanging`, its continuation lines there too. Indents are in characters of the cell's size.
 */
export const CellParagraph = z
  .object({
    lead: z.string().optional(),
    text: z.string(),
    indent: z.number().min(0).max(40).optional(),
    hanging: z.number().min(0).max(40).optional(),
  })
  .strict();
export type CellParagraph = z.infer<typeof CellParagraph>;

/** A picture filling a cell (the 任免表's photo): centred, scaled down to fit the cell if it must. */
export const CellImage = z
  .object({
    data: z.string().describe('base64 PNG or JPEG, or a data: URL'),
    width: z.number().positive().max(1000).describe('millimetres'),
    height: z.number().positive().max(1000).describe('millimetres'),
  })
  .strict();
export type CellImage = z.infer<typeof CellImage>;

export const GridCell = CellStyle.extend({
  text: z.union([z.string(), exactNumber(), z.null()]).optional(),
  rowSpan: z.number().int().min(1).max(1000).optional(),
  colSpan: z.number().int().min(1).max(100).optional(),
  format: NumberFormat.optional(),
  paragraphs: z.array(CellParagraph).max(10000).optional().describe('instead of text: paragraphs with hanging indents'),
  image: CellImage.optional(),
  label: z.string().optional().describe('what error messages call this cell (a form field: 简历)'),
  minSize: FontSize.optional().describe('in a table of exact row heights: text that does not fit shrinks in 1 pt steps down to this size'),
}).strict();
export type GridCell = z.infer<typeof GridCell>;

/** For tables that are not trees: rows of cells, each placed in the next free slot (as in HTML). */
export const GridTable = TableCommon.extend({
  type: z.literal('grid'),
  widths: z.array(WidthHint).min(1).describe('one per grid column; fixes the column count'),
  headerRows: z.number().int().min(0).optional().describe('how many top rows repeat on each page'),
  rows: z.array(z.array(z.union([GridCell, z.string(), exactNumber(), z.null()]))).min(1),
  /**
   * A fixed form (the 任免表): the widths (mm) are used as given, not stretched to the text block, the
   * table is centred, every row has this exact height (mm) and text that does not fit is an error (or
   * shrinks, see GridCell.minSize) — never a taller row.
   */
  exactHeights: z.array(z.number().positive().max(1000)).optional().describe('millimetres, one per row'),
  border: z.object({ outer: z.number().min(0.25).max(6), inner: z.number().min(0.25).max(6) }).strict().optional().describe('points'),
  cellPadding: z.object({ x: z.number().min(0).max(20), y: z.number().min(0).max(20) }).strict().optional().describe('points'),
  linePitch: z.number().min(1).max(3).optional().describe('line pitch in cells, × font size'),
  spaceAfter: z.number().min(0).max(200).optional().describe('points below the table'),
}).strict();
export type GridTable = z.infer<typeof GridTable>;
