/**
 * defineTemplate is the one way to write a template (templates/define.ts): the annual report is defined on
 * it (labels, computed totals, rules as data), and every entry point takes a user's template — an object
 * (renderTemplate, createExportApp) or a module file (--template ./x.mjs, serve --template-module).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { TemplateError, renderTemplate } from '../src/index.js';
// the pool's workers are the built ones (dist/src/server/worker.js)
import { createExportApp } from '../dist/src/server/index.js';
import { defineTemplate, getTemplate } from '../templates/index.js';
import type { CellLabel } from '../templates/define.js';
import { listen, savedName } from './helpers/http.js';
import { pdfItems } from './helpers/pdf.js';
import { readExample } from './helpers/render.js';
import { tmp } from './helpers/tools.js';

const T2021 = getTemplate('gov-info-annual-report-2021')!;
const T2019 = getTemplate('gov-info-annual-report-2019')!;
const CLI = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');
const BUNDLE = join(process.cwd(), 'dist', 'cli', 'main.cjs');
const cli = (args: string[], bin = CLI) => spawnSync('node', [bin, ...args], { encoding: 'utf8' });
const MINE = './examples/my-template/template.mjs';
const STACK = /\bat .*\.(js|ts|mjs):\d+/;

/** Every scalar leaf of the data, as a path in the form problems use (tables.applications.granted[1]). */
function leaves(x: unknown, path = ''): string[] {
  if (Array.isArray(x)) return x.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (x && typeof x === 'object') return Object.entries(x).flatMap(([k, v]) => leaves(v, path ? `${path}.${k}` : k));
  return [path];
}

describe('the annual report is defined on defineTemplate', () => {
  test('labels(): every table cell of the data has one printed label, with its headers; totals are computed', () => {
    for (const [t, file] of [
      [T2021, 'examples/shihe-2021/shihe-2021.yaml'],
      [T2019, 'examples/fangzheng-2020/fangzheng-2020.yaml'],
    ] as const) {
      const { data } = t.check(readExample(file));
      const labels: CellLabel[] = t.labels(data);
      expect(new Set(labels.map((l) => l.path)).size).toBe(labels.length);
      const byPath = new Map(labels.map((l) => [l.path, l]));
      const cells = leaves((data as { tables: unknown }).tables, 'tables');
      expect(cells.length).toBeGreaterThan(150);
      for (const p of cells) expect([p, byPath.get(p)?.label]).toEqual([p, expect.stringMatching(/^表[一二三] \S/)]);
      expect(byPath.get('tables.applications.denied.inquiry[1]')).toMatchObject({
        label: '表二 （三）不予公开 8.属于行政查询事项 商业企业',
        group: '表二',
        row: ['三、本年度办理结果', '（三）不予公开', '8.属于行政查询事项'],
        column: ['申请人情况', '法人或其他组织', '商业企业'],
        kind: 'count',
      });
      const computed = new Set(labels.filter((l) => l.computed).map((l) => l.path));
      for (const c of t.computed!) for (const p of c.paths(data)) expect([p, computed.has(p)]).toEqual([p, true]);
      expect(computed.has('tables.applications.granted[0]')).toBe(false);
    }
    // without data, the repeatable paragraphs are one [*] entry each
    expect(T2021.labels().map((l) => l.path)).toContain('sections.overview.paragraphs[*]');
  });

  test('rules are data: ids, severities, descriptions; every problem carries rule, severity and reads', () => {
    expect(T2021.rules!.map((r) => `${r.id}:${r.severity}`)).toEqual(['V:error', 'A3:error', 'A2:error', 'A1:error', 'A4:error', 'R1:error', 'R2:error', 'R3:error', 'W1:warning', 'W2:warning']);
    expect(T2021.previous!.rules.map((r) => r.id)).toEqual(['X1', 'X2', 'X3']);
    for (const r of T2021.rules!) expect(r.description).toMatch(/[\u4e00-\u9fff]/);
    const labelled = new Set(T2021.labels(T2021.check(readExample('examples/shihe-2021/shihe-2021.yaml')).data).map((l) => l.path));
    for (const rule of ['A1', 'A2', 'A3', 'R1', 'R2', 'R3']) {
      const { errors } = T2021.check(readExample(`examples/violations/${rule}.yaml`));
      const mine = errors.filter((e) => e.rule === rule);
      expect(mine.length).toBeGreaterThan(0);
      for (const e of errors) {
        expect(e).toMatchObject({ rule: expect.any(String), severity: 'error' });
        expect(e.message.startsWith(`[${e.rule}] `)).toBe(true);
        expect(e.reads!.length).toBeGreaterThan(0);
        for (const p of e.reads!) expect([p, labelled.has(p)]).toEqual([p, true]);
      }
    }
    // A1 blames the table and reads the four cells of its column
    const a1 = T2021.check(readExample('examples/violations/A1.yaml')).errors.find((e) => e.rule === 'A1')!;
    expect(a1.reads).toEqual(['tables.applications.newReceived[0]', 'tables.applications.carriedOver[0]', 'tables.applications.total[0]', 'tables.applications.carriedForward[0]']);
    // cross-year warnings carry their rule too
    const now = readExample('examples/shihe-2021/shihe-2021.yaml') as { tables: { applications: { carriedOver: number[] } } };
    now.tables.applications.carriedOver[0] = 9;
    const w = T2021.check(now, { previous: readExample('examples/shihe-2021/previous-2020.yaml') }).warnings;
    expect(w.map((x) => [x.rule, x.severity, x.path])).toEqual([
      ['X2', 'warning', 'tables.applications.carriedOver[0]'],
      ['X2', 'warning', 'tables.applications.carriedOver[6]'],
    ]);
  });

  test('jsonSchema(): the data file as written (totals and sections optional); CLI schema --template prints it', () => {
    const s = T2021.jsonSchema() as { $schema: string; required: string[]; properties: Record<string, { properties?: Record<string, unknown> }> };
    expect(s.$schema).toContain('2020-12');
    expect(s.required).toEqual(expect.arrayContaining(['agency', 'year', 'tables']));
    expect(s.required).not.toContain('sections');
    const r = cli(['schema', '--template', 'gov-info-annual-report-2021']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual(s);
    // cjk-report templates lists each template's rules and computed fields as data
    const list = JSON.parse(cli(['templates']).stdout) as { id: string; rules: { id: string }[]; crossYearRules: { id: string }[]; computed: { id: string }[]; cells: number }[];
    expect(list[1].rules.map((x) => x.id)).toEqual(T2021.rules!.map((x) => x.id));
    expect(list[1].crossYearRules.map((x) => x.id)).toEqual(['X1', 'X2', 'X3']);
    expect(list[1].computed.map((x) => x.id)).toEqual(['row-totals', 'result-total', 'review-totals']);
    expect(list[1].cells).toBe(T2021.labels().length);
    const mine = JSON.parse(cli(['schema', '--template', MINE]).stdout);
    expect(mine.required).toEqual(['unit', 'month', 'rows']);
  });
});

/** A small template defined in code, as a user would, with hooks to make it fail on purpose. */
function tiny(opts: { throwIn?: 'rule' | 'build'; badModel?: boolean } = {}) {
  return defineTemplate({
    id: 'tiny',
    title: '小表',
    version: '1',
    schema: z.object({ name: z.string(), n: z.number().int().min(0) }).strict(),
    labels: () => [
      { path: 'name', label: '名称' },
      { path: 'n', label: '件数', kind: 'count' },
    ],
    rules: [
      {
        id: 'T1',
        severity: 'error',
        description: '件数不超过 100',
        check(d) {
          if (opts.throwIn === 'rule') throw new TypeError("Cannot read properties of undefined (reading 'x')");
          return d.n > 100 ? [{ path: 'n', message: `件数 ${d.n} 超过 100` }] : [];
        },
      },
    ],
    build(d) {
      if (opts.throwIn === 'build') throw new Error('boom');
      const blocks = [{ type: 'paragraph', text: `${d.name}：${d.n} 件` }];
      return { meta: { title: d.name }, blocks: opts.badModel ? [{ type: 'paragraf', text: 'x' }] : blocks } as never;
    },
    fileName: (d) => `${d.name}统计`,
  });
}

describe('renderTemplate(templateObject, data)', () => {
  test('renders a template defined in code; its rules stop it with their ids', async () => {
    const r = await renderTemplate(tiny(), { name: '示例', n: 7 }, { formats: ['pdf'] });
    expect(r.fileName).toBe('示例统计');
    expect((await pdfItems(r.pdf!)).items.map((i) => i.str).join('')).toContain('示例：7 件');
    await expect(renderTemplate(tiny(), { name: '示例', n: 700 }, { formats: ['pdf'] })).rejects.toMatchObject({ code: 'inconsistent', problems: [{ path: 'n', rule: 'T1', message: '[T1] 件数 700 超过 100' }] });
    // a shape error names the cell by its label
    await expect(renderTemplate(tiny(), { name: '示例', n: -1 }, { formats: ['pdf'] })).rejects.toMatchObject({ code: 'invalid-input', problems: [{ path: 'n', message: expect.stringMatching(/^件数：.*，填报为 -1$/) }] });
  });

  test('a template that throws, or builds a bad model, is a TemplateError naming the template and the place', async () => {
    for (const [o, path, text] of [
      [{ throwIn: 'rule' }, 'rule T1', 'Cannot read properties'],
      [{ throwIn: 'build' }, 'build', 'boom'],
      [{ badModel: true }, 'blocks[0].type', ''],
    ] as const) {
      let err: unknown;
      try {
        await renderTemplate(tiny(o), { name: '示例', n: 1 }, { formats: ['pdf'] });
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(TemplateError);
      expect(err).toMatchObject({ code: 'invalid-template', title: expect.stringContaining('“tiny”'), problems: [{ path, message: expect.stringContaining(text) }] });
    }
  });
});

describe('--template ./my-template.mjs on the command line', () => {
  const data = 'examples/my-template/data.yaml';

  test.each([
    ['ESM build', CLI],
    ['bundle (twice: the second run reads its code cache)', BUNDLE],
  ])('render with the %s', (_, bin) => {
    for (let i = 0; i < (bin === BUNDLE ? 2 : 1); i++) {
      const out = tmp();
      const r = cli(['render', data, '--template', MINE, '--out', out], bin);
      expect([r.status, r.stderr]).toEqual([0, '']);
      expect(readFileSync(join(out, 'data.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
      expect(existsSync(join(out, 'data.docx'))).toBe(true);
    }
  });

  test('the PDF holds the merged header, the vertical label and the computed 合计', async () => {
    const out = tmp();
    expect(cli(['render', data, '--template', MINE, '--format', 'pdf', '--out', out]).status).toBe(0);
    const { items } = await pdfItems(new Uint8Array(readFileSync(join(out, 'data.pdf'))));
    const text = items.map((i) => i.str);
    expect(text).toEqual(expect.arrayContaining(['公文处理', '对外服务', '收文', '走访']));
    const total = items.find((i) => i.str === '合计')!;
    const row = items.filter((i) => Math.abs(i.y - total.y) < 3 && /^\d+$/.test(i.str)).sort((a, b) => a.x - b.x);
    expect(row.map((i) => i.str)).toEqual(['95', '84', '11', '21', '28']);
    // 业务科室 stands upright: one character per line, same x, going down
    const chars = ['业', '务', '科', '室'].map((c) => items.find((i) => i.str === c)!);
    expect(new Set(chars.map((c) => Math.round(c.x))).size).toBe(1);
  });

  test('validate: rule findings cite their ids; exit 1 on an error, 0 with only warnings', () => {
    const dir = tmp();
    const bad = join(dir, 'bad.yaml');
    writeFileSync(bad, readFileSync('examples/my-template/data.yaml', 'utf8').replace('received: 42, done: 38, pending: 4', 'received: 43, done: 38, pending: 4').replace('received: 11, done: 10, pending: 1', 'received: 11, done: 4, pending: 7'));
    const r = cli(['validate', bad, '--template', MINE]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('error: rows[0].received: [M1] 综合科 收文应为 42（办结 38 + 在办 4），填报为 43');
    expect(r.stderr).toContain('warning: rows[3].pending: [M3] 安全科 在办 7 件，超过收文 11 件的一半');
    const good = cli(['validate', data, '--template', MINE]);
    expect([good.status, good.stdout.trim()]).toEqual([0, `${data}: 校验通过`]);
  });

  test('aggregate and a batch on the worker pool (the workers load the module too)', () => {
    const dir = tmp();
    const a = cli(['aggregate', data, data, '--template', MINE, '--agency', '示例市', '--out', join(dir, 'sum.json')]);
    expect(a.status).toBe(0);
    const sum = JSON.parse(readFileSync(join(dir, 'sum.json'), 'utf8'));
    expect(sum.rows[0]).toEqual({ dept: '综合科', received: 84, done: 76, pending: 8, meetings: 12, visits: 6 });
    writeFileSync(join(dir, 'b.yaml'), readFileSync(data));
    const b = cli(['render', data, join(dir, 'b.yaml'), '--template', MINE, '--format', 'pdf', '--jobs', '1', '--out', join(dir, 'out')]);
    expect([b.status, b.stderr.trim()]).toEqual([0, '完成 2 份，失败 0 份']);
    expect(existsSync(join(dir, 'out', 'data.pdf')) && existsSync(join(dir, 'out', 'b.pdf'))).toBe(true);
  });

  test('a broken template: exit 1 naming the file and the fault, never a stack; a missing file exit 2', () => {
    const dir = tmp();
    const write = (name: string, code: string) => {
      writeFileSync(join(dir, name), code);
      return join(dir, name);
    };
    const throws = write('throws.mjs', "throw new Error('配置缺失');\n");
    const empty = write('empty.mjs', 'export const x = 1;\n');
    const noBuild = write('nobuild.mjs', "export default { id: 'x', schema: { safeParse() {} } };\n");
    // a schema is anything with zod's safeParse; this one takes any data
    const badModel = write('bad.mjs', `export const template = { id: 'bad-model', schema: { safeParse: (x) => ({ success: true, data: x }) }, build: (d) => ({ meta: { title: d.unit }, blocks: [{ type: 'table', rows: 'x' }] }) };\n`);
    for (const [file, status, text] of [
      [throws, 1, '配置缺失'],
      [empty, 1, '没有导出模板'],
      [noBuild, 1, 'build(data)'],
      [badModel, 1, '模板“bad-model”生成的报告模型有误'],
      [join(dir, 'missing.mjs'), 2, '找不到模板文件'],
    ] as const) {
      const r = cli(['render', 'examples/my-template/data.yaml', '--template', file, '--out', dir]);
      expect([file, r.status]).toEqual([file, status]);
      expect(r.stderr).toContain(text);
      expect(r.stderr).not.toMatch(STACK);
    }
  });
});

describe('the HTTP service takes your templates', () => {
  test('createExportApp({ templates }): render, validate, list and schema over a socket', async () => {
    const app = createExportApp({ templates: [tiny()], concurrency: 1, log: false });
    const { base, close } = await listen(app.fetch);
    try {
      const json = { 'content-type': 'application/json' };
      const r = await fetch(`${base}/render/tiny.pdf`, { method: 'POST', headers: json, body: JSON.stringify({ name: '网上', n: 3 }) });
      expect(r.status).toBe(200);
      expect(savedName(r.headers.get('content-disposition'))).toBe('网上统计.pdf');
      expect((await pdfItems(new Uint8Array(await r.arrayBuffer()))).items.map((i) => i.str).join('')).toContain('网上：3 件');
      const v = await (await fetch(`${base}/validate/tiny`, { method: 'POST', headers: json, body: JSON.stringify({ name: '网上', n: 300 }) })).json();
      expect(v).toMatchObject({ template: 'tiny', valid: false, errors: [{ path: 'n', rule: 'T1', severity: 'error', reads: ['n'] }] });
      const list = await (await fetch(`${base}/templates`)).json();
      expect(list.map((t: { id: string }) => t.id)).toEqual(['gov-info-annual-report-2019', 'gov-info-annual-report-2021', 'cadre-appointment-form', 'tiny']);
      expect((await (await fetch(`${base}/templates/tiny/schema`)).json()).required).toEqual(['name', 'n']);
      expect(await (await fetch(`${base}/templates/tiny`)).json()).toMatchObject({
        id: 'tiny',
        labels: [{ path: 'name', label: '名称' }, { path: 'n', label: '件数', kind: 'count' }],
        rules: [{ id: 'T1', severity: 'error', description: '件数不超过 100' }],
      });
      const refused = await fetch(`${base}/render/tiny.pdf`, { method: 'POST', headers: json, body: JSON.stringify({ name: '网上', n: 300 }) });
      expect(refused.status).toBe(422);
    } finally {
      await close();
      await app.close();
    }
    // a template whose build throws: 500 with the template named, not an internal error
    const broken = createExportApp({ templates: [tiny({ throwIn: 'build' })], concurrency: 1, log: false });
    const s = await listen(broken.fetch);
    try {
      const r = await fetch(`${s.base}/render/tiny.pdf`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"name":"a","n":1}' });
      expect(r.status).toBe(500);
      expect(await r.json()).toMatchObject({ code: 'invalid-template', problems: [{ path: 'build', message: expect.stringContaining('boom') }] });
    } finally {
      await s.close();
      await broken.close();
    }
  });

  test('serve --template-module: the workers import the module and render it', async () => {
    const child = spawn('node', [CLI, 'serve', '--port', '0', '--concurrency', '1', '--no-page', '--template-module', MINE], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const url = await new Promise<string>((resolve, reject) => {
      child.stderr.on('data', (d) => {
        stderr += d;
        const m = /listening on (http:\/\/\S+)/.exec(stderr);
        if (m) resolve(m[1]);
      });
      child.on('exit', () => reject(new Error(stderr)));
    });
    try {
      const r = await fetch(`${url}/render/monthly-work-stats.pdf`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: readFileSync('examples/my-template/data.yaml') });
      expect(r.status).toBe(200);
      expect(savedName(r.headers.get('content-disposition'))).toBe('示例市数据局2026-11月度工作统计表.pdf');
      const text = (await pdfItems(new Uint8Array(await r.arrayBuffer()))).items.map((i) => i.str);
      expect(text).toEqual(expect.arrayContaining(['公文处理', '95']));
    } finally {
      child.kill('SIGTERM');
    }
    expect(await new Promise((r) => child.on('exit', (c) => r(c)))).toBe(0);
  });
});
