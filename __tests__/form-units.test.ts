/**
 * The generated 填报 form's parts that run without a browser: opening a data file (defects 8, 11: every bad
 * file gets its own message), and data paths.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { readDataFile } from '../web/form/file.js';
import { getAt, omitAt, parsePath, pathString, setAt } from '../web/form/paths.js';

const enc = (s: string) => new TextEncoder().encode(s);
const docx = zipSync({ '[Content_Types].xml': enc('<Types/>'), 'word/document.xml': enc('<w:document/>') });
const fail = (bytes: Uint8Array, name: string) => {
  const r = readDataFile(bytes, name);
  if (r.ok) throw new Error(`${name} opened`);
  return r.message;
};

describe('opening a data file', () => {
  test('a good YAML or JSON file gives its object', () => {
    const text = readFileSync(join(process.cwd(), 'examples/shihe-2021/shihe-2021.yaml'));
    const r = readDataFile(new Uint8Array(text), 'shihe-2021.yaml');
    expect(r.ok && (r.data as { agency: string }).agency).toBe('信阳市浉河区市场监督管理局');
    const j = readDataFile(enc('\uFEFF{"agency":"甲","year":2021}'), 'a.json');
    expect(j.ok && j.data.year).toBe(2021);
  });

  test.each([
    [docx, 'report.docx', /无法打开 report\.docx：这是Word 文档（\.docx）/],
    [docx, 'report.yaml', /无法打开 report\.yaml：这是Word 文档（\.docx）/],
    [enc('agency: 甲\nyear: [2021\n'), 'bad.yaml', /YAML 语法错误（第 \d+ 行第 \d+ 列）：缩进、括号或引号不正确/],
    [enc('这是一段文字，不是数据'), 'note.txt', /顶层应是“字段: 值”.*这里是一段文字/],
    [enc('- 1\n- 2\n'), 'list.yaml', /这里是一个列表/],
    [enc('{"a": 1,}'), 'bad.json', /JSON 语法错误/],
    [enc('a: 1\na: 2\n'), 'dup.yaml', /YAML 语法错误（第 2 行第 1 列）：同一层中有重复的字段名：「a: 2」/],
    [new Uint8Array([0xc4, 0xe3, 0xba, 0xc3, 0x0a]), 'gbk.yaml', /不是 UTF-8 编码/],
    [enc('   \n'), 'empty.yaml', /文件是空的/],
    [enc('%PDF-1.7\n'), 'a.pdf', /这是PDF 文件/],
  ].map(([bytes, name, re]) => ({ bytes: bytes as Uint8Array, name: name as string, re: re as RegExp })))('$name is refused with a message saying why ($re)', ({ bytes, name, re }) => {
    expect(fail(bytes, name)).toMatch(re);
  });

  test("a template's own format is read by the template (and its error is the message)", () => {
    const lrmx = { extension: '.lrmx', description: '任免表', read: (b: Uint8Array) => ({ n: b.byteLength }) };
    const r = readDataFile(enc('<Person/>'), 'x.lrmx', [lrmx]);
    expect(r.ok && r.data).toEqual({ n: 9 });
    const bad = { ...lrmx, read: () => { throw Object.assign(new Error('x'), { problems: [{ message: '不是 .lrmx 文件' }] }); } };
    expect(fail(enc('<x/>'), 'y.lrmx')).toMatch(/顶层/); // without the format: plain text
    const r2 = readDataFile(enc('<x/>'), 'y.lrmx', [bad]);
    expect(!r2.ok && r2.message).toBe('无法打开 y.lrmx：不是 .lrmx 文件');
  });
});

describe('data paths', () => {
  test('parse, print, get, set and omit', () => {
    expect(parsePath('tables.applications.denied.inquiry[1]')).toEqual(['tables', 'applications', 'denied', 'inquiry', 1]);
    expect(pathString(['family', 2, 'name'])).toBe('family[2].name');
    const d: Record<string, any> = {};
    setAt(d, 'family[1].name', '甲');
    expect(d).toEqual({ family: [undefined, { name: '甲' }] });
    expect(getAt(d, 'family[1].name')).toBe('甲');
    const row = { r: [1, 2, 3], t: [4] };
    expect(omitAt(row, 'r[1]')).toBe(false); // not the last: leaving it out would move r[2]
    expect(omitAt(row, 'r[2]')).toBe(true);
    expect(omitAt(row, 't')).toBe(true);
    expect(row).toEqual({ r: [1, 2] });
    const total = { a: { total: [1, 2] } };
    expect(omitAt(total, 'a.total[1]') && omitAt(total, 'a.total[0]')).toBe(true);
    expect(total).toEqual({ a: {} }); // every element computed: the array is left out
  });
});
