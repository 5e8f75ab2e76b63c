/** One input for one data cell: the value as typed becomes the data value its kind calls for. */
import type { CellKind } from '../../templates/define.js';
import { getAt } from './paths.js';

export interface FormCtx {
  data(): Record<string, any>;
  /** a value changed: check again */
  set(path: string, value: unknown): void;
  /** items were added or removed: draw again */
  redraw(): void;
}

const NUMERIC: CellKind[] = ['count', 'number', 'amount', 'signed'];

/** '' → null (a blank count, reported by the rules); whole numbers → numbers; other text stays text for the schema to judge. */
export function parseValue(text: string, kind: CellKind | undefined): unknown {
  if (!kind || !NUMERIC.includes(kind)) return text;
  const t = text.trim().replace(/^−/, '-');
  if (t === '') return null;
  if (/^-?\d+$/.test(t) && Number.isSafeInteger(Number(t))) return Number(t);
  if (kind === 'number' && /^-?\d+(\.\d+)?$/.test(t)) return Number(t);
  return t;
}

export const shown = (v: unknown) => (v === null || v === undefined ? '' : typeof v === 'object' ? JSON.stringify(v) : String(v));

export function cellInput(path: string, label: string, kind: CellKind | undefined, ctx: FormCtx, hint?: string): HTMLElement {
  if (kind === 'prose') {
    const ta = document.createElement('textarea');
    ta.value = shown(getAt(ctx.data(), path));
    ta.rows = Math.max(2, Math.ceil(ta.value.length / 48));
    ta.dataset.path = path;
    ta.setAttribute('aria-label', label);
    ta.addEventListener('input', () => ctx.set(path, ta.value));
    return ta;
  }
  const input = document.createElement('input');
  input.dataset.path = path;
  input.setAttribute('aria-label', label);
  if (hint) {
    input.placeholder = hint;
    input.title = hint;
  }
  if (kind === 'image') {
    // an image is kept as base64 without a data: prefix (as the .lrmx files store photos)
    input.type = 'file';
    input.accept = 'image/jpeg,image/png';
    // the picture the data holds, shown beside the file input (JPEG or PNG, told apart by their first bytes)
    const img = document.createElement('img');
    img.className = 'preview';
    img.alt = label;
    const show = (b64: unknown) => {
      img.hidden = typeof b64 !== 'string' || !b64;
      if (!img.hidden) img.src = `data:image/${(b64 as string).startsWith('iVBOR') ? 'png' : 'jpeg'};base64,${b64}`;
    };
    show(getAt(ctx.data(), path));
    input.addEventListener('change', async () => {
      const f = input.files?.[0];
      if (!f) return;
      const b = new Uint8Array(await f.arrayBuffer());
      let s = '';
      for (let i = 0; i < b.length; i += 0x8000) s += String.fromCharCode(...b.subarray(i, i + 0x8000));
      ctx.set(path, btoa(s));
      show(btoa(s));
    });
    const box = document.createElement('span');
    box.className = 'image';
    box.append(input, img);
    return box;
  }
  input.value = shown(getAt(ctx.data(), path));
  if (kind && NUMERIC.includes(kind)) {
    input.inputMode = kind === 'count' ? 'numeric' : 'decimal';
    input.className = 'num';
  }
  input.addEventListener('input', () => ctx.set(path, parseValue(input.value, kind)));
  return input;
}

/** A computed cell: shown, not typed; its value comes from the template's computed fields. */
export function computedOutput(path: string, label: string): HTMLElement {
  const out = document.createElement('output');
  out.dataset.path = path;
  out.dataset.computed = '';
  out.setAttribute('aria-label', `${label}（自动计算）`);
  out.title = '自动计算';
  return out;
}
