/**
 * The whole form from a template's definition: its labels grouped into grids (repeatable groups and prose
 * where a label path holds `[*]`), then the schema's other fields.
 */
import type { CellLabel, Template } from '../../templates/define.js';
import type { FormCtx } from './cells.js';
import { gridTable } from './grid.js';
import { otherFields } from './fields.js';
import { parsePath } from './paths.js';
import { proseList, repeatTable } from './repeat.js';
import { type JsonSchema, schemaAt } from './schema.js';

export function drawForm(t: Template<any>, root: JsonSchema, ctx: FormCtx): HTMLElement {
  const form = document.createElement('div');
  const generic = t.labels();
  const expanded = t.labels(ctx.data());
  const byPath = new Map(expanded.map((l) => [l.path, l]));
  // repeatable arrays: the prefix before the first [*] of a label written for no data
  const repeats = new Map<string, CellLabel[]>();
  for (const l of generic) {
    const at = l.path.indexOf('[*]');
    if (at < 0 || l.path.indexOf('[*]', at + 3) >= 0) continue;
    const prefix = l.path.slice(0, at);
    repeats.set(prefix, [...(repeats.get(prefix) ?? []), l]);
  }
  const repeatOf = (path: string) => [...repeats.keys()].find((p) => path === p || path.startsWith(`${p}[`));

  // groups in the order their first cell is listed; the cells of a repeatable array are drawn once, by the array
  const groups = new Map<string, (CellLabel | { repeat: string })[]>();
  const drawnRepeats = new Set<string>();
  for (const l of [...expanded, ...generic.filter((g) => g.path.includes('[*]'))]) {
    const g = l.group ?? '';
    const list = groups.get(g) ?? [];
    const r = repeatOf(l.path);
    if (r !== undefined) {
      if (!drawnRepeats.has(r)) list.push({ repeat: r });
      drawnRepeats.add(r);
    } else if (!l.path.includes('[*]')) list.push(l);
    groups.set(g, list);
  }
  for (const [name, entries] of groups) {
    const section = document.createElement('section');
    section.className = 'group';
    let cells: CellLabel[] = [];
    const flush = () => {
      if (cells.length) section.append(gridTable(name || t.title, cells, ctx));
      cells = [];
    };
    for (const e of entries) {
      if ('repeat' in e) {
        flush();
        const cols = repeats.get(e.repeat)!;
        const schema = schemaAt(root, parsePath(e.repeat));
        const only = cols.length === 1 && cols[0].path === `${e.repeat}[*]`;
        if (only && (cols[0].kind === 'prose' || cols[0].kind === 'text' || !cols[0].kind)) section.append(proseList(e.repeat, cols[0].label, schema, ctx, byPath));
        else section.append(repeatTable(e.repeat, name || cols[0].label, cols, schema, ctx, byPath));
      } else cells.push(e);
    }
    flush();
    form.append(section);
  }
  const labelled = expanded.map((l) => l.path);
  const other = otherFields(root, ctx, (p) => {
    if (labelled.includes(p) || repeats.has(p)) return 'cell';
    if (repeatOf(p) !== undefined) return 'cell';
    if (labelled.some((l) => l.startsWith(`${p}.`) || l.startsWith(`${p}[`)) || [...repeats.keys()].some((r) => r.startsWith(`${p}.`))) return 'inside';
    return undefined;
  }, (p) => generic.find((l) => l.path.startsWith(`${p}.`))?.label ?? '');
  if (other) form.append(other);
  return form;
}
