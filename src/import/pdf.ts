/**
 * PDF → ImportedDoc from pdfjs-dist's text positions. Text items become lines (by baseline); section headings
 * split the document; in the sections with a table, the lines from the table's first line on are table
 * lines. A table's body rows are its lines with values; the label lines around them (a label split over two
 * or three lines, the vertical 三、本年度办理结果, a group label centred on its sub-rows) join the nearest
 * value line. With a known column count the value columns are found from where the numbers stand, so a
 * label's numbering digit on the value line, or a number split into digits, land where they belong.
 */
import type { Cell, ImportedDoc, Paragraph, Table } from './grid.js';
import { cleanText } from './grid.js';
import { SECTION_KEYS, headingOf } from './headings.js';
import { ImportRefusal } from './errors.js';
import type { SectionKey } from './template-labels.js';

interface Item {
  str: string;
  page: number;
  x: number;
  y: number;
  w: number;
  size: number;
}
interface Line {
  page: number;
  y: number;
  items: Item[];
  text: string;
  x0: number;
  x1: number;
  size: number;
  /** a section heading (it is a paragraph of its own) */
  heading?: boolean;
}

const CJK = /\p{Script=Han}/u;
const VALUE = /^(?:[+\-−]?[\d,，]+(?:\.\d+)?|[/／—–－―\-]+|[\d,，]+(?:\.\d+)?[（(].*[)）])$/;
/** "22（其中修订16件）" drawn as one item: where its number stands (digits ≈ 0.55 em) places it in its column */
const ANNOTATED = /^([\d,，]+(?:\.\d+)?)[（(]/;
const ANNOTATION = /^[（(].*[)）]?$/;

async function readItems(data: Uint8Array, file: string): Promise<{ items: Item[]; pages: number; heights: number[] }> {
  // the CLI bundle's launcher supplies an import() that works under its code cache (scripts/cli/launch.cjs)
  const hook = (globalThis as { __cjkReportImport?: (s: string) => Promise<unknown> }).__cjkReportImport;
  const pdfjs = (hook ? await hook('pdfjs-dist/legacy/build/pdf.mjs') : await import('pdfjs-dist/legacy/build/pdf.mjs')) as typeof import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: data.slice(), disableFontFace: true, useSystemFonts: false, verbosity: 0, isEvalSupported: false }).promise;
  } catch (e) {
    throw new ImportRefusal('unreadable-file', file, (e as Error).message);
  }
  const items: Item[] = [];
  const heights: number[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.view[3];
    heights[p] = height;
    const content = await page.getTextContent();
    for (const it of content.items) {
      if (!('str' in it) || !it.str.trim()) continue;
      const [a, b, , d, e, f] = it.transform as number[];
      if (Math.abs(b) > Math.abs(a)) continue; // rotated text (a watermark, a stamp): not part of the report's lines
      items.push({ str: it.str.trim(), page: p, x: e, y: height - f, w: it.width, size: Math.abs(d || a) || 10 });
    }
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { items, pages, heights };
}

function toLines(items: Item[]): Line[] {
  const sorted = [...items].sort((a, b) => a.page - b.page || a.y - b.y || a.x - b.x);
  const lines: Line[] = [];
  let cur: Line | undefined;
  for (const it of sorted) {
    if (!cur || cur.page !== it.page || it.y - cur.y > 0.45 * Math.min(cur.size, it.size)) {
      cur = { page: it.page, y: it.y, items: [], text: '', x0: 0, x1: 0, size: it.size };
      lines.push(cur);
    }
    cur.items.push(it);
  }
  for (const l of lines) {
    l.items.sort((a, b) => a.x - b.x);
    // a space only where the glyphs stand apart: "202" "4" of one year touch
    l.text = cleanText(l.items.map((i, n) => (n && i.x - (l.items[n - 1].x + l.items[n - 1].w) > 0.15 * i.size ? ' ' : '') + i.str).join(''));
    l.x0 = l.items[0].x;
    l.x1 = Math.max(...l.items.map((i) => i.x + i.w));
    l.size = Math.min(...l.items.map((i) => i.size));
  }
  return lines;
}

/** Page numbers ("-3-", "— 3 —", "第3页") at a page's top or bottom edge. */
function isPageNumber(l: Line, height: number): boolean {
  const t = l.text.replace(/\s+/g, '');
  return /^[-—–－]*(?:第)?\d{1,3}(?:页)?(?:共\d+页)?[-—–－]*$/.test(t) && (l.y > height * 0.85 || l.y < height * 0.1);
}

interface Token {
  text: string;
  x: number;
  x1: number;
  y: number;
  page: number;
  size: number;
}

/**
 * A line's items with the pieces of one number joined ("1","1" → "11"; LibreOffice draws "+3" as "+","3"):
 * glyphs of one number touch, cells do not.
 */
function tokens(l: Line): Token[] {
  const out: Token[] = [];
  for (const it of l.items) {
    const prev = out[out.length - 1];
    if (prev && /^(?:[+\-−]|[+\-−]?[\d.,]+)$/.test(prev.text) && /^[\d.,]+$/.test(it.str) && it.x - prev.x1 < 0.3 * it.size) {
      prev.text += it.str;
      prev.x1 = it.x + it.w;
    } else {
      const a = ANNOTATED.exec(it.str);
      out.push({ text: it.str, x: it.x, x1: a ? it.x + a[1].length * 0.55 * it.size : it.x + it.w, y: it.y, page: it.page, size: it.size });
    }
  }
  return out;
}

/** Splits a line into its label tokens and its value tokens (the values after a gap, at the line's end). */
function splitLine(l: Line): { label: Token[]; values: Token[] } {
  const ts = tokens(l);
  let start = ts.length;
  for (let i = ts.length - 1; i >= 0; i--) {
    if (VALUE.test(ts[i].text)) start = i;
    else if (ANNOTATION.test(ts[i].text) && i > 0 && VALUE.test(ts[i - 1].text)) continue;
    else break;
  }
  // the first value must stand apart from the label (a number in running text touches its words)
  while (start < ts.length && start > 0 && ts[start].x - ts[start - 1].x1 < 0.9 * ts[start].size) start++;
  const values: Token[] = [];
  for (const t of ts.slice(start)) {
    if (ANNOTATION.test(t.text) && values.length) values[values.length - 1].text += t.text;
    else values.push(t);
  }
  return { label: ts.slice(0, start), values };
}

/** Centres of the `k` columns where most values stand. */
function columnCentres(rows: Token[][], k: number): number[] {
  const xs = rows.flat().map((t) => (t.x + t.x1) / 2).sort((a, b) => a - b);
  const clusters: number[][] = [];
  for (const x of xs) {
    const c = clusters[clusters.length - 1];
    if (c && x - c[c.length - 1] < 8) c.push(x);
    else clusters.push([x]);
  }
  return clusters
    .sort((a, b) => b.length - a.length)
    .slice(0, k)
    .map((c) => c.reduce((s, x) => s + x, 0) / c.length)
    .sort((a, b) => a - b);
}

/** The lines of one table → a grid: column 0 the label, then the values (in their columns when `k` is known). */
function buildTable(lines: Line[], k?: number): Table {
  const split = lines.map(splitLine);
  const valueRows = split.map((s) => s.values);
  let centres: number[] | undefined;
  if (k) {
    centres = columnCentres(valueRows.filter((v) => v.length >= Math.min(k, 4)), k);
    const pitch = centres.length > 1 ? Math.min(...centres.slice(1).map((c, i) => c - centres![i])) : 40;
    const inColumn = (t: Token) => Math.min(...centres!.map((c) => Math.abs(c - (t.x + t.x1) / 2))) < 0.45 * pitch;
    split.forEach((s) => {
      // a number in words (八) in a value column stops the scan from the right: it and the numbers left of
      // it are values when they stand in a column; a label's numbering digit stands left of all columns
      const back = s.label.filter((t) => inColumn(t) && (VALUE.test(t.text) || /^[零〇一二两三四五六七八九十百]{1,4}$/.test(t.text)));
      const keep: Token[] = [];
      for (const t of s.values) (inColumn(t) ? keep : s.label).push(t);
      s.label = s.label.filter((t) => !back.includes(t));
      s.values = [...back, ...keep].sort((a, b) => a.x - b.x);
    });
  }
  const body = split.map((s, i) => ({ ...s, line: lines[i] })).filter((s) => s.values.length);
  const pitches = body.slice(1).filter((b, i) => b.line.page === body[i].line.page).map((b, i) => b.line.y - body[i].line.y);
  const pitch = pitches.length ? pitches.sort((a, b) => a - b)[Math.floor(pitches.length / 2)] : 20;
  const labels: Token[][] = body.map((b) => [...b.label]);
  split.forEach((s, i) => {
    const own = body.findIndex((b) => b.line === lines[i]);
    if (own >= 0) return;
    let best = -1;
    let dist = Infinity;
    body.forEach((b, j) => {
      const d = Math.abs(b.line.y - lines[i].y);
      if (b.line.page === lines[i].page && d < dist) [best, dist] = [j, d];
    });
    if (best >= 0 && dist <= 1.6 * pitch) labels[best].push(...s.label);
  });
  const cells: Cell[] = [];
  body.forEach((b, r) => {
    const lab = labels[r].sort((p, q) => p.y - q.y || p.x - q.x);
    const first = lab[0] ?? b.values[0];
    cells.push({ text: cleanText(lab.map((t) => t.text).join(' ')), row: r, col: 0, rowSpan: 1, colSpan: 1, page: first.page, x: round(first.x), y: round(first.y) });
    const place = (t: Token | undefined, c: number, x: number) =>
      cells.push({ text: t?.text ?? '', row: r, col: c + 1, rowSpan: 1, colSpan: 1, page: b.line.page, x: round(t?.x ?? x), y: round(t?.y ?? b.line.y) });
    if (centres) {
      const byCol: (Token | undefined)[] = centres.map(() => undefined);
      for (const t of b.values) {
        const c = nearest(t, centres);
        // two pieces in one column are one number drawn in pieces
        byCol[c] = byCol[c] ? { ...byCol[c]!, text: byCol[c]!.text + t.text, x1: t.x1 } : t;
      }
      centres.forEach((c, i) => place(byCol[i], i, c));
    } else b.values.forEach((t, i) => place(t, i, t.x));
  });
  return { cells, page: body[0]?.line.page, labelColumns: 1 };
}

function nearest(t: Token, centres: number[]): number {
  const m = (t.x + t.x1) / 2;
  let best = 0;
  centres.forEach((c, i) => {
    if (Math.abs(c - m) < Math.abs(centres[best] - m)) best = i;
  });
  return best;
}

const round = (v: number) => Math.round(v * 10) / 10;

const TABLE_START = /第二十条|信息内容|申请人情况|勾稽关系|行政复议|行政诉讼|本年新收/;
/** The sections that hold a table, with its number of value columns (表一's vary from block to block). */
const TABLE_SECTIONS: Partial<Record<SectionKey, number | undefined>> = { proactive: undefined, applications: 7, reviews: 15 };

/** Per page, the leftmost start and the rightmost end of the lines. */
function marginsOf(lines: Line[]): Map<number, [number, number]> {
  const margins = new Map<number, [number, number]>();
  for (const l of lines) {
    const m = margins.get(l.page);
    margins.set(l.page, m ? [Math.min(m[0], l.x0), Math.max(m[1], l.x1)] : [l.x0, l.x1]);
  }
  return margins;
}

/** Lines → paragraphs: a new one at an indented line, after a short line, or at a heading. */
function paragraphsOf(lines: Line[], out: Paragraph[]): void {
  const margins = marginsOf(lines); // the prose's own (a table beside it may reach further right)
  let cur: Paragraph | undefined;
  let prev: Line | undefined;
  for (const l of lines) {
    const [left, right] = margins.get(l.page) ?? [l.x0, l.x1];
    const starts = !cur || !prev || l.x0 > left + 0.8 * l.size || prev.x1 < right - 1.5 * prev.size || l.heading || prev.heading;
    if (starts) {
      cur = { text: l.text, page: l.page, x: round(l.x0), y: round(l.y) };
      out.push(cur);
    } else cur!.text = cleanText(`${cur!.text} ${l.text}`);
    prev = l;
  }
}

export async function readPdf(data: Uint8Array, file: string): Promise<ImportedDoc> {
  const { items, pages, heights } = await readItems(data, file);
  const chars = items.map((i) => i.str).join('').replace(/\s/g, '');
  if (chars.length < 20) throw new ImportRefusal('no-text-layer', file, `${pages} 页，共读出 ${chars.length} 个字符`);
  const han = [...chars].filter((c) => CJK.test(c)).length;
  if (han < 20 || han / chars.length < 0.2) throw new ImportRefusal('garbled-text', file, `${chars.length} 个字符中只有 ${han} 个汉字`);

  const lines = toLines(items).filter((l) => !isPageNumber(l, heights[l.page]));
  const margins = marginsOf(lines);
  // sections by their headings, in order
  const sectionOf: (SectionKey | undefined)[] = [];
  let section: SectionKey | undefined;
  let found = -1;
  for (const l of lines) {
    const h = headingOf(l.text, found);
    if (h) {
      section = h;
      found = SECTION_KEYS.indexOf(h);
      l.heading = true;
    }
    sectionOf.push(section);
  }
  const doc: ImportedDoc = { kind: 'pdf', paragraphs: [], tables: [], tableAt: [], pages };
  let i = 0;
  while (i < lines.length) {
    const sec = sectionOf[i];
    let j = i;
    while (j < lines.length && sectionOf[j] === sec) j++;
    const chunk = lines.slice(i, j);
    if (sec && sec in TABLE_SECTIONS) {
      const textWidth = (p: number) => (margins.get(p)![1] - margins.get(p)![0]) * 0.8;
      const start = chunk.findIndex(
        (l, n) => n > 0 && (splitLine(l).values.length > 0 || (TABLE_START.test(l.text) && l.x1 - l.x0 < textWidth(l.page))),
      );
      const prose = start < 0 ? chunk : chunk.slice(0, start);
      paragraphsOf(prose, doc.paragraphs);
      if (start >= 0) {
        doc.tableAt.push(doc.paragraphs.length);
        doc.tables.push(buildTable(chunk.slice(start), TABLE_SECTIONS[sec]));
      }
    } else paragraphsOf(chunk, doc.paragraphs);
    i = j;
  }
  return doc;
}
