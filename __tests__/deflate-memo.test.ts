import { randomBytes } from 'node:crypto';
import * as zlib from 'node:zlib';
import { memoDeflate } from '../src/deflate-memo.js';

test('the deflate memo gives the bytes deflate gives, calls deflate once per distinct input, and stays bounded', () => {
  let calls = 0;
  const m = memoDeflate('t', (d, level) => (calls++, zlib.deflateRawSync(d, { level })));
  const big = Buffer.concat([randomBytes(20_000), Buffer.alloc(40_000, 7)]);
  const a = m(big, 1);
  expect(Buffer.from(a).equals(zlib.deflateRawSync(big, { level: 1 }))).toBe(true);
  expect(m(Buffer.from(big), 1)).toBe(a); // same content, another buffer: remembered
  expect(calls).toBe(1);
  expect(Buffer.from(m(big, 6)).equals(zlib.deflateRawSync(big, { level: 6 }))).toBe(true); // the level is part of the key
  expect(calls).toBe(2);
  const small = Buffer.alloc(1000, 1);
  m(small, 1);
  m(small, 1);
  expect(calls).toBe(4); // small inputs are not remembered
  // 30 distinct inputs: the oldest are evicted (at most 24 kept), so the first is deflated again
  for (let i = 0; i < 30; i++) m(Buffer.concat([Buffer.from([i]), big]), 1);
  calls = 0;
  m(Buffer.concat([Buffer.from([29]), big]), 1);
  expect(calls).toBe(0);
  m(Buffer.concat([Buffer.from([0]), big]), 1);
  expect(calls).toBe(1);
});
