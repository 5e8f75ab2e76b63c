/** What must hold for any document and any template data (the properties the fuzz tests check). */
import { execFileSync } from 'node:child_process';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CjkReportError } from '../../src/errors.js';
import { render } from '../../src/index.js';
import { VERTICAL_FORMS } from '../../src/layout/text/cjk.js';
import { docxTables, docxXml } from '../helpers/docx.js';
import { pdfItems } from '../helpers/pdf.js';
import { tmp } from '../helpers/tools.js';

export const DATE = new Date('2021-01-15T00:00:00Z');

/** The characters a document must show: texts, labels and values (not meta, which is not drawn). */
function expectedChars(doc: any): Set<string> {
  const out = new Set<string>();
  const add = (s: unknown) => {
    if (typeof s !== 'string' && typeof s !== 'number') return;
    for (const ch of String(s)) if (!/\s/.test(ch) && !(ch in VERTICAL_FORMS)) out.add(ch);
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
