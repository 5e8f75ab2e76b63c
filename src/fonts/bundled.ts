import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FontRegistry } from './registry.js';
import { BUNDLED_FAMILIES, BUNDLED_ROLES } from './roles.js';

export { BUNDLED_FAMILIES, BUNDLED_ROLES } from './roles.js';

export function fontsDir(): string {
  // dist/src/fonts → ../../../fonts, src/fonts (ts-jest) → ../../fonts
  const here = dirname(fileURLToPath(import.meta.url));
  for (const up of ['../../fonts', '../../../fonts']) {
    const dir = join(here, up);
    try {
      readFileSync(join(dir, 'manifest.json'));
      return dir;
    } catch {
      /* try the next */
    }
  }
  throw new Error('bundled fonts not found (fonts/manifest.json)');
}

let shared: FontRegistry | undefined;

/** A registry with the bundled fonts, parsed once per process. Later calls get the same registry. */
export function bundledRegistry(): FontRegistry {
  if (!shared) shared = newBundledRegistry();
  return shared;
}

/** A fresh registry with the bundled fonts (for users who register their own fonts per role). */
export function newBundledRegistry(): FontRegistry {
  const dir = fontsDir();
  const reg = new FontRegistry(BUNDLED_ROLES);
  for (const [family, files] of Object.entries(BUNDLED_FAMILIES)) {
    reg.register(family, { regular: read(join(dir, files.regular)), bold: read(join(dir, files.bold)) });
  }
  return reg;
}

const byPath = new Map<string, Uint8Array>();
function read(path: string): Uint8Array {
  let b = byPath.get(path);
  if (!b) byPath.set(path, (b = readFileSync(path)));
  return b;
}
