/**
 * The one way input text becomes data, for a file, standard input, a batch file and an HTTP body alike:
 * bytes are bounded and UTF-8 (a BOM dropped); JSON or YAML is decided by `syntaxOfName` or the
 * Content-Type; duplicate keys are refused in both; integers a double would round keep their source text
 * for messages; nesting, cycles and the size with aliases expanded are bounded before anything recursive.
 */
import { isScalar, isMap, isSeq, isPair, parseDocument, type Node as YamlNode } from 'yaml';
import { CjkReportError } from '../errors.js';
import { type Limits, limitExceeded } from '../limits.js';
import { checkInputBounds } from '../model/input-bounds.js';
import { formatPath } from '../model/errors.js';
import { syntaxMessage } from '../model/syntax-message.js';
import { scanJson } from './json-scan.js';
import { isInexact, recordNumberSource } from './number-source.js';

export type Syntax = 'json' | 'yaml';
export type InputLimits = Pick<Limits, 'maxInputBytes' | 'maxNesting'>;

const unreadable = (name: string, message: string) => new CjkReportError('unreadable-input', [{ path: name, message }]);

/** By the file's name: `.json` is JSON, anything else (.yaml, .yml, standard input) YAML, which reads JSON too. */
export function syntaxOfName(name: string): Syntax {
  return /\.json$/i.test(name) ? 'json' : 'yaml';
}

/** Bytes → text: bounded, UTF-8 only (GBK is refused by name, not turned into U+FFFD), a leading BOM dropped. */
export function decodeInput(bytes: Uint8Array, name: string, maxInputBytes: number): string {
  if (bytes.length > maxInputBytes) throw limitExceeded('maxInputBytes', maxInputBytes, bytes.length, name, '输入大小（字节）');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes); // strips a leading BOM
  } catch {
    throw unreadable(name, '不是 UTF-8 编码的文本（GBK 等编码的文件请先另存为 UTF-8）');
  }
}

/** Text → data, as JSON or YAML. */
export function parseText(text: string, syntax: Syntax, name: string, limits: InputLimits): unknown {
  text = text.replace(/^\uFEFF/, ''); // a BOM left by a caller that decoded itself
  const data = syntax === 'json' ? parseJson(text, name) : parseYaml(text, name);
  checkInputBounds(data, limits);
  return data;
}

/** Bytes → data: decodeInput then parseText. */
export function parseInput(bytes: Uint8Array, syntax: Syntax, name: string, limits: InputLimits): unknown {
  return parseText(decodeInput(bytes, name, limits.maxInputBytes), syntax, name, limits);
}

function parseJson(text: string, name: string): unknown {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw unreadable(name, syntaxMessage(e, text, 'JSON'));
  }
  const scan = scanJson(text);
  if (scan.duplicate) {
    const before = text.slice(0, scan.duplicate.at).split('\n');
    throw unreadable(name, `${formatPath(scan.duplicate.path)}：键“${scan.duplicate.key}”重复出现（第 ${before.length} 行第 ${before[before.length - 1].length + 1} 列），只能写一次`);
  }
  for (const { path, text: src } of scan.inexact) {
    const parent = path.slice(0, -1).reduce<unknown>((o, k) => (o as Record<string | number, unknown>)?.[k], data);
    const key = path[path.length - 1];
    const v = (parent as Record<string | number, unknown> | undefined)?.[key];
    if (parent && typeof parent === 'object' && typeof v === 'number' && isInexact(src, v)) recordNumberSource(parent, key, src);
  }
  return data;
}

function parseYaml(text: string, name: string): unknown {
  let data: unknown;
  try {
    // merge keys (<<: *defaults) as YAML users write them; without this they would become a key named "<<"
    const doc = parseDocument(text, { uniqueKeys: true, keepSourceTokens: true, merge: true });
    if (doc.errors.length) throw doc.errors[0];
    data = doc.toJS({ maxAliasCount: 100 });
    recordYamlNumbers(doc.contents, data);
  } catch (e) {
    if (e instanceof CjkReportError) throw e;
    throw unreadable(name, syntaxMessage(e, text, 'YAML/JSON'));
  }
  return data;
}

/** Walks the YAML nodes beside the data they became, recording integers a double rounds. */
function recordYamlNumbers(node: unknown, value: unknown): void {
  const stack: [unknown, unknown][] = [[node, value]];
  while (stack.length) {
    const [n, v] = stack.pop()!;
    if (!v || typeof v !== 'object') continue;
    const children: [string | number, YamlNode | null | undefined][] = [];
    if (isMap(n)) for (const p of n.items) if (isPair(p) && isScalar(p.key)) children.push([String(p.key.value), p.value as YamlNode]);
    if (isSeq(n)) n.items.forEach((it, i) => children.push([i, it as YamlNode]));
    for (const [k, child] of children) {
      const cv = (v as Record<string | number, unknown>)[k];
      if (isScalar(child) && typeof cv === 'number') {
        const src = child.srcToken && 'source' in child.srcToken ? String(child.srcToken.source) : undefined;
        if (src && isInexact(src, cv)) recordNumberSource(v, k, src);
      } else if (child && typeof cv === 'object') stack.push([child, cv]);
    }
  }
}
