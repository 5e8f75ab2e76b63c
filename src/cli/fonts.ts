import { closeSync, fstatSync, openSync, readFileSync, readSync } from 'node:fs';
import { CjkReportError } from '../errors.js';
import type { FontRegistry } from '../fonts/registry.js';
import { FONT_SPEC_ROLES, parseFontSpec, registerFontSpecs } from '../fonts/specs.js';
import { type Limits, limitExceeded } from '../limits.js';
import { UsageError } from './args.js';

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

/** --font fangsong=仿宋_GB2312.ttf [--font fangsong-bold=…]: each file read (bounded), then registered as any font spec is. */
export function registerFontFlags(reg: FontRegistry, specs: string[], limits: Pick<Limits, 'maxFontBytes'>): FontRegistry {
  const fonts = specs.map((spec) => {
    const s = parseFontSpec(spec);
    if (!s) throw new UsageError(`--font 应为 ROLE=文件 或 ROLE-bold=文件，ROLE 为 ${[...FONT_SPEC_ROLES].join('、')} 之一；实为“${spec}”`);
    return { spec, bytes: readFontFile(s.file, `--font ${spec}`, limits.maxFontBytes) };
  });
  return registerFontSpecs(reg, fonts, limits);
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
