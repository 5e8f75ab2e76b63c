import { readFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { dirname, join, normalize } from 'node:path';

/**
 * Every module specifier in a source: `import … from`, `export … from`, a side-effect `import '…'`, a
 * dynamic `import('…')` and a `require('…')`, over several lines too.
 */
function specifiers(src: string): string[] {
  const re = /(?:^|[\n;])\s*(?:import|export)\s[^;'"]*?\sfrom\s*['"]([^'"]+)['"]|(?:^|[\n;])\s*import\s*['"]([^'"]+)['"]|\bimport\(\s*['"]([^'"]+)['"]\s*\)|\brequire\(\s*['"]([^'"]+)['"]\s*\)/g;
  return [...src.matchAll(re)].map((m) => m[1] ?? m[2] ?? m[3] ?? m[4]);
}

const isNode = (spec: string) => spec.startsWith('node:') || builtinModules.includes(spec) || builtinModules.includes(spec.split('/')[0]);

/** Every module src/core.ts reaches, following relative imports. */
function reach(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  for (const spec of specifiers(readFileSync(file, 'utf8'))) if (spec.startsWith('.')) reach(normalize(join(dirname(file), spec.replace(/\.js$/, '.ts'))), seen);
  return seen;
}

test('the detector sees every form of import of a Node module', () => {
  const forms = [
    "import { createHash } from 'crypto';",
    "import * as zlib from 'node:zlib';",
    "import {\n  Worker,\n} from 'worker_threads';",
    "import 'node:process';",
    "export { x } from 'fs/promises';",
    "const m = await import('node:os');",
    "const c = require('child_process');",
  ];
  for (const f of forms) expect(specifiers(f).filter(isNode)).toHaveLength(1);
  expect(specifiers("import { z } from 'zod';\nimport type { A } from './a.js';").filter(isNode)).toEqual([]);
});

test('the core (what the browser bundle and HTTP handler will use) imports nothing from Node', () => {
  const files = [...reach('src/core.ts')];
  expect(files.length).toBeGreaterThan(20);
  const nodeImports = files.flatMap((f) => specifiers(readFileSync(f, 'utf8')).filter(isNode).map((s) => `${f}: ${s}`));
  expect(nodeImports).toEqual([]);
});
