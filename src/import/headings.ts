import { similarity } from './fuzzy.js';
import { SECTION_HEADINGS, type SectionKey } from './template-labels.js';

const KEYS = Object.keys(SECTION_HEADINGS) as SectionKey[];
const NUMERALS = '一二三四五六';

/**
 * The section a heading line opens, if it is one: "N、" with N the section's numeral, short, no full stop,
 * and close enough to the official wording (publishers reword: 二、政府信息公开情况). `after` is the last
 * section found, so 表二's row labels (二、上年结转…) never pass for headings: sections only move forward.
 */
export function headingOf(text: string, after: number): SectionKey | undefined {
  const t = text.replace(/\s+/g, '');
  const m = /^([一二三四五六])[、.．]/.exec(t);
  if (!m || t.length > 34 || /[。；]/.test(t.slice(0, -1))) return undefined;
  // a line of prose that lists the headings (三、…四、…) is not one
  if (/[一二三四五六][、.．]/.test(t.slice(2))) return undefined;
  const i = NUMERALS.indexOf(m[1]);
  if (i <= after) return undefined;
  return similarity(SECTION_HEADINGS[KEYS[i]], t) >= 0.35 ? KEYS[i] : undefined;
}

export const SECTION_KEYS = KEYS;
