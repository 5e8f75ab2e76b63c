/**
 * HTML → ImportedDoc with htmlparser2. The bytes are decoded by the page's own charset (GBK and GB18030
 * pages are common on government sites; TextDecoder has them). Tables go on a grid by colspan/rowspan;
 * a table holding another table is page layout, read as blocks.
 */
import { parseDocument } from 'htmlparser2';
import type { ChildNode, Element } from 'domhandler';
import { GridBuilder, type ImportedDoc, type Table, cleanText } from './grid.js';
import { ImportRefusal } from './errors.js';

const BLOCKS = new Set(['p', 'div', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'section', 'article', 'header', 'footer', 'center', 'blockquote', 'pre', 'body', 'dd', 'dt']);
const SKIP = new Set(['script', 'style', 'head', 'noscript', 'template', 'title']);

const isEl = (n: ChildNode): n is Element => n.type === 'tag' || n.type === 'script' || n.type === 'style';

export function decodeHtml(bytes: Uint8Array): string {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return new TextDecoder('utf-8').decode(bytes);
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 4096));
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  let label = (m?.[1] ?? 'utf-8').toLowerCase();
  if (label === 'gb2312' || label === 'gbk') label = 'gb18030'; // a superset: pages labelled GB2312 use GBK characters
  try {
    return new TextDecoder(label).decode(bytes);
  } catch {
    return new TextDecoder('utf-8').decode(bytes);
  }
}

function text(n: ChildNode): string {
  if (n.type === 'text') return (n as unknown as { data: string }).data;
  if (!isEl(n) || SKIP.has(n.name)) return '';
  if (n.name === 'br') return '\n';
  return n.children.map(text).join('');
}

const hasTable = (n: Element): boolean => n.children.some((c) => isEl(c) && (c.name === 'table' || hasTable(c)));

function rowsOfTable(t: Element): Element[] {
  const out: Element[] = [];
  const walk = (n: Element) => {
    for (const c of n.children) {
      if (!isEl(c)) continue;
      if (c.name === 'tr') out.push(c);
      else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') walk(c);
    }
  };
  walk(t);
  return out;
}

function readTable(t: Element): Table {
  const g = new GridBuilder();
  for (const tr of rowsOfTable(t)) {
    g.newRow();
    for (const td of tr.children) {
      if (!isEl(td) || (td.name !== 'td' && td.name !== 'th')) continue;
      const span = (a: string) => Math.max(1, Math.min(1000, Number.parseInt(td.attribs[a] ?? '1', 10) || 1));
      g.add(cleanText(text(td)), span('colspan'), span('rowspan'));
    }
  }
  return { cells: g.cells };
}

export function readHtml(bytes: Uint8Array, file: string): ImportedDoc {
  const root = parseDocument(decodeHtml(bytes));
  const doc: ImportedDoc = { kind: 'html', paragraphs: [], tables: [], tableAt: [] };
  let buf = '';
  const flush = () => {
    const t = cleanText(buf);
    if (t) doc.paragraphs.push({ text: t });
    buf = '';
  };
  const walk = (n: ChildNode) => {
    if (n.type === 'text') return void (buf += (n as unknown as { data: string }).data);
    if (!isEl(n) || SKIP.has(n.name)) return;
    if (n.name === 'table' && !hasTable(n)) {
      flush();
      doc.tableAt.push(doc.paragraphs.length);
      doc.tables.push(readTable(n));
      return;
    }
    const block = BLOCKS.has(n.name) || n.name === 'table' || n.name === 'tr' || n.name === 'td';
    if (block) flush();
    if (n.name === 'br') return flush();
    n.children.forEach(walk);
    if (block) flush();
  };
  root.children.forEach(walk);
  flush();
  const all = doc.paragraphs.map((p) => p.text).join('') + doc.tables.flatMap((t) => t.cells.map((c) => c.text)).join('');
  if (!/\p{Script=Han}/u.test(all)) throw new ImportRefusal('garbled-text', file, '页面中没有汉字（编码不对？）');
  return doc;
}
