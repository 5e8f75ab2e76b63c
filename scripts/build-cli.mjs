// npm run build:cli — the CLI as one CommonJS bundle (dist/cli/cjk-report.cjs) started by a launcher with a
// V8 code cache (dist/cli/main.cjs). Measured against the plain ESM build in `npm run bench` (cold rows):
// parsing and compiling ~200 modules is most of a cold start. Left out of the bundle: WOFF2's brotli
// decoder (fontkit loads it eagerly; the bundled and registered fonts are TrueType/OpenType) and pdfkit's
// line breaker (the layout breaks lines; pdfkit only draws).
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';

rmSync('dist/cli', { recursive: true, force: true });
mkdirSync('dist/cli', { recursive: true });
await build({
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
  legalComments: 'none',
  logLevel: 'warning',
});
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
