import { type YM, parseYM } from './dates.js';

/**
 * The 简历 as lines: `yyyy.MM--yyyy.MM  text` (a period), `yyyy.MM--  text` (a job still held), or a line
 * without a period (`（其间：…）`, or a continuation). Separators: CR LF as the .lrmx has them, or LF.
 */
export interface ResumeLine {
  /** index among the non-empty lines */
  index: number;
  from?: YM;
  /** undefined for a job still held */
  to?: YM;
  lead?: string;
  text: string;
}

const PERIOD = /^\s*(\d{4}[.\-]?\d{2})\s*(?:--|—|–|-|～|~|至)\s*(\d{4}[.\-]?\d{2})?\s*(.*)$/;

export function resumeLines(jianLi: string | undefined): ResumeLine[] {
  return (jianLi ?? '')
    .split(/\r\n|\r|\n/)
    .map((l) => l.replace(/\s+$/, ''))
    .filter((l) => l.trim() !== '')
    .map((line, index) => {
      const m = PERIOD.exec(line);
      const from = m ? parseYM(m[1]) : undefined;
      if (!m || !from) return { index, text: line.trim() };
      const to = m[2] ? parseYM(m[2]) : undefined;
      const show = (ym: YM) => `${ym.y}.${String(ym.m).padStart(2, '0')}`;
      return { index, from, to, lead: `${show(from)}--${to ? show(to) : ''}`, text: m[3].trim() };
    });
}

/** A period spent studying (学习, 读书, 学生): the age-14 rule is about work. */
export function isStudy(text: string): boolean {
  return /学习|读书|就读|学生|进修|求学/.test(text);
}
