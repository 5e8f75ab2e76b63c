import type { Problem } from '../model/errors.js';
import type { FlowBlock, LaidTable, PageGeometry } from './types.js';
import { PT_PER_MM } from './units.js';

/**
 * What cannot be drawn on the page is refused instead of being drawn off it (found by the fuzz tests):
 * a page header or footer wider than the text block (it is one line), and a cell spanning several rows
 * whose text is taller than a page (a single row that tall continues on the next page; a span does not).
 */
export function checkFits(flow: FlowBlock[], page: PageGeometry, problems: Problem[]): void {
  const width = page.width - page.margins.left - page.margins.right;
  const height = page.height - page.margins.top - page.margins.bottom;
  const band = (line: PageGeometry['header'], path: string, what: string) => {
    if (line && line.width > width)
      problems.push({ path, message: `${what}只能排一行，宽 ${Math.round(line.width)} pt，超过版心宽 ${Math.round(width)} pt；请缩短` });
  };
  band(page.header, 'page.header', '页眉');
  band(page.footer, 'page.footer', '页脚');
  flow.forEach((b) => {
    if (b.kind !== 'table') return;
    const rows = b.headerRows && b.repeatHeader ? b.rowHeights.slice(0, b.headerRows).reduce((a, h) => a + h, 0) : 0;
    const where = b.path ?? (b.id ? `tables.${b.id}` : '(table)');
    const total = b.rowHeights.reduce((a, h) => a + h, 0);
    if (b.exact && total > height + 0.01) {
      problems.push({ path: where, message: `行高固定的表格高 ${Math.round(total)} pt，超过一页版心高 ${Math.round(height)} pt；请减小行高或页边距` });
      return;
    }
    if (rows >= height) {
      problems.push({ path: where, message: `表头（每页重复的 ${b.headerRows} 行）高 ${Math.round(rows)} pt，不低于一页版心高 ${Math.round(height)} pt；请缩短表头文字或不要竖排` });
      return;
    }
    for (const c of b.cells)
      if (c.rowSpan > 1 && c.minHeight > height - rows)
        problems.push({
          path: where,
          message: `跨 ${c.rowSpan} 行的单元格（第 ${c.r + 1} 行第 ${c.c + 1} 列）文字高 ${Math.round(c.minHeight)} pt，超过一页版心高 ${Math.round(height - rows)} pt；请缩短文字或不要竖排`,
        });
  });
}

/**
 * A column too narrow for a single character of its text (too many columns for the page): the character
 * would be drawn over the next cell, or off the page. Returns the message, or undefined.
 */
export function narrowColumnProblem(t: LaidTable): string | undefined {
  for (const c of t.cells) {
    if (c.vertical) continue;
    const w = t.colWidths.slice(c.c, c.c + c.colSpan).reduce((a, b) => a + b, 0);
    const widest = Math.max(...c.lines.map((l) => l.width - (l.hang ?? 0)));
    if (widest > w + 0.01)
      return `表格太宽：共 ${t.colWidths.length} 列，第 ${c.c + 1} 列只有 ${(w / PT_PER_MM).toFixed(2)} mm，放不下一个字（需 ${(widest / PT_PER_MM).toFixed(2)} mm）；请减少列数、缩小字号、减小页边距或改为横向`;
  }
  return undefined;
}
