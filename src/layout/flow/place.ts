import { placeTable } from '../paginate/place-table.js';
import { alignX, countChars, lineOps } from '../draw/line-ops.js';
import { PageFlow } from './page-flow.js';
import type { FlowBlock, LaidParagraph, LaidTable, PageGeometry } from '../types.js';

/** How much of a block must fit below a keep-with-next block: two lines, or a table's header and first row. */
function headOf(b: FlowBlock | undefined): number {
  if (!b) return 0;
  if (b.kind === 'paragraph') return b.spaceBefore + Math.min(2, b.lines.length) * b.pitch;
  if (b.kind === 'table') return tableHead(b);
  if (b.kind === 'image') return b.height;
  return 0;
}

function tableHead(t: LaidTable): number {
  return t.rowHeights.slice(0, t.headerRows + 1).reduce((a, b) => a + b, 0);
}

function paragraphHeight(p: LaidParagraph): number {
  return p.spaceBefore + p.lines.length * p.pitch + p.spaceAfter;
}

/** Flow blocks → positioned pages (the PDF's geometry). */
export function placeFlow(blocks: FlowBlock[], geom: PageGeometry): PageFlow {
  const flow = new PageFlow(geom);
  blocks.forEach((b, i) => {
    if (b.kind === 'pageBreak') {
      if (!flow.atTop()) flow.newPage();
      return;
    }
    if (b.kind === 'table') return placeTable(flow, b);
    if (b.kind === 'image') {
      flow.ensure(b.height);
      const x = alignX(b.align, flow.left, flow.width, b.width);
      flow.page.ops.push({ kind: 'image', x, y: flow.y, w: b.width, h: b.height, data: b.data });
      flow.y += b.height + b.spaceAfter;
      return;
    }
    // Keep chains of keep-with-next blocks (caption → table, heading → paragraph, signature lines) together.
    let need = 0;
    let j = i;
    while (j < blocks.length && blocks[j].kind === 'paragraph' && (blocks[j] as LaidParagraph).keepNext) need += paragraphHeight(blocks[j++] as LaidParagraph);
    if (j > i) need += headOf(blocks[j]);
    else need = b.spaceBefore + Math.min(2, b.lines.length) * b.pitch;
    // A chain taller than a page cannot be kept together: it fills pages like text, each block kept only
    // with the head of the next (otherwise every block of it would start a page of its own).
    if (need > flow.bottom - flow.top) need = paragraphHeight(b) + headOf(blocks[i + 1]);
    flow.ensure(need);
    placeParagraph(flow, b);
  });
  return flow;
}

function placeParagraph(flow: PageFlow, p: LaidParagraph): void {
  if (!flow.atTop()) flow.y += p.spaceBefore;
  p.lines.forEach((line, k) => {
    if (!flow.fits(p.pitch)) flow.newPage();
    const first = k === 0;
    const last = k === p.lines.length - 1;
    const left = flow.left + (first ? p.firstLineIndent : 0);
    const avail = flow.width - p.rightIndent - (left - flow.left);
    let charSpacing: number | undefined = p.charSpacing;
    let align = p.align;
    if (align === 'justify') {
      const n = countChars(line);
      // spread the characters over the line; a hanging mark stays just past the end
      const body = line.width - (line.hang ?? 0);
      const gaps = n - 1 - (line.hang ? 1 : 0); // spacing after every character but the last (and the hanging one)
      if (!last && gaps > 0 && avail - body > 0.01) charSpacing = (avail - body) / gaps;
      align = 'left';
    }
    // a spread title's width includes the spacing between its characters (not after the last)
    const width = line.width + (p.charSpacing ? p.charSpacing * (countChars(line) - 1) : 0);
    if (line.pieces.length) flow.page.ops.push(...lineOps(line, alignX(align, left, avail, width), flow.y, p.pitch, p.size, charSpacing));
    flow.y += p.pitch;
  });
  flow.y += p.spaceAfter;
}
