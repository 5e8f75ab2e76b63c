/**
 * The one form every reader (PDF, DOCX, HTML) produces and the mapper reads: the document's paragraphs and,
 * per table, a logical grid of cells. A cell that spans keeps one value, at its top-left grid position.
 */

export interface Where {
  page?: number;
  /** points from the page's left edge */
  x?: number;
  /** points from the page's top edge */
  y?: number;
}

export interface Cell extends Where {
  text: string;
  row: number;
  col: number;
  rowSpan: number;
  colSpan: number;
}

export interface Table {
  cells: Cell[];
  page?: number;
  /** when known (PDF), the number of label columns: column 0 is the label even when empty */
  labelColumns?: number;
}

export interface Paragraph extends Where {
  text: string;
}

/** A document as read: the prose in reading order and its tables (a table may follow any paragraph). */
export interface ImportedDoc {
  kind: 'pdf' | 'docx' | 'html';
  paragraphs: Paragraph[];
  tables: Table[];
  /** for each table, how many paragraphs come before it (so a mapper can tell which section it sits in) */
  tableAt: number[];
  pages?: number;
}

/** A body row of a table as the mapper sees it: the label text and the values after it, each with its place. */
export interface Row {
  label: string;
  values: Cell[];
}

const VALUE_RE = /^[+\-−]?[\d,，]+(?:\.\d+)?$/;
/** Text that stands in a value cell: a number, a "/" or dash, or nothing. Labels never look like this. */
export function isValueText(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return t === '' || VALUE_RE.test(t) || /^[/／—–\-－―]+$/.test(t) || /^[\d.]+[（(].*[)）]$/.test(t) || /^[零〇一二两三四五六七八九十百]{1,4}$/.test(t);
}

/** A value that is a number (not blank, not a slash) — what makes a row a body row. */
export function isNumberText(text: string): boolean {
  const t = text.replace(/\s+/g, '');
  return VALUE_RE.test(t) || /^[\d.]+[（(].*[)）]$/.test(t);
}

/**
 * Grid → body rows. In each row, the cells that start there are read left to right: the leading ones that do
 * not look like values are the label, the rest are values (a spurious colspan on a value cell does not shift
 * the values, since they are taken in order). Heading rows come out with no values.
 */
export function rowsOf(t: Table): Row[] {
  const byRow = new Map<number, Cell[]>();
  for (const c of t.cells) {
    const list = byRow.get(c.row) ?? [];
    list.push(c);
    byRow.set(c.row, list);
  }
  const out: Row[] = [];
  for (const r of [...byRow.keys()].sort((a, b) => a - b)) {
    const cells = byRow.get(r)!.sort((a, b) => a.col - b.col);
    let i = 0;
    const label: string[] = [];
    while (i < cells.length && (cells[i].col < (t.labelColumns ?? 0) || !isValueText(cells[i].text))) label.push(cells[i++].text);
    out.push({ label: label.join(''), values: cells.slice(i) });
  }
  return out;
}

/** Places cells given row by row with spans (HTML, DOCX) on a grid: each skips the columns covered from above. */
export class GridBuilder {
  private taken = new Set<string>();
  readonly cells: Cell[] = [];
  private row = -1;
  private col = 0;
  newRow(): void {
    this.row++;
    this.col = 0;
  }
  add(text: string, colSpan = 1, rowSpan = 1): Cell {
    while (this.taken.has(`${this.row},${this.col}`)) this.col++;
    const cell: Cell = { text, row: this.row, col: this.col, rowSpan, colSpan };
    for (let r = 0; r < rowSpan; r++) for (let c = 0; c < colSpan; c++) this.taken.add(`${this.row + r},${this.col + c}`);
    this.col += colSpan;
    this.cells.push(cell);
    return cell;
  }
}

/** Whitespace inside CJK text is layout, not content: drop it (keep single spaces between Latin words). */
export function cleanText(s: string): string {
  return s
    .replace(/[\u00a0\u3000\t\r\n]+/g, ' ')
    .replace(/\s+/g, ' ')
    .replace(/(?<=[^\x00-\x7f]) | (?=[^\x00-\x7f])/g, '')
    .trim();
}
