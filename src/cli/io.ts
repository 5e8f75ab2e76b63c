import { lstatSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { access, constants, open } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { CjkReportError } from '../errors.js';
import { type InputLimits, parseInput, syntaxOfName } from '../input/parse.js';
import { readFileBounded, readStreamBounded } from '../input/read.js';
import { UsageError } from './args.js';

const nameOf = (path: string) => (path === '-' ? '(stdin)' : path);

/**
 * Reads JSON or YAML ('-' is standard input) through the one input reader (src/input): bounded before
 * reading, UTF-8, duplicate keys refused, nesting and expanded size checked.
 */
export async function readData(path: string, limits: InputLimits): Promise<unknown> {
  const bytes = path === '-' ? await readStdin(limits.maxInputBytes) : readFileBounded(path, limits.maxInputBytes);
  return parseInput(bytes, syntaxOfName(path), nameOf(path), limits);
}

function readStdin(max: number): Promise<Uint8Array> {
  // Waiting silently for a terminal to type a report is never what was meant.
  if (process.stdin.isTTY) throw new UsageError('“-” 表示从标准输入读取，但标准输入是终端；请用管道或重定向提供数据，如 cjk-report render - < report.yaml');
  return readStreamBounded(process.stdin, max, '(stdin)');
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

/** What stands at `path`: nothing, a regular file (replaced), or something never replaced (a device, a FIFO, a folder…). */
function refuseNonFile(path: string): boolean {
  const st = lstatSync(path, { throwIfNoEntry: false });
  if (!st) return false;
  if (st.isFile()) return true;
  const what = st.isDirectory() ? '是一个文件夹' : st.isFIFO() ? '是命名管道（FIFO）' : st.isCharacterDevice() || st.isBlockDevice() ? '是设备文件' : st.isSymbolicLink() ? '是符号链接' : st.isSocket() ? '是套接字' : '不是普通文件';
  throw new CjkReportError('unwritable-output', [{ path, message: `${what}，输出文件不能替换它；请换一个文件名或文件夹` }]);
}

/**
 * Writes all outputs or none. Every check that can fail without writing comes first (the folder can be
 * made and written to, nothing but a regular file stands where a file goes: a device or FIFO is never
 * replaced); then each output goes to a temporary name, registered before its first byte; only when all
 * are written are they renamed into place, each existing file first set aside, so that a failed rename
 * puts every earlier file back. A failure or a SIGINT/SIGTERM on the way removes every temporary file.
 * `rename` is replaceable for tests (a rename that fails half-way).
 */
export async function writeAll(dir: string, files: { name: string; data: Uint8Array }[], rename: (from: string, to: string) => void = renameSync): Promise<string[]> {
  try {
    const st = statSync(dir, { throwIfNoEntry: false });
    if (st && !st.isDirectory()) throw new CjkReportError('unwritable-output', [{ path: dir, message: '已有同名文件，不是文件夹；--out 应为文件夹' }]);
    if (!st) mkdirSync(dir, { recursive: true });
    await access(dir, constants.W_OK);
  } catch (e) {
    throw unwritable(dir, e);
  }
  for (const f of files) refuseNonFile(join(dir, f.name));
  if (writing++ === 0) {
    process.on('SIGINT', handlers.SIGINT);
    process.on('SIGTERM', handlers.SIGTERM);
  }
  const pairs = files.map((f) => ({ tmp: join(dir, `.${f.name}.${process.pid}.part`), old: join(dir, `.${f.name}.${process.pid}.old`), final: join(dir, f.name), data: f.data }));
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
    // Synchronous from here: no signal handler runs between these renames.
    const done: { final: string; old?: string }[] = [];
    for (const p of pairs) {
      try {
        // checked again: something may have appeared while the files were written
        const existed = refuseNonFile(p.final);
        if (existed) renameSync(p.final, p.old);
        done.push({ final: p.final, old: existed ? p.old : undefined });
        rename(p.tmp, p.final);
      } catch (e) {
        rollBack(done);
        throw unwritable(p.final, e);
      }
      temps.delete(p.tmp);
    }
    for (const d of done) if (d.old) rmSync(d.old, { force: true });
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

/** Undoes the renames done so far, newest first: each earlier file back, or the new one removed. */
function rollBack(done: { final: string; old?: string }[]): void {
  for (const d of done.reverse()) {
    try {
      if (d.old) renameSync(d.old, d.final);
      else rmSync(d.final, { force: true });
    } catch {
      /* best effort: the error being reported is the first failure */
    }
  }
}
