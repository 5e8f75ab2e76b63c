/** audit over many reports (CLI and HTTP): each imported and checked; last year's matched by agency. */
import { CjkReportError } from '../errors.js';
import { type AuditRow, auditImported, statusOf } from './audit.js';
import { ImportRefusal } from './errors.js';
import { type Imported, importReport } from './index.js';

export interface ReportSource {
  name: string;
  /** the file's bytes, read only when its turn comes (a folder of hundreds is not held in memory) */
  bytes: () => Uint8Array | Promise<Uint8Array>;
}

const agencyKey = (s: unknown) => String(s ?? '').replace(/\s+/g, '');

async function auditOne(src: ReportSource, previous: Map<string, Imported>): Promise<AuditRow> {
  try {
    const imp = await importReport(await src.bytes(), src.name);
    const prev = previous.get(`${agencyKey(imp.data.agency)}|${Number(imp.data.year) - 1}`);
    return { file: src.name, agency: String(imp.data.agency), year: Number(imp.data.year) || '', format: imp.format, status: statusOf(imp), findings: auditImported(imp, prev) };
  } catch (e) {
    if (!(e instanceof CjkReportError)) throw e;
    const rule = e instanceof ImportRefusal ? e.reason : e.code;
    return {
      file: src.name, agency: '', year: '', format: '', status: 'not importable',
      findings: [{ severity: 'error', rule, table: '', row: '', column: '', printed: '', expected: '', path: '', message: e.problems.map((p) => p.message).join('；') }],
    };
  }
}

export async function auditReports(reports: ReportSource[], previousReports: ReportSource[] = [], onProgress?: (done: number) => void): Promise<AuditRow[]> {
  const previous = new Map<string, Imported>();
  for (const src of previousReports) {
    try {
      const imp = await importReport(await src.bytes(), src.name);
      previous.set(`${agencyKey(imp.data.agency)}|${imp.data.year}`, imp);
    } catch (e) {
      if (!(e instanceof CjkReportError)) throw e; // last year's unreadable files just give no cross-year check
    }
  }
  const rows: AuditRow[] = [];
  for (const src of reports) {
    rows.push(await auditOne(src, previous));
    onProgress?.(rows.length);
  }
  return rows;
}
