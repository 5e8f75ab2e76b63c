// CommonJS build for `require('cjk-report')` (and /core, /templates, /server): one esbuild bundle per
// entry, dependencies left to require(). The errors module is its own file so that every entry throws
// the same CjkReportError classes (instanceof works across entries).
import { build } from 'esbuild';
import { mkdirSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ERRORS = resolve('src/errors.ts');
const sharedErrors = {
  name: 'shared-errors',
  setup(b) {
    b.onResolve({ filter: /errors\.js$/ }, (args) => {
      const target = resolve(args.resolveDir, args.path.replace(/\.js$/, '.ts'));
      if (target === ERRORS && args.importer !== ERRORS) return { path: './errors.cjs', external: true };
      return undefined;
    });
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  packages: 'external',
  outdir: 'dist/cjs',
  outExtension: { '.js': '.cjs' },
  // import.meta.url (fonts, harfbuzz wasm, the worker file) from the bundle's own path
  define: { 'import.meta.url': '__cjkImportMetaUrl' },
  banner: { js: "var __cjkImportMetaUrl = require('node:url').pathToFileURL(__filename).href;" },
  logLevel: 'warning',
};

const { define, banner, ...bytesOnly } = common;
// errors, core and templates use no Node API: no banner either (the core stays loadable anywhere)
await build({ ...bytesOnly, entryPoints: { errors: 'src/errors.ts' } });
await build({ ...bytesOnly, entryPoints: { core: 'src/core.ts', templates: 'templates/index.ts' }, plugins: [sharedErrors] });
await build({ ...common, entryPoints: { index: 'src/index.ts', server: 'src/server/index.ts' }, plugins: [sharedErrors] });
mkdirSync('dist/cjs', { recursive: true });
// The pool starts workers from ./worker.js beside it: worker threads load the ESM build.
writeFileSync('dist/cjs/worker.js', "export { default } from '../src/server/worker.js';\n");
