import { InputError } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import type { FontRole } from '../model/text.js';
import { parseFont } from './face.js';
import type { FontRegistry } from './registry.js';
import { validateFont } from './validate.js';

export const FONT_SPEC_ROLES = new Set(['serif', 'sans', 'kai', 'fangsong', 'title', 'latin']);

/** `ROLE=file` or `ROLE-bold=file` → role and weight, or undefined when the spec is not of that form. */
export function parseFontSpec(spec: string): { role: string; bold: boolean; file: string } | undefined {
  const m = /^([a-z]+)(-bold)?=(.+)$/.exec(spec);
  return m && FONT_SPEC_ROLES.has(m[1]) ? { role: m[1], bold: !!m[2], file: m[3] } : undefined;
}

/**
 * `--font` specs with their bytes already read (by the CLI, or by the process that owns the files for the
 * HTTP workers): each font validated, registered under its own family name, and put first for its role.
 */
export function registerFontSpecs(reg: FontRegistry, fonts: { spec: string; bytes: Uint8Array }[], limits: Pick<Limits, 'maxFontBytes'> = DEFAULT_LIMITS): FontRegistry {
  const byRole = new Map<string, { regular?: Uint8Array; bold?: Uint8Array }>();
  for (const { spec, bytes } of fonts) {
    const s = parseFontSpec(spec);
    if (!s) throw new InputError([{ path: `--font ${spec}`, message: `应为 ROLE=文件 或 ROLE-bold=文件，ROLE 为 ${[...FONT_SPEC_ROLES].join('、')} 之一` }]);
    validateFont(bytes, `--font ${spec}`, limits.maxFontBytes);
    const entry = byRole.get(s.role) ?? {};
    entry[s.bold ? 'bold' : 'regular'] = bytes;
    byRole.set(s.role, entry);
  }
  for (const [role, e] of byRole) {
    const regular = e.regular ?? e.bold!;
    const family = parseFont(regular).familyName || role;
    reg.register(family, { regular, bold: e.bold }, { maxFontBytes: limits.maxFontBytes });
    reg.assign(role as FontRole | 'latin', [family]);
  }
  return reg;
}
