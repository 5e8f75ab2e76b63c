/**
 * POST /audit: published reports (multipart/form-data, any field name; last year's in the field "previous")
 * → one audit row per report, as `cjk-report audit --format json` prints them. Reports are read in the
 * request (pdfjs is asynchronous), one after another.
 */
import type { Context } from 'hono';
import { CjkReportError } from '../errors.js';
import { auditReports, type ReportSource } from '../import/audit-run.js';

const MAX_FILES = 200;

export async function auditAnswer(c: Context): Promise<Response> {
  const type = c.req.header('content-type') ?? '';
  if (!/^multipart\/form-data/i.test(type))
    throw new CjkReportError('unsupported-media-type', [{ path: '(body)', message: '请用 multipart/form-data 上传报告文件（.pdf、.docx、.html）' }]);
  const form = await c.req.parseBody({ all: true });
  const reports: ReportSource[] = [];
  const previous: ReportSource[] = [];
  for (const [field, value] of Object.entries(form))
    for (const v of Array.isArray(value) ? value : [value]) {
      if (typeof v === 'string') continue;
      const src = { name: v.name || field, bytes: async () => new Uint8Array(await v.arrayBuffer()) };
      (field === 'previous' ? previous : reports).push(src);
    }
  if (!reports.length) throw new CjkReportError('invalid-input', [{ path: '(body)', message: '没有收到报告文件' }]);
  if (reports.length + previous.length > MAX_FILES) throw new CjkReportError('limit-exceeded', [{ path: '(body)', message: `一次最多 ${MAX_FILES} 个文件` }]);
  const rows = await auditReports(reports, previous);
  return c.json({ reports: rows, errors: rows.some((r) => r.findings.some((f) => f.severity === 'error')) });
}
