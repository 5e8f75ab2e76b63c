/**
 * Bytes from a file or a stream, never more than `max`: a regular file's size is checked before reading,
 * anything else (a pipe, /dev/zero, standard input) is read up to the limit and refused past it.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { CjkReportError } from '../errors.js';
import { limitExceeded } from '../limits.js';

const unreadable = (path: string, message: string) => new CjkReportError('unreadable-input', [{ path, message }]);

export function readFileBounded(path: string, max: number): Uint8Array {
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

export async function readStreamBounded(stream: NodeJS.ReadableStream & { destroy?: () => void }, max: number, name: string): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    total += chunk.length;
    if (total > max) {
      stream.destroy?.();
      throw limitExceeded('maxInputBytes', max, undefined, name, '输入大小（字节）');
    }
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}
