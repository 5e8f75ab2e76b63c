/** The one input reader (src/input): every path — file, stdin, batch, HTTP body — guarded the same way. */
import { CLI } from './helpers/dist.js';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { numberSource } from '../src/input/number-source.js';
import { parseText } from '../src/input/parse.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { checkTemplateData } from '../src/core.js';
import { caught } from './helpers/caught.js';
import { tmp } from './helpers/tools.js';

const SEED = 'examples/fangzheng-2020/fangzheng-2020.yaml';
const TEMPLATE = 'gov-info-annual-report-2019';

describe('defect 18: JSON duplicate keys are refused like YAML duplicates', () => {
  test('a duplicate key names the path, the key and the line', () => {
    const e = caught(() => parseText('{"meta": {"title": "t"},\n "blocks": [{"type": "paragraph", "text": "一", "text": "二"}]}', 'json', 'a.json', DEFAULT_LIMITS));
    expect(e.code).toBe('unreadable-input');
    expect(e.problems[0].path).toBe('a.json');
    expect(e.problems[0].message).toContain('blocks[0].text');
    expect(e.problems[0].message).toContain('第 2 行');
  });
  test('the same key in different objects, and keys inside strings, are fine', () => {
    expect(parseText('[{"a": 1, "b": "\\"a\\": 2"}, {"a": 2}]', 'json', 'x', DEFAULT_LIMITS)).toEqual([{ a: 1, b: '"a": 2' }, { a: 2 }]);
  });
  test('YAML duplicates are refused too', () => {
    expect(caught(() => parseText('a: 1\na: 2\n', 'yaml', 'a.yaml', DEFAULT_LIMITS)).code).toBe('unreadable-input');
  });
});

describe('defect 19: a huge integer is quoted back as written, not rounded', () => {
  test.each([
    ['json', '{"n": [1, 123456789012345678901]}'],
    ['yaml', 'n: [1, 123456789012345678901]\n'],
  ] as const)('%s keeps the source text', (syntax, text) => {
    const d = parseText(text, syntax, 'x', DEFAULT_LIMITS) as { n: number[] };
    expect(numberSource(d.n, 1)).toBe('123456789012345678901');
    expect(numberSource(d.n, 0)).toBeUndefined();
  });
  test('a template message quotes the digits the user wrote', () => {
    const yaml = readFileSync(SEED, 'utf8').replace('licensing: [0, 0, 0]', 'licensing: [123456789012345678901, 0, 0]');
    expect(yaml).toContain('123456789012345678901');
    const e = caught(() => checkTemplateData(TEMPLATE, parseText(yaml, 'yaml', 'x.yaml', DEFAULT_LIMITS)));
    const msg = e.problems.map((p) => p.message).join('\n');
    expect(msg).toContain('填报为 123456789012345678901');
    expect(msg).not.toContain('123456789012345680000');
  });
});

describe('defect 3: a batch reads its files through the same guards as one file', () => {
  const dir = tmp();
  const data = join(dir, 'data');
  mkdirSync(data);
  copyFileSync(SEED, join(data, 'good.yaml'));
  // GBK for "方正县": alone it is "不是 UTF-8"; in a batch it used to become U+FFFD and font-coverage errors
  writeFileSync(join(data, 'gbk.yaml'), Buffer.concat([Buffer.from('agency: '), Buffer.from([0xb7, 0xbd, 0xd5, 0xfd, 0xcf, 0xd8]), Buffer.from('\n')]));
  writeFileSync(join(data, 'big.yaml'), readFileSync(SEED, 'utf8') + `# ${'x'.repeat(300_000)}\n`);
  writeFileSync(join(data, 'dup.json'), '{"agency": "甲", "agency": "乙"}');
  const r = spawnSync(process.execPath, [CLI, 'render', ...['good', 'gbk', 'big'].map((n) => join(data, `${n}.yaml`)), join(data, 'dup.json'), '--template', TEMPLATE, '--format', 'pdf', '--out', join(dir, 'out'), '--jobs', '1', '--limit', 'maxInputBytes=200000'], { encoding: 'utf8' });
  const line = (name: string) => r.stderr.split('\n').find((l) => l.includes(`失败 ${join(data, name)}`)) ?? '';
  test('exit 1, the good file rendered', () => {
    expect(r.status).toBe(1);
    expect(readFileSync(join(dir, 'out', 'good.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  });
  test('GBK is refused by name, not as missing glyphs', () => {
    expect(line('gbk.yaml')).toContain('不是 UTF-8');
    expect(line('gbk.yaml')).not.toContain('FFFD');
  });
  test('the size limit applies before reading', () => expect(line('big.yaml')).toContain('maxInputBytes'));
  test('JSON duplicate keys are refused', () => expect(line('dup.json')).toContain('重复'));
});

test('YAML merge keys merge (they used to become a key named "<<")', () => {
  const d = parseText('base: &b {title: 甲, author: 乙}\nmeta:\n  <<: *b\n  title: 丙\n', 'yaml', 'm.yaml', DEFAULT_LIMITS) as { meta: object };
  expect(d.meta).toEqual({ title: '丙', author: '乙' });
});
