/**
 * The layout's resolved grid as a real Word table (w:tbl): fixed column widths (w:tblGrid), w:gridSpan and
 * w:vMerge from the spans, header rows marked to repeat (w:tblHeader), rows that may not split
 * (w:cantSplit, so a label is never cut), at-least row heights. Cell text keeps the layout's line breaks.
 */
import type { LaidCell, LaidTable } from '../../layout/types.js';
import { toTwips } from '../../layout/units.js';
import type { LaidImage } from '../../layout/types.js';
import { imageParagraph } from './drawing.js';
import { exactSpacing, jc } from './paragraph.js';
import { lineRuns } from './run.js';

/** Registers a cell's picture with the package: its relationship id and drawing number. */
export type AddImage = (image: LaidImage) => { relId: string; drawingId: number };

/**
 * What a cell under a vertical merge holds: Word wants a paragraph there and counts its height when it
 * sizes the row, so it is a 1 pt line in a 1 pt font and rows keep the layout's heights.
 */
const HAIRLINE = '<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/><w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>';

/** A picture cell uses its whole width (the 任免表's photo is as wide as its cell). */
const NO_SIDE_MARGINS = '<w:tcMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar>';

const VALIGN = { top: 'top', middle: 'center', bottom: 'bottom' } as const;

export function table(t: LaidTable, addImage?: AddImage): string {
  const cols = t.colWidths.map(toTwips);
  const border = (w: number) => `w:val="single" w:sz="${Math.max(2, Math.round(w * 8))}" w:color="000000"`;
  const b = border(t.border);
  const o = border(t.outerBorder ?? t.border);
  // the layout's padding (it broke the lines narrower by LINE_SLACK, so Word's rounding never re-wraps one)
  const side = toTwips(t.padX);
  const vert = toTwips(t.padY);
  let xml =
    `<w:tbl><w:tblPr><w:tblW w:w="${cols.reduce((s, w) => s + w, 0)}" w:type="dxa"/>${t.exact ? '<w:jc w:val="center"/>' : ''}` +
    `<w:tblBorders><w:top ${o}/><w:left ${o}/><w:bottom ${o}/><w:right ${o}/><w:insideH ${b}/><w:insideV ${b}/></w:tblBorders>` +
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
    xml += `<w:tr><w:trPr><w:cantSplit/><w:trHeight w:val="${toTwips(t.rowHeights[r])}" w:hRule="${t.exact ? 'exact' : 'atLeast'}"/>${r < t.headerRows && t.repeatHeader ? '<w:tblHeader/>' : ''}</w:trPr>`;
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
      const tcPr = `<w:tcPr><w:tcW w:w="${width(cell)}" w:type="dxa"/>${span}${merge}${cell.image ? NO_SIDE_MARGINS : ''}<w:vAlign w:val="${VALIGN[cell.valign]}"/></w:tcPr>`;
      const body = cell.r === r ? cellBody(cell, addImage) : HAIRLINE;
      xml += `<w:tc>${tcPr}${body}</w:tc>`;
      c += cell.colSpan;
    }
    xml += '</w:tr>';
  }
  return `${xml}</w:tbl>`;
}

/** A cell's content: its lines in one paragraph, or one paragraph per hanging-indent paragraph, or its picture. */
function cellBody(cell: LaidCell, addImage?: AddImage): string {
  if (cell.image && addImage) {
    const { relId, drawingId } = addImage(cell.image);
    // no exact line height: it would clip the picture to one line
    return imageParagraph(cell.image, relId, drawingId, false, '<w:spacing w:before="0" w:after="0"/>');
  }
  if (!cell.paras) return `<w:p><w:pPr>${exactSpacing(0, 0, cell.pitch)}${jc(cell.align)}</w:pPr>${lineRuns(cell.lines)}</w:p>`;
  let xml = '';
  let at = 0;
  for (const p of cell.paras) {
    const left = toTwips(p.left);
    const first = toTwips(p.first);
    // the hanging indent is also a tab stop, where the text after a lead starts (Word and LibreOffice alike)
    const ind = left > first ? `<w:ind w:left="${left}" w:hanging="${left - first}"/>` : first ? `<w:ind w:left="${first}"/>` : '';
    const tabs = left > first ? `<w:tabs><w:tab w:val="left" w:pos="${left}"/></w:tabs>` : '';
    xml += `<w:p><w:pPr>${tabs}${exactSpacing(0, 0, cell.pitch)}${ind}${jc('left')}</w:pPr>${lineRuns(cell.lines.slice(at, at + p.lines))}</w:p>`;
    at += p.lines;
  }
  return xml || `<w:p><w:pPr>${exactSpacing(0, 0, cell.pitch)}</w:pPr></w:p>`;
}
