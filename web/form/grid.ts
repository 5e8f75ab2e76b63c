/**
 * A group of labelled cells as one grid: row labels down the side (outer levels as sub-heading rows),
 * column labels across the top (outer levels spanning their columns). A group without column labels is a
 * list of labelled fields.
 */
import type { CellLabel } from '../../templates/define.js';
import { cellInput, computedOutput, type FormCtx } from './cells.js';

const key = (xs: string[] | undefined) => (xs ?? []).join('\u0001');

function cellFor(l: CellLabel, ctx: FormCtx): HTMLElement {
  return l.computed ? computedOutput(l.path, l.label) : cellInput(l.path, l.label, l.kind, ctx, l.hint);
}

export function fieldList(title: string, cells: CellLabel[], ctx: FormCtx): HTMLElement {
  const fs = document.createElement('fieldset');
  fs.className = 'fields';
  const legend = document.createElement('legend');
  legend.textContent = title;
  fs.append(legend);
  for (const l of cells) {
    const label = document.createElement('label');
    const span = document.createElement('span');
    span.textContent = l.row?.at(-1) ?? l.label;
    label.append(span, cellFor(l, ctx));
    fs.append(label);
  }
  return fs;
}

export function gridTable(title: string, cells: CellLabel[], ctx: FormCtx): HTMLElement {
  if (!cells.some((c) => c.column?.length)) return fieldList(title, cells, ctx);
  const columns: string[][] = [];
  const rows: string[][] = [];
  const at = new Map<string, CellLabel>();
  for (const c of cells) {
    const col = c.column ?? [];
    const row = c.row?.length ? c.row : [c.label];
    if (!columns.some((x) => key(x) === key(col))) columns.push(col);
    if (!rows.some((x) => key(x) === key(row))) rows.push(row);
    at.set(`${key(row)}\u0002${key(col)}`, c);
  }
  const table = document.createElement('table');
  table.dataset.group = title;
  const caption = document.createElement('caption');
  caption.textContent = title;
  table.append(caption);

  // header rows: level l shows each column's l-th label, consecutive equal prefixes merged
  const depth = Math.max(1, ...columns.map((c) => c.length));
  const thead = document.createElement('thead');
  for (let l = 0; l < depth; l++) {
    const tr = document.createElement('tr');
    if (l === 0) {
      const corner = document.createElement('th');
      corner.rowSpan = depth;
      corner.textContent = '项目';
      tr.append(corner);
    }
    for (let i = 0; i < columns.length; ) {
      const prefix = key(columns[i].slice(0, l + 1));
      let j = i + 1;
      while (j < columns.length && key(columns[j].slice(0, l + 1)) === prefix && columns[j].length > l) j++;
      const th = document.createElement('th');
      th.scope = 'col';
      th.colSpan = j - i;
      th.textContent = columns[i][l] ?? '';
      tr.append(th);
      i = j;
    }
    thead.append(tr);
  }
  table.append(thead);

  const body = document.createElement('tbody');
  let prev: string[] = [];
  for (const row of rows) {
    // outer row labels that change here get their own sub-heading row
    for (let l = 0; l < row.length - 1; l++) {
      if (key(prev.slice(0, l + 1)) === key(row.slice(0, l + 1))) continue;
      const tr = document.createElement('tr');
      tr.className = 'sub';
      const th = document.createElement('th');
      th.scope = 'rowgroup';
      th.colSpan = columns.length + 1;
      th.style.paddingLeft = `${l + 0.3}em`;
      th.textContent = row[l];
      tr.append(th);
      body.append(tr);
    }
    prev = row;
    const tr = document.createElement('tr');
    const th = document.createElement('th');
    th.scope = 'row';
    th.style.paddingLeft = `${row.length - 1 + 0.3}em`;
    th.textContent = row.at(-1)!;
    tr.append(th);
    for (const col of columns) {
      const td = document.createElement('td');
      const c = at.get(`${key(row)}\u0002${key(col)}`);
      if (c) {
        if (c.computed) td.className = 'computed';
        td.append(cellFor(c, ctx));
      }
      tr.append(td);
    }
    body.append(tr);
  }
  table.append(body);
  return table;
}
