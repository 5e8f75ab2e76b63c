/**
 * TEMPORARY, with web/form/annual-report-adapter.ts: the annual report in the template contract's shape
 * (labels, computed cells, problems with rule/severity/reads). Delete both when the templates are on defineTemplate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { adaptAnnualReport } from '../web/form/annual-report-adapter.js';
import { annualReport2019, annualReport2021 } from '../templates/gov-info-annual-report/index.js';
import { cellLabel } from '../templates/gov-info-annual-report/cell-labels.js';

describe('the annual report in the contract’s shape (temporary adapter)', () => {
  const seed = YAML.parse(readFileSync(join(process.cwd(), 'examples/fangzheng-2020/fangzheng-2020.yaml'), 'utf8'));
  const t19 = adaptAnnualReport(annualReport2019, 2019, seed);
  const t21 = adaptAnnualReport(annualReport2021, 2021, {});

  test('every table cell has a label with a group, row and column; totals are computed', () => {
    for (const t of [t19, t21]) {
      const cells = t.labels().filter((l) => l.path.startsWith('tables.'));
      expect(cells.length).toBeGreaterThan(t === t19 ? 150 : 160);
      for (const l of cells) {
        expect(l.group).toMatch(/^表[一二三]/);
        expect(l.row?.length).toBeGreaterThan(0);
        expect(l.column?.length).toBeGreaterThan(0);
        if (!l.path.startsWith('tables.proactive')) expect(l.label).toBe(cellLabel(l.path));
      }
      expect(cells.filter((l) => l.computed).map((l) => l.path)).toEqual(expect.arrayContaining(['tables.applications.total[0]', 'tables.applications.granted[6]', 'tables.reviews.direct[4]']));
      expect(cells.find((l) => l.path === 'tables.applications.granted[0]')?.computed).toBe(false);
    }
  });

  test('problems carry rule, severity and the cells read; [A1] is blamed on its column’s 一、本年新收 cell', () => {
    const d = structuredClone(seed);
    d.tables.applications.newReceived[1] += 1;
    d.tables.applications.granted.length = 6; // a row total given wrong would be A3; leave it to be computed
    const r = t19.check(d);
    const a1 = r.errors.find((e) => e.rule === 'A1')!;
    expect(a1.path).toBe('tables.applications.newReceived[1]');
    expect(a1.severity).toBe('error');
    expect(a1.reads).toEqual(['newReceived', 'carriedOver', 'total', 'carriedForward'].map((k) => `tables.applications.${k}[1]`));
    expect(a1.message).toMatch(/^\[A1\] 表二 商业企业：/);
    expect(t19.rules!.map((x) => x.id)).toEqual(['V', 'A1', 'A2', 'A3', 'R1', 'R2', 'R3']);
    expect(t19.rules!.find((x) => x.id === 'A1')!.check(d, { label: () => '' })[0].path).toBe('tables.applications.newReceived[1]');
  });

  test('a shape error in 表一 names the printed column, once', () => {
    const d = structuredClone(seed);
    d.tables.proactive.rules[0] = 'abc';
    let problems: { path: string; message: string }[] = [];
    try {
      t19.check(d);
    } catch (e) {
      problems = (e as { problems: typeof problems }).problems;
    }
    const p = problems.find((x) => x.path === 'tables.proactive.rules[0]')!;
    expect(p.message).toMatch(/^表一 规章 本年新制作数量：/);
    expect(p.message.split('表一 规章').length).toBe(2);
  });
});
