import { type Limits, limitExceeded } from '../limits.js';
import type { ReportDocument } from './document.js';
import type { HeaderNode, RowNode } from './table.js';
import { inlineText } from './text.js';

/**
 * The model-level limits, checked on the parsed document before any layout work: blocks, characters per
 * text and in all, table rows, cells and header depth, image bytes (from the base64 length, before decoding).
 * Pages and image pixels are checked where they become known (layout, image header).
 */
export function checkModelLimits(doc: ReportDocument, limits: Limits): void {
  if (doc.blocks.length > limits.maxBlocks) throw limitExceeded('maxBlocks', limits.maxBlocks, doc.blocks.length, 'blocks');
  let total = 0;
  const text = (s: string | number | null | undefined, path: string) => {
    if (typeof s !== 'string') return;
    const n = [...s].length;
    if (n > limits.maxTextChars) throw limitExceeded('maxTextChars', limits.maxTextChars, n, path);
    total += n;
    if (total > limits.maxTotalChars) throw limitExceeded('maxTotalChars', limits.maxTotalChars, total, path, '到此处为止的全文字数');
  };
  text(doc.page?.header, 'page.header');
  text(doc.page?.footer, 'page.footer');
  doc.blocks.forEach((b, i) => {
    const where = `blocks[${i}]`;
    switch (b.type) {
      case 'title':
      case 'heading':
      case 'paragraph':
        text(inlineText(b.text), `${where}.text`);
        break;
      case 'signature':
        b.lines.forEach((l, k) => text(l, `${where}.lines[${k}]`));
        break;
      case 'image': {
        const b64 = b.data.replace(/^data:[^;]+;base64,/, '');
        const bytes = Math.floor((b64.length * 3) / 4);
        if (bytes > limits.maxImageBytes) throw limitExceeded('maxImageBytes', limits.maxImageBytes, bytes, `${where}.data`);
        break;
      }
      case 'table':
      case 'grid': {
        const t = b.id ? `tables.${b.id}` : where;
        text(b.caption, `${t}.caption`);
        b.notes?.forEach((n, k) => text(n, `${t}.notes[${k}]`));
        let rows: number;
        let cols: number;
        if (b.type === 'table') {
          const headDepth = depth(b.columns);
          if (headDepth > limits.maxHeaderDepth) throw limitExceeded('maxHeaderDepth', limits.maxHeaderDepth, headDepth, `${t}.columns`);
          const labelDepth = b.rowHeader ? depth(b.rowHeader.rows) : 0;
          if (labelDepth > limits.maxHeaderDepth) throw limitExceeded('maxHeaderDepth', limits.maxHeaderDepth, labelDepth, `${t}.rowHeader.rows`);
          rows = b.rows.length;
          cols = labelDepth + leaves(b.columns);
          if (rows > limits.maxTableRows) throw limitExceeded('maxTableRows', limits.maxTableRows, rows, `${t}.rows`);
          if ((rows + headDepth) * cols > limits.maxTableCells) throw limitExceeded('maxTableCells', limits.maxTableCells, (rows + headDepth) * cols, `${t}.rows`);
          labels(b.columns, `${t}.columns`, text);
          if (b.rowHeader) labels(b.rowHeader.rows, `${t}.rowHeader.rows`, text);
          text(b.rowHeader?.corner?.text, `${t}.rowHeader.corner.text`);
          b.rows.forEach((r, j) => r.forEach((v, k) => text(v, `${t}.rows[${j}][${k}]`)));
        } else {
          rows = b.rows.length;
          cols = b.widths.length;
          if (rows > limits.maxTableRows) throw limitExceeded('maxTableRows', limits.maxTableRows, rows, `${t}.rows`);
          if (rows * cols > limits.maxTableCells) throw limitExceeded('maxTableCells', limits.maxTableCells, rows * cols, `${t}.rows`);
          b.rows.forEach((r, j) => r.forEach((c, k) => text(c !== null && typeof c === 'object' ? c.text : c, `${t}.rows[${j}][${k}]`)));
        }
        break;
      }
      default:
        break;
    }
  });
}

type Node = HeaderNode | RowNode;

/** Depth of a header tree (the input is already bounded by maxNesting, so recursion is safe here). */
function depth(nodes: Node[]): number {
  return Math.max(0, ...nodes.map((n) => 1 + (n.children ? depth(n.children) : 0)));
}

function leaves(nodes: Node[]): number {
  return nodes.reduce((s, n) => s + (n.children ? leaves(n.children) : 1), 0);
}

function labels(nodes: Node[], path: string, text: (s: string, p: string) => void): void {
  nodes.forEach((n, i) => {
    text(n.label, `${path}[${i}].label`);
    if (n.children) labels(n.children, `${path}[${i}].children`, text);
  });
}
