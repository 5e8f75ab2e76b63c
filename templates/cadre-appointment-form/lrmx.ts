import { parseDocument } from 'htmlparser2';
import { getChildren, textContent } from 'domutils';
import { CjkReportError } from '../../src/errors.js';
import type { InputFormat } from '../define.js';

/**
 * The `.lrmx` file of the official 任免表 software: UTF-8 XML, root <Person>, one element per field (all
 * text), <JiaTingChengYuan> with repeated <Item>, <ZhaoPian> a base64 JPEG. Read with htmlparser2 in XML
 * mode (no DTDs, no external entities: nothing is fetched); unknown elements are kept as strings.
 */
type Node = ReturnType<typeof getChildren>[number];
type Element = Extract<Node, { name: string; attribs: unknown }>;
const isTag = (n: Node): n is Element => n.type === 'tag';

const unreadable = (message: string) => new CjkReportError('unreadable-input', [{ path: '.lrmx', message }]);

export function readLrmx(bytes: Uint8Array): Record<string, unknown> {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw unreadable('不是 UTF-8 编码的 .lrmx 文件（任免表软件导出的 .lrmx 是 UTF-8）');
  }
  const doc = parseDocument(text, { xmlMode: true });
  const root = (doc.children as Node[]).filter(isTag)[0];
  if (!root || root.name !== 'Person') throw unreadable(`根元素应为 <Person>，实为 ${root ? `<${root.name}>` : '（没有元素）'}；这不是任免表的 .lrmx 文件`);
  const out: Record<string, unknown> = {};
  for (const el of getChildren(root).filter(isTag) as Element[]) {
    if (el.name === 'JiaTingChengYuan') {
      out.JiaTingChengYuan = getChildren(el).filter(isTag)
        .filter((item) => item.name === 'Item')
        .map((item) => Object.fromEntries(getChildren(item).filter(isTag).map((f) => [f.name, textContent(f)])))
        // the software writes seven <Item>s, unused ones empty
        .filter((m) => Object.values(m).some((v) => String(v).trim() !== ''));
    } else out[el.name] = el.name === 'ZhaoPian' ? textContent(el).replace(/\s+/g, '') : textContent(el);
  }
  return out;
}

export const lrmxFormat: InputFormat = {
  extension: '.lrmx',
  description: '任免表软件导出的 .lrmx 文件（XML，UTF-8）',
  read: readLrmx,
};
