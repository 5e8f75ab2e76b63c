import { readFileSync } from 'node:fs';
import { GridError, type GridSpec, resolveGridTable, resolveTreeTable } from '../../src/layout/table/resolve.js';
import { GridTable, TreeTable } from '../../src/model/table.js';

/** A resolved grid, one line per cell: kind, origin, rowSpan×colSpan, text. */
const show = (g: GridSpec) => g.cells.map((c) => `${c.kind} r${c.r} c${c.c} ${c.rowSpan}×${c.colSpan} ${c.text}`);

describe('resolveTreeTable', () => {
  const fixture = JSON.parse(readFileSync('__tests__/fixtures/unit/tree-table.json', 'utf8'));
  const grid = resolveTreeTable(TreeTable.parse(fixture.input), 'tables.t');

  test('every span derives from the trees', () => {
    expect(show(grid).sort()).toEqual([...fixture.grid].sort());
    expect({ cols: grid.cols, rows: grid.rows, headerRows: grid.headerRows }).toEqual({ cols: 6, rows: 6, headerRows: 3 });
  });

  test('the cells cover the grid exactly once', () => {
    const owner = new Map<string, number>();
    for (const c of grid.cells) for (let r = c.r; r < c.r + c.rowSpan; r++) for (let k = c.c; k < c.c + c.colSpan; k++) owner.set(`${r},${k}`, (owner.get(`${r},${k}`) ?? 0) + 1);
    expect(owner.size).toBe(grid.rows * grid.cols);
    expect([...owner.values()].every((n) => n === 1)).toBe(true);
  });

  test('a row count that does not match the leaves is a problem naming the table', () => {
    const bad = TreeTable.parse({ ...fixture.input, rows: fixture.input.rows.slice(0, 2) });
    expect(() => resolveTreeTable(bad, 'tables.t')).toThrow(GridError);
    expect(() => resolveTreeTable(bad, 'tables.t')).toThrow('tables.t.rows: 应有 3 行');
  });
});

describe('resolveGridTable', () => {
  test('cells go into the next free slot, as in HTML', () => {
    const g = resolveGridTable(GridTable.parse({ type: 'grid', widths: [10, 10, 10], headerRows: 1, rows: [[{ text: 'A', rowSpan: 2 }, { text: 'B', colSpan: 2 }], ['C', 'D']] }), 'g');
    expect(show(g)).toEqual(['header r0 c0 2×1 A', 'header r0 c1 1×2 B', 'data r1 c1 1×1 C', 'data r1 c2 1×1 D']);
  });

  test('overlaps and gaps name the cell and the slot', () => {
    const t = GridTable.parse({ type: 'grid', widths: [10, 10], rows: [[{ text: 'A', rowSpan: 2 }, 'B'], ['C', 'D']] });
    expect(() => resolveGridTable(t, 'g')).toThrow('g.rows[1][1]: 从第 3 列起跨 1 列（colSpan 1），超出表格的 2 列');
    const gap = GridTable.parse({ type: 'grid', widths: [10, 10], rows: [['A', 'B'], ['C']] });
    expect(() => resolveGridTable(gap, 'g')).toThrow('g.rows[1]: 第 2 行第 2 列没有单元格（空缺）');
  });
});
