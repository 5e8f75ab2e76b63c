/**
 * Deflate with a small content-addressed memo, for the embedded font programs. A batch or a server renders
 * the same subsets again and again (same template, same characters), and deflating them was the largest
 * single cost of a warm render (a fifth of a worker's time in a batch profile). The key is the input's
 * SHA-1 (~0.3 ms for a 200 KB subset, deflate ~10 ms), so the output bytes are exactly what deflating gives.
 * Small inputs (the XML parts, page streams) are not worth a hash and go straight through.
 */
import { createHash } from 'node:crypto';
import { LRUCache } from 'lru-cache';

const MIN_BYTES = 32 * 1024;
const MAX_ENTRIES = 24;
const MAX_BYTES = 8 * 1024 * 1024;

export type MemoDeflate = ((data: Uint8Array, level: number) => Uint8Array) & { clear(): void };

export function memoDeflate(tag: string, deflate: (data: Uint8Array, level: number) => Uint8Array): MemoDeflate {
  const memo = new LRUCache<string, Uint8Array>({ max: MAX_ENTRIES, maxSize: MAX_BYTES, sizeCalculation: (v) => Math.max(1, v.length) });
  return Object.assign(
    (data: Uint8Array, level: number) => {
      if (data.length < MIN_BYTES) return deflate(data, level);
      const key = `${tag}:${level}:${data.length}:${createHash('sha1').update(data).digest('base64')}`;
      let out = memo.get(key);
      if (!out) memo.set(key, (out = deflate(data, level)));
      return out;
    },
    { clear: () => memo.clear() },
  );
}
