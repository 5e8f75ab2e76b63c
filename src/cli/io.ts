import { syntaxMessage } from '../model/syntax-message.js';
import { closeSync, fstatSync, mkdirSync, openSync, readSync, renameSync, rmSync, statSync } from 'node:fs';
import { access, constants, open } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { CjkReportError } from '../errors.js';
import { type Limits, limitExceeded } from '../limits.js';
import { checkInputBounds } from '../model/input-bounds.js';
import { UsageError } from './args.js';

const unreadable = (path: string, message: string) => new CjkReportError('unreadable-input', [{ path, message }]);
const nameOf = (path: string) => (path === '-' ? '(stdin)' : path);

/**
 * Reads JSON or YAML (by extension; '-' is standard input, JSON or YAML), never more than maxInputBytes:
 * a regular file's size is checked before reading, anything else (a pipe, /dev/zero) is read up to the limit.
 * A UTF-8 BOM is dropped; text that is not UTF-8 (GBK…) is refused by name. After parsing, nesting, cycles
 * and the size with YAML aliases expanded are bounded before anything recursive sees the data.
 */
export async function readData(path: string, limits: Pick<Limits, 'maxInputBytes' | 'maxNesting'>): Promise<unknown> {
  const bytes = path === '-' ? await readStdin(limits.maxInputBytes) : readBounded(path, limits.maxInputBytes);
  return parseData(bytes, path === '-' ? '' : extname(path).toLowerCase(), nameOf(path), limits);
}

/**
 * Bytes → data, as for a file with the extension `ext` ('' = JSON or YAML): UTF-8 only (a BOM dropped),
 * bounded after parsing (nesting, cycles, size with aliases expanded). The HTTP handler can use it on a body.
 */
export function parseData(bytes: Uint8Array, ext: string, name: string, limits: Pick<Limits, 'maxInputBytes' | 'maxNesting'>): unknown {
  if (bytes.length > limits.maxInputBytes) throw limitExceeded('maxInputBytes', limits.maxInputBytes, bytes.length, name, '输入大小（字节）');
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes); // strips a leading BOM
  } catch {
    throw unreadable(name, '不是 UTF-8 编码的文本（GBK 等编码的文件请先另存为 UTF-8）');
  }
  let data: unknown;
  try {
    data = ext === '.json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 }); // YAML is a superset of JSON
  } catch (e) {
    throw unreadable(name, syntaxMessage(e, text, ext === '.json' ? 'JSON' : 'YAML/JSON'));
  }
  checkInputBounds(data, limits);
  return data;
}

/** A file's bytes, never more than `max` (a template's own input format reads them). */
export function readBounded(path: string, max: number): Uint8Array {
  let fd: number | undefined;
  try {
    fd = openSync(path, 'r');
    const st = fstatSync(fd);
    if (st.isDirectory()) throw unreadable(path, '是文件夹，不是数据文件');
    if (st.isFile() && st.size > max) throw limitExceeded('maxInputBytes', max, st.size, path, '输入大小（字节）');
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const buf = Buffer.alloc(Math.min(1 << 20, max + 1 - total) || 1);
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      total += n;
      if (total > max) throw limitExceeded('maxInputBytes', max, undefined, path, '输入大小（字节）');
      chunks.push(buf.subarray(0, n));
    }
    return Buffer.concat(chunks);
  } catch (e) {
    if (e instanceof CjkReportError) throw e;
    throw unreadable(path, `无法读取（${(e as NodeJS.ErrnoException).code ?? '读取失败'}）`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

async function readStdin(max: number): Promise<Uint8Array> {
  // Waiting silently for a terminal to type a report is never what was meant.
  if (process.stdin.isTTY) throw new UsageError('“-” 表示从标准输入读取，但标准输入是终端；请用管道或重定向提供数据，如 cjk-report render - < report.yaml');
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > max) {
      process.stdin.destroy();
      throw limitExceeded('maxInputBytes', max, undefined, '(stdin)', '输入大小（字节）');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

export function outputBase(input: string): string {
  return input === '-' ? 'report' : basename(input, extname(input));
}

// Temporary files, registered before their first byte is written; removed on any failure and on SIGINT/SIGTERM.
const temps = new Set<string>();

function removeTemps(): void {
  for (const t of temps) rmSync(t, { force: true });
  temps.clear();
}

const SIGNALS = { SIGINT: 130, SIGTERM: 143 } as const;
const onSignal = (sig: keyof typeof SIGNALS) => () => {
  removeTemps();
  process.exit(SIGNALS[sig]);
};
const handlers = { SIGINT: onSignal('SIGINT'), SIGTERM: onSignal('SIGTERM') };
// writeAll may run concurrently (the batch): the handlers stay while any write is in progress
let writing = 0;

function unwritable(path: string, e: unknown): CjkReportError {
  if (e instanceof CjkReportError) return e;
  const code = (e as NodeJS.ErrnoException).code;
  const why: Record<string, string> = {
    ENOSPC: '磁盘空间不足',
    EDQUOT: '超出磁盘配额',
    EACCES: '没有写入权限',
    EPERM: '没有写入权限',
    EROFS: '文件系统只读',
    EEXIST: '已有同名文件，不是文件夹',
    ENOTDIR: '路径中有一部分是文件，不是文件夹',
    EISDIR: '是一个文件夹',
  };
  return new CjkReportError('unwritable-output', [{ path, message: `无法写入：${(code && why[code]) ?? '写入失败'}${code ? `（${code}）` : ''}` }]);
}

/**
 * Writes all outputs or none. Every check that can fail without writing comes first (the folder can be
 * made and written to, no folder stands where a file goes); then each output goes to a temporary name,
 * registered before its first byte; only when all are written are they renamed into place. A failure or a
 * SIGINT/SIGTERM on the way removes every temporary file.
 */
export async function writeAll(dir: string, files: { name: string; data: Uint8Array }[]): Promise<string[]> {
  try {
    const st = statSync(dir, { throwIfNoEntry: false });
    if (st && !st.isDirectory()) throw new CjkReportError('unwritable-output', [{ path: dir, message: '已有同名文件，不是文件夹；--out 应为文件夹' }]);
    if (!st) mkdirSync(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (e) {
    throw unwritable(dir, e);
  }
  for (const f of files) {
    const final = join(dir, f.name);
    if (statSync(final, { throwIfNoEntry: false })?.isDirectory()) throw new CjkReportError('unwritable-output', [{ path: final, message: '是一个文件夹，输出文件不能写在这里' }]);
  }
  if (writing++ === 0) {
    process.on('SIGINT', handlers.SIGINT);
    process.on('SIGTERM', handlers.SIGTERM);
  }
  const pairs = files.map((f) => ({ tmp: join(dir, `.${f.name}.${process.pid}.part`), final: join(dir, f.name), data: f.data }));
  try {
    for (const p of pairs) {
      temps.add(p.tmp);
      try {
        const fh = await open(p.tmp, 'wx');
        try {
          // in slices, so a signal is handled between them rather than after a 30 MB write
          for (let o = 0; o < p.data.length; o += 1 << 20) await fh.write(p.data, o, Math.min(1 << 20, p.data.length - o));
        } finally {
          await fh.close();
        }
      } catch (e) {
        throw unwritable(p.final, e);
      }
    }
    for (const p of pairs) {
      try {
        renameSync(p.tmp, p.final);
      } catch (e) {
        throw unwritable(p.final, e);
      }
      temps.delete(p.tmp);
    }
    return pairs.map((p) => p.final);
  } finally {
    // only this call's temporary files: another write may be in progress
    for (const p of pairs)
      if (temps.delete(p.tmp)) rmSync(p.tmp, { force: true });
    if (--writing === 0) {
      process.off('SIGINT', handlers.SIGINT);
      process.off('SIGTERM', handlers.SIGTERM);
    }
  }
}
