import type { WidthHint } from '../../model/table.js';
import { maxContentWidth, minContentWidth } from '../text/linebreak.js';
import { mm } from '../units.js';
import type { MeasuredCell } from './measure.js';
import { stackWidth } from './vertical.js';

/**
 * Column widths, all in this file: what each column's cells need (spanning cells included), then the
 * widths chosen for the page.
 */

export interface ColumnNeeds {
  /** narrowest width that cuts no word (padding included) */
  min: number;
  /** width at which nothing wraps (padding included) */
  max: number;
  /** every single-column cell of this column is stacked vertically */
  vertical: boolean;
}

const isAuto = (h: WidthHint | undefined) => h === undefined || h === 'auto';
const isWeighted = (h: WidthHint | undefined) => typeof h === 'object' && 'weight' in h;

/**
 * What each column needs. Single-column cells set a column's minimum (its widest unbreakable word) and
 * maximum (its longest line); a column whose every single-column cell is stacked is a vertical column.
 * Then cells spanning columns, narrowest spans first: when the columns they span (auto columns at their
 * minimum, fixed ones at their width) are narrower than the spanning cell's own minimum, the auto columns
 * among them share the difference, so a wide spanning header widens its columns instead of being cut.
 */
export function columnNeeds(measured: MeasuredCell[], cols: number, hints: (WidthHint | undefined)[], padX: number, slack = 0): ColumnNeeds[] {
  const needs: ColumnNeeds[] = Array.from({ length: cols }, () => ({ min: 0, max: 0, vertical: false }));
  const hasPlain = new Array<boolean>(cols).fill(false);
  for (const m of measured) {
    if (m.cell.colSpan !== 1) continue;
    const need = needs[m.cell.c];
    if (m.vertical) {
      const w = stackWidth(m.chars) + 2 * padX;
      need.min = Math.max(need.min, w);
      need.max = Math.max(need.max, w);
      need.vertical = !hasPlain[m.cell.c];
    } else {
      hasPlain[m.cell.c] = true;
      need.vertical = false;
      need.min = Math.max(need.min, minContentWidth(m.chars) + 2 * padX + slack);
      need.max = Math.max(need.max, maxContentWidth(m.chars) + 2 * padX + slack);
    }
  }
  const spanning = measured.filter((m) => m.cell.colSpan > 1).sort((a, b) => a.cell.colSpan - b.cell.colSpan);
  for (const m of spanning) {
    const span = Array.from({ length: m.cell.colSpan }, (_, k) => m.cell.c + k);
    const auto = span.filter((i) => isAuto(hints[i]) && !needs[i].vertical);
    // without auto columns, weighted ones carry the minimum (their share can then be raised to it);
    // fixed, narrow or stacked columns are not widened by content
    const grow = auto.length ? auto : span.filter((i) => isWeighted(hints[i]));
    if (!grow.length) continue;
    const want = (m.vertical ? stackWidth(m.chars) : minContentWidth(m.chars) + slack) + 2 * padX;
    const have = span.reduce((s, i) => s + (fixedWidth(hints[i]) ?? needs[i].min), 0);
    if (have >= want) continue;
    for (const i of grow) {
      needs[i].min += (want - have) / grow.length;
      needs[i].max = Math.max(needs[i].max, needs[i].min);
    }
  }
  return needs;
}

function fixedWidth(h: WidthHint | undefined): number | undefined {
  if (typeof h === 'number') return mm(h);
  if (h && typeof h === 'object' && 'mm' in h) return mm(h.mm);
  return undefined;
}

/**
 * Next to weighted columns, auto columns take at most this share of the free width: the weights are
 * what the author asked to share the width, so they always keep at least 40% of it.
 */
export const AUTO_SHARE_WITH_WEIGHTS = 0.6;

/**
 * Column widths that fill `avail` pt. Fixed hints (mm) are honoured (scaled down together if they
 * cannot fit), 'narrow' is one character wide, weights share what is left, and the other columns get
 * their content's width: as wide as they want when it fits, otherwise the minimum plus a share of the
 * rest in proportion to how much more each wants (as browsers do for auto tables).
 */
export function chooseWidths(hints: (WidthHint | undefined)[], needs: ColumnNeeds[], avail: number, narrow: number): number[] {
  return raiseToMinimum(targetWidths(hints, needs, avail, narrow), needs, hints, narrow);
}

/**
 * Fixed (mm) and narrow columns give way, down to their own content's minimum (at least one character), to auto and weighted
 * columns left narrower than theirs: a fixed width must not push another column's text out of its cell,
 * or off the page. Between auto and weighted columns the shares above stand (weights keep their 40%).
 */
function raiseToMinimum(w: number[], needs: ColumnNeeds[], hints: (WidthHint | undefined)[], narrow: number): number[] {
  const h = (i: number) => hints[i];
  const flexible = (i: number) => (isAuto(h(i)) && !needs[i].vertical) || isWeighted(h(i));
  const deficit = w.map((x, i) => (flexible(i) ? Math.max(0, needs[i].min - x) : 0));
  const short = deficit.reduce((a, b) => a + b, 0);
  // a giver keeps its own minimum, and at least one character (a column under spanning cells has minimum 0)
  const spare = w.map((x, i) => (flexible(i) ? 0 : Math.max(0, x - Math.max(needs[i].min, narrow))));
  const room = spare.reduce((a, b) => a + b, 0);
  if (short < 1e-6 || room < 1e-6) return w;
  const take = Math.min(short, room);
  return w.map((x, i) => x + (take * deficit[i]) / short - (take * spare[i]) / room);
}

function targetWidths(hints: (WidthHint | undefined)[], needs: ColumnNeeds[], avail: number, narrow: number): number[] {
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
    // the widths in mm give way; narrow columns stay one character wide unless they alone are too many
    const isMm = (i: number) => typeof hints[i] === 'number' || (typeof hints[i] === 'object' && 'mm' in (hints[i] as object));
    const mmSum = w.reduce((s, x, i) => s + (isMm(i) ? x : 0), 0);
    const rest = fixed - mmSum;
    const k = rest < avail && mmSum > 0 ? (avail - rest) / mmSum : avail / fixed;
    for (let i = 0; i < n; i++) if (isMm(i) || rest >= avail || mmSum === 0) w[i] *= k;
    fixed = avail;
  }
  let free = avail - fixed;
  const sumMin = auto.reduce((s, i) => s + needs[i].min, 0);
  const sumMax = auto.reduce((s, i) => s + needs[i].max, 0);
  if (weighted.length) {
    // Auto columns take what they want (or their minimum), weights share the rest.
    const cap = free * AUTO_SHARE_WITH_WEIGHTS;
    const autoTake = sumMax <= cap ? sumMax : Math.min(sumMin, cap);
    if (autoTake === sumMax) for (const i of auto) w[i] = needs[i].max;
    else if (autoTake === sumMin) for (const i of auto) w[i] = needs[i].min;
    else shareBelowMinimum(w, auto, needs, autoTake, narrow);
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
    // columns that want nothing (covered only by spanning cells that fit) share the rest equally, not 0/0
    for (const i of auto) w[i] = needs[i].max + (sumMax > 0 ? (extra * needs[i].max) / sumMax : extra / auto.length);
  } else if (sumMin <= free) {
    const extra = free - sumMin;
    const want = sumMax - sumMin;
    for (const i of auto) w[i] = needs[i].min + (want > 0 ? (extra * (needs[i].max - needs[i].min)) / want : extra / auto.length);
  } else {
    shareBelowMinimum(w, auto, needs, free, narrow);
  }
  return w;
}

/**
 * `free` pt for auto columns whose minimums do not fit in it: words will be cut. Every column first keeps
 * one character's width (up to its minimum), so short labels stay whole and are not squeezed into their
 * neighbours; the wide columns' minimums share the rest.
 */
function shareBelowMinimum(w: number[], auto: number[], needs: ColumnNeeds[], free: number, narrow: number): void {
  const floor = (i: number) => Math.min(needs[i].min, narrow);
  const sumMin = auto.reduce((s, i) => s + needs[i].min, 0);
  const sumFloor = auto.reduce((s, i) => s + floor(i), 0);
  if (sumFloor <= free) for (const i of auto) w[i] = floor(i) + ((needs[i].min - floor(i)) * (free - sumFloor)) / Math.max(sumMin - sumFloor, 1e-9);
  else for (const i of auto) w[i] = (floor(i) * free) / Math.max(sumFloor, 1e-9);
}
