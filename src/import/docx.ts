/**
 * DOCX → ImportedDoc: word/document.xml through fflate and htmlparser2 (xmlMode). Table cells are placed on
 * the table's grid exactly: w:gridBefore and w:gridSpan move the column, w:vMerge (without "restart")
 * extends the cell above instead of starting one.
 */
import { unzipSync } from 'fflate';
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import type { Cell, ImportedDoc, Table } from './grid.js';
import { cleanText } from './grid.js';
import { ImportRefusal } from './errors.js';

const isEl = (n: ChildNode, name?: string): n is Element => n.type === 'tag' && (!name || (n as Element).name === name);
const kids = (n: Element, name: string) => n.children.filter((c): c is Element => isEl(c, name));
const kid = (n: Element | undefined, name: string) => (n ? kids(n, name)[0] : undefined);
const val = (n: Element | undefined) => n?.attribs['w:val'];

/** A paragraph's text: its runs' w:t, tabs and breaks as spaces (spaces between Han characters are dropped later). */
function textOf(n: ChildNode): string {
  if (n.type === 'text') return '';
  if (!isEl(n)) return '';
  if (n.name === 'w:t') return n.children.map((c) => ('data' in c ? (c as { data: string }).data : '')).join('');
  if (n.name === 'w:tab' || n.name === 'w:br') return ' ';
  if (n.name === 'w:instrText' || n.name === 'w:delText') return '';
  return n.children.map(textOf).join('');
}

function readTable(tbl: Element): Table {
  const cells: Cell[] = [];
  const above = new Map<number, Cell>(); // grid column → the cell that covers it in the row above
  kids(tbl, 'w:tr').forEach((tr, r) => {
    let col = Number(val(kid(kid(tr, 'w:trPr'), 'w:gridBefore')) ?? 0);
    for (const tc of kids(tr, 'w:tc')) {
      const pr = kid(tc, 'w:tcPr');
      const span = Number(val(kid(pr, 'w:gridSpan')) ?? 1);
      const vm = kid(pr, 'w:vMerge');
      const text = cleanText(kids(tc, 'w:p').map(textOf).join(''));
      const up = above.get(col);
      if (vm && val(vm) !== 'restart' && up) {
        up.rowSpan = r - up.row + 1;
      } else {
        const cell: Cell = { text, row: r, col, rowSpan: 1, colSpan: span };
        cells.push(cell);
        for (let c = col; c < col + span; c++) above.set(c, cell);
      }
      col += span;
    }
  });
  return { cells };
}

export function readDocx(data: Uint8Array, file: string): ImportedDoc {
  let xml: Uint8Array | undefined;
  try {
    xml = unzipSync(data, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'];
  } catch (e) {
    throw new ImportRefusal('unreadable-file', file, (e as Error).message);
  }
  if (!xml) throw new ImportRefusal('unreadable-file', file, '缺少 word/document.xml');
  const root = parseDocument(new TextDecoder().decode(xml), { xmlMode: true });
  const body = (root.children.find((c) => isEl(c, 'w:document')) as Element | undefined)?.children.find((c) => isEl(c, 'w:body')) as Element | undefined;
  const doc: ImportedDoc = { kind: 'docx', paragraphs: [], tables: [], tableAt: [] };
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (!isEl(c)) continue;
      if (c.name === 'w:p') {
        const text = cleanText(textOf(c));
        if (text) doc.paragraphs.push({ text });
      } else if (c.name === 'w:tbl') {
        doc.tableAt.push(doc.paragraphs.length);
        doc.tables.push(readTable(c));
      } else if (c.name === 'w:sdt' || c.name === 'w:sdtContent' || c.name === 'w:customXml') walk(c);
    }
  };
  if (body) walk(body);
  const text = doc.paragraphs.map((p) => p.text).join('') + doc.tables.flatMap((t) => t.cells.map((c) => c.text)).join('');
  if (!/\p{Script=Han}/u.test(text)) throw new ImportRefusal('garbled-text', file, '文档中没有汉字');
  return doc;
}
