import type { RuleDefinition, RuleFinding } from '../define.js';
import { ageAt, fmt, months, parseYM } from './dates.js';
import { isStudy, resumeLines } from './resume.js';
import type { Person } from './schema.js';

/**
 * The 任免表's checks, all warnings (the form still prints): the 简历's periods in order and not
 * overlapping (J1), no gap of more than six months between them (J2), no work before the age of 14 (J3).
 */
const periods = (d: Person) => resumeLines(d.JianLi).filter((l) => l.from);

/** Each dated 简历 line with the one after it: J1 and J2 compare neighbours. */
const neighbours = (d: Person) => periods(d).flatMap((b, i, ps) => (i ? [[ps[i - 1], b] as const] : []));

export const rules: RuleDefinition<Person>[] = [
  {
    id: 'J1',
    severity: 'warning',
    description: '简历 各段时间按先后排列，不重叠',
    reads: () => ['JianLi'],
    check(d) {
      const out: RuleFinding[] = [];
      for (const [a, b] of neighbours(d)) {
        if (months(b.from!) < months(a.from!)) out.push({ path: 'JianLi', message: `简历：${b.lead} 排在 ${a.lead} 之后，时间顺序颠倒` });
        else if (a.to && months(b.from!) < months(a.to)) out.push({ path: 'JianLi', message: `简历：${b.lead} 与 ${a.lead} 时间重叠` });
        else if (!a.to) out.push({ path: 'JianLi', message: `简历：${a.lead} 没有结束时间，但其后还有 ${b.lead}` });
      }
      return out;
    },
  },
  {
    id: 'J2',
    severity: 'warning',
    description: '简历 相邻两段之间的空档不超过 6 个月',
    reads: () => ['JianLi'],
    check(d) {
      const out: RuleFinding[] = [];
      for (const [a, b] of neighbours(d)) {
        if (!a.to) continue;
        const gap = months(b.from!) - months(a.to);
        if (gap > 6) out.push({ path: 'JianLi', message: `简历：${fmt(a.to)} 至 ${fmt(b.from!)} 之间空档 ${gap} 个月（超过 6 个月）` });
      }
      return out;
    },
  },
  {
    id: 'J3',
    severity: 'warning',
    description: '简历 不满 14 周岁不应有工作经历',
    reads: () => ['JianLi', 'ChuShengNianYue'],
    check(d) {
      const birth = parseYM(d.ChuShengNianYue);
      if (!birth) return [];
      return periods(d)
        .filter((p) => !isStudy(p.text) && (ageAt(birth, p.from) ?? -1) < 14)
        .map((p) => ({ path: 'JianLi', message: `简历：${p.lead} ${p.text} 开始时未满 14 周岁（出生年月 ${fmt(birth)}）`, reads: ['JianLi', 'ChuShengNianYue'] }));
    },
  },
];
