/** `import`, `audit` and `diff`: published annual reports (PDF, DOCX, HTML) read back and checked. */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { basename, dirname, extname, join } from 'node:path';
import { CjkReportError } from '../errors.js';
import type { AuditRow } from '../import/audit.js';
import { auditReports } from '../import/audit-run.js';
import { diffImported } from '../import/diff.js';
import { type Imported, importReport, toYaml } from '../import/index.js';
import { type Args, type OptionSpec, UsageError, one } from './args.js';
import { writeAll } from './io.js';

export const IMPORT_OPTIONS: Record<string, OptionSpec> = {
  import: { out: { type: 'string' } },
  audit: { previous: { type: 'string' }, format: { type: 'string' }, jobs: { type: 'string' } },
  diff: { format: { type: 'string' } },
};

export const IMPORT_USAGE = `  cjk-report import <report.pdf|.docx|.html> [--out data.yaml]   a published annual report → its data file
  cjk-report audit <files… | folder> [--previous <folder>] [--format table|csv|json] [--jobs N]   check published reports
  cjk-report diff <last-year report> <this-year report> [--format table|json]`;

const MAX_BYTES = 64 * 1024 * 1024;
const READABLE = new Set(['.pdf', '.docx', '.html', '.htm']);

function readInput(path: string): Uint8Array {
  let st;
  try {
    st = statSync(path);
  } catch {
    throw new CjkReportError('unreadable-input', [{ path, message: '文件不存在或无法读取' }]);
  }
  if (st.isDirectory()) throw new CjkReportError('unreadable-input', [{ path, message: '是文件夹，不是报告文件' }]);
  if (st.size > MAX_BYTES) throw new CjkReportError('limit-exceeded', [{ path, message: `文件过大（${st.size} 字节，上限 ${MAX_BYTES}）` }]);
  return new Uint8Array(readFileSync(path));
}

export async function importFile(path: string): Promise<Imported> {
  return importReport(readInput(path), basename(path));
}

/** Files and folders → the report files in them (folders: every .pdf/.docx/.html below, sorted). */
export function reportFiles(paths: string[]): string[] {
  const out: string[] = [];
  for (const p of paths) {
    if (statSync(p, { throwIfNoEntry: false })?.isDirectory()) {
      const found = (readdirSync(p, { recursive: true }) as string[]).filter((f) => READABLE.has(extname(f).toLowerCase())).sort();
      out.push(...found.map((f) => join(p, f)));
    } else out.push(p);
  }
  return out;
}

export async function importCmd(args: Args): Promise<number> {
  const [input, ...more] = args.positionals;
  if (!input || more.length) throw new UsageError('import 需要一个报告文件（.pdf、.docx 或 .html）');
  const imp = await importFile(input);
  const yaml = toYaml(imp, basename(input));
  const out = one(args, 'out');
  if (!out) {
    process.stdout.write(yaml);
    return 0;
  }
  await writeAll(dirname(out), [{ name: basename(out), data: new TextEncoder().encode(yaml) }]);
  process.stderr.write(`${out}：${FORMATS[imp.format]}，待核对 ${imp.notes.length} 处${imp.missing.length ? `，缺少${imp.missing.join('、')}` : ''}\n`);
  return 0;
}

/** The progress bar on a terminal (stderr), nothing when piped. */
function progress(done: number, total: number) {
  if (!process.stderr.isTTY) return;
  const w = 30;
  const filled = Math.round((done / total) * w);
  process.stderr.write(`\r审核 [${'#'.repeat(filled)}${' '.repeat(w - filled)}] ${done}/${total}${done === total ? '\n' : ''}`);
}

const CSV_HEAD = ['file', 'agency', 'year', 'format', 'status', 'severity', 'rule', 'table', 'row', 'column', 'printed', 'expected', 'message'];
const csvField = (v: unknown) => (/[",\n\r]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

export function auditCsv(rows: AuditRow[]): string {
  const lines = [CSV_HEAD.join(',')];
  for (const r of rows) {
    const base = [r.file, r.agency, r.year, r.format, r.status];
    if (!r.findings.length) lines.push([...base, '', '', '', '', '', '', '', ''].map(csvField).join(','));
    for (const f of r.findings) lines.push([...base, f.severity, f.rule, f.table, f.row, f.column, f.printed, f.expected, f.message].map(csvField).join(','));
  }
  return lines.join('\n') + '\n';
}

const FORMATS: Record<string, string> = { '2019': '2019年格式', '2021': '2021年格式', '2021-one-other': '2021年格式（（六）印为一行）' };
const STATUS: Record<AuditRow['status'], string> = { imported: '已读取', partial: '部分读取', 'not importable': '无法读取' };

export function auditTable(rows: AuditRow[]): string {
  const out: string[] = [];
  for (const r of rows) {
    const errors = r.findings.filter((f) => f.severity === 'error').length;
    const warnings = r.findings.length - errors;
    out.push(`${r.file}  ${r.agency || '—'}  ${r.year || '—'}  ${FORMATS[r.format] ?? '—'}  ${STATUS[r.status]}  错误 ${errors}  提示 ${warnings}`);
    for (const f of r.findings) {
      const where = [f.table, f.row, f.column].filter(Boolean).join(' ');
      const vals = /^P\d/.test(f.rule)
        ? `  正文为 ${f.printed}，表中为 ${f.expected}`
        : f.printed || f.expected ? `  印为 ${f.printed || '空白'}${f.expected ? `，应为 ${f.expected}` : ''}` : '';
      out.push(`  ${f.severity === 'error' ? '错误' : '提示'} [${f.rule}] ${where}${vals}${where ? '' : `  ${f.message}`}`);
    }
  }
  return out.join('\n') + '\n';
}

export async function auditFiles(files: string[], previousFiles: string[] = [], onProgress?: (done: number) => void): Promise<AuditRow[]> {
  const src = (f: string) => ({ name: f, bytes: () => readInput(f) });
  return auditReports(files.map(src), previousFiles.map(src), onProgress);
}

/**
 * Reports read in `jobs` child processes of this same command (pdfjs is single-threaded: two cores read two
 * reports at once); each child prints JSON, one "." per report on stderr for the progress bar.
 */
async function auditInChildren(files: string[], prevDir: string | undefined, jobs: number, onProgress: (n: number) => void): Promise<AuditRow[]> {
  const slices = Array.from({ length: jobs }, (_, j) => files.filter((_, i) => i % jobs === j));
  let done = 0;
  const results = await Promise.all(
    slices.map(
      (slice) =>
        new Promise<AuditRow[]>((resolve, reject) => {
          const args = [process.argv[1], 'audit', '--format', 'json', '--jobs', '1', ...(prevDir ? ['--previous', prevDir] : []), '--', ...slice];
          const p = spawn(process.execPath, args, { env: { ...process.env, CJK_REPORT_AUDIT_CHILD: '1' }, stdio: ['ignore', 'pipe', 'pipe'] });
          let out = '';
          let err = '';
          p.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
          p.stderr.setEncoding('utf8').on('data', (d: string) => {
            done += (d.match(/\./g) ?? []).length;
            err += d.replace(/\./g, '');
            onProgress(done);
          });
          p.on('error', reject);
          p.on('close', (code) => {
            try {
              resolve(JSON.parse(out) as AuditRow[]);
            } catch {
              reject(new Error(`audit child exited ${code}: ${err.trim()}`));
            }
          });
        }),
    ),
  );
  const byFile = new Map(results.flat().map((r) => [r.file, r]));
  return files.map((f) => byFile.get(f)!);
}

export async function auditCmd(args: Args): Promise<number> {
  if (!args.positionals.length) throw new UsageError('audit 需要报告文件或文件夹');
  const format = one(args, 'format') ?? 'table';
  if (!['table', 'csv', 'json'].includes(format)) throw new UsageError(`--format 不支持“${format}”；可用：table、csv、json`);
  const files = reportFiles(args.positionals);
  if (!files.length) throw new UsageError('没有找到 .pdf、.docx 或 .html 报告文件');
  const prevDir = one(args, 'previous');
  const jobsArg = one(args, 'jobs');
  if (jobsArg !== undefined && !/^[1-9]\d{0,2}$/.test(jobsArg)) throw new UsageError(`--jobs 应为 1 到 999 的整数，实为“${jobsArg}”`);
  // default 1: on a shared 2-core box two children were no faster (each pays its own start and pdfjs load)
  const jobs = Math.min(Number(jobsArg ?? 1), files.length, availableParallelism() * 2);
  const child = process.env.CJK_REPORT_AUDIT_CHILD === '1';
  const tick = child ? () => process.stderr.write('.') : (n: number) => progress(n, files.length);
  const rows = jobs > 1 && !child ? await auditInChildren(files, prevDir, jobs, (n) => progress(n, files.length)) : await auditFiles(files, prevDir ? reportFiles([prevDir]) : [], tick);
  process.stdout.write(format === 'csv' ? auditCsv(rows) : format === 'json' ? JSON.stringify(rows, null, 2) + '\n' : auditTable(rows));
  return rows.some((r) => r.findings.some((f) => f.severity === 'error')) ? 1 : 0;
}

export async function diffCmd(args: Args): Promise<number> {
  const [a, b, ...more] = args.positionals;
  if (!a || !b || more.length) throw new UsageError('diff 需要两个报告文件：上一年的和本年的');
  const format = one(args, 'format') ?? 'table';
  if (!['table', 'json'].includes(format)) throw new UsageError(`--format 不支持“${format}”；可用：table、json`);
  const [ia, ib] = [await importFile(a), await importFile(b)];
  const d = diffImported(ia, ib);
  if (format === 'json') {
    process.stdout.write(JSON.stringify({ before: { file: a, agency: ia.data.agency, year: ia.data.year }, after: { file: b, agency: ib.data.agency, year: ib.data.year }, ...d }, null, 2) + '\n');
    return 0;
  }
  const lines = [`${ia.data.agency} ${ia.data.year} → ${ib.data.agency} ${ib.data.year}`, '', '主要数字：'];
  for (const k of d.keys) lines.push(`  ${k.label.padEnd(10, '　')} ${String(k.before ?? '—').padStart(6)} → ${String(k.after ?? '—').padStart(6)}  ${k.change === null ? '' : k.change > 0 ? `+${k.change}` : String(k.change)}`);
  lines.push('', `变化的单元格（${d.changes.length} 个）：`);
  for (const c of d.changes) lines.push(`  ${c.label}：${c.before || '空白'} → ${c.after || '空白'}`);
  process.stdout.write(lines.join('\n') + '\n');
  return 0;
}
