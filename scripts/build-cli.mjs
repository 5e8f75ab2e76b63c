// npm run build:cli — the CLI as one CommonJS bundle (dist/cli/cjk-report.cjs) started by a launcher with a
// V8 code cache (dist/cli/main.cjs). Measured against the plain ESM build in `npm run bench` (cold rows):
// parsing and compiling ~200 modules is most of a cold start. Left out of the bundle: WOFF2's brotli
// decoder (fontkit loads it eagerly; the bundled and registered fonts are TrueType/OpenType) and pdfkit's
// line breaker (the layout breaks lines; pdfkit only draws).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

// pdfmake require()s bare `pdfkit`, which would pull pdfkit's CommonJS build and with it fontkit's CommonJS
// build beside the ES builds the renderer and the layout use: one pdfkit and one fontkit (ES builds) instead.
const oneCopy = {
  name: 'one-pdfkit-one-fontkit',
  setup(b) {
    b.onResolve({ filter: /^pdfkit$/ }, () => ({ path: resolve('node_modules/pdfkit/js/pdfkit.es.js') }));
    b.onResolve({ filter: /^fontkit$/ }, () => ({ path: resolve('node_modules/fontkit/dist/module.mjs') }));
  },
};

rmSync('dist/cli', { recursive: true, force: true });
mkdirSync('dist/cli', { recursive: true });
const meta = await build({
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/cli/cjk-report.cjs',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // harfbuzz's wasm stays a file of the harfbuzzjs package; fonts/ is found relative to the bundle
  define: { 'import.meta.url': '__bundleUrl' },
  banner: { js: "const __bundleUrl = require('node:url').pathToFileURL(__filename).href;" },
  alias: { 'brotli/decompress.js': './scripts/cli/no-woff2.cjs', linebreak: './scripts/cli/no-linebreak.cjs' },
  // piscina starts its own bootstrap from worker.js beside itself: it stays a package (a dependency) so that
  // file is piscina's, not the bundle's neighbour; it loads only for batch and serve.
  external: ['piscina', 'pdfjs-dist'], // pdfjs (import, audit) loads as its own ES module, only when used
  plugins: [oneCopy],
  metafile: true,
  // whitespace and syntax only (names stay readable in a stack trace): pdfmake and docx made the bundle ~1 MB larger
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  logLevel: 'warning',
});
// checked on every build: exactly one pdfkit and one fontkit went into the bundle
for (const pkg of ['pdfkit', 'fontkit']) {
  const files = Object.keys(meta.metafile.inputs).filter((f) => f.startsWith(`node_modules/${pkg}/`) && /\.(m?js|cjs)$/.test(f) && !f.includes('/data/'));
  const builds = new Set(files.map((f) => f.replace(/^node_modules\/[^/]+\/(js|dist)\/([^/]+)$/, '$2')));
  if (builds.size !== 1) throw new Error(`CLI bundle: expected one ${pkg} build, found ${[...builds].join(', ')}`);
}
// PDF/A: pdfkit reads the sRGB output intent profile from data/ beside its code, which is the bundle
mkdirSync('dist/cli/data', { recursive: true });
copyFileSync('node_modules/pdfkit/js/data/sRGB_IEC61966_2_1.icc', 'dist/cli/data/sRGB_IEC61966_2_1.icc');
// The render pool (batch, serve) starts workers from ./worker.js beside the bundle (its import.meta.url):
// worker threads load the ESM build, as the CommonJS build's do.
writeFileSync('dist/cli/worker.js', "export { default } from '../src/server/worker.js';\n");
// the launcher names its code cache after the bundle's content, so a cache from another build is never read
const hash = createHash('sha256').update(readFileSync('dist/cli/cjk-report.cjs')).digest('hex').slice(0, 12);
const launcher = readFileSync('scripts/cli/launch.cjs', 'utf8');
if (!launcher.includes("const BUILD = 'dev';")) throw new Error('launch.cjs: BUILD marker not found');
writeFileSync('dist/cli/main.cjs', launcher.replace("const BUILD = 'dev';", `const BUILD = '${hash}';`), { mode: 0o755 });

// Write the code cache now (not shipped: `files` lists the two .cjs only) with one render of the seed (PDF and DOCX), so the first real run starts warm.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const out = mkdtempSync(join(tmpdir(), 'cjk-report-cache-'));
// npm pack's prepack needs no cache (the package ships none)
if (process.env.npm_lifecycle_event !== 'prepack') try {
  execFileSync(process.execPath, ['dist/cli/main.cjs', 'render', 'examples/fangzheng-2020/fangzheng-2020.yaml', '--template', 'gov-info-annual-report-2019', '--out', out], { stdio: 'ignore' });
} finally {
  rmSync(out, { recursive: true, force: true });
}
