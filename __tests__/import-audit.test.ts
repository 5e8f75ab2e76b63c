/**
 * audit over a folder of this project's renders, some with cells altered: the CSV lists exactly the rules the
 * altered cells break (as the template's own check of the altered data says), and nothing for the others;
 * --previous matches last year's report by agency for the cross-year rule; the exit status says errors.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checked, renderData } from './helpers/import.js';
import { readExample } from './helpers/render.js';

type Data = { tables: { applications: Record<string, number[]>; reviews: Record<string, number[]> } } & Record<string, unknown>;

const shihe = () => structuredClone(readExample('examples/shihe-2021/shihe-2021.yaml')) as Data;
const ALTERED: Record<string, (d: Data) => void> = {
  clean: () => {},
  // 表三 行政复议 总计 11 → 12: R1
  r1: (d) => (d.tables.reviews.review = [3, 2, 1, 5, 12]),
  // （一）予以公开 自然人 40 → 41 with its printed 总计 50 kept: A3 (row) and A2 (（七）总计 自然人 and 总计)
  a3: (d) => (d.tables.applications.granted = [41, 6, 1, 1, 2, 0, 50]),
  // 四、结转下年度 自然人 4 → 6 (and its 总计 5 → 7): A1 for 自然人 and 总计
  a1: (d) => (d.tables.applications.carriedForward = [6, 1, 0, 0, 0, 0, 7]),
};

const dir = mkdtempSync(join(tmpdir(), 'import-audit-'));
const reports = join(dir, 'reports');
const expected: Record<string, string[]> = {};
const CLI = join(process.cwd(), 'dist/cli/main.cjs');

beforeAll(async () => {
  mkdirSync(reports);
  for (const [name, alter] of Object.entries(ALTERED)) {
    const d = shihe();
    alter(d);
    await renderData(d, reports, name);
    expected[name] = checked(d).errors.sort();
  }
}, 120000);

function csvRows(csv: string): Record<string, string>[] {
  const [head, ...lines] = csv.trim().split('\n');
  const keys = head.split(',');
  // the message column is last and may hold commas (quoted); the columns compared here come before it
  return lines.map((l) => Object.fromEntries(l.split(',').slice(0, keys.length - 1).map((v, i) => [keys[i], v])));
}

test('the CSV lists exactly the rules broken by the altered cells, for the PDF and the DOCX of each', () => {
  const r = spawnSync(process.execPath, [CLI, 'audit', reports, '--format', 'csv'], { encoding: 'utf8' });
  expect(r.status).toBe(1); // some reports have error findings
  const rows = csvRows(r.stdout);
  expect(expected.r1).toEqual(['R1']);
  expect(expected.a1).toEqual(['A1', 'A1']);
  for (const name of Object.keys(ALTERED))
    for (const ext of ['docx', 'pdf']) {
      const mine = rows.filter((x) => x.file === join(reports, `${name}.${ext}`));
      expect(mine.length).toBeGreaterThan(0);
      expect(mine.every((x) => x.status === 'imported' && x.agency === '信阳市浉河区市场监督管理局' && x.year === '2021')).toBe(true);
      expect(mine.filter((x) => x.severity === 'error').map((x) => x.rule).sort()).toEqual(expected[name]);
      // the prose says 结转下年度继续办理5件: only the report whose 结转 was altered contradicts it
      expect(mine.filter((x) => x.severity === 'warning').map((x) => x.rule)).toEqual(name === 'a1' ? ['P3'] : []);
    }
  const a1 = rows.find((x) => x.rule === 'A1' && x.file.endsWith('a1.pdf') && x.column === '自然人')!;
  expect([a1.table, a1.printed, a1.expected]).toEqual(['表二', '91', '93']); // 一 86 + 二 5 against （七）87 + 四 6
  const r1 = rows.find((x) => x.rule === 'R1')!;
  expect([r1.table, r1.row, r1.column, r1.printed, r1.expected]).toEqual(['表三', '行政复议', '总计', '12', '11']);
});

test('--jobs 2 (two child processes) gives the same CSV as one process', () => {
  const one = spawnSync(process.execPath, [CLI, 'audit', reports, '--format', 'csv', '--jobs', '1'], { encoding: 'utf8' });
  const two = spawnSync(process.execPath, [CLI, 'audit', reports, '--format', 'csv', '--jobs', '2'], { encoding: 'utf8' });
  expect(two.status).toBe(one.status);
  expect(two.stdout).toBe(one.stdout);
  expect(csvRows(two.stdout).length).toBeGreaterThanOrEqual(8);
});

test('a folder of clean reports exits 0; --format json and the table name the same findings', () => {
  const clean = join(dir, 'clean');
  mkdirSync(clean);
  execFileSync('cp', [join(reports, 'clean.pdf'), join(reports, 'r1.docx'), clean]);
  const json = spawnSync(process.execPath, [CLI, 'audit', clean, '--format', 'json'], { encoding: 'utf8' });
  expect(json.status).toBe(1);
  const parsed = JSON.parse(json.stdout) as { file: string; findings: { rule: string }[] }[];
  expect(parsed.map((p) => p.findings.map((f) => f.rule))).toEqual([[], ['R1']]);
  const table = spawnSync(process.execPath, [CLI, 'audit', join(clean, 'clean.pdf')], { encoding: 'utf8' });
  expect(table.status).toBe(0);
  expect(table.stdout).toMatch(/信阳市浉河区市场监督管理局\s+2021\s+2021年格式\s+已读取\s+错误 0/);
});

test('--previous: last year\'s report of the same agency gives the cross-year rule (上年结转 = 去年结转下年度)', async () => {
  const prev = join(dir, 'prev');
  mkdirSync(prev);
  const last = structuredClone(readExample('examples/shihe-2021/previous-2020.yaml')) as Data;
  last.tables.applications.carriedForward = [9, 1, 0, 0, 0, 0]; // this year's 上年结转 says 5, 1, …
  await renderData(last, prev, 'last');
  const r = spawnSync(process.execPath, [CLI, 'audit', join(reports, 'clean.pdf'), '--previous', prev, '--format', 'csv'], { encoding: 'utf8' });
  const rows = csvRows(r.stdout);
  expect(rows.map((x) => [x.severity, x.rule, x.column])).toEqual([
    ['warning', 'X2', '自然人'],
    ['warning', 'X2', '总计'],
  ]);
  expect(r.status).toBe(0); // cross-year findings are warnings
});
