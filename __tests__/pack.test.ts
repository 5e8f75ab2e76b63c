/**
 * The package as a user gets it: `npm pack`, unpacked into a fresh project (its dependencies linked from
 * this checkout's node_modules, so the test runs offline), then used from ESM, CommonJS and TypeScript
 * (tsc without skipLibCheck, and without @types/fontkit or any other devDependency).
 */
import './helpers/dist.js'; // packs dist/: refuses a stale one
import { execFileSync, spawnSync } from 'node:child_process';
import { brotliDecompressSync } from 'node:zlib';
import { strFromU8, unzipSync } from 'fflate';
import { chmodSync, copyFileSync, existsSync, mkdirSync, readFileSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { tmp } from './helpers/tools.js';

const ROOT = process.cwd();
let proj: string;
let files: string[];
let unpackedSize: number;

beforeAll(() => {
  const dir = tmp('cjk-report-pack-');
  // `npm test` has built dist already; npm pack's own prepare/prepack would run tsc again and rewrite dist/src
  // while other suites' CLI children import from it (they then saw half-written modules). Only the CJS build,
  // which nothing else reads, is made here; the tarball's contents are the same.
  execFileSync(process.execPath, ['scripts/build-cjs.mjs'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  const out = execFileSync('npm', ['pack', '--ignore-scripts', '--json', '--pack-destination', dir], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const info = JSON.parse(out.slice(out.indexOf('[')))[0];
  files = info.files.map((f: { path: string }) => f.path);
  unpackedSize = info.unpackedSize;
  proj = join(dir, 'app');
  const pkg = join(proj, 'node_modules', 'cjk-report');
  mkdirSync(pkg, { recursive: true });
  execFileSync('tar', ['-xzf', join(dir, info.filename), '-C', pkg, '--strip-components=1']);
  // The production dependency tree only (npm ls --omit=dev), linked as top-level packages.
  const paths = execFileSync('npm', ['ls', '--omit=dev', '--all', '--parseable'], { cwd: ROOT, encoding: 'utf8' }).trim().split('\n').slice(1);
  const top = new Set(paths.map((p) => relative(join(ROOT, 'node_modules'), p).split(sep)).filter((s) => s[0] !== '..').map((s) => (s[0].startsWith('@') ? `${s[0]}/${s[1]}` : s[0])));
  top.add('@types/node'); // the user's own, for tsc
  for (const name of top) {
    mkdirSync(join(proj, 'node_modules', name, '..'), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules', name), join(proj, 'node_modules', name));
  }
  // what npm does for `bin` on install: a link in node_modules/.bin and the executable bit
  mkdirSync(join(proj, 'node_modules', '.bin'));
  symlinkSync('../cjk-report/dist/cli/main.cjs', join(proj, 'node_modules', '.bin', 'cjk-report'));
  chmodSync(join(pkg, 'dist/cli/main.cjs'), 0o755);
  copyFileSync('examples/fangzheng-2020/fangzheng-2020.yaml', join(proj, 'seed.yaml'));
  writeFileSync(join(proj, 'package.json'), JSON.stringify({ name: 'app', private: true, type: 'module' }));
}, 300_000);

test('the tarball holds what a user needs and nothing else', () => {
  expect(files).toContain('dist/src/index.js');
  expect(files).toContain('dist/src/index.d.ts');
  expect(files).toContain('dist/cjs/index.cjs');
  expect(files).toContain('fonts/NotoSerifSC-Regular.ttf');
  expect(files.filter((f) => /\.ts$/.test(f) && !/\.d\.ts$/.test(f))).toEqual([]);
  expect(files.filter((f) => /^(dist\/scripts|scripts|__tests__|examples|src)\//.test(f))).toEqual([]);
  expect(readdirSync(join(proj, 'node_modules'))).not.toContain('typescript');
  // the bin and the browser bundle, without build leftovers: no code cache, no web assets, no .br copies
  expect(files).toEqual(expect.arrayContaining(['dist/cli/main.cjs', 'dist/cli/cjk-report.cjs', 'dist/cli/worker.js', 'dist/browser/index.js', 'dist/browser/worker.js', 'dist/browser/index.html', 'dist/browser/app.js']));
  expect(files.filter((f) => /\.(v8cache|br|map)$|^dist\/browser\/(assets|meta\.json|sizes\.json)/.test(f))).toEqual([]);
  const chunks = readFileSync(join(proj, 'node_modules/cjk-report/dist/browser/index.js'), 'utf8').match(/chunks\/[\w-]+\.js/g) ?? [];
  for (const c of chunks) expect(files).toContain(`dist/browser/${c}`);
  // the pages: the template list, every template's form, and what a user's template module imports there
  for (const f of ['index.html', 'form.html', 'audit.html', 'page-templates.json', 'page-shims/zod.js', 'page-shims/templates.js']) expect(files).toContain(`dist/browser/${f}`);
  // the fonts once (fonts/, 19 MB): the browser's font files are built from them on the user's side; the CLI
  // bundle and the browser chunks carry pdfmake and docx since they write every PDF and DOCX (issue 14)
  // and the 审核 page's own bundle carries pdfjs-dist (1.9 MB minified) to read published reports in the browser (issue 16)
  expect(unpackedSize).toBeLessThan(27.5 * 1024 * 1024);
  expect(() => readdirSync(join(proj, 'node_modules', '@types', 'fontkit'))).toThrow();
});

test('ESM: renderTemplate, core, templates and the server entry', () => {
  writeFileSync(
    join(proj, 'esm.mjs'),
    `import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { renderTemplate, render, templates, templateJsonSchema, InputError, InconsistentDataError } from 'cjk-report';
import { renderReport, CjkReportError } from 'cjk-report/core';
import { listTemplates } from 'cjk-report/templates';
import { createExportApp } from 'cjk-report/server';
const data = parse(readFileSync('seed.yaml', 'utf8'));
const r = await renderTemplate(undefined, data, { formats: ['pdf', 'docx'] });
let hint = '';
try { await render(data); } catch (e) { hint = e instanceof InputError ? e.problems[0].message : 'wrong class'; }
const app = createExportApp({ log: false, concurrency: 1 });
const res = await app.request('/templates');
await app.close();
console.log(JSON.stringify({ name: r.fileName, pdf: Buffer.from(r.pdf.subarray(0, 5)).toString(), docx: r.docx.length > 1000, templates: templates().length,
  list: listTemplates().length, schema: typeof templateJsonSchema('gov-info-annual-report-2019'), core: typeof renderReport, hint, http: res.status,
  sameClass: new InconsistentDataError([]) instanceof CjkReportError }));
`,
  );
  const r = spawnSync('node', ['esm.mjs'], { cwd: proj, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual({
    name: '方正县营商环境建设监督局2020年政府信息公开工作年度报告', pdf: '%PDF-', docx: true, templates: 3, list: 3, schema: 'object', core: 'function',
    hint: expect.stringContaining('renderTemplate'), http: 200, sameClass: true,
  });
}, 120_000);

test('CommonJS: require() of every entry, one error class across them, the server pool works', () => {
  writeFileSync(
    join(proj, 'cjs.cjs'),
    `const { readFileSync } = require('node:fs');
const { parse } = require('yaml');
const api = require('cjk-report');
const core = require('cjk-report/core');
const { getTemplate } = require('cjk-report/templates');
const { createExportApp } = require('cjk-report/server');
(async () => {
  const r = await api.renderTemplate('gov-info-annual-report-2019', parse(readFileSync('seed.yaml', 'utf8')), { formats: ['pdf'] });
  let unknown;
  try { await api.renderTemplate('nope', {}); } catch (e) { unknown = e instanceof core.UnknownTemplateError && e.code; }
  const app = createExportApp({ log: false, concurrency: 1 });
  const res = await app.request('/render.pdf', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '你好' }] }) });
  const pdf = Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString();
  await app.close();
  console.log(JSON.stringify({ pdf: Buffer.from(r.pdf.subarray(0, 5)).toString(), unknown, template: !!getTemplate('gov-info-annual-report-2021'), http: res.status, httpPdf: pdf }));
})();
`,
  );
  const r = spawnSync('node', ['cjs.cjs'], { cwd: proj, encoding: 'utf8' });
  expect(r.stderr).toBe('');
  expect(JSON.parse(r.stdout)).toEqual({ pdf: '%PDF-', unknown: 'unknown-template', template: true, http: 200, httpPdf: '%PDF-' });
}, 120_000);

test('TypeScript: the public types compile in a fresh project without skipLibCheck', () => {
  writeFileSync(
    join(proj, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, skipLibCheck: false, types: ['node'] }, files: ['main.ts'] }),
  );
  writeFileSync(
    join(proj, 'main.ts'),
    `import { renderTemplate, render, type TemplateRenderResult, CjkReportError, HTTP_STATUS, type Problem, templates } from 'cjk-report';
import { renderReport, type RenderOptions } from 'cjk-report/core';
import { listTemplates, type Template } from 'cjk-report/templates';
import { createExportApp, type ExportAppOptions } from 'cjk-report/server';
const opts: ExportAppOptions = { concurrency: 2, timeoutMs: 10_000 };
export async function go(data: unknown): Promise<number> {
  try {
    const r: TemplateRenderResult = await renderTemplate('gov-info-annual-report-2021', data, { formats: ['pdf'] });
    const m = await render({ meta: { title: 't' }, blocks: [] });
    return r.pdf!.byteLength + (m.pdf?.byteLength ?? 0) + templates().length;
  } catch (e) {
    if (e instanceof CjkReportError) { const p: Problem[] = e.problems; return HTTP_STATUS[e.code] + p.length; }
    throw e;
  }
}
export const t: Template[] = listTemplates();
export const f: typeof renderReport = renderReport;
export const o: RenderOptions | undefined = undefined;
export const app = createExportApp(opts);
`,
  );
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'tsconfig.json'], { cwd: proj, encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
}, 120_000);

test('cjk-report/browser resolves to the prebuilt bundle and bundles for the browser without Node imports', async () => {
  const esbuild = await import('esbuild');
  writeFileSync(join(proj, 'page.js'), `import { exportReport } from 'cjk-report/browser';\nwindow.go = (m) => exportReport(m, { format: 'pdf', assetsUrl: '/assets/' });\n`);
  const r = await esbuild.build({ absWorkingDir: proj, entryPoints: ['page.js'], bundle: true, write: false, outdir: 'out', format: 'esm', platform: 'browser', conditions: ['browser'], metafile: true, logLevel: 'silent' });
  expect(r.errors).toEqual([]);
  const inputs = Object.keys(r.metafile.inputs);
  expect(inputs).toContain('node_modules/cjk-report/dist/browser/index.js');
  // the bundle's own chunks only: nothing from dist/src, no dependency, no node: built-in
  expect(inputs.filter((i) => i !== 'page.js' && !i.startsWith('node_modules/cjk-report/dist/browser/'))).toEqual([]);
  const js = r.outputFiles.map((f) => f.text).join('');
  expect(js).not.toMatch(/["']node:\w+["']/);
  expect(js).toContain('worker.js');
}, 60_000);

test('the installed bin renders the seed to a PDF and a DOCX; its code cache is made lazily and a foreign one is ignored', () => {
  const run = () => spawnSync('npx', ['--no-install', 'cjk-report', 'render', 'seed.yaml', '--template', 'gov-info-annual-report-2019', '--out', 'out'], { cwd: proj, encoding: 'utf8' });
  const cli = join(proj, 'node_modules/cjk-report/dist/cli');
  expect(readdirSync(cli).filter((f) => f.endsWith('.v8cache'))).toEqual([]);
  let r = run();
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  const out = readdirSync(join(proj, 'out')).sort();
  expect(out).toEqual(['seed.docx', 'seed.pdf']);
  expect(readFileSync(join(proj, 'out', 'seed.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  expect(strFromU8(unzipSync(readFileSync(join(proj, 'out', 'seed.docx')))['word/document.xml'])).toContain('方正县营商环境建设监督局');
  const caches = readdirSync(cli).filter((f) => f.endsWith('.v8cache'));
  expect(caches).toHaveLength(1);
  expect(caches[0]).toContain(process.version);
  // a corrupt or foreign cache under the same name: V8 rejects it, the run succeeds and rewrites it
  writeFileSync(join(cli, caches[0]), Buffer.alloc(4096, 7));
  r = run();
  expect(r.stderr).toBe('');
  expect(r.status).toBe(0);
  expect(readFileSync(join(cli, caches[0])).equals(Buffer.alloc(4096, 7))).toBe(false);
}, 120_000);

test('the installed bin renders a batch on its worker pool', () => {
  mkdirSync(join(proj, 'batch'));
  for (const n of ['a', 'b', 'c']) copyFileSync(join(proj, 'seed.yaml'), join(proj, 'batch', `${n}.yaml`));
  const r = spawnSync('npx', ['--no-install', 'cjk-report', 'render', 'batch/a.yaml', 'batch/b.yaml', 'batch/c.yaml', '--template', 'gov-info-annual-report-2019', '--format', 'pdf', '--out', 'batch-out', '--jobs', '2'], { cwd: proj, encoding: 'utf8' });
  expect(r.stderr).toContain('完成 3 份，失败 0 份');
  expect(r.status).toBe(0);
  expect(readdirSync(join(proj, 'batch-out')).sort()).toEqual(['a.pdf', 'b.pdf', 'c.pdf']);
}, 120_000);

test('web-assets builds the browser fonts from the installed package\'s own fonts/', () => {
  const r = spawnSync('npx', ['--no-install', 'cjk-report', 'web-assets', 'assets', '--quality', '1'], { cwd: proj, encoding: 'utf8' });
  expect(r.status).toBe(0);
  const m = JSON.parse(readFileSync(join(proj, 'assets/web-fonts.json'), 'utf8'));
  expect(m.faces).toHaveLength(6);
  const f = m.faces[0].common.file;
  expect(existsSync(join(proj, 'assets', m.wasm.file))).toBe(true);
  expect(brotliDecompressSync(readFileSync(join(proj, 'assets', `${f}.br`))).equals(readFileSync(join(proj, 'assets', f)))).toBe(true);
  // served by the package's own handler: the .br bytes with Content-Encoding: br, immutable
  writeFileSync(join(proj, 'serve-assets.mjs'), `import { webAssetsApp } from 'cjk-report/server';
const a = await webAssetsApp('assets').request('/${f}', { headers: { 'accept-encoding': 'gzip, br' } });
const h = (n) => a.headers.get(n);
console.log(JSON.stringify({ enc: h('content-encoding'), cache: h('cache-control'), type: h('content-type'), bytes: (await a.arrayBuffer()).byteLength }));
`);
  const s = spawnSync('node', ['serve-assets.mjs'], { cwd: proj, encoding: 'utf8' });
  expect(s.stderr).toBe('');
  expect(JSON.parse(s.stdout)).toEqual({ enc: 'br', cache: 'public, max-age=31536000, immutable', type: 'font/ttf', bytes: readFileSync(join(proj, 'assets', `${f}.br`)).byteLength });
}, 180_000);
