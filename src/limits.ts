import { InputError, LimitError } from './errors.js';

/**
 * Resource limits. Each is checked before the work it bounds and named in its LimitError, so a user
 * knows which one to raise. The defaults keep a 2-core, shared box healthy: a real annual report is
 * ~5 pages, ~300 cells and ~6,000 characters, far inside every one of them.
 */
export interface Limits {
  /** bytes of one input: a data file, standard input or an HTTP body */
  maxInputBytes: number;
  /** characters in one text (a paragraph run, a cell) */
  maxTextChars: number;
  /** characters in the whole document */
  maxTotalChars: number;
  /** cells of one table (rows × leaf columns, header cells included) */
  maxTableCells: number;
  /** data rows of one table (a grid: all its rows) */
  maxTableRows: number;
  /** depth of a header tree */
  maxHeaderDepth: number;
  /** pages of the laid-out document */
  maxPages: number;
  /** bytes of one embedded image */
  maxImageBytes: number;
  /** declared pixels of one image (width × height, read from its header before decoding) */
  maxImagePixels: number;
  /** bytes of one font file */
  maxFontBytes: number;
  /** blocks in the document */
  maxBlocks: number;
  /** nesting of the input data (objects in arrays in objects…); bounds header trees and cyclic YAML aliases before any recursion */
  maxNesting: number;
}

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  maxInputBytes: 5 * 1024 * 1024,
  maxTextChars: 20_000,
  maxTotalChars: 500_000,
  maxTableCells: 50_000,
  maxTableRows: 5_000,
  maxHeaderDepth: 16,
  maxPages: 500,
  maxImageBytes: 10 * 1024 * 1024,
  maxImagePixels: 25_000_000,
  maxFontBytes: 64 * 1024 * 1024,
  maxBlocks: 10_000,
  maxNesting: 64,
});

/** Chinese names of the limits, for messages. */
export const LIMIT_LABELS: Record<keyof Limits, string> = {
  maxInputBytes: '输入大小',
  maxTextChars: '单段文字字数',
  maxTotalChars: '全文字数',
  maxTableCells: '表格单元格数',
  maxTableRows: '表格行数',
  maxHeaderDepth: '表头层数',
  maxPages: '页数',
  maxImageBytes: '图片大小',
  maxImagePixels: '图片像素数',
  maxFontBytes: '字体文件大小',
  maxBlocks: '块数',
  maxNesting: '数据嵌套层数',
};

/** The LimitError for a limit passed; the message names the limit in Chinese and by its key, and how to raise it. */
export function limitExceeded(name: keyof Limits, max: number, actual: number | undefined, path: string, what = ''): LimitError {
  const label = what || LIMIT_LABELS[name];
  const amount = actual === undefined ? `超过上限 ${max}` : `为 ${actual}，超过上限 ${max}`;
  return new LimitError(name, max, actual, path, `${label}${amount}（限制 ${name}“${LIMIT_LABELS[name]}”，可用 --limit ${name}=… 调高）`);
}

export const LIMIT_NAMES = Object.keys(DEFAULT_LIMITS) as (keyof Limits)[];

export function resolveLimits(overrides?: Partial<Limits>): Limits {
  const out = { ...DEFAULT_LIMITS };
  for (const k of LIMIT_NAMES) {
    const v = overrides?.[k];
    if (v === undefined) continue;
    if (!Number.isFinite(v) || v <= 0) throw new InputError([{ path: `limits.${k}`, message: `应为正数，实为 ${String(v)}` }]);
    out[k] = v;
  }
  return out;
}
