/**
 * Reads a data file the user opened: bytes → a data object, or a clear Chinese message saying what the file
 * is instead (a Word document, a YAML error with its line, a list, plain text). Never throws anything else.
 */
import YAML from 'yaml';
import type { InputFormat } from '../../templates/define.js';

export type Opened = { ok: true; data: Record<string, unknown> } | { ok: false; message: string };

const MAX_BYTES = 16 * 1024 * 1024;

const startsWith = (b: Uint8Array, sig: number[]) => sig.every((x, i) => b[i] === x);

function binaryKind(b: Uint8Array): string | undefined {
  if (startsWith(b, [0x50, 0x4b, 0x03, 0x04]) || startsWith(b, [0x50, 0x4b, 0x05, 0x06])) return 'Word 文档（.docx）或其他 ZIP 压缩文件';
  if (startsWith(b, [0x25, 0x50, 0x44, 0x46])) return 'PDF 文件';
  if (startsWith(b, [0xd0, 0xcf, 0x11, 0xe0])) return '旧版 Word/Excel 文件（.doc/.xls）';
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47]) || startsWith(b, [0xff, 0xd8, 0xff])) return '图片';
  if (b.subarray(0, 8192).includes(0)) return '二进制文件';
  return undefined;
}

const what = (v: unknown) => (Array.isArray(v) ? '一个列表' : v === null || v === undefined ? '空内容' : typeof v === 'string' ? '一段文字' : `一个${typeof v === 'number' ? '数' : '值'}`);

export function readDataFile(bytes: Uint8Array, name: string, formats: readonly InputFormat[] = []): Opened {
  const fail = (message: string): Opened => ({ ok: false, message: `无法打开 ${name}：${message}` });
  if (bytes.byteLength > MAX_BYTES) return fail(`文件有 ${(bytes.byteLength / 1048576).toFixed(1)} MB，超过 16 MB 的上限`);
  const ext = /\.[^.]+$/.exec(name.toLowerCase())?.[0] ?? '';
  const own = formats.find((f) => f.extension === ext);
  let value: unknown;
  try {
    if (own) value = own.read(bytes);
    else {
      const kind = binaryKind(bytes);
      if (kind) return fail(`这是${kind}，不是数据文件；请打开 .yaml 或 .json 数据文件`);
      let text: string;
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(bytes).replace(/^\uFEFF/, '');
      } catch {
        return fail('不是 UTF-8 编码的文本（请用 UTF-8 保存）');
      }
      if (!text.trim()) return fail('文件是空的');
      if (/^\s*[[{]/.test(text) && ext !== '.yaml' && ext !== '.yml') {
        try {
          value = JSON.parse(text);
        } catch (e) {
          return fail(`JSON 语法错误：${(e as Error).message}`);
        }
      } else {
        const doc = YAML.parseDocument(text, { uniqueKeys: true, prettyErrors: true });
        const err = doc.errors[0];
        if (err) {
          const at = err.linePos?.[0];
          const line = at ? text.split(/\r?\n/)[at.line - 1]?.trim().slice(0, 60) : '';
          const why = err.code === 'DUPLICATE_KEY' ? '同一层中有重复的字段名' : err.code === 'TAB_AS_INDENT' ? '不能用 Tab 缩进' : '缩进、括号或引号不正确';
          return fail(`YAML 语法错误${at ? `（第 ${at.line} 行第 ${at.col} 列）` : ''}：${why}${line ? `：「${line}」` : ''}`);
        }
        value = doc.toJS({ maxAliasCount: 100 });
      }
    }
  } catch (e) {
    const p = (e as { problems?: { message: string }[] }).problems;
    return fail(p?.length ? p.map((x) => x.message).join('；') : (e as Error).message || String(e));
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value))
    return fail(`数据文件的顶层应是“字段: 值”（如 agency: …），这里是${what(value)}`);
  return { ok: true, data: value as Record<string, unknown> };
}
