import { readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';

/** Every module src/core.ts reaches, following relative imports. */
function reach(file: string, seen = new Set<string>()): Set<string> {
  if (seen.has(file)) return seen;
  seen.add(file);
  const src = readFileSync(file, 'utf8');
  // static imports and the renderers' dynamic import('./…')
  for (const m of src.matchAll(/^(?:import|export)[^'"]*from '(\.[^']+)'|\bimport\('(\.[^']+)'\)/gm)) reach(normalize(join(dirname(file), (m[1] ?? m[2]).replace(/\.js$/, '.ts'))), seen);
  return seen;
}

test('the core (what the browser bundle and HTTP handler will use) imports nothing from Node', () => {
  const files = [...reach('src/core.ts')];
  expect(files.length).toBeGreaterThan(20);
  const nodeImports = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/from '(node:[^']+|fs|path|os|child_process)'/g)].map((m) => `${f}: ${m[1]}`));
  expect(nodeImports).toEqual([]);
});
