/**
 * The data fields the labels do not name, from the schema itself: text and number inputs, prose for arrays
 * of text, a tuple item by item. Shown folded under 其他字段, after the labelled parts. (An array of
 * objects with no labels is not drawn: a template labels its repeatable rows.)
 */
import { cellInput, type FormCtx } from './cells.js';
import { getAt, type Key, pathString } from './paths.js';
import { proseList, memberLabel } from './repeat.js';
import { type JsonSchema, typeOf, variants } from './schema.js';

/**
 * `covered(path)`: 'cell' for a labelled cell or a repeat prefix, 'inside' for a container of one, undefined
 * otherwise; `nameOf(path)`: how the labels name a container ('' when they do not).
 */
export function otherFields(root: JsonSchema, ctx: FormCtx, covered: (path: string) => 'cell' | 'inside' | undefined, nameOf: (path: string) => string = () => ''): HTMLElement | undefined {
  const fieldLabel = (keys: Key[], s: JsonSchema): string => {
    const name = memberLabel(String(keys[keys.length - 1]), s);
    if (keys.length < 2) return name;
    const outer = keys.slice(0, -1);
    const n = nameOf(pathString(outer)) || outer.map((k) => memberLabel(String(k))).join(' ');
    return `${n} ${name}`;
  };
  const box = document.createElement('div');
  box.className = 'fields';
  const walk = (s: JsonSchema | undefined, keys: Key[]) => {
    if (!s) return;
    const p = pathString(keys);
    const cov = keys.length ? covered(p) : 'inside';
    if (cov === 'cell') return;
    const vs = variants(s);
    const obj = vs.find((v) => typeOf(v) === 'object' && v.properties);
    const arr = vs.find((v) => typeOf(v) === 'array');
    if (obj) {
      // the root's `template` names the template the file is for; the page sets it
      for (const [k, sub] of Object.entries(obj.properties!)) if (!(keys.length === 0 && k === 'template')) walk(sub, [...keys, k]);
      return;
    }
    if (cov === 'inside') return; // an array or value holding labelled cells: the grid shows it
    if (arr) {
      const texty = variants(arr.items).some((v) => typeOf(v) === 'string');
      if (texty && !arr.prefixItems) box.append(proseList(p, fieldLabel(keys, s), s, ctx));
      else (arr.prefixItems ?? []).forEach((item, i) => walk(item, [...keys, i]));
      return;
    }
    const t = vs.map(typeOf).find((x) => x && x !== 'null');
    if (!t || t === 'boolean') return;
    const label = document.createElement('label');
    const span = document.createElement('span');
    span.textContent = fieldLabel(keys, s);
    const kind = t === 'number' || t === 'integer' ? 'number' : 'text';
    const input = cellInput(p, fieldLabel(keys, s), kind, {
      ...ctx,
      // an optional text left empty is left out, so the template's default applies
      set: (path, v) => ctx.set(path, v === '' && getAt(ctx.data(), path) !== undefined && kind === 'text' ? undefined : v),
    });
    if (s.description && !/[\u4e00-\u9fff]/.test(s.description)) input.title = s.description;
    label.append(span, input);
    box.append(label);
  };
  walk(root, []);
  if (!box.childElementCount) return undefined;
  const details = document.createElement('details');
  const summary = document.createElement('summary');
  summary.textContent = '其他字段';
  details.append(summary, box);
  return details;
}
