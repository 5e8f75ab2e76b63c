import { CjkReportError } from '../errors.js';
import { DEFAULT_LIMITS, limitExceeded } from '../limits.js';
import { parseFont } from './face.js';
import { glyfHasOutlines, sfntTables } from './sfnt.js';

/**
 * A font is checked when it is registered, not when a renderer first touches it: its size (before parsing),
 * its format (WOFF2, WOFF and collections are refused with what to do instead), a table directory whose
 * tables lie inside the file (a truncated TTF), the tables every renderer needs (cmap, head, hhea, hmtx, maxp)
 * and outlines pdfkit, harfbuzz and LibreOffice all read (glyf + loca, or CFF — not CFF2, not bitmap-only),
 * and finally that fontkit parses it and draws a glyph. Every message names the font.
 */
export function validateFont(bytes: Uint8Array, name: string, maxFontBytes: number = DEFAULT_LIMITS.maxFontBytes): void {
  const fail = (message: string) => new CjkReportError('invalid-font', [{ path: name, message }]);
  if (bytes.length > maxFontBytes) throw limitExceeded('maxFontBytes', maxFontBytes, bytes.length, name, `字体文件大小（字节）`);
  if (bytes.length < 12) throw fail(`只有 ${bytes.length} 字节，不是 TrueType/OpenType 字体`);
  const tag = (at: number) => String.fromCharCode(bytes[at], bytes[at + 1], bytes[at + 2], bytes[at + 3]);
  const sig = tag(0);
  if (sig === 'wOF2') throw fail('是 WOFF2 网页字体，不能嵌入 PDF/DOCX；请先转换为 TTF 或 OTF（如 woff2_decompress）');
  if (sig === 'wOFF') throw fail('是 WOFF 网页字体，不能嵌入 DOCX；请先转换为 TTF 或 OTF');
  if (sig === 'ttcf') throw fail('是字体集（TTC），请先取出其中一个字体（TTF）再注册');
  const truetype = sig === 'true' || (bytes[0] === 0 && bytes[1] === 1 && bytes[2] === 0 && bytes[3] === 0);
  if (!truetype && sig !== 'OTTO') throw fail('不是 TrueType/OpenType 字体（文件头不符）');
  const count = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint16(4);
  if (12 + 16 * count > bytes.length) throw fail('文件不完整：表目录被截断');
  const tables = sfntTables(bytes);
  for (const [t, { offset, length }] of tables) if (offset + length > bytes.length) throw fail(`文件不完整：${t.trim()} 表超出文件末尾（文件被截断？）`);
  const missing = ['cmap', 'head', 'hhea', 'hmtx', 'maxp'].filter((t) => !tables.has(t));
  if (missing.length) throw fail(`缺少必需的字体表 ${missing.join('、')}`);
  if (tables.has('CFF2') && !tables.has('CFF ')) throw fail('是 CFF2（可变 OpenType）字体，PDF 渲染器不支持；请使用 TrueType 或 CFF 轮廓的字体');
  if (!(tables.has('glyf') && tables.has('loca')) && !tables.has('CFF ')) throw fail('没有轮廓数据（glyf/loca 或 CFF 表），无法绘制字形');
  // a glyf table whose glyphs are all empty (a bitmap-only font) draws nothing: blank pages, not an error
  if (!tables.has('CFF ') && !glyfHasOutlines(bytes, tables)) throw fail('所有字形都没有轮廓（只有位图或轮廓被删去），画出来是空白；请使用带 TrueType 或 CFF 轮廓的字体');
  try {
    const font = parseFont(bytes);
    if (!(font.unitsPerEm > 0)) throw new Error('unitsPerEm 无效');
    // reading a few glyphs' outlines exercises cmap, loca/glyf or CFF the way pdfkit will
    for (const cp of [0x4e2d, 0x41, 0x30]) {
      if (!font.hasGlyphForCodePoint(cp)) continue;
      const g = font.glyphForCodePoint(cp) as { advanceWidth: number; path?: { commands: unknown[] } };
      void g.path?.commands.length;
      void g.advanceWidth;
    }
  } catch (e) {
    throw fail('无法解析：字体数据损坏或不完整');
  }
}
