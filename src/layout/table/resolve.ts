import type { Problem } from '../../model/errors.js';
import type { CellImage, CellParagraph, CellStyle, CellValue, GridTable, HeaderNode, NumberFormat, RowNode, TreeTable, WidthHint } from '../../model/table.js';
import { formatValue } from '../numbers.js';

/** A cell placed in the resolved grid, before measuring. */
export interface GridCellSpec extends CellStyle {
  r: number;
  c: number;
  rowSpan: number;
  colSpan: number;
  kind: 'corner' | 'header' | 'label' | 'data';
  text: string;
  /** where the cell comes from in the input, for error messages */
  where: string;
  paragraphs?: CellParagraph[];
  image?: CellImage;
  minSize?: number;
  label?: string;
}

export interface GridSpec {
  cols: number;
  rows: number;
  headerRows: number;
  widthHints: (WidthHint | undefined)[];
  cells: GridCellSpec[];
}

export class GridError extends Error {
  constructor(readonly problems: Problem[]) {
    super(problems.map((p) => `${p.path}: ${p.message}`).join('\n'));
  }
}

function depth<T extends { children?: T[] }>(nodes: T[]): number {
  return Math.max(0, ...nodes.map((n) => 1 + (n.children ? depth(n.children) : 0)));
}

function leafCount<T extends { children?: T[] }>(n: T): number {
  return n.children ? n.children.reduce((s, c) => s + leafCount(c), 0) : 1;
}

function style(n: CellStyle): CellStyle {
  const { vertical, align, valign, font, bold, size } = n;
  return { vertical, align, valign, font, bold, size };
}

/** Header and row trees → one grid: every rowSpan/colSpan derives from the trees. */
export function resolveTreeTable(t: TreeTable, where: string): GridSpec {
  const problems: Problem[] = [];
  const headerRows = depth(t.columns);
  const labelCols = t.rowHeader ? depth(t.rowHeader.rows) : 0;
  const cells: GridCellSpec[] = [];
  const leaves: HeaderNode[] = [];

  const placeColumns = (nodes: HeaderNode[], row: number, col: number, path: string) => {
    nodes.forEach((n, i) => {
      const p = `${path}[${i}]`;
      const span = leafCount(n);
      cells.push({ ...style(n), r: row, c: col, colSpan: span, rowSpan: n.children ? 1 : headerRows - row, kind: 'header', text: n.label, where: p });
      if (n.children) placeColumns(n.children, row + 1, col, `${p}.children`);
      else leaves.push(n);
      col += span;
    });
  };
  placeColumns(t.columns, 0, labelCols, `${where}.columns`);

  let leafRows = 0;
  if (t.rowHeader) {
    const rh = t.rowHeader;
    if (labelCols > 0)
      cells.push({ ...style(rh.corner ?? {}), r: 0, c: 0, rowSpan: headerRows, colSpan: labelCols, kind: 'corner', text: rh.corner?.text ?? '', where: `${where}.rowHeader.corner` });
    const placeRows = (nodes: RowNode[], col: number, row: number, path: string) => {
      nodes.forEach((n, i) => {
        const p = `${path}[${i}]`;
        const span = leafCount(n);
        cells.push({ ...style(n), r: row, c: col, rowSpan: span, colSpan: n.children ? 1 : labelCols - col, kind: 'label', text: n.label, where: p });
        if (n.children) placeRows(n.children, col + 1, row, `${p}.children`);
        row += span;
      });
    };
    placeRows(rh.rows, 0, headerRows, `${where}.rowHeader.rows`);
    leafRows = rh.rows.reduce((s, n) => s + leafCount(n), 0);
    if (t.rows.length !== leafRows)
      problems.push({ path: `${where}.rows`, message: `应有 ${leafRows} 行（rowHeader.rows 每个末级标签一行），实有 ${t.rows.length} 行` });
    if (rh.widths && rh.widths.length !== labelCols)
      problems.push({ path: `${where}.rowHeader.widths`, message: `应有 ${labelCols} 个宽度（每个行标签列一个），实有 ${rh.widths.length} 个` });
  } else leafRows = t.rows.length;

  t.rows.forEach((row, j) => {
    if (row.length !== leaves.length)
      problems.push({ path: `${where}.rows[${j}]`, message: `应有 ${leaves.length} 个值（每个末级列一个），实有 ${row.length} 个` });
    row.slice(0, leaves.length).forEach((v, i) => {
      const text = formatOrProblem(v, leaves[i].format, `${where}.rows[${j}][${i}]`, problems);
      cells.push({ ...style(t.cellStyle ?? {}), r: headerRows + j, c: labelCols + i, rowSpan: 1, colSpan: 1, kind: 'data', text, where: `${where}.rows[${j}][${i}]` });
    });
  });
  if (problems.length) throw new GridError(problems);
  return {
    cols: labelCols + leaves.length,
    rows: headerRows + leafRows, // a row count other than leafRows is reported above
    headerRows,
    widthHints: [...(t.rowHeader?.widths ?? new Array(labelCols).fill(undefined)), ...leaves.map((l) => l.width)],
    cells,
  };
}

function formatOrProblem(v: CellValue, fmt: NumberFormat | undefined, path: string, problems: Problem[]): string {
  try {
    return formatValue(v, fmt);
  } catch (e) {
    problems.push({ path, message: (e as Error).message });
    return '';
  }
}

/** An explicit grid: cells go into the next free slot, row by row (as in HTML). Overlaps and gaps are errors. */
export function resolveGridTable(t: GridTable, where: string): GridSpec {
  const problems: Problem[] = [];
  const cols = t.widths.length;
  const rows = t.rows.length;
  const owner: (string | undefined)[][] = Array.from({ length: rows }, () => new Array(cols).fill(undefined));
  const cells: GridCellSpec[] = [];
  const headerRows = t.headerRows ?? 0;
  if (headerRows > rows) problems.push({ path: `${where}.headerRows`, message: `为 ${headerRows}，但表格只有 ${rows} 行` });

  t.rows.forEach((row, r) => {
    let c = 0;
    row.forEach((raw, i) => {
      const path = `${where}.rows[${r}][${i}]`;
      const cell = raw !== null && typeof raw === 'object' ? raw : { text: raw };
      while (c < cols && owner[r][c] !== undefined) c++;
      const rs = cell.rowSpan ?? 1;
      const cs = cell.colSpan ?? 1;
      if (c + cs > cols || r + rs > rows) {
        if (c + cs > cols) problems.push({ path, message: `从第 ${c + 1} 列起跨 ${cs} 列（colSpan ${cs}），超出表格的 ${cols} 列` });
        if (r + rs > rows) problems.push({ path, message: `从第 ${r + 1} 行起跨 ${rs} 行（rowSpan ${rs}），超出表格的 ${rows} 行` });
        claimInside(owner, r, c, rs, cs, path); // the slots it does cover are not also reported as gaps
        c += cs;
        return;
      }
      for (let y = r; y < r + rs; y++)
        for (let x = c; x < c + cs; x++) {
          if (owner[y][x] !== undefined) problems.push({ path, message: `与 ${owner[y][x]} 在第 ${y + 1} 行第 ${x + 1} 列重叠` });
          else owner[y][x] = path;
        }
      const { text, rowSpan: _r, colSpan: _c, format, ...st } = cell;
      cells.push({ ...st, r, c, rowSpan: rs, colSpan: cs, kind: r < headerRows ? 'header' : 'data', text: formatOrProblem(text ?? null, format, path, problems), where: path });
      c += cs;
    });
  });
  owner.forEach((row, r) =>
    row.forEach((o, c) => {
      if (o === undefined) problems.push({ path: `${where}.rows[${r}]`, message: `第 ${r + 1} 行第 ${c + 1} 列没有单元格（空缺）；请补一个单元格或调整 rowSpan/colSpan` });
    }),
  );
  if (problems.length) throw new GridError(problems);
  return { cols, rows, headerRows, widthHints: t.widths, cells };
}

/** Marks the free slots a cell covers inside the table (for a cell that runs past its edge). */
function claimInside(owner: (string | undefined)[][], r: number, c: number, rs: number, cs: number, path: string): void {
  for (let y = r; y < Math.min(r + rs, owner.length); y++)
    for (let x = c; x < Math.min(c + cs, owner[y].length); x++) if (owner[y][x] === undefined) owner[y][x] = path;
}
