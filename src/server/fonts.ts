import { parseFont } from '../fonts/face.js';
import type { FontRegistry } from '../fonts/registry.js';
import { InputError } from '../errors.js';
import type { FontRole } from '../model/text.js';

const ROLES = new Set(['serif', 'sans', 'kai', 'fangsong', 'title', 'latin']);

/** ROLE=… or ROLE-bold=… specs with the file bytes already read: registers each under its family, first for its role. */
export function registerFontBytes(reg: FontRegistry, fonts: { spec: string; bytes: Uint8Array }[]): FontRegistry {
  const byRole = new Map<string, { regular?: Uint8Array; bold?: Uint8Array }>();
  for (const { spec, bytes } of fonts) {
    const m = /^([a-z]+)(-bold)?=(.+)$/.exec(spec);
    if (!m || !ROLES.has(m[1])) throw new InputError([{ path: `--font ${spec}`, message: `应为 ROLE=文件 或 ROLE-bold=文件，ROLE 为 ${[...ROLES].join('、')} 之一` }]);
    try {
      parseFont(bytes);
    } catch (e) {
      throw new InputError([{ path: `--font ${spec}`, message: '不是可读的 TrueType/OpenType 字体（数据损坏或不完整）' }], undefined, 'invalid-font');
    }
    const entry = byRole.get(m[1]) ?? {};
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
