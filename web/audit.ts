/**
 * The 审核 page: dropped reports are read and checked in the browser (the same importer and checks as
 * `cjk-report audit`); nothing is uploaded. pdfjs runs on this page's thread (its worker module is bundled).
 */
import { auditReports } from '../src/import/audit-run.js';
import type { AuditRow } from '../src/import/audit.js';

const FORMATS: Record<string, string> = { '2019': '2019年格式', '2021': '2021年格式', '2021-one-other': '2021年格式（（六）一行）' };
const STATUS: Record<AuditRow['status'], string> = { imported: '已读取', partial: '部分读取', 'not importable': '无法读取' };

function cell(tr: HTMLTableRowElement, text: string, cls?: string) {
  const td = tr.insertCell();
  td.textContent = text;
  if (cls) td.className = cls;
}

function show(rows: AuditRow[]) {
  const body = document.querySelector('#audit tbody') as HTMLTableSectionElement;
  for (const r of rows) {
    const findings = r.findings.length ? r.findings : [undefined];
    findings.forEach((f, i) => {
      const tr = body.insertRow();
      tr.className = f ? f.severity : 'ok';
      for (const t of i === 0 ? [r.file, r.agency || '—', String(r.year || '—'), FORMATS[r.format] ?? '—', STATUS[r.status]] : ['', '', '', '', '']) cell(tr, t);
      cell(tr, f ? f.rule : '通过', 'rule');
      for (const t of f ? [f.table, f.row, f.column, f.printed, f.expected, f.message] : ['', '', '', '', '', '']) cell(tr, t);
    });
  }
}

async function check(files: File[]) {
  const status = document.getElementById('audit-status')!;
  if (!(globalThis as { pdfjsWorker?: unknown }).pdfjsWorker)
    (globalThis as { pdfjsWorker?: unknown }).pdfjsWorker = await import('pdfjs-dist/legacy/build/pdf.worker.mjs');
  status.textContent = `正在读取 ${files.length} 个文件…`;
  const rows = await auditReports(
    files.map((f) => ({ name: f.name, bytes: async () => new Uint8Array(await f.arrayBuffer()) })),
    [],
    (n) => (status.textContent = `已读取 ${n}/${files.length}`),
  );
  show(rows);
  const errors = rows.filter((r) => r.findings.some((f) => f.severity === 'error')).length;
  status.textContent = `完成：${rows.length} 份报告，${errors} 份有错误`;
}

export function startAudit(): void {
  const input = document.getElementById('files') as HTMLInputElement;
  input.addEventListener('change', () => void check([...(input.files ?? [])]));
  const drop = document.getElementById('drop')!;
  drop.addEventListener('dragover', (e) => {
    e.preventDefault();
    drop.classList.add('over');
  });
  drop.addEventListener('dragleave', () => drop.classList.remove('over'));
  drop.addEventListener('drop', (e) => {
    e.preventDefault();
    drop.classList.remove('over');
    void check([...(e.dataTransfer?.files ?? [])]);
  });
}
