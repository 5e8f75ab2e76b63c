import { CLI } from './helpers/dist.js';
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmp } from './helpers/tools.js';

const run = (args: string[], input?: string) => spawnSync('node', [CLI, ...args], { encoding: 'utf8', input, env: { ...process.env, SOURCE_DATE_EPOCH: '1610668800' } });

describe('cjk-report CLI', () => {
  test('render writes both formats and prints their paths', () => {
    const out = tmp();
    const r = run(['render', 'examples/showcase.json', '--format', 'pdf,docx', '--out', out]);
    expect(r.status).toBe(0);
    expect(r.stdout.trim().split('\n')).toEqual([join(out, 'showcase.pdf'), join(out, 'showcase.docx')]);
    expect(readFileSync(join(out, 'showcase.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
    expect(readFileSync(join(out, 'showcase.docx')).subarray(0, 2).toString()).toBe('PK');
  });

  test('invalid input: exit 1, every problem with its path, no stack trace, no file written', () => {
    const out = tmp();
    const bad = JSON.stringify({ meta: { title: 't' }, blocks: [{ type: 'table', id: 'applications', columns: [{ label: 'a' }], rows: [[1], [1, 2]] }, { type: 'paragraph', text: '𠀀' }] });
    const r = run(['render', '-', '--out', out], bad);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('tables.applications.rows[1]: 应有 1 个值（每个末级列一个），实有 2 个');
    expect(r.stderr).toContain('blocks[1].text: 此文字所用角色的字体没有 𠀀（U+20000）');
    expect(r.stderr).not.toMatch(/\bat .*\.js:\d+/);
    expect(readdirSync(out)).toEqual([]);
  });

  test('YAML input and unreadable files', () => {
    const r = run(['render', '-', '--format', 'pdf', '--out', tmp()], 'meta: {title: t}\nblocks:\n  - {type: paragraph, text: 你好}\n');
    expect(r.status).toBe(0);
    const missing = run(['render', 'no-such-file.json']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('no-such-file.json: 无法读取（ENOENT）');
  });

  test('usage errors exit 2', () => {
    expect(run([]).status).toBe(2);
    expect(run(['frobnicate']).status).toBe(2);
    expect(run(['render', 'examples/showcase.json', '--format', 'odt']).status).toBe(2);
    expect(run(['render', 'examples/showcase.json', '--template', 'nope']).status).toBe(2);
  });

  test('an unknown flag is a usage error naming the flag, and nothing is written', () => {
    const out = tmp();
    const r = run(['render', 'examples/showcase.json', '--outt', out]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('未知的选项 --outt');
    expect(r.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(readdirSync(out)).toEqual([]);
  });

  test('schema prints the JSON Schema of the model', () => {
    const r = run(['schema']);
    expect(r.status).toBe(0);
    const schema = JSON.parse(r.stdout);
    expect(schema.properties.blocks.type).toBe('array');
  });

  test('a registered font file takes over its role', () => {
    const out = tmp();
    const model = JSON.stringify({ meta: { title: 't' }, blocks: [{ type: 'paragraph', font: 'fangsong', text: '仿宋段落' }] });
    const r = run(['render', '-', '--format', 'docx', '--out', out, '--font', 'fangsong=fonts/LXGWWenKai-Regular.ttf'], model);
    expect(r.status).toBe(0);
    expect(existsSync(join(out, 'report.docx'))).toBe(true);
  });
});
