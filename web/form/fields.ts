/**
 * The data fields the labels do not name, from the schema itself: text and number inputs, prose for arrays
 * of text, repeatable rows for arrays of objects. Shown folded under 其他字段, after the labelled parts.
 */
import type { CellLabel } from '../../templates/define.js';
import { cellInput, type FormCtx } from './cells.js';
import { getAt, type Key, pathString } from './paths.js';
import { proseList, memberLabel } from './repeat.js';
import { type JsonSchema, typeOf, variants } from './schema.js';

function fieldLabel(keys: Key[], s: JsonSchema): string {
  const k = keys[keys.length - 1];
  const name = memberLabel(String(k), s);
  return keys.length > 1 ? `${pathString(keys.slice(0, -1))} · ${name}` : name;
}

/** `covered(path)`: 'cell' for a labelled cell or a repeat prefix, 'inside' for a container of one, undefined otherwise. */
export function otherFields(root: JsonSchema, ctx: FormCtx, covered: (path: string) => 'cell' | 'inside' | undefined): HTMLElement | undefined {
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
