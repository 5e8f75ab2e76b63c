import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** Is a system tool on PATH? */
export function hasTool(name: string): boolean {
  return spawnSync('sh', ['-c', `command -v ${name}`], { stdio: 'ignore' }).status === 0;
}

/**
 * describe() for tests that need system tools: skipped with a visible message where a tool is missing,
 * but a failure under CI=true, where .ci/run must have installed it.
 */
export function describeWithTools(tools: string[], title: string, fn: () => void): void {
  const missing = tools.filter((t) => !hasTool(t));
  if (!missing.length) return describe(title, fn);
  if (process.env.CI === 'true') {
    describe(title, () => {
      test(`needs ${missing.join(', ')}`, () => {
        throw new Error(`CI=true but ${missing.join(', ')} is not installed (.ci/run must install it)`);
      });
    });
    return;
  }
  console.warn(`SKIPPED "${title}": ${missing.join(', ')} not installed (apt-get install poppler-utils qpdf libreoffice-writer-nogui)`);
  describe.skip(title, fn);
}

export function tmp(prefix = 'cjk-report-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function pdffonts(pdf: Uint8Array): { name: string; emb: boolean; sub: boolean; uni: boolean; type: string }[] {
  const dir = tmp();
  try {
    const file = join(dir, 'a.pdf');
    writeFileSync(file, pdf);
    const out = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    return out
      .split('\n')
      .slice(2)
      .filter((l) => l.trim())
      .map((l) => {
        const cols = l.trim().split(/\s+/);
        // name type... emb sub uni object ID: read the yes/no flags from the end
        const n = cols.length;
        return { name: cols[0], type: cols.slice(1, n - 5).join(' '), emb: cols[n - 5] === 'yes', sub: cols[n - 4] === 'yes', uni: cols[n - 3] === 'yes' };
      });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function pdftotext(pdf: Uint8Array, layout = false): string {
  const dir = tmp();
  try {
    const file = join(dir, 'a.pdf');
    writeFileSync(file, pdf);
    return execFileSync('pdftotext', [...(layout ? ['-layout'] : []), '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** DOCX → PDF with LibreOffice, with a fresh profile per conversion (LibreOffice caches embedded fonts by name). */
export function libreOfficeToPdf(docx: Uint8Array): Uint8Array {
  const dir = tmp();
  try {
    const file = join(dir, 'doc.docx');
    writeFileSync(file, docx);
    execFileSync('soffice', [`-env:UserInstallation=file://${join(dir, 'profile')}`, '--headless', '--convert-to', 'pdf', '--outdir', dir, file], { stdio: 'ignore', timeout: 120000 });
    return new Uint8Array(readFileSync(join(dir, 'doc.pdf')));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
