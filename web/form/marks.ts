/**
 * Shows a check's problems: the list, the message beside the cell it blames, and the cells it read marked.
 * A message already naming its cell is not prefixed with the label again; beside the cell, the label is
 * dropped (the cell says which it is).
 */
import type { Problem } from '../../src/errors.js';
import { getAt, parsePath, pathString } from './paths.js';

export type Shown = Problem & { kind: 'error' | 'warning' };

const byPath = (root: ParentNode, path: string) => root.querySelector<HTMLElement>(`[data-path="${CSS.escape(path)}"]`);

/** The element for a path, or the nearest enclosing one that is drawn (an array, a repeatable table). */
function target(root: ParentNode, path: string): HTMLElement | null {
  const keys = parsePath(path);
  for (let n = keys.length; n > 0; n--) {
    const el = byPath(root, pathString(keys.slice(0, n)));
    if (el) return el;
  }
  return null;
}

function withoutLabel(message: string, label: string): string {
  if (!label) return message;
  const m = /^(\[[^\]]+\] )?(.*)$/s.exec(message)!;
  const rest = m[2].startsWith(`${label}：`) ? m[2].slice(label.length + 1) : m[2];
  return `${m[1] ?? ''}${rest}`;
}

export function clearMarks(root: ParentNode): void {
  root.querySelectorAll('.msg').forEach((m) => m.remove());
  root.querySelectorAll('[aria-invalid]').forEach((e) => e.removeAttribute('aria-invalid'));
  root.querySelectorAll('[aria-describedby]').forEach((e) => e.removeAttribute('aria-describedby'));
  root.querySelectorAll('.reads').forEach((e) => e.classList.remove('reads', 'reads-warning'));
}

export function showProblems(root: ParentNode, list: HTMLElement, problems: Shown[], label: (path: string) => string): void {
  clearMarks(root);
  list.innerHTML = '';
  let n = 0;
  for (const p of problems) {
    const l = label(p.path);
    const li = document.createElement('li');
    li.className = p.kind;
    if (p.rule) li.dataset.rule = p.rule;
    // a rule's message names its cells itself; a bare shape message gets its cell's label
    li.textContent = l && !p.rule && !p.message.includes(l) ? `${l}：${p.message}` : p.message;
    list.append(li);
    for (const r of p.reads ?? []) byPath(root, r)?.classList.add('reads', ...(p.kind === 'warning' ? ['reads-warning'] : []));
    // a finding blamed on a whole table (not drawn as one element) is shown at the first cell it read
    const cell = target(root, p.path) ?? (p.reads ?? []).map((r) => byPath(root, r)).find((e) => e) ?? null;
    if (!cell) continue;
    if (p.kind === 'error' || !cell.hasAttribute('aria-invalid')) cell.setAttribute('aria-invalid', 'true');
    const note = document.createElement('div');
    note.className = `msg ${p.kind}`;
    note.id = `msg-${++n}`;
    note.textContent = withoutLabel(p.message, l);
    cell.setAttribute('aria-describedby', [cell.getAttribute('aria-describedby'), note.id].filter(Boolean).join(' '));
    cell.parentElement!.append(note);
  }
}

/** Computed cells show the value the template filled in. */
export function showComputed(root: ParentNode, filled: unknown): void {
  root.querySelectorAll<HTMLOutputElement>('output[data-computed]').forEach((o) => {
    const v = getAt(filled, o.dataset.path!);
    o.value = v === undefined || v === null ? '' : String(v);
  });
}
