import type { Problem } from '../../model/errors.js';
import type { CellParagraph } from '../../model/table.js';
import { CjkReportError } from '../../errors.js';
import { ImageError, decodeBase64Image, imageInfo } from '../flow/image.js';
import { breakLines } from '../text/linebreak.js';
import { type TextContext, toPieces, widthOf } from '../text/measure.js';
import type { LaidCell, LaidImage, LaidTable, Line } from '../types.js';
import { PT_PER_MM, mm } from '../units.js';
import { resolveCellAlign } from './cells.js';
import { LINE_SLACK } from './index.js';
import type { TableDefaults } from './measure.js';
import type { GridCellSpec, GridSpec } from './resolve.js';
import { stackVertical, stackWidth } from './vertical.js';

/**
 * Fixed forms (the 干部任免审批表): the column widths and row heights are the form's, never the text's.
 * Each cell's text is laid in its box; when it does not fit, it shrinks in 1 pt steps down to the cell's
 * `minSize` (the line pitch with it); when it still does not fit, a problem names the cell — a fixed form
 * never grows a row, overflows a cell or spills onto another page.
 */
export interface FixedOptions {
  id?: string;
  /** pt */
  widths: number[];
  /** pt */
  heights: number[];
  padX: number;
  padY: number;
  /** line pitch, × font size */
  pitch: number;
  border: number;
  outerBorder: number;
  spaceAfter: number;
  maxImagePixels: number;
}

/** The least the text of a paragraph-cell needs past its lead, so a long lead never runs into the text. */
const LEAD_GAP = 0.5;

export function layoutFixedTable(spec: GridSpec, ctx: TextContext, d: TableDefaults, o: FixedOptions, problems: Problem[]): LaidTable {
  const cells: LaidCell[] = [];
  for (const cell of spec.cells) {
    let w = 0;
    for (let c = cell.c; c < cell.c + cell.colSpan; c++) w += o.widths[c] ?? 0;
    let h = 0;
    for (let r = cell.r; r < cell.r + cell.rowSpan; r++) h += o.heights[r] ?? 0;
    const laid = fitCell(cell, ctx, d, o, w, h);
    if (!laid) {
      const start = startSize(cell, d);
      const min = Math.min(start, cell.minSize ?? start);
      const box = `${Math.round(w / PT_PER_MM)} × ${Math.round(h / PT_PER_MM)} mm`;
      problems.push({ path: cell.where, message: `${cell.label ? `${cell.label}：` : ''}内容过多，${min < start ? `缩小到 ${min} 磅` : `以 ${min} 磅`}仍放不下这一格（${box}）；请删减文字` });
      continue;
    }
    if (cell.image) {
      try {
        laid.image = cellImage(cell, w, h, o.maxImagePixels);
      } catch (e) {
        if (e instanceof CjkReportError) throw e; // the pixel limit
        problems.push({ path: `${cell.where}.image.data`, message: `${cell.label ? `${cell.label}：` : ''}${e instanceof ImageError ? e.message : '图片数据损坏或不完整，无法读取'}` });
      }
    }
    cells.push(laid);
  }
  return {
    kind: 'table',
    id: o.id,
    colWidths: o.widths,
    rowHeights: o.heights,
    headerRows: 0,
    repeatHeader: false,
    cells,
    padX: o.padX,
    padY: o.padY,
    border: o.border,
    ...(o.outerBorder !== o.border ? { outerBorder: o.outerBorder } : {}),
    exact: true,
    spaceAfter: o.spaceAfter,
  };
}

/** The cell at the largest size from its own down to its minSize whose lines fit its box; undefined if none. */
function fitCell(cell: GridCellSpec, ctx: TextContext, d: TableDefaults, o: FixedOptions, w: number, h: number): LaidCell | undefined {
  const start = startSize(cell, d);
  const min = Math.min(start, cell.minSize ?? start);
  // whole sizes below the start (10.5 → 10 → 9 …), the minimum itself last
  for (let size = start; ; size = Math.max(min, Math.ceil(size) - 1)) {
    const laid = layAt(cell, ctx, d, o, w, size);
    const widest = Math.max(0, ...laid.lines.map((l) => (l.indent ?? 0) + l.width - (l.hang ?? 0)));
    if (laid.minHeight <= h + 0.01 && widest <= w - 2 * o.padX + 0.01) return laid;
    if (size <= min) return undefined;
  }
}

function startSize(cell: GridCellSpec, d: TableDefaults): number {
  return cell.size ?? (cell.kind === 'header' ? d.headerSize : d.size);
}

function layAt(cell: GridCellSpec, ctx: TextContext, d: TableDefaults, o: FixedOptions, w: number, size: number): LaidCell {
  const style = { font: cell.font ?? d.font, size, bold: cell.bold ?? false };
  // LINE_SLACK narrower than the cell, as every table: the DOCX gets the exact padding and Word's rounding never re-wraps
  const inner = w - 2 * o.padX - LINE_SLACK;
  let lines: Line[];
  let paras: LaidCell['paras'];
  const vertical = cell.vertical ?? false;
  if (cell.paragraphs) {
    lines = [];
    paras = [];
    cell.paragraphs.forEach((p, k) => {
      const laid = paragraphLines(p, ctx, style, inner, `${cell.where}.paragraphs[${k}]`);
      lines.push(...laid.lines);
      paras!.push({ first: laid.first, left: laid.left, lines: laid.lines.length });
    });
  } else {
    const chars = ctx.chars([{ text: cell.text }], style, cell.where);
    lines = vertical ? (stackWidth(chars) <= inner ? stackVertical(chars) : [{ pieces: [], width: Infinity }]) : breakLines(chars, inner, 0, false);
  }
  const pitch = size * o.pitch;
  const align = paras ? 'left' : resolveCellAlign({ cell, size, chars: [], vertical });
  return {
    r: cell.r,
    c: cell.c,
    rowSpan: cell.rowSpan,
    colSpan: cell.colSpan,
    kind: cell.kind,
    lines: cell.image && !cell.text ? [] : lines,
    vertical,
    align,
    valign: cell.valign ?? 'middle',
    size,
    pitch,
    minHeight: (cell.image && !cell.text ? 0 : lines.length * pitch) + 2 * o.padY,
    ...(paras ? { paras } : {}),
  };
}

/**
 * A paragraph with a hanging indent: the lead at `indent`, the text from `indent + hanging` on every line.
 * Returns the lines with their x (pt from the text edge) and the paragraph's first-line and left indents.
 */
function paragraphLines(p: CellParagraph, ctx: TextContext, style: { font: 'serif' | 'sans' | 'kai' | 'fangsong' | 'title'; size: number; bold: boolean }, inner: number, where: string) {
  const em = style.size;
  const first = (p.indent ?? 0) * em;
  const left = first + (p.hanging ?? 0) * em;
  const text = ctx.chars([{ text: p.text }], style, `${where}.text`);
  if (!p.lead) {
    const lines = breakLines(text, inner - left, first - left, false);
    lines.forEach((l, k) => (l.indent = k === 0 ? first : left));
    return { lines, first, left };
  }
  const leadChars = ctx.chars([{ text: p.lead }], style, `${where}.lead`);
  const leadW = widthOf(leadChars);
  // the text starts at the hanging indent, or just after a lead longer than it
  const textX = Math.max(left, first + leadW + LEAD_GAP * em);
  const lines = breakLines(text, inner - left, textX - left, false);
  const head = lines[0];
  const textPieces = head.pieces.map((pc, k) => (k === 0 ? { ...pc, gapBefore: textX - first - leadW, tab: true } : pc));
  lines[0] = { pieces: [...toPieces(leadChars), ...textPieces], width: textX - first + head.width, indent: first };
  lines.forEach((l, k) => k > 0 && (l.indent = left));
  return { lines, first, left };
}

function cellImage(cell: GridCellSpec, w: number, h: number, maxPixels: number): LaidImage {
  const img = cell.image!;
  const info = imageInfo(decodeBase64Image(img.data), maxPixels, `${cell.where}.image.data`);
  let iw = mm(img.width);
  let ih = mm(img.height);
  const k = Math.min(1, (w - 3) / iw, (h - 3) / ih); // inside the cell, its borders left visible
  iw *= k;
  ih *= k;
  return { kind: 'image', data: info.data, format: info.format, width: iw, height: ih, align: 'center', spaceAfter: 0 };
}
