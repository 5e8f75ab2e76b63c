/**
 * node dist/scripts/bench-import.js (after npm run build): reading reports back. One PDF import (the real
 * 5-page report) as a whole CLI run under hyperfine, and in-process warm; then `audit` over 100 reports
 * (the real PDF, a render's PDF and DOCX, LibreOffice's HTML when soffice is there) in one CLI run.
 * Issue 16's targets: one PDF ≤ 1 s, audit of 100 ≤ 60 s on 2 cores. A benchmark, not a test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import { render } from '../src/index.js';
import { importReport } from '../src/import/index.js';
import { getTemplate } from '../templates/index.js';

const REAL = '__tests__/fixtures/real-reports/hongze-district-2024.pdf';
const CLI = 'dist/cli/main.cjs';
const dir = mkdtempSync(join(tmpdir(), 'bench-import-'));

const t = getTemplate('gov-info-annual-report-2021')!;
const r = await render(t.build(t.check(parse(readFileSync('examples/shihe-2021/shihe-2021.yaml', 'utf8'))).data));
writeFileSync(join(dir, 'shihe.pdf'), r.pdf!);
writeFileSync(join(dir, 'shihe.docx'), r.docx!);
const sources = [REAL, join(dir, 'shihe.pdf'), join(dir, 'shihe.docx')];
try {
  execFileSync('soffice', [`-env:UserInstallation=file://${dir}/lo`, '--headless', '--convert-to', 'html', '--outdir', dir, join(dir, 'shihe.docx')], { stdio: 'ignore', timeout: 120000 });
  sources.push(join(dir, 'shihe.html'));
} catch {
  console.log('(no soffice: the folder has no LibreOffice HTML)');
}
const folder = join(dir, 'reports');
execFileSync('mkdir', [folder]);
for (let i = 0; i < 100; i++) {
  const s = sources[i % sources.length];
  copyFileSync(s, join(folder, `${String(i).padStart(3, '0')}-${s.split('/').pop()}`));
}

const bytes = new Uint8Array(readFileSync(REAL));
await importReport(bytes, REAL);
const warm: number[] = [];
for (let i = 0; i < 10; i++) {
  const t0 = performance.now();
  await importReport(bytes, REAL);
  warm.push(performance.now() - t0);
}
warm.sort((a, b) => a - b);
const hf = spawnSync('hyperfine', ['-N', '-w', '1', '-r', '5', '--export-json', join(dir, 'hf.json'), `node ${CLI} import ${REAL}`], { stdio: 'ignore' });
const cold = hf.status === 0 ? JSON.parse(readFileSync(join(dir, 'hf.json'), 'utf8')).results[0] : undefined;
const t0 = performance.now();
const audit = spawnSync(process.execPath, [CLI, 'audit', folder, '--format', 'csv'], { encoding: 'utf8' });
const auditS = (performance.now() - t0) / 1000;
const rows = audit.stdout.trim().split('\n').length - 1;

console.log(`load average at the end: ${loadavg().map((x) => x.toFixed(1)).join(' ')} (2 cores)`);
console.log(`import, real 5-page PDF, in-process warm: median ${warm[5].toFixed(0)} ms`);
if (cold) console.log(`import, whole CLI run: mean ${(cold.mean * 1000).toFixed(0)} ms wall, user ${(cold.user * 1000).toFixed(0)} ms + system ${(cold.system * 1000).toFixed(0)} ms CPU`);
console.log(`audit of ${readdirSync(folder).length} reports (${sources.length} kinds): ${auditS.toFixed(1)} s, ${rows} CSV rows, exit ${audit.status}`);
