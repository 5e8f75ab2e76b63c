/**
 * Tests that run the built package (the CLI, the worker pool, the bundles) import this first: it fails at
 * once, saying what to run, when dist/ is missing or older than the sources, so a focused run never tests a
 * stale build. `npm test` builds before it runs jest.
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

const ROOT = process.cwd(); // jest runs from the repository root

function newest(dir: string): number {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

function assertFresh(built: string, sources: string[], command: string): void {
  let at: number;
  try {
    at = statSync(join(ROOT, built)).mtimeMs;
  } catch {
    throw new Error(`${built} is missing: run \`${command}\` first (npm test does)`);
  }
  const src = Math.max(...sources.map((s) => newest(join(ROOT, s))));
  if (src > at) throw new Error(`${built} is older than the sources: run \`${command}\` first (npm test does)`);
}

/**
 * True when dist/browser (npm run build:web) is missing `file` or older than what it is built from: the
 * browser tests then build it before they run, so they never test an old bundle.
 */
export function webBuildStale(file = 'index.js'): boolean {
  try {
    return statSync(join(ROOT, 'dist/browser', file)).mtimeMs < Math.max(...['src', 'templates', 'web'].map((s) => newest(join(ROOT, s))));
  } catch {
    return true;
  }
}

assertFresh('dist/src/index.js', ['src', 'templates'], 'npm run build');
assertFresh('dist/cli/main.cjs', ['src', 'templates'], 'npm run build');

/** The ESM CLI the tests spawn. */
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
