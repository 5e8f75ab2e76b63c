#!/usr/bin/env node
/**
 * The browser bundle (dist/browser/): index.js (exportReport), worker.js (the render worker) and the
 * data-entry page's app.js, split into shared ESM chunks. Node built-ins pdfkit uses are mapped to small
 * shims (fflate for zlib); pdfkit's ES build is used (pdfmake's too) so there is one pdfkit and one fontkit; zod carries only the zh-CN
 * and en locales. The package ships the JS, index.html and style.css (not the assets, nor the .br copies). Writes meta.json and prints the sizes (min, gzip).
 */
import { copyFileSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'dist/browser');
const shims = join(root, 'src/browser/shims');

const nodeShims = {
  name: 'node-shims',
  setup(b) {
    const map = { fs: 'fs.ts', stream: 'stream.ts', zlib: 'zlib.ts' };
    b.onResolve({ filter: /^(node:)?(fs|stream|zlib)$/ }, (a) => ({ path: join(shims, map[a.path.replace('node:', '')]) }));
    b.onResolve({ filter: /^browserify-zlib$/ }, () => ({ path: join(shims, 'zlib.ts') }));
    b.onResolve({ filter: /^(node:)?events$/ }, () => ({ path: join(root, 'node_modules/events/events.js') }));
    b.onResolve({ filter: /^(node:)?buffer$/ }, () => ({ path: join(root, 'node_modules/buffer/index.js') }));
    b.onResolve({ filter: /^pdfkit$/ }, () => ({ path: join(root, 'node_modules/pdfkit/js/pdfkit.es.js') }));
    // pdfmake's "browser" file is a prebuilt bundle with its own pdfkit and fontkit: take its CommonJS
    // modules instead, so its `pdfkit` is the one above
    b.onResolve({ filter: /^pdfmake$/ }, () => ({ path: join(root, 'node_modules/pdfmake/js/index.js') }));
    // zod's locale barrel holds 64 languages; the messages here are Chinese (and English as zod's default).
    b.onResolve({ filter: /locales\/index\.js$/ }, (a) => (a.importer.includes('/zod/') ? { path: join(shims, 'zod-locales.ts') } : undefined));
    b.onResolve({ filter: /^zod\/locales$/ }, () => ({ path: join(shims, 'zod-locales.ts') }));
    // fontkit decodes WOFF2 with a Brotli decoder; the fonts here are TrueType.
    b.onResolve({ filter: /^brotli\/decompress(\.js)?$/ }, () => ({ path: join(shims, 'no-brotli.ts') }));
  },
};

mkdirSync(out, { recursive: true });
// chunk names carry hashes: clear the previous build's code (the font assets stay)
rmSync(join(out, 'chunks'), { recursive: true, force: true });
for (const f of readdirSync(out)) if (/\.(js|br|txt)$/.test(f) || f === 'meta.json') rmSync(join(out, f));
const result = await esbuild.build({
  absWorkingDir: root,
  entryPoints: { index: 'src/browser/index.ts', worker: 'src/browser/worker.ts', app: 'web/app.ts' },
  outdir: out,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  treeShaking: true,
  metafile: true,
  legalComments: 'linked',
  conditions: ['browser'],
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', __dirname: '"/"' },
  inject: [join(shims, 'buffer-global.ts'), join(shims, 'process-global.ts')],
  loader: { '.yaml': 'text' },
  chunkNames: 'chunks/[name]-[hash]',
  plugins: [nodeShims],
  logLevel: 'warning',
});
writeFileSync(join(out, 'meta.json'), JSON.stringify(result.metafile));
// one pdfkit and one fontkit: their ES builds only
for (const pkg of ['pdfkit', 'fontkit']) {
  const builds = new Set(Object.keys(result.metafile.inputs).filter((f) => f.startsWith(`node_modules/${pkg}/`) && /\.(m?js|cjs)$/.test(f)).map((f) => f.split('/').pop()));
  if (builds.size !== 1) throw new Error(`browser bundle: expected one ${pkg} build, found ${[...builds].join(', ')}`);
}
// The 审核 page (web/audit.ts) reads reports with pdfjs: its own bundle, loaded only by audit.html, so the
// renderer's bundle (and its size below) stays as it was.
await esbuild.build({
  absWorkingDir: root,
  entryPoints: { audit: 'web/audit.ts' },
  outdir: out,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022'],
  minify: true,
  legalComments: 'linked',
  conditions: ['browser'],
  define: { 'process.env.NODE_ENV': '"production"', global: 'globalThis', __dirname: '"/"' },
  inject: [join(shims, 'buffer-global.ts'), join(shims, 'process-global.ts')],
  plugins: [nodeShims],
  logLevel: 'warning',
});
for (const f of ['index.html', 'form.html', 'audit.html', 'style.css']) copyFileSync(join(root, 'web', f), join(out, f));
// what a user's template module imports, resolved by the pages' import maps to the page's own copies
mkdirSync(join(out, 'page-shims'), { recursive: true });
for (const f of ['zod.js', 'templates.js']) copyFileSync(join(root, 'web/page-shims', f), join(out, 'page-shims', f));
// no templates from modules on a plain static server; `serve --template-module` answers this path itself
writeFileSync(join(out, 'page-templates.json'), '[]\n');
// The page's own text falls back to the bundled sans common file where the system has no Chinese font
// (browsers fetch it only then); the hashed name comes from the font assets build.
const fontsJson = join(out, 'assets/web-fonts.json');
if (readdirSync(out).includes('assets')) {
  const sans = JSON.parse(readFileSync(fontsJson, 'utf8')).faces.find((f) => f.family === 'Noto Sans SC' && !f.bold);
  // the full file is the next family in the stack: a browser loads it only for a character the common file lacks (浉)
  const faces = `@font-face { font-family: "cjk-report-ui"; src: url("assets/${sans.common.file}") format("truetype"); font-display: swap; }\n@font-face { font-family: "cjk-report-ui-full"; src: url("assets/${sans.full.file}") format("truetype"); font-display: swap; }\n`;
  writeFileSync(join(out, 'style.css'), faces + readFileSync(join(out, 'style.css'), 'utf8'));
}
// Brotli copies for servers that send precompressed files (webAssets() does)
for (const f of readdirSync(out, { recursive: true }).map(String))
  if (/\.(js|html|css)$/.test(f) && !f.startsWith('assets')) writeFileSync(join(out, `${f}.br`), brotliCompressSync(readFileSync(join(out, f))));
let min = 0;
let gz = 0;
for (const f of Object.keys(result.metafile.outputs)) {
  if (!f.endsWith('.js')) continue;
  const b = readFileSync(join(root, f));
  min += b.byteLength;
  gz += gzipSync(b, { level: 9 }).byteLength;
}
const sizes = { minified: min, gzip: gz };
writeFileSync(join(out, 'sizes.json'), JSON.stringify(sizes));
console.log(`browser JS: ${(min / 1024).toFixed(0)} KiB minified, ${(gz / 1024).toFixed(0)} KiB gzip`);
