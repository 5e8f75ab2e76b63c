import { HeightRule, LineRuleType, Paragraph, Table, TableCell, TableLayoutType, TableRow, VerticalAlignTable, WidthType, BorderStyle } from 'docx';
import type { LaidCell, LaidTable } from '../../layout/types.js';
import { toTwips } from '../../layout/units.js';
import { alignment } from './paragraph.js';
import { runOf } from './runs.js';

/**
 * The layout's grid as a real Word table: fixed column widths, gridSpan/vMerge from the spans, header rows
 * marked to repeat, rows that may not split (so a label is never cut), at-least heights from the layout.
 * Cell text keeps the layout's line breaks, so both formats break lines alike.
 */
export function tableOf(t: LaidTable): Table {
  const border = { style: BorderStyle.SINGLE, size: Math.max(2, Math.round(t.border * 8)), color: '000000' };
  const byRow = new Map<number, LaidCell[]>();
  for (const c of t.cells) {
    const list = byRow.get(c.r) ?? [];
    list.push(c);
    byRow.set(c.r, list);
  }
  const rows = t.rowHeights.map((h, r) => {
    const cells = (byRow.get(r) ?? []).sort((a, b) => a.c - b.c);
    return new TableRow({
      tableHeader: r < t.headerRows && t.repeatHeader,
      cantSplit: true,
      height: { value: toTwips(h), rule: HeightRule.ATLEAST },
      children: cells.map((c) => cellOf(c, t)),
    });
  });
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: t.colWidths.reduce((s, w) => s + toTwips(w), 0), type: WidthType.DXA },
    columnWidths: t.colWidths.map(toTwips),
    borders: { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border },
    rows,
  });
}

function cellOf(c: LaidCell, t: LaidTable): TableCell {
  let width = 0;
  for (let i = c.c; i < c.c + c.colSpan; i++) width += toTwips(t.colWidths[i]);
  // Slightly less side padding than the layout used, so Word's own width rounding never re-wraps a line.
  const side = toTwips(Math.max(0, t.padX - 0.6));
  const runs = c.lines.flatMap((line, k) => line.pieces.map((p, j) => runOf(p, { breakBefore: k > 0 && j === 0 })));
  return new TableCell({
    ...(c.colSpan > 1 ? { columnSpan: c.colSpan } : {}),
    ...(c.rowSpan > 1 ? { rowSpan: c.rowSpan } : {}),
    width: { size: width, type: WidthType.DXA },
    verticalAlign: c.valign === 'top' ? VerticalAlignTable.TOP : c.valign === 'bottom' ? VerticalAlignTable.BOTTOM : VerticalAlignTable.CENTER,
    margins: { left: side, right: side, top: 0, bottom: 0 },
    children: [
      new Paragraph({
        children: runs,
        alignment: alignment(c.align),
        spacing: { line: toTwips(c.pitch), lineRule: LineRuleType.EXACT, before: 0, after: 0 },
      }),
    ],
  });
}
