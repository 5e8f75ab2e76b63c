/** What must hold for any document and any template data (the properties the fuzz tests check). */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { CjkReportError } from '../../src/errors.js';
import type { RenderResult } from '../../src/core.js';
import { render } from '../../src/index.js';
import { layoutChar } from '../../src/layout/text/layout-chars.js';
import type { LaidOutDocument, Line, Piece } from '../../src/layout/types.js';
import { VERTICAL_FORMS } from '../../src/layout/text/cjk.js';
import { docxTables, docxXml } from '../helpers/docx.js';
import { pdfItems, type TextItem } from '../helpers/pdf.js';
import { docxNonFinite, pdfNonFinite } from './non-finite.js';
import { tmp } from '../helpers/tools.js';

export const DATE = new Date('2021-01-15T00:00:00Z');

/** The characters a document must show: texts, labels and values (not meta, which is not drawn). */
function expectedChars(doc: any): Set<string> {
  const out = new Set<string>();
  const add = (s: unknown) => {
    if (typeof s !== 'string' && typeof s !== 'number') return;
    for (const ch of String(s)) if (!/\s/.test(ch) && !layoutChar(ch) && !(ch in VERTICAL_FORMS)) out.add(ch);
  };
  const walk = (v: any, key = '') => {
    if (Array.isArray(v)) v.forEach((x) => walk(x, key));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (['text', 'label', 'header', 'footer'].includes(key) || key === 'rows') add(v);
  };
  walk(doc.blocks);
  walk(doc.page ?? {});
  return out;
}

/**
 * Either a typed CjkReportError (not `internal`), or a PDF that passes `qpdf --check` and shows every
 * character of the input (pdfjs-dist), and a DOCX whose tables have the layout's grid (starting cells and
 * column spans). Returns what went wrong, or undefined.
 */
/** Outcomes of checkDocument in this process, by kind (rendered, or the error code), for the fuzz report. */
export const outcomes: Record<string, number> = {};

export async function checkDocument(doc: unknown): Promise<string | undefined> {
  let r;
  try {
    r = await render(doc, { creationDate: DATE });
    outcomes.rendered = (outcomes.rendered ?? 0) + 1;
  } catch (e) {
    const k = e instanceof CjkReportError ? e.code : 'untyped';
    outcomes[k] = (outcomes[k] ?? 0) + 1;
    if (e instanceof CjkReportError && e.code !== 'internal') return undefined;
    return `not a typed error: ${e instanceof CjkReportError ? e.message : (e as Error).stack}`;
  }
  return checkRendered(doc, r);
}

/** qpdf --check, every character of the input in the PDF, the layout's grid in the DOCX. */
async function checkRendered(doc: unknown, r: RenderResult): Promise<string | undefined> {
  const dir = tmp('cjk-fuzz-');
  try {
    const file = join(dir, 'a.pdf');
    writeFileSync(file, r.pdf!);
    try {
      execFileSync('qpdf', ['--check', file], { stdio: 'pipe' });
    } catch (e) {
      return `qpdf --check failed: ${String((e as { stdout?: Buffer }).stdout ?? e).slice(0, 500)}`;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const shown = new Set([...(await pdfItems(r.pdf!)).items.map((i) => i.str).join('')]);
  const missing = [...expectedChars(doc)].filter((ch) => !shown.has(ch));
  if (missing.length) return `characters missing from the PDF text: ${missing.join(' ')}`;
  const tables = r.laidOut.flow.filter((b) => b.kind === 'table');
  const xmlTables = docxTables(docxXml(r.docx!));
  if (xmlTables.length !== tables.length) return `DOCX has ${xmlTables.length} tables, the layout ${tables.length}`;
  for (let i = 0; i < tables.length; i++) {
    const t = tables[i];
    if (t.kind !== 'table') continue;
    const want = t.cells.map((c) => `${c.r},${c.c},${c.colSpan},${c.rowSpan > 1 ? 'restart' : '-'}`).sort();
    const got = xmlTables[i].filter((c) => c.vMerge !== 'continue').map((c) => `${c.row},${c.col},${c.span},${c.vMerge ?? '-'}`).sort();
    if (want.join(' ') !== got.join(' ')) return `table ${i}: DOCX grid ${got.join(' ')} ≠ layout ${want.join(' ')}`;
  }
  return undefined;
}

// ---- an independent recomputation of the 表二/表三 rules (not using templates/…/rules.ts) ----
const ROWKEYS = (a: any): [string, (number | null)[]][] => {
  const out: [string, (number | null)[]][] = [
    ['newReceived', a.newReceived],
    ['carriedOver', a.carriedOver],
    ['granted', a.granted],
    ['partial', a.partial],
  ];
  for (const g of ['denied', 'unable', 'notProcessed', 'other']) for (const [k, v] of Object.entries(a[g])) out.push([`${g}.${k}`, v as (number | null)[]]);
  out.push(['carriedForward', a.carriedForward]);
  return out;
};
const RESULTS = (key: string) => !['newReceived', 'carriedOver', 'carriedForward'].includes(key);
const n = (v: number | null | undefined) => v ?? 0;

/** The (rule, path) pairs the rules must report for 2021 data, computed from the rule texts in the 2021 format. */
export function expectedFindings(d: any): string[] {
  const a = d.tables.applications;
  const out: string[] = [];
  const P = 'tables.applications';
  const filled = new Map<string, number[]>();
  for (const [key, row] of ROWKEYS(a)) {
    row.forEach((v, c) => v === null && out.push(`V ${P}.${key}[${c}]`));
    const s = row.slice(0, 6).reduce<number>((x, v) => x + n(v), 0);
    if (row.length === 7 && row[6] !== null && row[6] !== s) out.push(`A3 ${P}.${key}[6]`);
    filled.set(key, [...row.slice(0, 6).map(n), row.length === 7 && row[6] !== null ? row[6] : s]);
  }
  const results = [...filled].filter(([k]) => RESULTS(k)).map(([, r]) => r);
  const computed = [0, 1, 2, 3, 4, 5, 6].map((c) => results.reduce((x, r) => x + r[c], 0));
  let total: number[];
  if (a.total) {
    a.total.forEach((v: number | null, c: number) => v === null && out.push(`V ${P}.total[${c}]`));
    total = [...a.total.slice(0, 6).map(n)];
    total.push(a.total.length === 7 ? n(a.total[6]) : total.reduce((x, v) => x + v, 0));
    total.forEach((v, c) => {
      if (a.total[c] !== null && v !== computed[c]) out.push(`A2 ${P}.total[${c}]`);
    });
  } else total = computed;
  for (let c = 0; c < 7; c++) {
    const left = filled.get('newReceived')![c] + filled.get('carriedOver')![c];
    const right = total[c] + filled.get('carriedForward')![c];
    if (left !== right) out.push(`A1 ${P}`);
  }
  ['review', 'direct', 'afterReview'].forEach((k, i) => {
    const g = d.tables.reviews[k] as (number | null)[];
    g.forEach((v, c) => v === null && out.push(`V tables.reviews.${k}[${c}]`));
    const s = g.slice(0, 4).reduce<number>((x, v) => x + n(v), 0);
    if (g.length === 5 && g[4] !== null && g[4] !== s) out.push(`R${i + 1} tables.reviews.${k}[4]`);
  });
  return out.sort();
}

/** The findings as the template reports them, in the same form. */
export function reportedFindings(problems: { path: string; message: string; rule?: string }[]): string[] {
  return problems.map((p) => `${p.rule ?? /^\[(\w+)\]/.exec(p.message)?.[1] ?? '?'} ${p.path}`).sort();
}

// ---- valid and invalid documents (issue 13): the properties both formats must have ----

const unescape = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const squeeze = (s: string) => s.replace(/\s+/g, '');
const pieceText = (ps: Piece[]) => ps.map((p) => p.text).join('');
/** What the DOCX holds for a line: stacked punctuation as its Unicode vertical form. */
const docxText = (l: Line) => l.pieces.map((p) => p.verticalForms ?? p.text).join('');

/** Every paragraph of every XML part of the DOCX, as its text with <w:br/> as a newline. */
function docxParagraphs(docx: Uint8Array): Set<string> {
  const out = new Set<string>();
  for (const [name, bytes] of Object.entries(unzipSync(docx))) {
    if (!/^word\/.*\.xml$/.test(name)) continue;
    for (const p of strFromU8(bytes).match(/<w:p>[\s\S]*?<\/w:p>|<w:p [\s\S]*?<\/w:p>/g) ?? []) {
      let t = '';
      for (const m of p.matchAll(/<w:br\/>|<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)) t += m[0] === '<w:br/>' ? '\n' : unescape(m[1]);
      out.add(t.split('\n').map(squeeze).join('\n'));
    }
  }
  return out;
}

/** The layout's lines that a file does not show: each text op of each page in the PDF, at its page, baseline and x. */
export function linesMissingFromPdf(laid: LaidOutDocument, items: TextItem[]): string[] {
  const missing: string[] = [];
  laid.pages.forEach((p, i) => {
    for (const op of p.ops) {
      if (op.kind !== 'text') continue;
      const want = squeeze(pieceText(op.pieces));
      if (!want) continue;
      const got = items.filter((it) => it.page === i + 1 && Math.abs(it.y - op.baseline) <= 0.2 && it.x >= op.x - 0.2 && it.x < op.x + Math.max(op.width, 0.3) - 0.1).sort((a, b) => a.x - b.x);
      if (squeeze(got.map((g) => g.str).join('')) !== want) missing.push(`page ${i + 1} (${op.x.toFixed(1)}, ${op.baseline.toFixed(1)}) "${want}": PDF has "${got.map((g) => g.str).join('')}"`);
    }
  });
  return missing;
}

/** The layout's paragraphs, cell lines, header and footer that the DOCX does not hold. */
export function linesMissingFromDocx(laid: LaidOutDocument, docx: Uint8Array): string[] {
  const paras = docxParagraphs(docx);
  const missing: string[] = [];
  const want = (what: string, text: string) => {
    if (text.replace(/\n/g, '') && !paras.has(text)) missing.push(`${what} ${JSON.stringify(text)}`);
  };
  for (const b of laid.flow) {
    if (b.kind === 'paragraph') want('paragraph', b.pieces.map((p) => (p.text === '\n' ? '\n' : squeeze(p.text))).join(''));
    else if (b.kind === 'table') for (const c of b.cells) want(`cell r${c.r}c${c.c}`, c.lines.map((l) => squeeze(docxText(l))).join('\n'));
  }
  if (laid.page.header) want('header', squeeze(pieceText(laid.page.header.pieces)));
  if (laid.page.footer) want('footer', squeeze(pieceText(laid.page.footer.pieces)));
  return missing;
}

/** Everything a valid document's files must be; returns what is wrong, or undefined. */
async function checkFiles(doc: unknown, r: RenderResult): Promise<string | undefined> {
  const nan = [...pdfNonFinite(r.pdf!), ...docxNonFinite(r.docx!)];
  if (nan.length) return `NaN or Infinity in the files: ${nan.slice(0, 5).join('; ')}`;
  const { items, pages } = await pdfItems(r.pdf!);
  if (pages !== r.laidOut.pages.length) return `the PDF has ${pages} pages, the layout ${r.laidOut.pages.length}`;
  const pdfMissing = linesMissingFromPdf(r.laidOut, items);
  if (pdfMissing.length) return `lines missing from the PDF: ${pdfMissing.slice(0, 5).join('; ')}`;
  const docxMissing = linesMissingFromDocx(r.laidOut, r.docx!);
  if (docxMissing.length) return `text missing from the DOCX: ${docxMissing.slice(0, 5).join('; ')}`;
  return checkRendered(doc, r);
}

/** What ran, by kind, for the fuzz report: valid documents rendered, invalid ones refused. */
export const counts = { valid: 0, invalid: 0 };

/** A valid document must render, and its files must pass every check. */
export async function checkValid(doc: unknown): Promise<string | undefined> {
  counts.valid++;
  let r: RenderResult;
  try {
    r = await render(doc, { creationDate: DATE });
  } catch (e) {
    const what = e instanceof CjkReportError ? `${e.code}: ${e.problems.map((p) => `${p.path} ${p.message}`).join('; ')}` : (e as Error).stack;
    return `a valid document was refused: ${String(what).slice(0, 600)}`;
  }
  return checkFiles(doc, r);
}

/** An invalid document must be refused with a typed error (not `internal`) that names the field, in Chinese. */
export async function checkInvalid(c: { defect: string; path: string; doc: unknown }): Promise<string | undefined> {
  counts.invalid++;
  try {
    await render(c.doc, { creationDate: DATE });
  } catch (e) {
    if (!(e instanceof CjkReportError) || e.code === 'internal') return `${c.defect}: not a typed error: ${(e as Error).stack?.slice(0, 400)}`;
    const named = e.problems.find((p) => p.path === c.path || p.path.startsWith(`${c.path}.`) || p.path.startsWith(`${c.path}[`));
    if (!named) return `${c.defect}: the error names ${e.problems.map((p) => p.path).join(', ')}, not ${c.path}`;
    if (!/\p{Script=Han}/u.test(named.message)) return `${c.defect}: the message is not in Chinese: ${named.message}`;
    return undefined;
  }
  return `${c.defect}: rendered, but ${c.path} is wrong`;
}
