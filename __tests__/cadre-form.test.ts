/**
 * The 干部任免审批表 (templates/cadre-appointment-form) against its specification: the DOCX grid (w:gridCol
 * twips, gridSpan, vMerge, exact w:trHeight, stacked labels, borders, the photo), the PDF positions (both
 * pages on A4, every text inside the cell it belongs to, the title spread over 87 mm), the .lrmx reader,
 * the age convention, shrinking and the too-long error, the 简历 rules, and the CLI reading an .lrmx file.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { CjkReportError, renderTemplate } from '../src/index.js';
import type { LaidCell, LaidTable } from '../src/layout/types.js';
import { getTemplate } from '../templates/index.js';
import { MARGINS_MM, PAGE1_COLS, PAGE1_ROWS, PAGE2_COLS, PAGE2_ROWS, RESUME_HANG } from '../templates/cadre-appointment-form/build.js';
import { ageAt, parseYM } from '../templates/cadre-appointment-form/dates.js';
import { readLrmx } from '../templates/cadre-appointment-form/lrmx.js';
import { docxTables, docxXml } from './helpers/docx.js';
import { pdfItems, type TextItem } from './helpers/pdf.js';
import { FIXED_DATE, ROOT, readExample } from './helpers/render.js';
import { describeWithTools, tmp } from './helpers/tools.js';

const ID = 'cadre-appointment-form';
const LRMX = 'examples/cadre/lin-zhiyuan.lrmx';
const YAML = 'examples/cadre/lin-zhiyuan.yaml';
const T = getTemplate(ID)!;
const PT_PER_MM = 72 / 25.4;
const twip = (pt: number) => Math.round(pt * 20);

const person = () => readLrmx(readFileSync(join(ROOT, LRMX)));
let rendered: ReturnType<typeof renderTemplate> | undefined;
const example = () => (rendered ??= renderTemplate(ID, person(), { creationDate: FIXED_DATE }));

describe('.lrmx reader', () => {
  test('reads every field of the example as the YAML has it, the 简历 with its CR LF, the family without empty <Item>s, the photo', () => {
    const fromLrmx = person();
    const fromYaml = readExample(YAML) as Record<string, unknown>;
    const { ZhaoPian, JianLi, ...rest } = fromLrmx as Record<string, string>;
    expect(JianLi).toContain('\r\n');
    expect(JianLi.replace(/\r\n/g, '\n')).toBe(fromYaml.JianLi);
    const { JianLi: _j, ...yamlRest } = fromYaml;
    expect(rest).toEqual(yamlRest);
    expect((fromLrmx.JiaTingChengYuan as unknown[]).length).toBe(4); // seven <Item>s written, three empty
    expect(Buffer.from(ZhaoPian, 'base64').subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff])); // a JPEG
  });

  test('a file that is not a 任免表 or not UTF-8 is a typed error, not a crash', () => {
    const notPerson = () => readLrmx(new TextEncoder().encode('<?xml version="1.0"?><Report><A>1</A></Report>'));
    expect(notPerson).toThrow(CjkReportError);
    expect(notPerson).toThrow(/根元素应为 <Person>/);
    expect(() => readLrmx(new Uint8Array([0x3c, 0x50, 0xc4, 0xe3, 0xba]))).toThrow(/UTF-8/);
  });
});

describe('age convention: whole years at month precision against JiSuanNianLingShiJian', () => {
  test('born 1975.03: 49 from 2024.03 on (any day), 48 in 2024.02', () => {
    expect(ageAt(parseYM('197503'), parseYM('20240301'))).toBe(49);
    expect(ageAt(parseYM('197503'), parseYM('20240229'))).toBe(48);
  });

  test('the form prints 1975.03 over （49岁）, family ages the same way and blank for 已故', async () => {
    const { docx } = await example();
    const [p1, p2] = docxTables(docxXml(docx!));
    expect(p1.find((c) => c.row === 0 && c.col === 6)!.text).toBe('1975.03（49岁）');
    const ages = p2.filter((c) => c.col === 3 && c.row >= 4 && c.row <= 7).map((c) => c.text);
    expect(ages).toEqual(['47', '20', '75', '']); // 1976.08, 2003.10, 1948.05 at 2024.03; the mother 已故
  });

  test('without JiSuanNianLingShiJian the fill date counts', () => {
    const d = T.check({ ...person(), JiSuanNianLingShiJian: '', TianBiaoShiJian: '20250401' }).data as Record<string, unknown>;
    const grid = T.build(d).blocks[1] as { rows: { text?: string }[][] };
    expect(grid.rows[0][5].text).toBe('1975.03\n（50岁）');
  });
});

describe('DOCX grid against the specification', () => {
  test('columns (w:gridCol, twips), exact row heights (w:trHeight hRule=exact), A4 and the margins of the form', async () => {
    const xml = docxXml((await example()).docx!);
    const grids = [...xml.matchAll(/<w:tblGrid>(.*?)<\/w:tblGrid>/g)].map((m) => [...m[1].matchAll(/w:w="(\d+)"/g)].map((x) => Number(x[1])));
    expect(grids).toEqual([PAGE1_COLS, PAGE2_COLS]);
    const tables = xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g)!;
    const heights = tables.map((t) => [...t.matchAll(/<w:trHeight w:val="(\d+)" w:hRule="(\w+)"\/>/g)].map((m) => `${m[1]} ${m[2]}`));
    expect(heights).toEqual([PAGE1_ROWS.map((h) => `${h} exact`), PAGE2_ROWS.map((h) => `${h} exact`)]);
    const mar = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(xml)!.slice(1).map(Number);
    expect(mar).toEqual([MARGINS_MM.top, MARGINS_MM.right, MARGINS_MM.bottom, MARGINS_MM.left].map((v) => twip(v * PT_PER_MM)));
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838" w:orient="portrait"/>');
    // outer border 1.5 pt (sz 12), inner 1 pt (sz 8); the tables centred
    for (const t of tables) {
      expect(t).toMatch(/<w:top w:val="single" w:sz="12"[^>]*\/><w:left w:val="single" w:sz="12"[^>]*\/><w:bottom w:val="single" w:sz="12"[^>]*\/><w:right w:val="single" w:sz="12"[^>]*\/><w:insideH w:val="single" w:sz="8"[^>]*\/><w:insideV w:val="single" w:sz="8"/);
      expect(t).toContain('<w:jc w:val="center"/>');
    }
    // a section break between the two pages, the same page setup on both sides of it
    const between = xml.slice(xml.indexOf('</w:tbl>'), xml.lastIndexOf('<w:tbl>'));
    expect(between).toMatch(/<w:p><w:pPr><w:spacing [^>]*\/><w:sectPr>.*<\/w:sectPr><\/w:pPr><\/w:p>$/);
    const last = xml.slice(xml.lastIndexOf('<w:sectPr>'), xml.lastIndexOf('</w:sectPr>') + '</w:sectPr>'.length);
    expect(between.match(/<w:sectPr>.*?<\/w:sectPr>/)![0]).toBe(last);
    expect(between).not.toContain('<w:pageBreakBefore/>');
  });

  test('page 1: spans and merges as the form has them, the photo in col 7 over R0–R3', async () => {
    const [p1] = docxTables(docxXml((await example()).docx!));
    const at = (row: number, col: number) => p1.find((c) => c.row === row && c.col === col)!;
    expect(at(0, 0)).toMatchObject({ span: 2, text: '姓  名' });
    expect(at(0, 2).text).toBe('林知远');
    expect(at(0, 5).text).toBe('出生年月（岁）');
    expect(at(0, 7)).toMatchObject({ span: 1, vMerge: 'restart' });
    expect(at(0, 7).xml).toContain('<w:drawing>');
    for (const r of [1, 2, 3]) expect(at(r, 7)).toMatchObject({ vMerge: 'continue' });
    expect(at(3, 2)).toMatchObject({ span: 2, text: '高级经济师' });
    expect(at(3, 5)).toMatchObject({ span: 2, text: '宏观经济管理' });
    expect(at(4, 0)).toMatchObject({ span: 2, vMerge: 'restart', text: '学 历学 位' });
    for (const r of [5, 6, 7]) expect(at(r, 0)).toMatchObject({ vMerge: 'continue' });
    expect(at(4, 2)).toMatchObject({ vMerge: 'restart', text: '全日制教  育' });
    expect(at(6, 2)).toMatchObject({ vMerge: 'restart', text: '在  职教  育' });
    expect(at(4, 3)).toMatchObject({ span: 2, text: '大学经济学学士' });
    expect(at(4, 6)).toMatchObject({ span: 2 });
    for (const [r, t] of [[8, '现  任  职  务'], [9, '拟  任  职  务'], [10, '拟  免  职  务']] as const) {
      expect(at(r, 0)).toMatchObject({ span: 3, text: t });
      expect(at(r, 3)).toMatchObject({ span: 5 });
    }
    // 简 … 历 down col 0, on lines of their own; the 简历 over cols 1–7
    expect(at(11, 0).text).toBe('简历');
    expect(at(11, 0).xml.match(/<w:br\/>/g)!.length).toBe(6);
    expect(at(11, 1).span).toBe(7);
  });

  test('page 1: each 简历 period is a paragraph with a hanging indent of 9 characters, its text after a tab', async () => {
    const [p1] = docxTables(docxXml((await example()).docx!));
    const resume = p1.find((c) => c.row === 11 && c.col === 1)!.xml;
    const paras = resume.match(/<w:p>[\s\S]*?<\/w:p>/g)!;
    expect(paras.length).toBe(8);
    const hang = twip(RESUME_HANG * 14);
    expect(paras[0]).toContain(`<w:ind w:left="${hang}" w:hanging="${hang}"/>`);
    expect(paras[0]).toMatch(/1993\.09--1997\.07<\/w:t><w:tab\/><w:t>东湖大学/);
    expect(paras[7]).toMatch(/2020\.04--<\/w:t><w:tab\/><w:t>青山市/); // a job still held
    expect(paras[3]).toContain(`<w:ind w:left="${hang}" w:hanging="${twip(14)}"/>`); // （其间：…） one character less
  });

  test('page 2: the stacked labels, the family header and seven member rows, 呈报单位 over two rows, the two opinions', async () => {
    const [, p2] = docxTables(docxXml((await example()).docx!));
    const at = (row: number, col: number) => p2.find((c) => c.row === row && c.col === col)!;
    expect(at(0, 0).text).toBe('奖惩情况');
    expect(at(0, 0).xml.match(/<w:br\/>/g)!.length).toBe(3); // 奖/惩/情/况
    expect(at(1, 0).text).toBe('年度考核结果');
    expect(at(1, 0).xml.match(/<w:br\/>/g)!.length).toBe(2); // two columns of three characters
    expect(at(3, 0)).toMatchObject({ vMerge: 'restart', text: '家庭主要成员及重要社会关系' });
    expect(at(3, 0).xml.match(/<w:br\/>/g)!.length).toBe(12); // 13 characters stacked
    for (let r = 4; r <= 10; r++) expect(at(r, 0)).toMatchObject({ vMerge: 'continue' });
    expect([1, 2, 3, 4, 6].map((c) => at(3, c).text)).toEqual(['称  谓', '姓  名', '年 龄', '政 治面 貌', '工 作 单 位 及 职 务']);
    expect([at(3, 4).span, at(3, 6).span]).toEqual([2, 2]);
    expect(at(4, 6).text).toBe('青山市第一中学教师');
    expect(at(11, 0)).toMatchObject({ vMerge: 'restart', text: '呈报单位' });
    expect(at(12, 0)).toMatchObject({ vMerge: 'continue' });
    expect(at(12, 1)).toMatchObject({ span: 7 });
    expect(at(12, 1).text).toMatch(/^年 +月 +日 *$/);
    expect(at(13, 0).text).toBe('审批机关意见');
    expect(at(13, 1)).toMatchObject({ span: 4 });
    expect(at(13, 5)).toMatchObject({ span: 2, text: '行政机关任免意见' });
    for (const c of [1, 7]) expect(at(13, c).text).toBe('（盖章）年  月  日');
    expect(docxXml((await example()).docx!)).toMatch(/填表人：王晓/);
  });
});

describe('PDF positions against the specification', () => {
  /** Cell boxes from the specification alone: columns and rows in twips, the table centred in the text block. */
  function specBoxes(cols: number[], rows: number[], top: number) {
    const left = 21 * PT_PER_MM;
    const width = (210 - 21 - 20) * PT_PER_MM;
    const total = cols.reduce((a, b) => a + b, 0) / 20;
    const colX = [left + (width - total) / 2];
    for (const c of cols) colX.push(colX[colX.length - 1] + c / 20);
    const rowY = [top];
    for (const r of rows) rowY.push(rowY[rowY.length - 1] + r / 20);
    return { colX, rowY };
  }

  const flatten = (c: LaidCell) => c.lines.map((l) => l.pieces.map((p) => p.text).join('')).join('');

  async function check(tableIndex: 0 | 1, cols: number[], rows: number[]) {
    const { pdf, laidOut } = await example();
    const { items, pages } = await pdfItems(pdf!);
    expect(pages).toBe(2);
    const table = laidOut.flow.filter((b): b is LaidTable => b.kind === 'table')[tableIndex];
    // the table's top, from the PDF's own rules (the heavier outer border, 1.5 pt)
    const outer = laidOut.pages[tableIndex].ops.filter((o) => o.kind === 'rule' && o.width === 1.5 && o.y1 === o.y2);
    const top = Math.min(...outer.map((o) => (o.kind === 'rule' ? o.y1 : Infinity)));
    const bottom = Math.max(...outer.map((o) => (o.kind === 'rule' ? o.y1 : -Infinity)));
    const { colX, rowY } = specBoxes(cols, rows, top);
    expect(bottom).toBeCloseTo(rowY[rowY.length - 1], 1);
    // pdfjs adds whitespace-only items for the gaps between runs on one baseline: they are no text of a cell
    const mine = items.filter((i) => i.page === tableIndex + 1 && i.y > top && i.y < bottom && i.str.trim() !== '');
    expect(mine.length).toBeGreaterThan(30);
    const owner = (x: number, y: number) => table.cells.find((c) => colX[c.c] <= x && x <= colX[c.c + c.colSpan] && rowY[c.r] <= y && y <= rowY[c.r + c.rowSpan]);
    for (const it of mine) {
      const mid = it.y - 0.38 * it.size; // the em box's centre
      const cell = owner(it.x + it.width / 2, mid);
      expect({ str: it.str, cell: cell && flatten(cell).replace(/\s/g, '').includes(it.str.replace(/\s/g, '')) }).toEqual({ str: it.str, cell: true });
      // inside the cell's box, glyphs and all
      const c = cell!;
      expect(it.x).toBeGreaterThanOrEqual(colX[c.c] + 0.5);
      expect(it.x + it.width).toBeLessThanOrEqual(colX[c.c + c.colSpan] - 0.5);
      expect(it.y - 0.88 * it.size).toBeGreaterThanOrEqual(rowY[c.r] - 0.5);
      expect(it.y + 0.12 * it.size).toBeLessThanOrEqual(rowY[c.r + c.rowSpan] + 0.5);
    }
    return { items, colX, rowY, laidOut };
  }

  test('page 1: within A4, every text inside its cell of the specified grid, the photo in its cell', async () => {
    const { items, colX, rowY, laidOut } = await check(0, PAGE1_COLS, PAGE1_ROWS);
    expect(rowY[rowY.length - 1]).toBeLessThanOrEqual(841.89 - 10 * PT_PER_MM + 0.01);
    const img = laidOut.pages[0].ops.find((o) => o.kind === 'image')!;
    expect(img.kind).toBe('image');
    if (img.kind !== 'image') return;
    expect(img.x).toBeGreaterThan(colX[7]);
    expect(img.x + img.w).toBeLessThan(colX[8]);
    expect(img.y).toBeGreaterThan(rowY[0]);
    expect(img.y + img.h).toBeLessThan(rowY[4]);
    expect(img.w / PT_PER_MM).toBeGreaterThan(35);
    // every 简历 text starts at the same x: the hanging indent
    const resumeTexts = items.filter((i) => i.page === 1 && /^(东湖|青山|经济学专业)/.test(i.str) && i.y > rowY[11]);
    expect(resumeTexts.length).toBeGreaterThanOrEqual(8);
    const xs = new Set(resumeTexts.map((i) => Math.round(i.x * 10) / 10));
    expect(xs.size).toBe(1);
    expect([...xs][0]).toBeCloseTo(colX[1] + 1.5 + RESUME_HANG * 14, 1);
    // the title: 22 pt, centred, spread over 87 mm
    const title = items.filter((i) => i.page === 1 && i.y < rowY[0] && i.size >= 22);
    const x0 = Math.min(...title.map((i) => i.x));
    const x1 = Math.max(...title.map((i) => i.x + i.width));
    expect(title.map((i) => i.str).join('').replace(/\s/g, '')).toBe('干部任免审批表');
    expect(x1 - x0).toBeGreaterThan(86 * PT_PER_MM);
    expect(x1 - x0).toBeLessThan(88.5 * PT_PER_MM);
    expect((x0 + x1) / 2).toBeCloseTo((colX[0] + colX[8]) / 2, 0);
  });

  test('page 2: within A4, every text inside its cell of the specified grid, 填表人 below the table', async () => {
    const { items, rowY } = await check(1, PAGE2_COLS, PAGE2_ROWS);
    const filler = items.find((i) => i.page === 2 && i.str.startsWith('填表人'))!;
    expect(filler.y).toBeGreaterThan(rowY[rowY.length - 1]);
    expect(filler.y).toBeLessThan(841.89 - 10 * PT_PER_MM);
  });
});

describe('text that does not fit its cell', () => {
  test('shrinks in steps (14 → 8 pt) with its line pitch, and stays on two pages', async () => {
    // examples/cadre/shrink.yaml: 现任职务 too long for 14 pt
    const r = await renderTemplate(ID, readExample('examples/cadre/shrink.yaml'), { creationDate: FIXED_DATE });
    const table = r.laidOut.flow.find((b): b is LaidTable => b.kind === 'table')!;
    const cell = table.cells.find((c) => c.r === 8 && c.c === 3)!;
    expect(cell.size).toBeLessThan(14);
    expect(cell.size).toBeGreaterThanOrEqual(8);
    expect(Number.isInteger(cell.size)).toBe(true);
    expect(cell.pitch).toBeCloseTo((cell.size * 16) / 14, 6);
    expect(cell.lines.length * cell.pitch).toBeLessThanOrEqual(PAGE1_ROWS[8] / 20 + 0.01);
    // one size larger would not have fitted: the largest size that fits was taken
    const { items, pages } = await pdfItems(r.pdf!);
    expect(pages).toBe(2);
    expect(items.filter((i) => i.str.includes('国防动员')).map((i) => Math.round(i.size))).toEqual([cell.size]);
    expect(docxXml(r.docx!)).toContain(`<w:sz w:val="${cell.size * 2}"/>`);
  });

  test('still too long at 8 pt: a typed error naming 简历, at the data field, and no file', async () => {
    // examples/cadre/too-long.yaml: 60 long 简历 periods
    const data = readExample('examples/cadre/too-long.yaml') as { JianLi: string };
    expect(T.check(data).warnings).toEqual([]);
    const run = renderTemplate(ID, data, { creationDate: FIXED_DATE });
    await expect(run).rejects.toBeInstanceOf(CjkReportError);
    const e = (await run.catch((x) => x)) as CjkReportError;
    expect(e.code).toBe('invalid-input');
    expect(e.problems).toEqual([expect.objectContaining({ path: 'JianLi', message: expect.stringMatching(/^简历：内容过多，缩小到 8 磅仍放不下/) })]);
  });
});

describe('rules (warnings, each with its id)', () => {
  const warnings = (JianLi: string, extra: Record<string, string> = {}) => T.check({ ...person(), JianLi, ...extra }).warnings;

  test('the example has none', () => {
    expect(T.check(person()).warnings).toEqual([]);
  });

  test('the template\'s own example (for the generated form) is the example file without the photo, and checks clean', () => {
    expect(T.example).toEqual(readExample(YAML));
    expect(T.check(T.example)).toMatchObject({ errors: [], warnings: [] });
  });

  test('J1: periods out of order or overlapping', () => {
    expect(warnings('2001.03--2005.06  甲\r\n1997.07--2001.03  乙').map((w) => w.rule)).toEqual(['J1']);
    const w = warnings('1997.07--2002.03  甲\r\n2001.03--2005.06  乙');
    expect(w).toEqual([expect.objectContaining({ rule: 'J1', severity: 'warning', path: 'JianLi', message: expect.stringContaining('时间重叠') })]);
  });

  test('J2: a gap of more than six months', () => {
    expect(warnings('1997.07--2001.03  甲\r\n2001.09--2005.06  乙')).toEqual([]);
    expect(warnings('1997.07--2001.03  甲\r\n2001.10--2005.06  乙')).toEqual([expect.objectContaining({ rule: 'J2', message: expect.stringContaining('空档 7 个月') })]);
  });

  test('J3: work before the age of 14 (study does not count)', () => {
    expect(warnings('1985.09--1989.07  青山中学学习\r\n1989.07--1993.09  青山农场工人', { ChuShengNianYue: '197503' })).toEqual([]);
    expect(warnings('1988.07--1993.09  青山农场工人', { ChuShengNianYue: '197509' })).toEqual([
      expect.objectContaining({ rule: 'J3', reads: ['JianLi', 'ChuShengNianYue'] }),
    ]);
  });

  test('more than seven family rows is a shape error naming the field', () => {
    const eight = Array.from({ length: 8 }, () => ({ ChengWei: '兄弟', XingMing: '某' }));
    expect(() => T.check({ ...person(), JiaTingChengYuan: eight })).toThrow(CjkReportError);
  });
});

const VALIDATOR = resolve(process.env.OOXML_VALIDATE ?? join(ROOT, '..', 'shared', 'tools', 'ooxml', 'validate.py'));
describeWithTools(['xmllint', 'python3'], 'the 任免表 DOCX against ISO/IEC 29500', () => {
  test('every WordprocessingML part validates against wml.xsd', async () => {
    if (!existsSync(VALIDATOR) && process.env.CI === 'true') throw new Error(`the validator ${VALIDATOR} is missing`);
    if (!existsSync(VALIDATOR)) return;
    const path = join(tmp(), 'cadre.docx');
    writeFileSync(path, (await example()).docx!);
    const r = spawnSync('python3', [VALIDATOR, path], { encoding: 'utf8' });
    expect(r.stdout.trim().split('\n').filter((l) => !l.startsWith('ok:'))).toEqual([]);
    expect(r.status).toBe(0);
  }, 60000);
});

const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');
describe('CLI: render person.lrmx picks the template by the extension, and a batch of them', () => {
  test('one file', () => {
    if (!existsSync(CLI)) throw new Error('run npm run build first');
    const out = tmp();
    const r = spawnSync('node', [CLI, 'render', LRMX, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(readdirSync(out).sort()).toEqual(['lin-zhiyuan.docx', 'lin-zhiyuan.pdf']);
  }, 60000);

  test('validate person.lrmx; a file that is no 任免表 is refused naming the file (exit 1)', () => {
    const ok = spawnSync('node', [CLI, 'validate', LRMX], { cwd: ROOT, encoding: 'utf8' });
    expect([ok.status, ok.stdout.trim()]).toEqual([0, `${LRMX}: 校验通过`]);
    const bad = join(tmp(), 'bad.lrmx');
    writeFileSync(bad, '<Report/>');
    const out = tmp();
    const r = spawnSync('node', [CLI, 'render', bad, '--out', out], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toContain(`${bad}: 根元素应为 <Person>`);
    expect(readdirSync(out)).toEqual([]);
  }, 60000);

  test('a batch of .lrmx files, one of them unreadable', () => {
    const dir = tmp();
    const bytes = readFileSync(join(ROOT, LRMX));
    writeFileSync(join(dir, 'a.lrmx'), bytes);
    writeFileSync(join(dir, 'b.lrmx'), bytes);
    writeFileSync(join(dir, 'bad.lrmx'), '<Report/>');
    const out = join(dir, 'out');
    const r = spawnSync('node', [CLI, 'render', join(dir, 'a.lrmx'), join(dir, 'b.lrmx'), join(dir, 'bad.lrmx'), '--out', out, '--format', 'pdf', '--jobs', '1'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/bad\.lrmx.*根元素应为 <Person>/);
    expect(readdirSync(out).sort()).toEqual(['a.pdf', 'b.pdf']);
  }, 120000);
});
