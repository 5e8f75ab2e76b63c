/**
 * The imported data as a YAML data file: tables as one row per line, each uncertain cell or row commented
 * above its row with what was printed, the page and the position, so a person can fix it and validate.
 */
import { Document, isMap, isScalar, type Pair, visit } from 'yaml';
import type { Imported } from './map.js';

export function toYaml(imp: Imported, file: string): string {
  const doc = new Document(imp.data);
  visit(doc, {
    Seq(_, node) {
      if (node.items.every((i) => isScalar(i) && typeof i.value !== 'string' || (isScalar(i) && /^[+\-]?\d+(\.\d+)?$/.test(String(i.value))))) node.flow = true;
    },
  });
  const byRow = new Map<string, string[]>();
  for (const n of imp.notes) {
    const row = n.path.replace(/\[\d+\]$/, '');
    const col = /\[(\d+)\]$/.exec(n.path)?.[1];
    const where = n.page ? `第${n.page}页${n.x !== undefined ? ` x=${n.x} y=${n.y}` : ''}` : '';
    const line = `${col !== undefined ? `第${Number(col) + 1}个数：` : ''}${n.message}${where ? `（${where}）` : ''}`;
    byRow.set(row, [...(byRow.get(row) ?? []), line]);
  }
  for (const [row, lines] of byRow) {
    const keys = row.split('.');
    const parent = doc.getIn(keys.slice(0, -1), true);
    const comment = ' 待核对：' + lines.join('；');
    if (isMap(parent)) {
      const pair = (parent.items as Pair[]).find((p) => String((p.key as { value?: unknown })?.value ?? p.key) === keys[keys.length - 1]);
      if (pair) {
        const key = doc.createNode(keys[keys.length - 1]);
        key.commentBefore = comment;
        pair.key = key;
        continue;
      }
    }
    doc.commentBefore = `${doc.commentBefore ?? ''}\n${row}:${comment}`;
  }
  const head = [
    ` 由 cjk-report import 从 ${file} 读出：${imp.format === '2021-one-other' ? '2021 年格式（（六）其他处理印为一行）' : `${imp.format} 年格式`}`,
    ...(imp.missing.length ? [` 缺少：${imp.missing.join('、')}`] : []),
    ` 待核对 ${imp.notes.length} 处（见“待核对”注释）；核对后可用 cjk-report validate … --template ${imp.data.template} 校验`,
  ].join('\n');
  doc.commentBefore = head + (doc.commentBefore ? `\n${doc.commentBefore}` : '');
  return doc.toString({ lineWidth: 0 });
}
