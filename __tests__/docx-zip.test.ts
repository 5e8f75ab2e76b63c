/** The package's own zip writer, read back by independent readers (fflate, and unzip -t where installed). */
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as zlib from 'node:zlib';
import { deflateSync, unzipSync } from 'fflate';
import { crc32, dosDateTime, zip, type ZipEntry } from '../src/render/docx/zip.js';
import { describeWithTools, tmp } from './helpers/tools.js';

const nodeDeflate = (d: Uint8Array, level: number) => zlib.deflateRawSync(d, { level });
const enc = new TextEncoder();
const when = new Date('2021-01-15T08:30:42Z');
const entries = (): ZipEntry[] => [
  { path: '[Content_Types].xml', data: enc.encode('<Types/>'.repeat(50)), level: 6 },
  { path: 'word/document.xml', data: enc.encode('<w:p>报告</w:p>'.repeat(500)), level: 6 },
  { path: 'word/media/image1.png', data: new Uint8Array([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]), level: 0 },
  { path: 'word/fonts/font1.odttf', data: crypto.getRandomValues(new Uint8Array(4096)), level: 1 },
];

test('every entry reads back byte for byte, in the order given', () => {
  const list = entries();
  const files = unzipSync(zip(list, when, nodeDeflate));
  expect(Object.keys(files)).toEqual(list.map((e) => e.path));
  for (const e of list) expect(Buffer.from(files[e.path]).equals(Buffer.from(e.data))).toBe(true);
});

test('deflate from Node or fflate gives a readable zip; what deflate cannot shrink is stored', () => {
  const list = entries();
  const out = zip(list, when, (d, level) => deflateSync(d, { level: level as 6 }));
  expect(Buffer.from(unzipSync(out)['word/document.xml']).toString()).toContain('<w:p>报告</w:p>');
  // local header of each entry: method at offset 8
  const methods: number[] = [];
  for (let p = 0; ; ) {
    const v = new DataView(out.buffer, out.byteOffset + p);
    if (v.getUint32(0, true) !== 0x04034b50) break;
    methods.push(v.getUint16(8, true));
    p += 30 + v.getUint16(26, true) + v.getUint32(18, true);
  }
  expect(methods).toEqual([8, 8, 0, 0]); // random bytes do not deflate: stored
});

test('reproducible: the same entries and date give the same bytes; the date is the UTC date, whatever the time zone', () => {
  const list = entries();
  expect(Buffer.from(zip(list, when, nodeDeflate)).equals(Buffer.from(zip(list, when, nodeDeflate)))).toBe(true);
  const { date, time } = dosDateTime(when);
  expect([date >> 9, (date >> 5) & 15, date & 31, time >> 11, (time >> 5) & 63, (time & 31) * 2]).toEqual([41, 1, 15, 8, 30, 42]);
  expect(dosDateTime(new Date(0))).toEqual(dosDateTime(new Date('1980-01-01T00:00:00Z'))); // before DOS time: clamped
});

/** CRC-32 bit by bit, as the definition says: an oracle that shares nothing with the table-driven code. */
function crc32Bitwise(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return (c ^ 0xffffffff) >>> 0;
}

test('the table-driven CRC-32 agrees with the bitwise definition (and zlib where Node has it)', () => {
  const data = crypto.getRandomValues(new Uint8Array(10000));
  expect(crc32(new Uint8Array(0))).toBe(0);
  expect(crc32(enc.encode('123456789'))).toBe(0xcbf43926); // the standard check value
  expect(crc32(data)).toBe(crc32Bitwise(data));
  const z = (zlib as { crc32?: (d: Uint8Array) => number }).crc32; // Node ≥ 20.15
  expect(crc32(data)).toBe(z ? z(data) : crc32Bitwise(data));
});

describeWithTools(['unzip'], 'Info-ZIP', () => {
  test('unzip -t finds no error (CRCs, sizes, directory)', () => {
    const file = join(tmp(), 'a.zip');
    writeFileSync(file, zip(entries(), when, nodeDeflate));
    expect(execFileSync('unzip', ['-t', file], { encoding: 'utf8' })).toContain('No errors detected');
  });
});

test('the core without an injected deflate (the browser bundle) zips with fflate: the same parts as with node:zlib', async () => {
  const { renderDocx: coreRenderDocx } = await import('../src/core.js');
  const { renderDocx: nodeRenderDocx, nodeSubsetter } = await import('../src/index.js');
  const { renderExample } = await import('./helpers/render.js');
  const { laidOut } = await renderExample('examples/showcase.json');
  const subsetter = await nodeSubsetter();
  const browser = unzipSync(await coreRenderDocx(laidOut, { subsetter }));
  const node = unzipSync(await nodeRenderDocx(laidOut, { subsetter }));
  expect(Object.keys(browser)).toEqual(Object.keys(node));
  for (const name of Object.keys(node)) expect([name, Buffer.from(browser[name]).equals(Buffer.from(node[name]))]).toEqual([name, true]);
});
