import { unzlibSync } from 'fflate';
import { CjkReportError } from '../../errors.js';
import { DEFAULT_LIMITS, limitExceeded } from '../../limits.js';
import { concatBytes } from '../../bytes.js';

/**
 * Images are validated from their bytes before pdfkit, png-js or docx see them: a PNG or JPEG whose header
 * declares 0 pixels, a colour type that does not exist, more pixels than the limit (checked before any
 * decoding), truncated chunks or segments, or (PNG) image data that does not inflate to the declared rows
 * with valid filter bytes, is refused here with a message about the image — never a crash in a decoder
 * callback or a PDF that fails `qpdf --check`.
 */
export interface ImageInfo {
  format: 'png' | 'jpg';
  width: number;
  height: number;
  /** the bytes to embed: for PNG only the chunks the renderers read (text and other ancillary chunks dropped) */
  data: Uint8Array;
}

/** An unusable image; the layout reports it at the block's `data` path. */
export class ImageError extends Error {}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function imageInfo(data: Uint8Array, maxPixels: number = DEFAULT_LIMITS.maxImagePixels, where = 'data'): ImageInfo {
  if (data.length >= 8 && PNG_SIGNATURE.every((b, i) => data[i] === b)) return pngInfo(data, maxPixels, where);
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return jpegInfo(data, maxPixels, where);
  throw new ImageError('不是 PNG 或 JPEG 图片（文件头不符）');
}

function checkPixels(width: number, height: number, maxPixels: number, where: string): void {
  if (!(width > 0 && height > 0)) throw new ImageError(`图片尺寸为 ${width} × ${height} 像素，宽和高都应大于 0`);
  if (width * height > maxPixels) throw limitExceeded('maxImagePixels', maxPixels, width * height, where, `图片声明的像素数（${width} × ${height}）`);
}

/** Bit depths allowed per PNG colour type (PNG spec, table 11.1) and the channels of each. */
const PNG_TYPES: Record<number, { depths: number[]; channels: number; name: string }> = {
  0: { depths: [1, 2, 4, 8, 16], channels: 1, name: '灰度' },
  2: { depths: [8, 16], channels: 3, name: 'RGB' },
  3: { depths: [1, 2, 4, 8], channels: 1, name: '调色板' },
  4: { depths: [8, 16], channels: 2, name: '灰度+透明' },
  6: { depths: [8, 16], channels: 4, name: 'RGBA' },
};
/** The chunks pdfkit and docx read; the rest (tEXt, zTXt, iCCP …) are dropped, as png-js chokes on large ones. */
const KEEP = new Set(['IHDR', 'PLTE', 'tRNS', 'IDAT', 'IEND']);
/** Adam7 passes: x0, y0, dx, dy. */
const ADAM7 = [[0, 0, 8, 8], [4, 0, 8, 8], [0, 4, 4, 8], [2, 0, 4, 4], [0, 2, 2, 4], [1, 0, 2, 2], [0, 1, 1, 2]];

function pngInfo(data: Uint8Array, maxPixels: number, where: string): ImageInfo {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const kept: Uint8Array[] = [data.subarray(0, 8)];
  const idat: Uint8Array[] = [];
  let pos = 8;
  let ihdr: { width: number; height: number; depth: number; type: number; interlace: number } | undefined;
  let plte = false;
  let iend = false;
  while (pos < data.length && !iend) {
    if (pos + 12 > data.length) throw new ImageError(`PNG 数据不完整：第 ${pos} 字节处的块头被截断`);
    const len = dv.getUint32(pos);
    const type = String.fromCharCode(...data.subarray(pos + 4, pos + 8));
    if (!/^[A-Za-z]{4}$/.test(type)) throw new ImageError(`PNG 数据损坏：第 ${pos} 字节处不是有效的块`);
    const end = pos + 12 + len;
    if (end > data.length) throw new ImageError(`PNG 数据不完整：${type} 块声明 ${len} 字节，文件只剩 ${data.length - pos - 12} 字节`);
    const body = data.subarray(pos + 8, pos + 8 + len);
    if (!ihdr && type !== 'IHDR') throw new ImageError('PNG 数据损坏：第一个块不是 IHDR');
    if (type === 'IHDR') {
      if (len !== 13) throw new ImageError('PNG 数据损坏：IHDR 块长度不是 13');
      ihdr = { width: dv.getUint32(pos + 8), height: dv.getUint32(pos + 12), depth: body[8], type: body[9], interlace: body[12] };
      checkPixels(ihdr.width, ihdr.height, maxPixels, where);
      const t = PNG_TYPES[ihdr.type];
      if (!t) throw new ImageError(`PNG 颜色类型 ${ihdr.type} 不存在（应为 0、2、3、4 或 6）`);
      if (!t.depths.includes(ihdr.depth)) throw new ImageError(`PNG 颜色类型 ${ihdr.type}（${t.name}）不能用 ${ihdr.depth} 位深度`);
      if (body[10] !== 0 || body[11] !== 0 || ihdr.interlace > 1) throw new ImageError('PNG 的压缩、滤波或隔行方式不是标准值');
      // png-js (the PDF's PNG reader) misreads these rows and throws in a stream callback, which kills the process
      if (ihdr.interlace === 1 && ihdr.depth === 16) throw new ImageError('不支持 16 位的隔行扫描 PNG：请另存为非隔行扫描（或 8 位）的 PNG');
    } else if (type === 'PLTE') plte = true;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') iend = true;
    if (KEEP.has(type)) kept.push(data.subarray(pos, end));
    pos = end;
  }
  if (!ihdr) throw new ImageError('PNG 数据不完整：缺少 IHDR 块');
  if (!idat.length) throw new ImageError('PNG 数据不完整：没有图像数据（IDAT 块）');
  if (!iend) throw new ImageError('PNG 数据不完整：缺少结束块 IEND（文件被截断？）');
  if (ihdr.type === 3 && !plte) throw new ImageError('PNG 调色板图片缺少 PLTE 块');
  checkScanlines(ihdr, concatBytes(idat));
  return { format: 'png', width: ihdr.width, height: ihdr.height, data: concatBytes(kept) };
}

/** Inflates the image data (its size is known and bounded by the pixel limit) and checks every row's filter byte. */
function checkScanlines(h: { width: number; height: number; depth: number; type: number; interlace: number }, z: Uint8Array): void {
  const bits = PNG_TYPES[h.type].channels * h.depth;
  const passes = h.interlace ? ADAM7 : [[0, 0, 1, 1]];
  const rows: number[] = []; // bytes per row, one entry per row of each pass
  for (const [x0, y0, dx, dy] of passes) {
    const w = Math.ceil((h.width - x0) / dx);
    const n = Math.ceil((h.height - y0) / dy);
    if (w <= 0 || n <= 0) continue;
    for (let i = 0; i < n; i++) rows.push(1 + Math.ceil((w * bits) / 8));
  }
  const expected = rows.reduce((a, b) => a + b, 0);
  let raw: Uint8Array;
  try {
    raw = unzlibSync(z, { out: new Uint8Array(expected) });
  } catch (e) {
    // fflate's codes are identifiers (e.g. 'invalid block type' → code 1); its sentence is English, so only the code is shown
    throw new ImageError(`PNG 图像数据损坏或不完整：压缩数据无法解压${typeof (e as { code?: unknown }).code === 'number' ? `（fflate 错误码 ${(e as { code: number }).code}）` : ''}`);
  }
  if (raw.length < expected) throw new ImageError(`PNG 图像数据不完整：解压后 ${raw.length} 字节，按声明的尺寸应为 ${expected} 字节`);
  let p = 0;
  for (const r of rows) {
    if (raw[p] > 4) throw new ImageError(`PNG 图像数据损坏：行滤波类型 ${raw[p]} 不存在`);
    p += r;
  }
}

/** Walks the JPEG segments: a frame header (SOF0–2) with sane values, a scan, and the end marker. */
function jpegInfo(data: Uint8Array, maxPixels: number, where: string): ImageInfo {
  const dv = new DataView(data.buffer, data.byteOffset, data.byteLength);
  let pos = 2;
  let frame: { width: number; height: number } | undefined;
  while (pos < data.length) {
    if (data[pos] !== 0xff) throw new ImageError(`JPEG 数据损坏：第 ${pos} 字节处应为段标记`);
    while (data[pos] === 0xff) pos++;
    if (pos >= data.length) break;
    const marker = data[pos++];
    if (marker === 0xd9) break;
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue;
    if (pos + 2 > data.length) break;
    const len = dv.getUint16(pos);
    if (len < 2 || pos + len > data.length) throw new ImageError(`JPEG 数据不完整：段 FF${marker.toString(16).toUpperCase()} 被截断`);
    if (marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc) {
      if (marker > 0xc2) throw new ImageError('不支持的 JPEG 编码（无损或算术编码），请另存为基线或渐进式 JPEG');
      if (len < 8) throw new ImageError('JPEG 数据损坏：帧头过短');
      const precision = data[pos + 2];
      const height = dv.getUint16(pos + 3);
      const width = dv.getUint16(pos + 5);
      const comps = data[pos + 7];
      checkPixels(width, height, maxPixels, where);
      if (precision !== 8) throw new ImageError(`不支持 ${precision} 位精度的 JPEG（只支持 8 位）`);
      if (![1, 3, 4].includes(comps)) throw new ImageError(`JPEG 的颜色分量数为 ${comps}，应为 1、3 或 4`);
      frame = { width, height };
    }
    if (marker === 0xda) {
      if (!frame) throw new ImageError('JPEG 数据损坏：扫描数据前没有帧头');
      // entropy-coded data follows; its end (and a missing end marker) is the decoder's business — viewers tolerate it
      return { format: 'jpg', width: frame.width, height: frame.height, data };
    }
    pos += len;
  }
  throw new ImageError(frame ? 'JPEG 数据不完整：没有扫描数据' : 'JPEG 数据不完整：没有帧头（SOF）');
}

export function decodeBase64Image(s: string): Uint8Array {
  const b64 = s.replace(/^data:[^;]+;base64,/, '').replace(/\s+/g, '');
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64)) throw new ImageError('不是 base64 数据');
  if (typeof Buffer !== 'undefined') return new Uint8Array(Buffer.from(b64, 'base64'));
  const bin = atob(b64);
  return Uint8Array.from(bin, (c) => c.charCodeAt(0));
}

/** A LimitError from the pixel check passes through; anything else is the image's fault. */
export function isLimitError(e: unknown): e is CjkReportError {
  return e instanceof CjkReportError;
}
