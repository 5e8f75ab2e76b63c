#!/usr/bin/env node
// The cjk-report command: runs the CLI bundle with a V8 code cache next to it, so a cold start skips
// parsing and compiling what the last run compiled. The cache is written after a run when missing or
// rejected (another Node version); a read-only install simply runs without it. The cache is not shipped in
// the package: its name carries the bundle's content hash (written in by scripts/build-cli.mjs) and the
// Node version and architecture, so a cache from another build or another Node is never read; V8 itself
// rejects one that does not match (cachedDataRejected) and the run goes on without it.
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');
const v8 = require('node:v8');

// A one-shot process: harfbuzz's wasm needs no optimizing tier, whose background compile would hold exit.
v8.setFlagsFromString('--liftoff-only');

const file = path.join(__dirname, 'cjk-report.cjs');
const BUILD = 'dev'; // replaced by the bundle's hash at build time
const cacheFile = path.join(__dirname, `cjk-report.${BUILD}.${process.version}-${process.arch}.v8cache`);
let cachedData;
try {
  cachedData = fs.readFileSync(cacheFile);
} catch {}
const source = fs.readFileSync(file, 'utf8').replace(/^#!.*/, '');
const script = new vm.Script(require('node:module').wrap(source), { filename: file, cachedData, importModuleDynamically: vm.constants?.USE_MAIN_CONTEXT_DEFAULT_LOADER });
if (!cachedData || script.cachedDataRejected) {
  // after the command has run (process.exit is called by the CLI), so lazily compiled functions are in the cache
  process.once('exit', () => {
    try {
      fs.writeFileSync(cacheFile, script.createCachedData());
    } catch {}
  });
}
// import() from code loaded with a code cache has no loader (a V8/Node limitation, "A dynamic import callback
// was not specified" on Node 20): the bundle imports a user's template module (--template ./x.mjs) and its
// external ES modules (pdfjs-dist, for import and audit) through this file's own import()
globalThis.__cjkReportImport = (specifier) => import(specifier);
const mod = { exports: {} };
script.runInThisContext()(mod.exports, require, mod, file, __dirname);
