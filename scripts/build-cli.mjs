// npm run build:cli — the CLI as one CommonJS bundle (dist/cli/cjk-report.cjs) started by a launcher with a
// V8 code cache (dist/cli/main.cjs). Measured against the plain ESM build in `npm run bench` (cold rows):
// parsing and compiling ~200 modules is most of a cold start. Left out of the bundle: WOFF2's brotli
// decoder (fontkit loads it eagerly; the bundled and registered fonts are TrueType/OpenType) and pdfkit's
// line breaker (the layout breaks lines; pdfkit only draws).
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';

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
  // piscina starts its own bootstrap file from beside its module: it must stay in node_modules
  external: ['piscina'],
  legalComments: 'none',
  logLevel: 'warning',
});
copyFileSync('scripts/cli/launch.cjs', 'dist/cli/main.cjs');
// serve and batch start pool workers from ./worker.js beside the bundle: they load the ESM build
writeFileSync('dist/cli/worker.js', "export { default } from '../src/server/worker.js';\n");

// Write the code cache now with one render of the seed (PDF and DOCX), so the first real run starts warm.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
const out = mkdtempSync(join(tmpdir(), 'cjk-report-cache-'));
try {
  execFileSync(process.execPath, ['dist/cli/main.cjs', 'render', 'examples/fangzheng-2020/fangzheng-2020.yaml', '--template', 'gov-info-annual-report-2019', '--out', out], { stdio: 'ignore' });
} finally {
  rmSync(out, { recursive: true, force: true });
}
