/** cli/io.ts writeAll: all or none (defect 9), never over a device or FIFO (10); `aggregate --out -` (19). */
import { CLI } from './helpers/dist.js';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, lstatSync, readFileSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeAll } from '../src/cli/io.js';
import { rejection } from './helpers/caught.js';
import { tmp } from './helpers/tools.js';

const SEED = 'examples/fangzheng-2020/fangzheng-2020.yaml';
const bytes = (s: string) => new TextEncoder().encode(s);

test('defect 9: when the second rename fails, the first file is put back', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'r.pdf'), 'old pdf');
  let calls = 0;
  const failSecond = (from: string, to: string) => {
    if (++calls === 2) throw Object.assign(new Error('no room'), { code: 'ENOSPC' });
    renameSync(from, to);
  };
  const e = await rejection(writeAll(dir, [{ name: 'r.pdf', data: bytes('new pdf') }, { name: 'r.docx', data: bytes('new docx') }], failSecond));
  expect(e.code).toBe('unwritable-output');
  expect(e.problems[0].path).toBe(join(dir, 'r.docx'));
  expect(readdirSync(dir)).toEqual(['r.pdf']); // no temporary, no set-aside copy, no half pair
  expect(readFileSync(join(dir, 'r.pdf'), 'utf8')).toBe('old pdf');
});

test('defect 9: a new pair that fails half-way leaves nothing', async () => {
  const dir = tmp();
  let calls = 0;
  const failSecond = (from: string, to: string) => {
    if (++calls === 2) throw Object.assign(new Error('denied'), { code: 'EACCES' });
    renameSync(from, to);
  };
  await rejection(writeAll(dir, [{ name: 'a.pdf', data: bytes('a') }, { name: 'a.docx', data: bytes('b') }], failSecond));
  expect(readdirSync(dir)).toEqual([]);
});

test('an existing regular file is replaced, and nothing else is left', async () => {
  const dir = tmp();
  writeFileSync(join(dir, 'a.pdf'), 'old');
  await writeAll(dir, [{ name: 'a.pdf', data: bytes('new') }]);
  expect(readFileSync(join(dir, 'a.pdf'), 'utf8')).toBe('new');
  expect(readdirSync(dir)).toEqual(['a.pdf']);
});

describe('defect 10: a FIFO or a device is never replaced', () => {
  test('render --out dir with a FIFO where the PDF goes', async () => {
    const dir = tmp();
    execFileSync('mkfifo', [join(dir, 'r.pdf')]);
    const e = await rejection(writeAll(dir, [{ name: 'r.pdf', data: bytes('x') }]));
    expect(e.code).toBe('unwritable-output');
    expect(e.problems[0].message).toContain('命名管道');
    expect(lstatSync(join(dir, 'r.pdf')).isFIFO()).toBe(true);
    expect(readdirSync(dir)).toEqual(['r.pdf']);
  });
  test('a symbolic link to a device', async () => {
    const dir = tmp();
    execFileSync('ln', ['-s', '/dev/null', join(dir, 'r.pdf')]);
    expect((await rejection(writeAll(dir, [{ name: 'r.pdf', data: bytes('x') }]))).code).toBe('unwritable-output');
    expect(lstatSync(join(dir, 'r.pdf')).isSymbolicLink()).toBe(true);
  });
  test('aggregate --out <FIFO>: exit 1, a Chinese reason, the FIFO intact', () => {
    const dir = tmp();
    const fifo = join(dir, 'sum.json');
    execFileSync('mkfifo', [fifo]);
    const r = spawnSync(process.execPath, [CLI, 'aggregate', SEED, '--template', 'gov-info-annual-report-2019', '--out', fifo], { encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('命名管道');
    expect(lstatSync(fifo).isFIFO()).toBe(true);
  });
});

test('defect 19: aggregate --out - writes the JSON to standard output, no file named -', () => {
  const dir = tmp();
  const r = spawnSync(process.execPath, [CLI, 'aggregate', join(process.cwd(), SEED), '--template', 'gov-info-annual-report-2019', '--out', '-'], { encoding: 'utf8', cwd: dir });
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toMatchObject({ year: 2020, agency: expect.stringContaining('方正县') });
  expect(existsSync(join(dir, '-'))).toBe(false);
});
