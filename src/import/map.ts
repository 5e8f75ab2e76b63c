/**
 * ImportedDoc → the annual report's data. Tables are told apart by what they hold, their body rows are
 * aligned with the official labels (template-labels.ts), and every cell keeps what was printed and where, so
 * that uncertain cells can be commented in the YAML and audit can report blanks and "/" as printed.
 */
import { align, similarity } from './fuzzy.js';
import { type Cell, type ImportedDoc, type Paragraph, type Row, isNumberText, rowsOf } from './grid.js';
import { SECTION_KEYS, headingOf } from './headings.js';
import { ImportRefusal } from './errors.js';
import {
  type Format, OTHER_2021_FIRST, PROACTIVE_MARKERS, REVIEW_KEYS, SECTION_HEADINGS, type SectionKey, applicationRows, proactiveRows,
} from './template-labels.js';

export interface Printed {
  path: string;
  text: string;
  page?: number;
  x?: number;
  y?: number;
}

export interface Note extends Printed {
  message: string;
}

export interface Imported {
  format: Format;
  version: 2019 | 2021;
  data: Record<string, unknown>;
  /** every table cell as printed, by data path (e.g. tables.applications.granted[0]) */
  cells: Map<string, Printed>;
  /** cells and rows a person should look at */
  notes: Note[];
  /** tables not found: 表一, 表二, 表三 */
  missing: string[];
  paragraphs: string[];
}

type TableKind = 'proactive' | 'applications' | 'reviews';
const TABLE_NAMES: Record<TableKind, string> = { proactive: '表一', applications: '表二', reviews: '表三' };

function kindOf(rows: Row[]): TableKind | undefined {
  const text = rows.map((r) => r.label).join('');
  if (/本年新收|申请人情况|予以公开|结转下年度/.test(text)) return 'applications';
  if (/第二十条|信息内容|规章|行政许可/.test(text)) return 'proactive';
  if (/行政复议|行政诉讼|复议后起诉|结果维持/.test(text) || rows.some((r) => r.values.length >= 15)) return 'reviews';
  return undefined;
}

const DIGITS: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
/** 十二 → 12, 三 → 3 (a count written in words); undefined when it is not one. */
function numberFromWords(t: string): number | undefined {
  if (!/^[零〇一二两三四五六七八九十百]+$/.test(t)) return undefined;
  let total = 0;
  let digit = 0;
  for (const ch of t) {
    if (ch in DIGITS) digit = DIGITS[ch];
    else {
      total += (digit || 1) * (ch === '十' ? 10 : 100);
      digit = 0;
    }
  }
  return total + digit;
}

/** A printed cell → its value: a number, null for blank or "/" (kept apart by `printed`), and why it is uncertain. */
export function parseCell(text: string, kind: 'count' | 'signed' | 'amount' = 'count'): { value: number | string | null; doubt?: string } {
  const t = text.replace(/\s+/g, '').normalize('NFKC');
  if (t === '') return { value: null };
  if (/^[/／—–\-－―]+$/.test(t)) return { value: null, doubt: `印为“${text.trim()}”，不是数字，按空白（null）读入；没有则应填 0` };
  const m = /^([+\-−]?[\d,，]+(?:\.\d+)?)(.*)$/.exec(t);
  if (m) {
    const n = m[1].replace(/[,，]/g, '').replace('−', '-');
    const value = kind === 'amount' && n.includes('.') ? n : Number(n);
    return m[2] ? { value, doubt: `印为“${text.trim()}”，取其中的 ${n}` } : { value };
  }
  const w = numberFromWords(t);
  if (w !== undefined) return { value: w, doubt: `印为汉字“${text.trim()}”，读作 ${w}` };
  return { value: null, doubt: `无法读作数字：“${text.trim()}”` };
}

function titleOf(paras: Paragraph[], upTo: number): { agency?: string; year?: number; used: number } {
  for (let n = 1; n <= Math.min(3, upTo); n++) {
    const text = paras.slice(0, n).map((p) => p.text.replace(/\s+/g, '')).join('');
    const m = /^(.*?)(\d{4})年(?:度)?(?:政府信息公开工作|政务公开工作)?年度报告/.exec(text);
    if (m) return { agency: m[1] || undefined, year: Number(m[2]), used: n };
  }
  return { used: 0 };
}

/**
 * The title's agency checked against the body: a title font without a complete ToUnicode map reads as other
 * characters (LibreOffice's PDF: 方正县县商县县建县监督局). When the body holds a name of the same length that
 * agrees in most places, that is the name.
 */
function confirmAgency(agency: string, body: string): string | undefined {
  if (agency.length < 4 || body.includes(agency)) return undefined;
  const L = agency.length;
  for (let i = 0; i + L <= body.length; i++) {
    const cand = body.slice(i, i + L);
    let same = 0;
    for (let k = 0; k < L; k++) if (cand[k] === agency[k]) same++;
    if (same / L >= 0.6 && /^\p{Script=Han}+$/u.test(cand)) return cand;
  }
  return undefined;
}

const RUN_IN = /^(（[一二三四五六七八九十]+）[^。！？（）]{1,24}?[。：:])(.+)$/;

export function mapDoc(doc: ImportedDoc, file: string): Imported {
  // sections from the headings, in order
  const firstHeading = doc.paragraphs.findIndex((p) => headingOf(p.text, -1) === 'overview');
  const title = titleOf(doc.paragraphs, firstHeading < 0 ? doc.paragraphs.length : firstHeading);
  const tables = doc.tables.map((t) => rowsOf(t));
  const kinds = tables.map(kindOf);
  if (!title.year && !kinds.some(Boolean)) throw new ImportRefusal('not-annual-report', file);
  if (!kinds.includes('applications') && !title.year) throw new ImportRefusal('not-annual-report', file);

  const notes: Note[] = [];
  const cells = new Map<string, Printed>();
  const sections: Record<string, { heading?: string; paragraphs: unknown[]; caption?: string }> = {};
  const intro: string[] = [];
  let current: SectionKey | undefined;
  let found = -1;
  const paragraphs: string[] = [];
  const captionAt = new Set(doc.tableAt.map((i) => i - 1));
  doc.paragraphs.forEach((p, i) => {
    // a page number that came along as text (a DOCX footer in LibreOffice's HTML: —15—)
    if (/^[-—–－]*\s*(?:第)?\d{1,3}(?:页)?\s*[-—–－]*$/.test(p.text.replace(/\s/g, '')) && /[-—–－页]/.test(p.text)) return;
    paragraphs.push(p.text);
    if (i < title.used) return;
    const h = headingOf(p.text, found);
    if (h) {
      current = h;
      found = SECTION_KEYS.indexOf(h);
      sections[h] = { paragraphs: [] };
      const official = SECTION_HEADINGS[h];
      if (p.text.replace(/\s+/g, '') !== official) sections[h].heading = p.text.trim();
      return;
    }
    if (!current) return void intro.push(p.text);
    const s = sections[current];
    if (captionAt.has(i) && p.text.length <= 30 && !/[。；]/.test(p.text) && (current === 'proactive' || current === 'applications' || current === 'reviews')) {
      s.caption = p.text;
      return;
    }
    const m = RUN_IN.exec(p.text);
    s.paragraphs.push(m ? { heading: m[1], text: m[2] } : p.text);
  });
  // a closing signature: the agency and a date as the last paragraphs
  const last = sections.other?.paragraphs ?? [];
  let signature: { agency?: string; date: string } | undefined;
  const tail = last[last.length - 1];
  if (typeof tail === 'string' && /^\d{4}年\d{1,2}月\d{1,2}日$/.test(tail.replace(/\s/g, ''))) {
    last.pop();
    const before = last[last.length - 1];
    signature = { date: tail.replace(/\s/g, '') };
    if (typeof before === 'string' && before.length <= 30 && !/[。，]/.test(before)) {
      last.pop();
      if (before !== title.agency) signature.agency = before; // the default signature is the agency itself
    }
  }

  const rowsOfKind = (k: TableKind) => tables.filter((_, i) => kinds[i] === k).flat();
  const proactive = rowsOfKind('proactive');
  const applications = rowsOfKind('applications');
  const reviews = rowsOfKind('reviews');
  const missing = (['proactive', 'applications', 'reviews'] as TableKind[]).filter((k) => !kinds.includes(k)).map((k) => TABLE_NAMES[k]);

  // format: 表一's column headings, else the year
  const t1 = proactive.map((r) => r.label).join('');
  const score = (words: string[]) => words.filter((w) => t1.includes(w)).length;
  const [s19, s21] = [score(PROACTIVE_MARKERS[2019]), score(PROACTIVE_MARKERS[2021])];
  const version: 2019 | 2021 = s21 > s19 ? 2021 : s19 > s21 ? 2019 : (title.year ?? 2021) >= 2021 ? 2021 : 2019;
  const bodyRows = (rows: Row[]) => rows.filter((r) => r.values.some((v) => isNumberText(v.text) || /^[/／—–\-－―]+$/.test(v.text.trim())));
  const appBody = bodyRows(applications);
  const format: Format = version === 2019 ? '2019' : appBody.some((r) => similarity(OTHER_2021_FIRST, r.label) >= 0.6) || !appBody.length ? '2021' : '2021-one-other';

  const data: Record<string, unknown> = { template: `gov-info-annual-report-${version}`, agency: title.agency ?? '', year: title.year ?? 0 };
  const fixed = title.agency ? confirmAgency(title.agency, doc.paragraphs.slice(title.used).map((x) => x.text).join('')) : undefined;
  if (fixed) {
    notes.push({ path: 'agency', text: title.agency!, message: `标题读作“${title.agency}”，与正文中的“${fixed}”不一致（标题字体的文字层不完整？），取正文的写法` });
    data.agency = fixed;
  }
  if (!title.agency) notes.push({ path: 'agency', text: '', message: '未能从标题读出机关名称，请填写' });
  if (!title.year) notes.push({ path: 'year', text: '', message: '未能从标题读出年度，请填写' });
  if (intro.length) data.intro = intro;
  data.sections = sections;
  if (signature) data.signature = signature;

  const put = (path: string, c: Cell | undefined, kind: 'count' | 'signed' | 'amount' = 'count') => {
    const text = c?.text ?? '';
    const where = c ? { page: c.page, x: c.x, y: c.y } : {};
    cells.set(path, { path, text, ...where });
    const { value, doubt } = parseCell(text, kind);
    if (doubt) notes.push({ path, text, ...where, message: doubt });
    return value;
  };
  const rowValues = (spec: { path: string; label: string; width: number }, row: Row | undefined, sim: number, kinds?: ('count' | 'signed' | 'amount')[], tableFound = true) => {
    if (!row) {
      if (tableFound) notes.push({ path: spec.path, text: '', message: `未找到“${spec.label}”这一行，按空白处理` });
      return Array.from({ length: spec.width }, (_, i) => put(`${spec.path}[${i}]`, undefined, kinds?.[i]));
    }
    const first = row.values[0];
    if (sim < 0.5) notes.push({ path: spec.path, text: row.label, page: first?.page, x: first?.x, y: first?.y, message: `行标签“${row.label}”与“${spec.label}”相差较大，请核对这一行` });
    if (row.values.length !== spec.width)
      notes.push({ path: spec.path, text: row.values.map((v) => v.text).join(' '), page: first?.page, x: first?.x, y: first?.y, message: `这一行读出 ${row.values.length} 个数，应为 ${spec.width} 个` });
    return Array.from({ length: spec.width }, (_, i) => put(`${spec.path}[${i}]`, row.values[i], kinds?.[i]));
  };

  const tablesOut: Record<string, unknown> = { proactive: {} };
  // 表二
  const app: Record<string, unknown> = {};
  const specs = applicationRows(format);
  const a = align(specs.map((s) => s.label), appBody.map((r) => r.label));
  specs.forEach((spec, j) => {
    const values = rowValues(spec, appBody[a.index[j]], a.score[j], undefined, appBody.length > 0);
    setPath(app, spec.path.replace('tables.applications.', ''), values);
  });
  tablesOut.applications = app;

  // 表一
  const p: Record<string, unknown> = {};
  const pSpecs = proactiveRows(version);
  const pBody = bodyRows(proactive);
  const pa = align(pSpecs.map((s) => s.label), pBody.map((r) => r.label));
  pSpecs.forEach((spec, j) => {
    const key = spec.path.replace('tables.proactive.', '');
    const kinds2019: Record<string, ('count' | 'signed' | 'amount')[]> = { rules: [], normativeDocs: [], procurement: ['count', 'amount'] };
    const kind = version === 2021 ? (key === 'fees' ? ['amount'] : undefined) : (kinds2019[key] ?? ['count', 'signed', 'count']);
    const values = rowValues(spec, pBody[pa.index[j]], pa.score[j], kind as ('count' | 'signed' | 'amount')[] | undefined, pBody.length > 0);
    p[key] = spec.width === 1 ? values[0] : values;
  });
  tablesOut.proactive = p;

  // 表三: the 15 values of its body row(s), in order
  const rBody = bodyRows(reviews);
  const values = rBody.flatMap((r) => r.values);
  const r: Record<string, unknown> = {};
  if (rBody.length && values.length !== 15)
    notes.push({ path: 'tables.reviews', text: values.map((v) => v.text).join(' '), page: values[0]?.page, message: `表三读出 ${values.length} 个数，应为 15 个` });
  REVIEW_KEYS.forEach((key, g) => {
    r[key] = Array.from({ length: 5 }, (_, i) => put(`tables.reviews.${key}[${i}]`, values[g * 5 + i]));
  });
  tablesOut.reviews = r;
  data.tables = tablesOut;
  return { format, version, data, cells, notes, missing, paragraphs };
}

function setPath(obj: Record<string, unknown>, path: string, value: unknown) {
  const keys = path.split('.');
  let o = obj;
  for (const k of keys.slice(0, -1)) o = (o[k] ??= {}) as Record<string, unknown>;
  o[keys[keys.length - 1]] = value;
}
