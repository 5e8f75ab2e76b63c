/** `cjk-report render <many files> --template … --jobs N`: the batch on the worker pool. */
import { CLI } from './helpers/dist.js';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import { tmp } from './helpers/tools.js';

const SEED = 'examples/fangzheng-2020/fangzheng-2020.yaml';
const TEMPLATE = 'gov-info-annual-report-2019';

function seedFiles(dir: string, n: number): string[] {
  mkdirSync(dir, { recursive: true });
  return Array.from({ length: n }, (_, i) => {
    const f = join(dir, `agency-${String(i + 1).padStart(3, '0')}.yaml`);
    copyFileSync(SEED, f);
    return f;
  });
}

/** Every output is whole: a PDF ends with %%EOF, a DOCX unzips with its document part. */
function assertComplete(dir: string): string[] {
  const names = readdirSync(dir);
  for (const n of names) {
    const b = readFileSync(join(dir, n));
    if (n.endsWith('.pdf')) expect(b.subarray(-8).toString('latin1')).toMatch(/%%EOF\s*$/);
    else if (n.endsWith('.docx')) expect(Object.keys(unzipSync(b))).toContain('word/document.xml');
    else throw new Error(`unexpected file in the output: ${n}`);
  }
  return names;
}

test('200 files with 3 bad ones: 197 reports, 3 reasons, exit 1', () => {
  const dir = tmp();
  const files = seedFiles(join(dir, 'data'), 197);
  const seed = readFileSync(SEED, 'utf8');
  writeFileSync(join(dir, 'data', 'bad-syntax.yaml'), 'agency: [\n');
  writeFileSync(join(dir, 'data', 'bad-year.yaml'), seed.replace(/^year: .*$/m, 'year: 二〇二〇'));
  writeFileSync(join(dir, 'data', 'bad-font.yaml'), seed.replace(/^agency: .*$/m, 'agency: 方正县𠀀局'));
  const out = join(dir, 'out');
  const all = [...files, ...['bad-syntax', 'bad-year', 'bad-font'].map((b) => join(dir, 'data', `${b}.yaml`))];
  const r = spawnSync('node', [CLI, 'render', ...all, '--template', TEMPLATE, '--format', 'pdf', '--out', out, '--jobs', '2'], { encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '1610668800' } });
  expect(r.status).toBe(1);
  const written = assertComplete(out);
  expect(written.filter((n) => n.endsWith('.pdf'))).toHaveLength(197);
  expect(r.stdout.trim().split('\n')).toHaveLength(197); // one line per report when not on a terminal
  expect(r.stderr).toContain('完成 197 份，失败 3 份');
  const summary = r.stderr.slice(r.stderr.indexOf('完成 197 份'));
  expect(summary).toContain('bad-syntax.yaml: 无法读取输入');
  expect(summary).toContain('bad-year.yaml: 数据文件的格式不正确：year: 无效输入：期望 数字');
  expect(summary).toContain('bad-font.yaml: 字体缺少所需字符');
  expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
}, 900_000);

test.each(['SIGINT', 'SIGTERM'] as const)('%s mid-way: stops, exit 130, only complete files, no temporary left', async (signal) => {
  const dir = tmp();
  const files = seedFiles(join(dir, 'data'), 40);
  const out = join(dir, 'out');
  const child = spawn('node', [CLI, 'render', ...files, '--template', TEMPLATE, '--format', 'pdf,docx', '--out', out, '--jobs', '2'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  await new Promise<void>((resolve) =>
    child.stdout.on('data', (d) => {
      stdout += d;
      // after the second report, in the middle of others' writes
      if (stdout.split('\n').length > 2) resolve();
    }),
  );
  child.kill(signal);
  const code = await new Promise<number | null>((r) => child.on('exit', (c) => r(c)));
  expect(code).toBe(130);
  expect(stderr).toMatch(/已中断/);
  const written = assertComplete(out);
  expect(written.length).toBeGreaterThanOrEqual(4);
  expect(written.length).toBeLessThan(80);
  // pdf and docx of a file are written together or not at all
  expect(written.filter((n) => n.endsWith('.pdf')).length).toBe(written.filter((n) => n.endsWith('.docx')).length);
}, 300_000);
