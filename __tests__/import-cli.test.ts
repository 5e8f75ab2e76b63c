/**
 * The commands as a user runs them (dist/cli/main.cjs, so `npm run build` first): import writes a YAML that
 * validate accepts, with doubtful cells commented by page and position; refusals exit 1 with a Chinese
 * message and write nothing; diff names the changed cell and the key figure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checked, renderData } from './helpers/import.js';
import { readExample } from './helpers/render.js';
import { synthPdf } from './helpers/synth-pdf.js';

const CLI = join(process.cwd(), 'dist/cli/main.cjs');
const REAL = '__tests__/fixtures/real-reports/hongze-district-2024.pdf';
const dir = mkdtempSync(join(tmpdir(), 'import-cli-'));
const run = (...args: string[]) => spawnSync(process.execPath, [CLI, ...args], { encoding: 'utf8' });

test('import --out writes the data file; validate accepts it with the template the header names', () => {
  const out = join(dir, 'hongze.yaml');
  const r = run('import', REAL, '--out', out);
  expect(r.status).toBe(0);
  const yaml = readFileSync(out, 'utf8');
  expect(yaml).toMatch(/^# 由 cjk-report import 从 hongze-district-2024\.pdf 读出：2021 年格式（（六）其他处理印为一行）/);
  expect(yaml).toMatch(/otherOneRow: \[ 0, 0, 0, 0, 0, 0, 0 \]/);
  const v = run('validate', out, '--template', 'gov-info-annual-report-2021');
  expect(v.stderr).toBe('');
  expect(v.status).toBe(0);
});

test('a doubtful cell is commented above its row with what was printed, the page and the position', async () => {
  const data = checked(readExample('examples/shihe-2021/shihe-2021.yaml')).data;
  const pdf = join(dir, 'annotated.pdf');
  writeFileSync(pdf, await synthPdf(data, '2021', { cellText: { 'granted[0]': '40（其中2件撤回）' } }));
  const r = run('import', pdf);
  expect(r.status).toBe(0);
  expect(r.stdout).toMatch(/# 待核对：第1个数：印为“40（其中2件撤回）”，取其中的 40（第\d页 x=[\d.]+ y=[\d.]+）\n\s+granted: \[ 40, 6, 1, 1, 2, 0, 50 \]/);
  expect(r.stdout).toMatch(/^# 待核对 1 处/m);
});

test.each([
  ['a scan', { scanned: true }, /没有文字层/],
  ['not a report', { notReport: true }, /不是政府信息公开工作年度报告/],
])('import refuses %s: exit 1, a Chinese message, no file written', async (_, o, msg) => {
  const pdf = join(dir, 'bad.pdf');
  writeFileSync(pdf, await synthPdf(checked(readExample('examples/shihe-2021/shihe-2021.yaml')).data, '2021', o));
  const out = join(dir, 'bad.yaml');
  const r = run('import', pdf, '--out', out);
  expect(r.status).toBe(1);
  expect(r.stderr).toMatch(msg);
  expect(r.stderr).not.toMatch(/at .*\.js:\d+/); // no stack trace
  expect(existsSync(out)).toBe(false);
});

test('usage errors exit 2', () => {
  expect(run('import').status).toBe(2);
  expect(run('diff', REAL).status).toBe(2);
  expect(run('audit', REAL, '--format', 'xml').status).toBe(2);
});

test('diff names the changed cell and the key figure year over year', async () => {
  const a = readExample('examples/shihe-2021/shihe-2021.yaml') as { tables: { reviews: Record<string, number[]> } };
  await renderData(a, dir, 'before');
  a.tables.reviews.review = [3, 2, 1, 6];
  await renderData(a, dir, 'after');
  const r = run('diff', join(dir, 'before.pdf'), join(dir, 'after.docx'), '--format', 'json');
  expect(r.status).toBe(0);
  const d = JSON.parse(r.stdout) as { changes: { label: string; before: string; after: string }[]; keys: { label: string; before: number; after: number; change: number }[] };
  expect(d.changes.map((c) => [c.label, c.before, c.after])).toEqual([
    ['表三 行政复议 尚未审结', '5', '6'],
    ['表三 行政复议 总计', '11', '12'],
  ]);
  expect(d.keys.find((k) => k.label === '行政复议')).toEqual({ label: '行政复议', before: 11, after: 12, change: 1 });
  const table = run('diff', join(dir, 'before.pdf'), join(dir, 'after.docx'));
  expect(table.stdout).toMatch(/表三 行政复议 总计：11 → 12/);
});
