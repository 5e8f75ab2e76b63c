import type { PdfSettings } from '../model/document.js';
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
  /**
   * With `vert`: the same text in Unicode vertical presentation forms (、→︑), for writers that cannot
   * apply the font's `vert` feature (DOCX). The PDF draws `text` with `vert` instead.
   */
  verticalForms?: string;
  /** space before this piece on its line (the automatic space between Chinese and Latin/digits), pt */
  gapBefore?: number;
  /** this piece starts at the hanging indent after a lead (a 简历 period): a DOCX writes a tab before it */
  tab?: boolean;
}

export interface Line {
  pieces: Piece[];
  /** advance width in pt */
  width: number;
  /** width of a final punctuation mark that hangs past the line's end (悬挂标点) */
  hang?: number;
  /** pt from the cell's text edge (left-aligned paragraphs with a hanging indent) */
  indent?: number;
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
/** A ruled line (table borders). */
export interface RuleOp {
  kind: 'rule';
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

/** A cell's horizontal alignment after the layout's rules: justify is drawn left, stacked labels centred. */
export type CellAlign = 'left' | 'center' | 'right';

/** A cell of the resolved grid, as both renderers draw it. */
export interface LaidCell {
  r: number;
  c: number;
  rowSpan: number;
  colSpan: number;
  kind: 'corner' | 'header' | 'label' | 'data';
  lines: Line[];
  vertical: boolean;
  /** resolved: never 'justify' (cell lines end in breaks, so they are drawn left-aligned) */
  align: CellAlign;
  valign: VAlign;
  size: number;
  pitch: number;
  /** height the text needs, padding included, pt */
  minHeight: number;
  /** the cell's lines grouped in paragraphs with hanging indents (pt from the text edge), in order */
  paras?: { first: number; left: number; lines: number }[];
  /** a picture centred in the cell */
  image?: LaidImage;
}

export interface LaidTable {
  kind: 'table';
  id?: string;
  /** the field that holds the table (tables.<id> or blocks[i]), for messages */
  path?: string;
  colWidths: number[];
  rowHeights: number[];
  headerRows: number;
  repeatHeader: boolean;
  cells: LaidCell[];
  padX: number;
  padY: number;
  border: number;
  /** the table's outer border, pt, when it differs from `border` */
  outerBorder?: number;
  /** a fixed form: exact row heights (DOCX hRule exact), the given widths, centred on the page */
  exact?: boolean;
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
  /** pt; already 0 where no first-line indent applies (centred or right-aligned text) */
  firstLineIndent: number;
  rightIndent: number;
  pitch: number;
  spaceBefore: number;
  spaceAfter: number;
  keepNext: boolean;
  /** letter spacing after every character but the last, pt (a spread title) */
  charSpacing?: number;
}

export interface LaidImage {
  kind: 'image';
  data: Uint8Array;
  format: 'png' | 'jpg';
  width: number;
  height: number;
  align: 'left' | 'center' | 'right';
  /** space below the image, pt (both formats) */
  spaceAfter: number;
}

/** `section`: the DOCX ends a section there (the next starts on a new page); the PDF just breaks the page. */
export type FlowBlock = LaidParagraph | LaidTable | LaidImage | { kind: 'pageBreak'; section?: boolean };

export type Side = 'left' | 'center' | 'right';

/** One part of a page number: literal text, or a field the renderer fills in (PDF: the number; DOCX: PAGE/NUMPAGES). */
export type PageNumberPart = { text: string } | { field: 'page' | 'pages' };

export interface PageNumbering {
  style: 'plain' | 'dash' | 'page-of';
  position: 'center' | 'left' | 'right' | 'outside';
  /** e.g. `— `, page, ` —` or `第 `, page, ` 页 共 `, pages, ` 页` */
  parts: PageNumberPart[];
  /** the side of odd and even pages ('outside' resolved: odd right, even left) */
  sides: { odd: Side; even: Side };
  size: number;
  face: Face;
  /** pt below the text block's bottom edge to the baseline */
  offset: number;
  /** pt from the text block's edge when on the left or right */
  inset: number;
  /** the number's line box, pt (its baseline is NUMBER_ASCENT × size below its top) */
  lineHeight: number;
}

export interface PageGeometry {
  width: number;
  height: number;
  margins: { top: number; right: number; bottom: number; left: number };
  landscape: boolean;
  header?: Line;
  footer?: Line;
  numbers?: PageNumbering;
  /** pt from the page's top edge to the top of the header band (DOCX w:header) */
  headerDistance: number;
  /** pt from the page's bottom edge to the bottom of the footer band, or of the page number when there is no footer text (DOCX w:footer) */
  footerDistance: number;
  /** the exact line height of header and footer text, pt */
  bandPitch: number;
  /** pt between the bottom of the page number's line and the top of the footer text's line below it (0 without either) */
  numberGap: number;
}

export interface LaidOutDocument {
  meta: { title: string; author?: string; subject?: string; keywords?: string[]; creationDate: Date; pdf?: PdfSettings };
  page: PageGeometry;
  /** the document as blocks with resolved fonts, widths and grids (DOCX) */
  flow: FlowBlock[];
  /** the document as positioned pages (PDF) */
  pages: LaidPage[];
  /** every face used, with the code points drawn in it (vertical forms included) */
  used: Map<string, { face: Face; codePoints: Set<number> }>;
}
