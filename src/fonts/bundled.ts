import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FontRegistry } from './registry.js';

/** The open fonts shipped in fonts/ (subsets made by scripts/build-fonts.mjs). */
export const BUNDLED_FAMILIES = {
  'Noto Serif SC': { regular: 'NotoSerifSC-Regular.ttf', bold: 'NotoSerifSC-Bold.ttf' },
  'Noto Sans SC': { regular: 'NotoSansSC-Regular.ttf', bold: 'NotoSansSC-Bold.ttf' },
  'LXGW WenKai': { regular: 'LXGWWenKai-Regular.ttf', bold: 'LXGWWenKai-Bold.ttf' },
} as const;

export const BUNDLED_ROLES = {
  serif: ['Noto Serif SC'],
  sans: ['Noto Sans SC'],
  // WenKai lacks a few rare township characters; Noto Serif SC draws those.
  kai: ['LXGW WenKai', 'Noto Serif SC'],
  fangsong: [],
  title: [],
};

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
    // read and parsed when a document first uses the face (the seed report uses three of the six)
    reg.register(family, { regular: () => read(join(dir, files.regular)), bold: () => read(join(dir, files.bold)) });
  }
  return reg;
}

const byPath = new Map<string, Uint8Array>();
function read(path: string): Uint8Array {
  let b = byPath.get(path);
  if (!b) byPath.set(path, (b = readFileSync(path)));
  return b;
}
