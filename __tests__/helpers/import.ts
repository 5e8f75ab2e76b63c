import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { render } from '../../src/index.js';
import { getTemplate } from '../../templates/index.js';
import { FIXED_DATE } from './render.js';

/** The template's data after its own check (totals filled in), with the rule errors allowed: what a render prints. */
export function checked(data: unknown): { data: Record<string, unknown>; errors: string[] } {
  const t = getTemplate(String((data as { template: string }).template))!;
  const r = t.check(data);
  return { data: r.data as Record<string, unknown>, errors: r.errors.map((e) => e.rule ?? /^\[([^\]]+)\]/.exec(e.message)?.[1] ?? '?') };
}

/** Renders template data (rule errors allowed) to PDF and DOCX files in `dir` named `name`. */
export async function renderData(data: unknown, dir: string, name: string): Promise<void> {
  const t = getTemplate(String((data as { template: string }).template))!;
  const r = await render(t.build(t.check(data).data), { creationDate: FIXED_DATE });
  writeFileSync(join(dir, `${name}.pdf`), r.pdf!);
  writeFileSync(join(dir, `${name}.docx`), r.docx!);
}

/** LibreOffice converts every .docx of `dir` to `format` (pdf or html) in one run, into a new folder. */
export function libreOffice(dir: string, format: 'pdf' | 'html'): string {
  const out = mkdtempSync(join(tmpdir(), `lo-${format}-`));
  const files = readdirSync(dir).filter((f) => f.endsWith('.docx')).map((f) => join(dir, f));
  execFileSync('soffice', [`-env:UserInstallation=file://${mkdtempSync(join(tmpdir(), 'lo-profile-'))}`, '--headless', '--convert-to', format, '--outdir', out, ...files], { stdio: 'ignore', timeout: 180000 });
  return out;
}

/** Tables as comparable JSON: numbers and numeric strings alike ("+17" and 17). */
export function tablesOf(data: Record<string, unknown>): unknown {
  return JSON.parse(JSON.stringify(data.tables), (_, v) => (typeof v === 'string' && /^[+-]?\d+$/.test(v) ? Number(v) : v));
}
