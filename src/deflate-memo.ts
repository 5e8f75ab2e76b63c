/**
 * Deflate with a small content-addressed memo, for the embedded font programs. A batch or a server renders
 * the same subsets again and again (same template, same characters), and deflating them was the largest
 * single cost of a warm render (a fifth of a worker's time in a batch profile). The key is the input's
 * SHA-1 (~0.3 ms for a 200 KB subset, deflate ~10 ms), so the output bytes are exactly what deflating gives.
 * Small inputs (the XML parts, page streams) are not worth a hash and go straight through.
 */
import { createHash } from 'node:crypto';

const MIN_BYTES = 32 * 1024;
const MAX_ENTRIES = 24;
const MAX_BYTES = 8 * 1024 * 1024;

export type MemoDeflate = ((data: Uint8Array, level: number) => Uint8Array) & { clear(): void };

export function memoDeflate(tag: string, deflate: (data: Uint8Array, level: number) => Uint8Array): MemoDeflate {
  // insertion order is recency order: a hit is moved to the end, the oldest is evicted first
  const memo = new Map<string, Uint8Array>();
  let bytes = 0;
  const clear = () => {
    memo.clear();
    bytes = 0;
  };
  return Object.assign((data: Uint8Array, level: number) => {
    if (data.length < MIN_BYTES) return deflate(data, level);
    const key = `${tag}:${level}:${data.length}:${createHash('sha1').update(data).digest('base64')}`;
    const hit = memo.get(key);
    if (hit) {
      memo.delete(key);
      memo.set(key, hit);
      return hit;
    }
    const out = deflate(data, level);
    memo.set(key, out);
    bytes += out.length;
    for (const [k, v] of memo) {
      if (memo.size <= MAX_ENTRIES && bytes <= MAX_BYTES) break;
      memo.delete(k);
      bytes -= v.length;
    }
    return out;
  }, { clear });
}
