/**
 * The layout's resolved grid as a real Word table (w:tbl): fixed column widths (w:tblGrid), w:gridSpan and
 * w:vMerge from the spans, header rows marked to repeat (w:tblHeader), rows that may not split
 * (w:cantSplit, so a label is never cut), at-least row heights. Cell text keeps the layout's line breaks.
 */
import type { LaidCell, LaidTable } from '../../layout/types.js';
import { toTwips } from '../../layout/units.js';
import { exactSpacing, jc } from './paragraph.js';
import { lineRuns } from './run.js';

/**
 * What a cell under a vertical merge holds: Word wants a paragraph there and counts its height when it
 * sizes the row, so it is a 1 pt line in a 1 pt font and rows keep the layout's heights.
 */
const HAIRLINE = '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>';

const VALIGN = { top: 'top', middle: 'center', bottom: 'bottom' } as const;

export function table(t: LaidTable): string {
  const cols = t.colWidths.map(toTwips);
  const b = `w:val="single" w:sz="${Math.max(2, Math.round(t.border * 8))}" w:color="000000"`;
  // the layout's padding (it broke the lines narrower by LINE_SLACK, so Word's rounding never re-wraps one)
  const side = toTwips(t.padX);
  const vert = toTwips(t.padY);
  let xml =
    `<w:tbl><w:tblPr><w:tblW w:w="${cols.reduce((s, w) => s + w, 0)}" w:type="dxa"/>` +
    `<w:tblBorders><w:top ${b}/><w:left ${b}/><w:bottom ${b}/><w:right ${b}/><w:insideH ${b}/><w:insideV ${b}/></w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/>' +
    `<w:tblCellMar><w:top w:w="${vert}" w:type="dxa"/><w:left w:w="${side}" w:type="dxa"/><w:bottom w:w="${vert}" w:type="dxa"/><w:right w:w="${side}" w:type="dxa"/></w:tblCellMar>` +
    `</w:tblPr><w:tblGrid>${cols.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;

  // Which cell owns each slot of the grid, to write the continuation cells of vertical merges.
  const rows = t.rowHeights.length;
  const owner: (LaidCell | undefined)[][] = Array.from({ length: rows }, () => new Array(cols.length));
  for (const c of t.cells) for (let r = c.r; r < Math.min(rows, c.r + c.rowSpan); r++) owner[r][c.c] = c;

  const width = (c: LaidCell) => {
    let w = 0;
    for (let i = c.c; i < c.c + c.colSpan; i++) w += cols[i];
    return w;
  };
  for (let r = 0; r < rows; r++) {
    xml += `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="${toTwips(t.rowHeights[r])}" w:hRule="atLeast"/>${r < t.headerRows && t.repeatHeader ? '<w:tblHeader/>' : ''}</w:trPr>`;
    for (let c = 0; c < cols.length; ) {
      const cell = owner[r][c];
      if (!cell) {
        // a slot no cell covers (the layout's grids have none): an empty cell keeps the row well-formed
        xml += `<w:tc><w:tcPr><w:tcW w:w="${cols[c]}" w:type="dxa"/></w:tcPr>${HAIRLINE}</w:tc>`;
        c++;
        continue;
      }
      const span = cell.colSpan > 1 ? `<w:gridSpan w:val="${cell.colSpan}"/>` : '';
      const merge = cell.rowSpan > 1 ? `<w:vMerge w:val="${cell.r === r ? 'restart' : 'continue'}"/>` : '';
      const tcPr = `<w:tcPr><w:tcW w:w="${width(cell)}" w:type="dxa"/>${span}${merge}<w:vAlign w:val="${VALIGN[cell.valign]}"/></w:tcPr>`;
      const body = cell.r === r ? `<w:p><w:pPr>${exactSpacing(0, 0, cell.pitch)}${jc(cell.align)}</w:pPr>${lineRuns(cell.lines)}</w:p>` : HAIRLINE;
      xml += `<w:tc>${tcPr}${body}</w:tc>`;
      c += cell.colSpan;
    }
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
}
