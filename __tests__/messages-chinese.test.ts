/**
 * Every message a user can trigger is Chinese (issue 8: "one language"), naming the field: the whole hostile
 * corpus (library in process; the CLI-only cases through the CLI) and a few cases the corpus does not hold.
 * The detector itself is tested first, so a rule that can never fail is caught.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CjkReportError, parseReport } from '../src/index.js';
import { layoutDocument } from '../src/layout/index.js';
import { formatValue } from '../src/layout/numbers.js';
import { bundledRegistry } from '../src/fonts/bundled.js';
import { FontRegistry } from '../src/fonts/registry.js';
import { validateFont } from '../src/fonts/validate.js';
import { parseInput, parseText, syntaxOfName } from '../src/input/parse.js';
import { parseArgs } from '../src/cli/args.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { CLI, loadCorpus, runCli, runLibrary } from './corpus/run.js';
import { caught } from './helpers/caught.js';
import { englishSentence, notChinese } from './helpers/chinese.js';

/** Each problem of the error (and its title) that breaks the rule, as "path: message — why". */
function offences(e: CjkReportError): string[] {
  const out: string[] = [];
  const t = notChinese(e.title);
  if (t) out.push(`(title) ${e.title} — ${t}`);
  for (const p of e.problems) {
    const why = notChinese(p.message);
    if (why) out.push(`${p.path}: ${p.message} — ${why}`);
  }
  return out;
}

describe('the detector', () => {
  test.each([
    "blocks[0].text: no font of this text's role has 𠀀 (U+20000); register a font that has them",
    '无法解析为 JSON：Unexpected token \'}\', ..."blocks": [}" is not valid JSON',
    '--font takes ROLE=file or ROLE-bold=file',
    'rowSpan 3 from row 1 goes past the table\'s 2 rows',
  ])('flags %s', (m) => expect(notChinese(m)).toBeDefined());

  test.each([
    '[R1] 表三 行政复议 总计应为 11（结果维持 3 + 结果纠正 2 + 其他结果 4 + 尚未审结 2），填报为 0',
    '表格行数为 20000，超过上限 5000（限制 maxTableRows“表格行数”，可用 --limit maxTableRows=… 调高）',
    '是 WOFF2 网页字体，不能嵌入 PDF/DOCX；请先转换为 TTF 或 OTF（如 woff2_decompress）',
    '不支持“text/plain”：请用 application/json 或 application/yaml',
    '字体 Noto Serif SC（粗体）无法解析：字体数据损坏或不完整',
    '出现未知的键(key): "the quick brown fox"',
    '无效输入：期望 string 或 array，实际接收 数字 5',
  ])('passes %s', (m) => expect(notChinese(m)).toBeUndefined());

  test('an identifier-free English run is found even between Chinese', () => {
    expect(englishSentence('第 1 行 is covered by no cell，请补上')).toBe('is covered by no cell');
  });
});

describe('the hostile corpus speaks Chinese', () => {
  const cases = loadCorpus();
  const library = cases.filter((c) => c.via.includes('library') && !c.slow && c.expect.code !== 'ok');
  const cliOnly = cases.filter((c) => !c.via.includes('library') && c.expect.code !== 'ok' && !c.mount);

  test('it holds cases for both routes', () => {
    expect(library.length).toBeGreaterThanOrEqual(30);
    expect(cliOnly.length).toBeGreaterThanOrEqual(5);
  });

  test.each(library.map((c) => [c.id, c] as const))('library: %s', async (_id, c) => {
    const r = await runLibrary(c);
    expect(r.error).toBeDefined();
    expect(offences(r.error!)).toEqual([]);
  });

  test.each(cliOnly.map((c) => [c.id, c] as const))(
    'cli: %s',
    async (_id, c) => {
      const dir = mkdtempSync(join(tmpdir(), 'cjk-zh-'));
      try {
        const o = await runCli(c, dir);
        if (o.skipped) return;
        expect(o.status).toBe(c.expect.exit);
        // the usage text after a usage error may stay bilingual: only the error lines above it count
        const lines = o.stderr.split('\n\n')[0].split('\n').filter((l) => l.trim());
        expect(lines.length).toBeGreaterThan(0);
        expect(lines.map((l) => [l, notChinese(l)]).filter(([, why]) => why)).toEqual([]);
      } finally {
        rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
        spawnSync('chmod', ['-R', 'u+w', dir]);
      }
    },
    120_000,
  );
});

describe('messages the corpus does not hold', () => {
  const lay = (blocks: unknown[], allowFontFallback = false) =>
    layoutDocument(parseReport({ meta: { title: 't' }, blocks }), { registry: bundledRegistry(), allowFontFallback });

  test('font coverage suggests fallback only while it is off, and names the character by code point', () => {
    const off = caught(() => lay([{ type: 'paragraph', text: '古文字𠀀' }]));
    expect(offences(off)).toEqual([]);
    expect(off.problems[0]).toMatchObject({ path: 'blocks[0].text', message: expect.stringContaining('𠀀（U+20000）') });
    expect(off.problems[0].message).toContain('--allow-font-fallback');
    const on = caught(() => lay([{ type: 'paragraph', text: '笑😀' }], true));
    expect(offences(on)).toEqual([]);
    expect(on.problems[0].message).toContain('U+1F600');
    expect(on.problems[0].message).not.toMatch(/回退|fallback/i);
  });

  test('grid spans, gaps, overlaps and header rows; tree tables of the wrong shape', () => {
    const grid = caught(() =>
      lay([
        { type: 'grid', id: 'a', widths: [10, 10], headerRows: 3, rows: [[{ text: 'A', rowSpan: 2 }, 'B'], ['C', 'D']] },
        { type: 'grid', id: 'b', widths: [10, 10, 10], rows: [['a', { text: 'b', rowSpan: 2 }, 'c'], [{ text: 'd', colSpan: 3 }]] },
        { type: 'grid', id: 'c', widths: [10, 10], rows: [['a', 'b'], ['c']] },
        { type: 'table', id: 'd', columns: [{ label: '甲' }, { label: '乙' }], rows: [[1]] },
        { type: 'table', id: 'e', columns: [{ label: '甲' }], rowHeader: { rows: [{ label: '一' }, { label: '二' }], widths: [10, 10] }, rows: [[1]] },
      ]),
    );
    expect(grid.problems.map((p) => p.path)).toEqual(expect.arrayContaining(['tables.a.headerRows', 'tables.a.rows[1][1]', 'tables.b.rows[1][0]', 'tables.c.rows[1]', 'tables.d.rows[0]', 'tables.e.rows', 'tables.e.rowHeader.widths']));
    expect(offences(grid)).toEqual([]);
  });

  test('a number that is not finite', () => {
    expect(() => formatValue(Infinity, { decimals: 2 })).toThrow(/不是有限的数/);
  });

  test.each([
    ['bad.json', '{"meta": {"title": "t"},\n "blocks": [}', '第 2 行第 13 列'],
    ['bad.json', '{"meta": {"title": "t"}', '缺少逗号或右括号'],
    ['bad.json', '', '意外结束'],
    ['bad.json', '{"a": 1,}', '第 1 行'],
    ['bad.yaml', 'meta: {title: t\nblocks: []', '第 '],
    ['bad.yaml', 'a: 1\na: 2', '键名重复'],
  ])('syntax error in %s %j says where', (name, text, where) => {
    const e = caught(() => parseInput(new TextEncoder().encode(text), syntaxOfName(name), name, DEFAULT_LIMITS));
    expect(e.code).toBe('unreadable-input');
    expect(e.problems[0].path).toBe(name);
    expect(e.problems[0].message).toContain(where);
    expect(offences(e)).toEqual([]);
    const http = caught(() => parseText(text, syntaxOfName(name), '(body)', DEFAULT_LIMITS));
    expect(offences(http)).toEqual([]);
  });

  test.each([[['--outt', 'x']], [['--out']], [['--allow-inconsistent=1']], [['-x']]])('parseArgs %j', (argv) => {
    const e = caught(() => parseArgs(argv, { out: { type: 'string' }, 'allow-inconsistent': { type: 'boolean' } }));
    expect(e.code).toBe('usage');
    expect(e.problems[0].message).toContain(argv[0].split('=')[0]);
    expect(offences(e)).toEqual([]);
  });

  test('fonts: an unregistered family, an empty registry, bytes that are not a font', () => {
    expect(offences(caught(() => new FontRegistry().assign('serif', ['仿宋_GB2312'])))).toEqual([]);
    expect(offences(caught(() => validateFont(new TextEncoder().encode('not a font at all, just text'), 'x.ttf', 1e6)))).toEqual([]);
    const empty = caught(() => layoutDocument(parseReport({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '字' }] }), { registry: new FontRegistry() }));
    expect(offences(empty)).toEqual([]);
  });

  test.each([
    [['frobnicate']],
    [['render']],
    [['render', 'examples/showcase.json', '--format', 'odt']],
    [['render', 'examples/showcase.json', '--limit', 'foo']],
    [['render', 'examples/showcase.json', '--limit', 'maxPages=0']],
    [['render', 'examples/showcase.json', '--font', 'nope']],
    [['render', 'examples/showcase.json', '--font', 'fangsong=/nonexistent.ttf']],
    [['render', 'examples/showcase.json', 'examples/showcase.json']],
    [['render', 'examples/showcase.json', '--template', 'nope']],
    [['validate', 'examples/showcase.json']],
    [['aggregate']],
    [['serve', '--port', 'abc']],
    [['render', 'no-such-file.json']],
  ])('CLI %j', (argv) => {
    const r = spawnSync(process.execPath, [CLI, ...argv], { encoding: 'utf8', timeout: 60_000 });
    expect(r.status).not.toBe(0);
    expect(r.status).not.toBe(3);
    const lines = r.stderr.split('\n\n')[0].split('\n').filter((l) => l.trim());
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.map((l) => [l, notChinese(l)]).filter(([, why]) => why)).toEqual([]);
  });
});
