/**
 * Arrays the user adds to and removes from: prose (paragraphs, each a textarea; an object paragraph gets one
 * box per member) and repeatable rows (one table row per item, its columns from the `[*]` labels).
 */
import type { CellLabel } from '../../templates/define.js';
import { cellInput, computedOutput, type FormCtx } from './cells.js';
import { getAt, setAt } from './paths.js';
import { emptyFor, type JsonSchema, typeOf, variants } from './schema.js';

/** member names as a form shows them, where the schema says nothing in Chinese */
const MEMBER: Record<string, string> = { heading: '标题', text: '正文', title: '标题', caption: '表格标题', name: '名称', date: '日期', agency: '机关名称', intro: '开头段落', signature: '落款' };
/** a member's name: its schema description when that is Chinese, else a common English key in Chinese, else the key */
export const memberLabel = (k: string, s?: JsonSchema) => (s?.description && /^[\u3000-\u303f\u4e00-\u9fff\uff00-\uffef]/.test(s.description) ? s.description : MEMBER[k] ?? k);

function items(ctx: FormCtx, prefix: string): unknown[] {
  const v = getAt(ctx.data(), prefix);
  if (Array.isArray(v)) return v;
  setAt(ctx.data(), prefix, []);
  return getAt(ctx.data(), prefix);
}

function button(text: string, label: string, onClick: () => void, disabled = false): HTMLButtonElement {
  const b = document.createElement('button');
  b.type = 'button';
  b.textContent = text;
  b.setAttribute('aria-label', label);
  b.disabled = disabled;
  b.addEventListener('click', onClick);
  return b;
}

/** `expanded`: the template's labels for this data, by path (a paragraph's own label, where it has one). */
export function proseList(prefix: string, title: string, arraySchema: JsonSchema | undefined, ctx: FormCtx, expanded = new Map<string, CellLabel>()): HTMLElement {
  const fs = document.createElement('fieldset');
  fs.className = 'prose';
  fs.dataset.path = prefix;
  const legend = document.createElement('legend');
  legend.textContent = title;
  fs.append(legend);
  const list = items(ctx, prefix);
  const itemSchema = variants(arraySchema).find((v) => v.items)?.items;
  list.forEach((item, i) => {
    const div = document.createElement('div');
    div.className = 'para';
    const name = expanded.get(`${prefix}[${i}]`)?.label ?? `${title} 第${i + 1}段`;
    if (item && typeof item === 'object' && !Array.isArray(item)) {
      // a paragraph with members (a run-in heading and its text) is one group, named as the paragraph
      div.dataset.path = `${prefix}[${i}]`;
      div.setAttribute('role', 'group');
      div.setAttribute('aria-label', name);
      const obj = variants(itemSchema).find((v) => typeOf(v) === 'object');
      for (const k of Object.keys(obj?.properties ?? item)) {
        const el = cellInput(`${prefix}[${i}].${k}`, `${name} ${memberLabel(k, obj?.properties?.[k])}`, k === 'heading' || k === 'title' ? 'text' : 'prose', ctx);
        div.append(el);
      }
    } else div.append(cellInput(`${prefix}[${i}]`, name, 'prose', ctx));
    div.append(button('删除', `删除${name}`, () => (list.splice(i, 1), ctx.redraw())));
    fs.append(div);
  });
  // a new paragraph is plain text, whatever richer forms the schema allows
  const blank = variants(itemSchema).some((v) => typeOf(v) === 'string') ? '' : emptyFor(itemSchema);
  fs.append(button('添加段落', `${title} 添加段落`, () => (list.push(blank), ctx.redraw())));
  return fs;
}

/** `columns`: the labels of one item (paths `${prefix}[*]…`); `expanded`: the labels for this data, by path. */
export function repeatTable(prefix: string, title: string, columns: CellLabel[], arraySchema: JsonSchema | undefined, ctx: FormCtx, expanded: Map<string, CellLabel>): HTMLElement {
  const list = items(ctx, prefix);
  const arr = variants(arraySchema).find((v) => typeOf(v) === 'array');
  const table = document.createElement('table');
  table.className = 'repeat';
  table.dataset.path = prefix;
  const caption = document.createElement('caption');
  caption.textContent = title;
  table.append(caption);
  const head = document.createElement('tr');
  head.innerHTML = '<th scope="col">序号</th>';
  for (const c of columns) {
    const th = document.createElement('th');
    th.scope = 'col';
    th.textContent = c.column?.join(' ') ?? c.label;
    head.append(th);
  }
  head.append(document.createElement('th'));
  const thead = document.createElement('thead');
  thead.append(head);
  table.append(thead);
  const body = document.createElement('tbody');
  list.forEach((_, i) => {
    const tr = document.createElement('tr');
    const n = document.createElement('th');
    n.scope = 'row';
    n.textContent = String(i + 1);
    tr.append(n);
    for (const c of columns) {
      const path = `${prefix}[${i}]${c.path.slice(prefix.length + 3)}`;
      const l = expanded.get(path);
      const label = l?.label ?? `${title} 第${i + 1}行 ${c.column?.join(' ') ?? c.label}`;
      const td = document.createElement('td');
      td.append(c.computed ? computedOutput(path, label) : cellInput(path, label, c.kind, ctx, c.hint));
      tr.append(td);
    }
    const td = document.createElement('td');
    td.append(button('删除', `删除${title} 第${i + 1}行`, () => (list.splice(i, 1), ctx.redraw()), list.length <= (arr?.minItems ?? 0)));
    tr.append(td);
    body.append(tr);
  });
  table.append(body);
  const box = document.createElement('div');
  box.className = 'repeat-box';
  box.append(table, button('添加一行', `${title} 添加一行`, () => (list.push(emptyFor(arr?.items)), ctx.redraw()), arr?.maxItems !== undefined && list.length >= arr.maxItems));
  return box;
}
