import type { Face } from '../fonts/face.js';
import type { Align, VAlign } from '../model/text.js';

/** Text in one face and size. `vert`: drawn with the vertical forms of its characters (stacked labels). */
export interface Piece {
  text: string;
  face: Face;
  size: number;
  /** advance width, pt */
  width: number;
  vert?: boolean;
  /** space before this piece on its line (the automatic space between Chinese and Latin/digits), pt */
  gapBefore?: number;
}

export interface Line {
  pieces: Piece[];
  /** advance width in pt */
  width: number;
  /** width of a final punctuation mark that hangs past the line's end (悬挂标点) */
  hang?: number;
}

export interface TextOp {
  kind: 'text';
  x: number;
  /** baseline, pt from the top of the page */
  baseline: number;
  pieces: Piece[];
  width: number;
  charSpacing?: number;
}
export interface RuleOp {
  kind: 'line';
  x1: number;
  y1: number;
  x2: number;
  y2: number;
  width: number;
}
export interface ImageOp {
  kind: 'image';
  x: number;
  y: number;
  w: number;
  h: number;
  data: Uint8Array;
}
export type DrawOp = TextOp | RuleOp | ImageOp;

export interface LaidPage {
  ops: DrawOp[];
}

/** A cell of the resolved grid, as both renderers draw it. */
export interface LaidCell {
  r: number;
  c: number;
  rowSpan: number;
  colSpan: number;
  kind: 'corner' | 'header' | 'label' | 'data';
  lines: Line[];
  vertical: boolean;
  align: Align;
  valign: VAlign;
  size: number;
  pitch: number;
  /** height the text needs, padding included */
  need: number;
}

export interface LaidTable {
  kind: 'table';
  id?: string;
  colWidths: number[];
  rowHeights: number[];
  headerRows: number;
  repeatHeader: boolean;
  cells: LaidCell[];
  padX: number;
  padY: number;
  border: number;
  /** space below the table, pt */
  spaceAfter: number;
}

export interface LaidParagraph {
  kind: 'paragraph';
  role: 'title' | 'heading' | 'body' | 'caption' | 'note' | 'signature';
  headingLevel?: 1 | 2 | 3;
  pieces: Piece[];
  lines: Line[];
  align: Align;
  size: number;
  indent: number;
  rightIndent: number;
  pitch: number;
  spaceBefore: number;
  spaceAfter: number;
  keepNext: boolean;
}

export interface LaidImage {
  kind: 'image';
  data: Uint8Array;
  format: 'png' | 'jpg';
  width: number;
  height: number;
  align: 'left' | 'center' | 'right';
}

export type FlowBlock = LaidParagraph | LaidTable | LaidImage | { kind: 'pageBreak' };

export interface PageNumbering {
  style: 'plain' | 'dash' | 'page-of';
  position: 'center' | 'left' | 'right' | 'outside';
  size: number;
  face: Face;
  /** pt below the text block's bottom edge to the baseline */
  offset: number;
  inset: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  margins: { top: number; right: number; bottom: number; left: number };
  landscape: boolean;
  header?: Line;
  footer?: Line;
  numbers?: PageNumbering;
}

export interface LaidOutDocument {
  meta: { title: string; author?: string; subject?: string; keywords?: string[]; creationDate: Date };
  page: PageGeometry;
  /** the document as blocks with resolved fonts, widths and grids (DOCX) */
  flow: FlowBlock[];
  /** the document as positioned pages (PDF) */
  pages: LaidPage[];
  /** every face used, with the code points drawn in it (vertical forms included) */
  used: Map<string, { face: Face; codePoints: Set<number> }>;
}
