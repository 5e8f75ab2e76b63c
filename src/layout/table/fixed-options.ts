import type { Problem } from '../../model/errors.js';
import type { GridTable } from '../../model/table.js';
import type { TextContext } from '../text/measure.js';
import type { LaidTable } from '../types.js';
import { mm } from '../units.js';
import { layoutFixedTable } from './fixed.js';
import type { TableDefaults } from './measure.js';
import type { GridSpec } from './resolve.js';

/** A grid with `exactHeights` → the fixed form's options (mm → pt), checked against the grid. */
export function fixedTable(b: GridTable, spec: GridSpec, ctx: TextContext, d: TableDefaults, where: string, problems: Problem[], maxImagePixels: number): LaidTable {
  const heights = b.exactHeights!;
  const before = problems.length;
  if (heights.length !== spec.rows) problems.push({ path: `${where}.exactHeights`, message: `应有 ${spec.rows} 个行高（每行一个），实有 ${heights.length} 个` });
  const widths = b.widths.map((h, i) => {
    if (typeof h === 'number') return mm(h);
    if (typeof h === 'object' && 'mm' in h) return mm(h.mm);
    problems.push({ path: `${where}.widths[${i}]`, message: '行高固定的表格（exactHeights）的列宽必须是毫米数' });
    return 0;
  });
  // a grid that does not fit its own geometry: those problems alone, not one per cell that then cannot fit
  if (problems.length > before) spec = { ...spec, cells: [] };
  const border = b.border?.inner ?? 0.6;
  return layoutFixedTable(
    spec,
    ctx,
    d,
    {
      id: b.id,
      widths,
      heights: Array.from({ length: spec.rows }, (_, r) => mm(heights[r] ?? 0)),
      padX: b.cellPadding?.x ?? 2.5,
      padY: b.cellPadding?.y ?? 0,
      pitch: b.linePitch ?? 1.3,
      border,
      outerBorder: b.border?.outer ?? border,
      spaceAfter: b.spaceAfter ?? 8,
      maxImagePixels,
    },
    problems,
  );
}
