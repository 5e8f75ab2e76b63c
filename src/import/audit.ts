/**
 * Checks an imported report: the template's own rules (A1–A3, R1–R3, blanks), numbers stated in the prose
 * against the table, "/" cells, missing tables, and with last year's report the cross-year rules. One finding
 * per problem, naming the table, row and column as printed, the printed value and the expected one.
 */
import { getTemplate } from '../../templates/index.js';
import { CjkReportError } from '../errors.js';
import type { Imported } from './map.js';
import { cellLabel } from './template-labels.js';

export interface Finding {
  severity: 'error' | 'warning';
  rule: string;
  table: string;
  row: string;
  column: string;
  printed: string;
  expected: string;
  message: string;
  path: string;
}

export interface AuditRow {
  file: string;
  agency: string;
  year: number | '';
  format: string;
  status: 'imported' | 'partial' | 'not importable';
  findings: Finding[];
}

const COLUMNS = ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计', '结果维持', '结果纠正', '其他结果', '尚未审结'];

/** 表二 （一）予以公开 总计 → table 表二, row （一）予以公开, column 总计. */
export function place(path: string): { table: string; row: string; column: string } {
  const label = cellLabel(path) ?? '';
  const [table = '', ...rest] = label.split(' ');
  const last = rest[rest.length - 1];
  const column = /\[\d+\]$/.test(path) && last && (COLUMNS.includes(last) || /^第\d+/.test(last)) ? rest.pop()! : '';
  return { table, row: rest.join(' '), column };
}

const get = (data: unknown, path: string): unknown => (path.match(/[^.[\]]+/g) ?? []).reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined), data);

/** Figures the prose states, each with the table cell it must equal. */
const PROSE: { rule: string; re: RegExp; path: string | string[]; what: string }[] = [
  { rule: 'P1', re: /(?:新收|收到|受理)[^，。；：\d]{0,16}?申请(?:共|合计)?(\d+)件/, path: 'tables.applications.newReceived[6]', what: '本年新收申请' },
  { rule: 'P2', re: /上年结转[^，。；：\d]{0,12}?(\d+)件/, path: 'tables.applications.carriedOver[6]', what: '上年结转' },
  { rule: 'P3', re: /结转下年度[^，。；：\d]{0,10}?(\d+)件/, path: 'tables.applications.carriedForward[6]', what: '结转下年度继续办理' },
  { rule: 'P4', re: /行政复议[^，。；：\d]{0,8}?(\d+)(?:件|起)/, path: 'tables.reviews.review[4]', what: '行政复议' },
  { rule: 'P5', re: /行政诉讼[^，。；：\d]{0,8}?(\d+)(?:件|起)/, path: ['tables.reviews.direct[4]', 'tables.reviews.afterReview[4]'], what: '行政诉讼' },
];

function proseChecks(imp: Imported, data: unknown): Finding[] {
  const out: Finding[] = [];
  const text = imp.paragraphs.join('\n');
  for (const c of PROSE) {
    const m = c.re.exec(text);
    if (!m) continue;
    const paths = Array.isArray(c.path) ? c.path : [c.path];
    const values = paths.map((p) => get(data, p));
    if (values.some((v) => typeof v !== 'number')) continue;
    const table = (values as number[]).reduce((a, b) => a + b, 0);
    if (Number(m[1]) !== table) {
      const at = place(paths[0]);
      out.push({
        severity: 'warning', rule: c.rule, ...at, row: paths.length > 1 ? '行政诉讼' : at.row, printed: m[1], expected: String(table), path: paths[0],
        message: `正文“${m[0]}”与表中${c.what} ${table} 不一致`,
      });
    }
  }
  return out;
}

/** Runs every check on one imported report (and last year's, when given). */
export function auditImported(imp: Imported, previous?: Imported): Finding[] {
  const findings: Finding[] = [];
  for (const t of imp.missing)
    findings.push({ severity: 'error', rule: '缺表', table: t, row: '', column: '', printed: '', expected: '', path: '', message: `找不到${t}` });
  for (const [path, c] of imp.cells)
    if (/^[/／—–\-－―]+$/.test(c.text.trim()))
      findings.push({ severity: 'warning', rule: '斜杠', ...place(path), printed: c.text, expected: '0', path, message: `单元格印为“${c.text}”，应填数字（没有则填 0）` });
  // a missing table is one finding, not one per cell left blank
  const PREFIX: Record<string, string> = { 表一: 'tables.proactive', 表二: 'tables.applications', 表三: 'tables.reviews' };
  const gone = imp.missing.map((t) => PREFIX[t]);
  const template = getTemplate(String(imp.data.template))!;
  try {
    const r = template.check(imp.data, previous ? { previous: previous.data } : {});
    for (const [severity, list] of [['error', r.errors], ['warning', r.warnings]] as const)
      for (const p of list) {
        const rule = p.rule ?? /^\[([^\]]+)\]/.exec(p.message)?.[1] ?? 'schema';
        if (gone.some((g) => p.path.startsWith(g))) continue;
        const printed = imp.cells.get(p.path)?.text ?? '';
        if (rule === 'V' && /^[/／—–\-－―]+$/.test(printed.trim())) continue; // reported as 斜杠 above
        const a1 = rule === 'A1' ? /表二 (\S+?)：.*= (\d+)，应等于 .* = (\d+)$/.exec(p.message) : null;
        if (a1) {
          // the corner identity: printed is 一 + 二, expected is （七）总计 + 四
          findings.push({ severity, rule, table: '表二', row: '一+二 与 （七）+四', column: a1[1], printed: a1[2], expected: a1[3], path: p.path, message: p.message });
          continue;
        }
        findings.push({ severity, rule, ...place(p.path), printed, expected: /应为 (-?[\d.]+)/.exec(p.message)?.[1] ?? '', path: p.path, message: p.message });
      }
    findings.push(...proseChecks(imp, r.data));
  } catch (e) {
    if (!(e instanceof CjkReportError)) throw e;
    for (const p of e.problems) findings.push({ severity: 'error', rule: 'schema', ...place(p.path), printed: imp.cells.get(p.path)?.text ?? '', expected: '', path: p.path, message: p.message });
  }
  return findings;
}

export function statusOf(imp: Imported): AuditRow['status'] {
  return imp.missing.length || imp.notes.length ? 'partial' : 'imported';
}
