import { CLI } from './helpers/dist.js';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { InputError } from '../src/index.js';
import { getTemplate, listTemplates } from '../templates/index.js';
import { readExample } from './helpers/render.js';
import { tmp } from './helpers/tools.js';

const T2021 = getTemplate('gov-info-annual-report-2021')!;
const T2019 = getTemplate('gov-info-annual-report-2019')!;
const cli = (args: string[]) => spawnSync('node', [CLI, ...args], { encoding: 'utf8' });
const messages = (file: string) => T2021.check(readExample(file)).errors.map((e) => e.message);

describe('勾稽 rules (violation files)', () => {
  test('A1: 一 + 二 = （七）总计 + 四, per column', () => {
    expect(messages('examples/violations/A1.yaml')).toContain(
      '[A1] 表二 自然人：一、本年新收政府信息公开申请数量 86 + 二、上年结转政府信息公开申请数量 5 = 91，应等于 （七）总计 87 + 四、结转下年度继续办理 6 = 93',
    );
  });

  test('A2: a given （七）总计 must equal the sum of the result rows', () => {
    const m = messages('examples/violations/A2.yaml');
    expect(m[0]).toMatch(/^\[A2\] 表二 （七）总计 自然人应为 87（（一）予以公开 40 \+ .*），填报为 88$/);
  });

  test('A3: a row\'s 总计 must equal its six columns', () => {
    expect(messages('examples/violations/A3.yaml')).toContain('[A3] 表二 （一）予以公开 总计应为 50（自然人 40 + 商业企业 6 + 科研机构 1 + 社会公益组织 1 + 法律服务机构 2 + 其他 0），填报为 49');
  });

  test('A4: every cell an integer ≥ 0, named by its printed labels', () => {
    let err: InputError | undefined;
    try {
      T2021.check(readExample('examples/violations/A4.yaml'));
    } catch (e) {
      err = e as InputError;
    }
    expect(err?.problems).toEqual([
      { path: 'tables.applications.denied.inquiry[1]', message: '[A4] 表二 （三）不予公开 8.属于行政查询事项 商业企业：不能为负数，填报为 -1', rule: 'A4' },
      { path: 'tables.applications.denied.inquiry[2]', message: '[A4] 表二 （三）不予公开 8.属于行政查询事项 科研机构：应为整数，填报为 1.5', rule: 'A4' },
    ]);
  });

  test.each([
    ['R1', '表三 行政复议 总计应为 11（结果维持 3 + 结果纠正 2 + 其他结果 1 + 尚未审结 5），填报为 0'],
    ['R2', '表三 行政诉讼 未经复议直接起诉 总计应为 4（结果维持 2 + 结果纠正 1 + 其他结果 0 + 尚未审结 1），填报为 5'],
    ['R3', '表三 行政诉讼 复议后起诉 总计应为 2（结果维持 1 + 结果纠正 0 + 其他结果 0 + 尚未审结 1），填报为 3'],
  ])('%s: each 总计 of 表三 is the sum of its four results', (rule, message) => {
    expect(messages(`examples/violations/${rule}.yaml`)).toEqual([`[${rule}] ${message}`]);
  });

  test('validate: exit 1 listing every violation, exit 0 for a consistent file', () => {
    const bad = cli(['validate', 'examples/violations/A3.yaml', '--template', 'gov-info-annual-report-2021']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('[A3]');
    expect(bad.stderr).toContain('2 处错误');
    const good = cli(['validate', 'examples/shihe-2021/shihe-2021.yaml', '--template', 'gov-info-annual-report-2021']);
    expect([good.status, good.stdout.trim()]).toEqual([0, 'examples/shihe-2021/shihe-2021.yaml: 校验通过']);
  });

  test('render refuses inconsistent data unless --allow-inconsistent, which prints warnings', () => {
    const out = tmp();
    const refused = cli(['render', 'examples/violations/R1.yaml', '--template', 'gov-info-annual-report-2021', '--format', 'pdf', '--out', out]);
    expect(refused.status).toBe(1);
    const allowed = cli(['render', 'examples/violations/R1.yaml', '--template', 'gov-info-annual-report-2021', '--format', 'pdf', '--out', out, '--allow-inconsistent']);
    expect(allowed.status).toBe(0);
    expect(allowed.stderr).toContain('warning: tables.reviews.review[4]: [R1]');
  });
});

describe('totals and warnings', () => {
  test('omitted totals are computed: every row\'s 总计, （七）总计 and the three 表三 总计', () => {
    const { data, errors } = T2021.check(readExample('examples/shihe-2021/shihe-2021.yaml'));
    expect(errors).toEqual([]);
    const a = data.tables.applications as { total: number[]; granted: number[] };
    expect(a.total).toEqual([87, 12, 1, 2, 3, 1, 106]);
    expect(a.granted).toEqual([40, 6, 1, 1, 2, 0, 50]);
    expect((data.tables.reviews as { review: number[] }).review).toEqual([3, 2, 1, 5, 11]);
  });

  test('cross-year: 上年结转 must equal last year\'s 结转下年度; 现行有效件数 carries over (2021 → 2021)', () => {
    const now = readExample('examples/shihe-2021/shihe-2021.yaml') as { year: number; tables: { applications: { carriedOver: number[] } } };
    expect(T2021.check(now, { previous: readExample('examples/shihe-2021/previous-2020.yaml') }).warnings).toEqual([]);
    const changed = structuredClone(now);
    changed.tables.applications.carriedOver[0] = 9;
    const w = T2021.check(changed, { previous: readExample('examples/shihe-2021/previous-2020.yaml') }).warnings.map((x) => x.message);
    expect(w).toContain('[跨年度] 表二 二、上年结转政府信息公开申请数量 自然人为 9，上一年度 四、结转下年度继续办理 为 5，两者应相等');
    const next = structuredClone(now) as unknown as { year: number; tables: { proactive: { rules: number[] } } };
    next.year = 2022;
    next.tables.proactive.rules = [2, 1, 20];
    const w2 = T2021.check(next, { previous: now }).warnings.map((x) => x.message);
    expect(w2).toContain('[跨年度] 表一 规章 现行有效件数应为 13（上年现行有效 12 + 本年制发 2 − 本年废止 1），填报为 20');
  });

  test('2021: 总体情况 over 1,000 characters is a warning', () => {
    const d = readExample('examples/shihe-2021/shihe-2021.yaml') as { sections: { overview: { paragraphs: string[] } } };
    d.sections.overview.paragraphs = ['政'.repeat(1001)];
    expect(T2021.check(d).warnings.map((w) => w.message)).toEqual(['总体情况共 1001 字，超过 2021 年格式要求的“篇幅原则上不超过一千字”']);
  });

  test('amounts keep their decimals; 2019 本年增/减 keeps its sign', () => {
    const doc = T2021.build(T2021.check(readExample('examples/shihe-2021/shihe-2021.yaml')).data);
    expect(JSON.stringify(doc)).toContain('"text":"5949.088667"');
    const d19 = readExample('examples/shihe-2021/previous-2020.yaml');
    const doc19 = T2019.build(T2019.check(d19).data);
    const grid = doc19.blocks.find((b) => b.type === 'grid')!;
    expect(JSON.stringify(grid)).toContain('{"text":"+2","colSpan":1,"format":{"sign":"always"}}');
  });
});

describe('templates and aggregation', () => {
  test('templates lists every id with its data JSON Schema', () => {
    const r = cli(['templates']);
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; dataSchema: { properties: Record<string, unknown> } }[];
    expect(list.map((t) => t.id)).toEqual(listTemplates().map((t) => t.id));
    expect(list.map((t) => t.id)).toEqual(['gov-info-annual-report-2019', 'gov-info-annual-report-2021', 'cadre-appointment-form']);
    expect(Object.keys(list[1].dataSchema.properties)).toEqual(expect.arrayContaining(['agency', 'year', 'tables', 'sections']));
  });

  test('aggregate adds up agencies; the sum satisfies every rule and keeps decimals', () => {
    const out = join(tmp(), 'county.json');
    const r = cli(['aggregate', 'examples/shihe-2021/shihe-2021.yaml', 'examples/shihe-2021/shihe-2021.yaml', '--template', 'gov-info-annual-report-2021', '--agency', '浉河区', '--out', out]);
    expect(r.status).toBe(0);
    const sum = JSON.parse(readFileSync(out, 'utf8'));
    expect(sum.agency).toBe('浉河区');
    expect(sum.tables.applications.total).toEqual([174, 24, 2, 4, 6, 2, 212]);
    expect(sum.tables.proactive.fees).toBe('11898.177334');
    expect(sum.tables.reviews.review).toEqual([6, 4, 2, 10, 22]);
    expect(T2021.check(sum).errors).toEqual([]);
    const bad = cli(['aggregate', 'examples/shihe-2021/shihe-2021.yaml', 'examples/violations/R1.yaml', '--template', 'gov-info-annual-report-2021', '--out', out + '2']);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('文件2 tables.reviews.review[4]');
  });
});

test('the commented sample data file is valid as shipped', () => {
  expect(T2021.check(readExample('templates/gov-info-annual-report/sample-2021.yaml')).errors).toEqual([]);
});
