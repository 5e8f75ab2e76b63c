import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { CjkReportError } from '../errors.js';
import { parseFont } from '../fonts/face.js';
import type { FontRegistry } from '../fonts/registry.js';
import { validateFont } from '../fonts/validate.js';
import { type Limits, limitExceeded } from '../limits.js';
import type { FontRole } from '../model/text.js';
import { UsageError } from './args.js';

const ROLES = new Set(['serif', 'sans', 'kai', 'fangsong', 'title', 'latin']);

/** Reads a font file, refusing anything but a regular file (/dev/zero) and anything over the size limit before reading it. */
function readFontFile(path: string, flagText: string, maxFontBytes: number): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (!st.isFile()) throw new CjkReportError('invalid-font', [{ path: flagText, message: '不是普通文件' }]);
    if (st.size > maxFontBytes) throw limitExceeded('maxFontBytes', maxFontBytes, st.size, flagText, '字体文件大小（字节）');
    const buf = Buffer.alloc(st.size);
    let off = 0;
    while (off < st.size) {
      const n = readSync(fd, buf, off, st.size - off, off);
      if (n === 0) break;
      off += n;
    }
    return new Uint8Array(buf.buffer, buf.byteOffset, off);
  } catch (e) {
    if (e instanceof CjkReportError) throw e;
    throw new CjkReportError('invalid-font', [{ path: flagText, message: `无法读取（${(e as NodeJS.ErrnoException).code ?? '读取失败'}）` }]);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** --font fangsong=仿宋_GB2312.ttf [--font fangsong-bold=…]: registers the file under its own family name, first for the role. */
export function registerFontFlags(reg: FontRegistry, specs: string[], limits: Pick<Limits, 'maxFontBytes'>): FontRegistry {
  const byRole = new Map<string, { regular?: Uint8Array; bold?: Uint8Array; path: string }>();
  for (const spec of specs) {
    const m = /^([a-z]+)(-bold)?=(.+)$/.exec(spec);
    if (!m || !ROLES.has(m[1])) throw new UsageError(`--font 应为 ROLE=文件 或 ROLE-bold=文件，ROLE 为 ${[...ROLES].join('、')} 之一；实为“${spec}”`);
    const flagText = `--font ${spec}`;
    const bytes = readFontFile(m[3], flagText, limits.maxFontBytes);
    validateFont(bytes, flagText, limits.maxFontBytes);
    const entry = byRole.get(m[1]) ?? { path: m[3] };
    entry[m[2] ? 'bold' : 'regular'] = bytes;
    byRole.set(m[1], entry);
  }
  for (const [role, e] of byRole) {
    const regular = e.regular ?? e.bold!;
    const family = parseFont(regular).familyName || role;
    reg.register(family, { regular, bold: e.bold }, { maxFontBytes: limits.maxFontBytes });
    reg.assign(role as FontRole | 'latin', [family]);
  }
  return reg;
}

/**
 * A --font flag read for the worker pool (serve, batch): a flag without '=' or a file that cannot be read
 * is a usage error naming the flag (the workers validate the font itself).
 */
export function readFontFlag(spec: string): { spec: string; bytes: Uint8Array } {
  if (!spec.includes('=')) throw new UsageError(`--font 应为 ROLE=文件 或 ROLE-bold=文件，实为“${spec}”`);
  const file = spec.slice(spec.indexOf('=') + 1);
  try {
    return { spec, bytes: new Uint8Array(readFileSync(file)) };
  } catch (e) {
    throw new UsageError(`--font ${spec}：无法读取 ${file}（${(e as NodeJS.ErrnoException).code ?? '读取失败'}）`);
  }
}
