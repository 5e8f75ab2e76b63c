import type { WidthHint } from '../model/table.js';
import { mm } from './units.js';

export interface ColumnNeeds {
  /** narrowest width that cuts no word (padding included) */
  min: number;
  /** width at which nothing wraps (padding included) */
  max: number;
  /** every single-column cell of this column is stacked vertically */
  vertical: boolean;
}

/**
 * Column widths that fill `avail` pt. Fixed hints (mm) are honoured (scaled down together if they
 * cannot fit), 'narrow' is one character wide, weights share what is left, and the other columns get
 * their content's width: as wide as they want when it fits, otherwise the minimum plus a share of the
 * rest in proportion to how much more each wants (as browsers do for auto tables).
 */
export function chooseWidths(hints: (WidthHint | undefined)[], needs: ColumnNeeds[], avail: number, narrow: number): number[] {
  const n = needs.length;
  const w = new Array<number>(n).fill(0);
  const auto: number[] = [];
  const weighted: { i: number; weight: number }[] = [];
  let fixed = 0;
  for (let i = 0; i < n; i++) {
    const h = hints[i];
    if (typeof h === 'number') w[i] = mm(h);
    else if (h && typeof h === 'object' && 'mm' in h) w[i] = mm(h.mm);
    else if (h === 'narrow' || ((h === undefined || h === 'auto') && needs[i].vertical)) w[i] = Math.max(narrow, needs[i].vertical ? needs[i].max : narrow);
    else if (h && typeof h === 'object' && 'weight' in h) {
      weighted.push({ i, weight: h.weight });
      continue;
    } else {
      auto.push(i);
      continue;
    }
    fixed += w[i];
  }
  if (fixed > avail) {
    const k = avail / fixed;
    for (let i = 0; i < n; i++) w[i] *= k;
    fixed = avail;
  }
  let free = avail - fixed;
  const sumMin = auto.reduce((s, i) => s + needs[i].min, 0);
  const sumMax = auto.reduce((s, i) => s + needs[i].max, 0);
  if (weighted.length) {
    // Auto columns take what they want (or their minimum), weights share the rest.
    const autoTake = sumMax <= free * 0.6 ? sumMax : Math.min(sumMin, free * 0.6);
    for (const i of auto) w[i] = autoTake === sumMax ? needs[i].max : needs[i].min * (autoTake / Math.max(sumMin, 1e-9));
    free -= autoTake;
    const total = weighted.reduce((s, x) => s + x.weight, 0);
    for (const { i, weight } of weighted) w[i] = (free * weight) / total;
    return w;
  }
  if (!auto.length) {
    // Only fixed columns: stretch them to the full width so the table fills the text block.
    const k = avail / Math.max(fixed, 1e-9);
    return w.map((x) => x * k);
  }
  if (sumMax <= free) {
    const extra = free - sumMax;
    for (const i of auto) w[i] = needs[i].max + (extra * needs[i].max) / sumMax;
  } else if (sumMin <= free) {
    const extra = free - sumMin;
    const want = sumMax - sumMin;
    for (const i of auto) w[i] = needs[i].min + (want > 0 ? (extra * (needs[i].max - needs[i].min)) / want : extra / auto.length);
  } else {
    for (const i of auto) w[i] = (needs[i].min * free) / sumMin;
  }
  return w;
}
