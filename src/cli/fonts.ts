import { readFileSync } from 'node:fs';
import { parseFont } from '../fonts/face.js';
import type { FontRegistry } from '../fonts/registry.js';
import { InputError } from '../model/errors.js';
import type { FontRole } from '../model/text.js';
import { UsageError } from './args.js';

const ROLES = new Set(['serif', 'sans', 'kai', 'fangsong', 'title', 'latin']);

/** --font fangsong=仿宋_GB2312.ttf [--font fangsong-bold=…]: registers the file under its own family name, first for the role. */
export function registerFontFlags(reg: FontRegistry, specs: string[]): FontRegistry {
  const byRole = new Map<string, { regular?: Uint8Array; bold?: Uint8Array; path: string }>();
  for (const spec of specs) {
    const m = /^([a-z]+)(-bold)?=(.+)$/.exec(spec);
    if (!m || !ROLES.has(m[1])) throw new UsageError(`--font takes ROLE=file or ROLE-bold=file with ROLE one of ${[...ROLES].join(', ')}`);
    let bytes: Uint8Array;
    try {
      bytes = readFileSync(m[3]);
      parseFont(bytes);
    } catch (e) {
      throw new InputError([{ path: `--font ${spec}`, message: `is not a readable TrueType/OpenType font (${(e as Error).message})` }]);
    }
    const entry = byRole.get(m[1]) ?? { path: m[3] };
    entry[m[2] ? 'bold' : 'regular'] = bytes;
    byRole.set(m[1], entry);
  }
  for (const [role, e] of byRole) {
    const regular = e.regular ?? e.bold!;
    const family = parseFont(regular).familyName || role;
    reg.register(family, { regular, bold: e.bold });
    reg.assign(role as FontRole | 'latin', [family]);
  }
  return reg;
}
