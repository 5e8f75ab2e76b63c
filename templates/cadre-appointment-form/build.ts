import type { ReportDocument } from '../../src/model/document.js';
import type { CellParagraph, GridCell, GridTable } from '../../src/model/table.js';
import { ageAt, ageDate, parseYM, showYM } from './dates.js';
import { FIELD_LABELS } from './labels.js';
import { resumeLines } from './resume.js';
import type { Person } from './schema.js';

/**
 * Data → the 干部任免审批表 as two fixed grids, from the real Word templates of the form (widths and
 * heights in twips, 20 twips = 1 pt). Body 宋体 14 pt on exact 16 pt lines; values shrink to 8 pt.
 */
const MM_PER_TWIP = 25.4 / 1440;
const tw = (v: number) => v * MM_PER_TWIP;
export const PAGE1_COLS = [784, 236, 1305, 1063, 1302, 1315, 1330, 2058];
export const PAGE1_ROWS = [709, 692, 680, 709, 346, 346, 346, 346, 709, 709, 709, 7133];
export const PAGE2_COLS = [742, 1092, 1274, 1145, 535, 315, 469, 3849];
export const PAGE2_ROWS = [1418, 1021, 1361, 646, 697, 697, 697, 697, 697, 697, 697, 1332, 541, 2019];
export const MARGINS_MM = { top: 28, right: 20, bottom: 10, left: 21 };
export const SIZE = 14;
export const PITCH = 16;
export const MIN_SIZE = 8;
/** where the text after a 简历 period starts, in characters */
export const RESUME_HANG = 9;

type Cell = Exclude<GridTable['rows'][number][number], string | number | null>;

/** A label cell: fixed text, no shrinking (the form's own words always fit). */
const label = (text: string, extra: Partial<Cell> = {}): Cell => ({ text, ...extra });
/** A value cell: the data, shrinking to fit; `field` names it in messages. */
const value = (field: string, text: string | undefined, extra: Partial<Cell> = {}): Cell => ({ text: text ?? '', minSize: MIN_SIZE, label: FIELD_LABELS[field]?.label ?? field, ...extra });

/** Two lines as one cell's text, the second left out when empty or the same. */
const twoLines = (a?: string, b?: string) => [a, b].map((x) => (x ?? '').trim()).filter((x, i, all) => x && (i === 0 || x !== all[0])).join('\n');

function age(d: Person, birth: string | undefined): number | undefined {
  return ageAt(parseYM(birth), ageDate(d));
}

function page1(d: Person): GridTable {
  const birth = showYM(d.ChuShengNianYue);
  const a = age(d, d.ChuShengNianYue);
  const photo: Cell = d.ZhaoPian?.trim()
    ? { image: { data: d.ZhaoPian.trim(), width: 36, height: 49 }, rowSpan: 4, label: '照片' }
    : { text: '照片', rowSpan: 4 };
  const edu = (kind: 'QuanRiZhiJiaoYu' | 'ZaiZhiJiaoYu', title: string): Cell[] => [
    label(title, { rowSpan: 2 }),
    value(`${kind}_XueLi`, twoLines(d[`${kind}_XueLi`], d[`${kind}_XueWei`]), { rowSpan: 2, colSpan: 2 }),
    label('毕业院校\n系及专业', { rowSpan: 2 }),
    value(`${kind}_XueLi_BiYeYuanXiaoXi`, twoLines(d[`${kind}_XueLi_BiYeYuanXiaoXi`], d[`${kind}_XueWei_BiYeYuanXiaoXi`]), { rowSpan: 2, colSpan: 2, align: 'left' }),
  ];
  const duty = (title: string, field: 'XianRenZhiWu' | 'NiRenZhiWu' | 'NiMianZhiWu'): Cell[] => [label(title, { colSpan: 3 }), value(field, d[field], { colSpan: 5, align: 'left' })];
  const resume: CellParagraph[] = resumeLines(d.JianLi).map((l) =>
    l.lead !== undefined
      ? { lead: l.lead, text: l.text, hanging: RESUME_HANG }
      : /^[（(]其间/.test(l.text)
        ? { text: l.text, indent: RESUME_HANG - 1, hanging: 1 } // （其间：…） one character less in
        : { text: l.text, indent: RESUME_HANG },
  );
  const rows: GridTable['rows'] = [
    [label('姓  名', { colSpan: 2 }), value('XingMing', d.XingMing), label('性  别'), value('XingBie', d.XingBie), label('出生年月\n（岁）'), value('ChuShengNianYue', birth ? `${birth}${a === undefined ? '' : `\n（${a}岁）`}` : ''), photo],
    [label('民  族', { colSpan: 2 }), value('MinZu', d.MinZu), label('籍  贯'), value('JiGuan', d.JiGuan), label('出 生 地'), value('ChuShengDi', d.ChuShengDi)],
    [label('入  党\n时  间', { colSpan: 2 }), value('RuDangShiJian', showYM(d.RuDangShiJian)), label('参加工\n作时间'), value('CanJiaGongZuoShiJian', showYM(d.CanJiaGongZuoShiJian)), label('健康状况'), value('JianKangZhuangKuang', d.JianKangZhuangKuang)],
    [label('专业技\n术职务', { colSpan: 2 }), value('ZhuanYeJiShuZhiWu', d.ZhuanYeJiShuZhiWu, { colSpan: 2 }), label('熟悉专业\n有何专长'), value('ShuXiZhuanYeYouHeZhuanChang', d.ShuXiZhuanYeYouHeZhuanChang, { colSpan: 2 })],
    [label('学 历\n学 位', { colSpan: 2, rowSpan: 4 }), ...edu('QuanRiZhiJiaoYu', '全日制\n教  育')],
    [],
    edu('ZaiZhiJiaoYu', '在  职\n教  育'),
    [],
    duty('现  任  职  务', 'XianRenZhiWu'),
    duty('拟  任  职  务', 'NiRenZhiWu'),
    duty('拟  免  职  务', 'NiMianZhiWu'),
    [label('简\n\n\n\n\n\n历'), { paragraphs: resume, colSpan: 7, valign: 'top', minSize: MIN_SIZE, label: '简历' }],
  ];
  return grid('page1', PAGE1_COLS, PAGE1_ROWS, rows);
}

function page2(d: Person): GridTable {
  const at = ageDate(d);
  const members = (d.JiaTingChengYuan ?? []).slice(0, 7);
  const memberRows: GridTable['rows'] = Array.from({ length: 7 }, (_, i) => {
    const m = members[i];
    const f = (k: string) => `家庭主要成员及重要社会关系 第 ${i + 1} 行 ${k}`;
    if (!m) return ['', '', '', { text: '', colSpan: 2 }, { text: '', colSpan: 2 }];
    const dead = /已故|已去世|去世|病故|亡故/.test(`${m.ZhengZhiMianMao ?? ''}${m.GongZuoDanWeiJiZhiWu ?? ''}`);
    const a = dead ? undefined : ageAt(parseYM(m.ChuShengRiQi), at);
    return [
      { text: m.ChengWei ?? '', minSize: MIN_SIZE, label: f('称谓') },
      { text: m.XingMing ?? '', minSize: MIN_SIZE, label: f('姓名') },
      { text: a === undefined ? '' : String(a), minSize: MIN_SIZE, label: f('年龄') },
      { text: m.ZhengZhiMianMao ?? '', colSpan: 2, minSize: MIN_SIZE, label: f('政治面貌') },
      { text: m.GongZuoDanWeiJiZhiWu ?? '', colSpan: 2, align: 'left', minSize: MIN_SIZE, label: f('工作单位及职务') },
    ];
  });
  const opinion = '（盖章）\n年  月  日';
  const rows: GridTable['rows'] = [
    [label('奖\n惩\n情\n况'), value('JiangChengQingKuang', d.JiangChengQingKuang, { colSpan: 7, align: 'left' })],
    [label('年度\n考核\n结果'), value('NianDuKaoHeJieGuo', d.NianDuKaoHeJieGuo, { colSpan: 7, align: 'left' })],
    [label('任\n免\n理\n由'), value('RenMianLiYou', d.RenMianLiYou, { colSpan: 7, align: 'left' })],
    [label('家庭主要成员及重要社会关系', { vertical: true, rowSpan: 8 }), label('称  谓'), label('姓  名'), label('年 龄'), label('政 治\n面 貌', { colSpan: 2 }), label('工 作 单 位 及 职 务', { colSpan: 2 })],
    ...memberRows,
    [label('呈\n报\n单\n位', { rowSpan: 2 }), value('ChengBaoDanWei', d.ChengBaoDanWei, { colSpan: 7 })],
    [label('年   月   日    ', { colSpan: 7, align: 'right' })],
    [label('审批\n机关\n意见'), label(opinion, { colSpan: 4, align: 'right', valign: 'bottom' }), label('行政\n机关\n任免\n意见', { colSpan: 2 }), label(opinion, { align: 'right', valign: 'bottom' })],
  ];
  return grid('page2', PAGE2_COLS, PAGE2_ROWS, rows);
}

function grid(id: string, cols: number[], heights: number[], rows: GridTable['rows']): GridTable {
  return {
    type: 'grid',
    id,
    widths: cols.map(tw),
    exactHeights: heights.map(tw),
    size: SIZE,
    font: 'serif',
    rows,
    border: { outer: 1.5, inner: 1 },
    cellPadding: { x: 1.5, y: 0 },
    linePitch: PITCH / SIZE,
    spaceAfter: 4,
    repeatHeader: false,
  };
}

export function buildForm(d: Person): ReportDocument {
  return {
    meta: { title: `干部任免审批表（${d.XingMing}）`, subject: '干部任免审批表' },
    page: { size: 'A4', margins: MARGINS_MM, pageNumbers: false },
    styles: { body: { font: 'serif', size: SIZE } },
    blocks: [
      { type: 'title', text: '干部任免审批表', font: 'sans', size: 22, bold: false, spread: 87, lineSpacing: { exact: 34 }, spaceAfter: 6 },
      page1(d),
      { type: 'pageBreak', section: true },
      page2(d),
      { type: 'paragraph', text: `填表人：${d.TianBiaoRen ?? ''}`, indent: 0, align: 'left', size: SIZE, lineSpacing: { exact: PITCH } },
    ],
  };
}

/** A problem in a built cell → the data field it came from. */
export function dataPathOf(modelPath: string, d: Person): string | undefined {
  const m = /^tables\.(page1|page2)\.rows\[(\d+)\]\[(\d+)\]/.exec(modelPath);
  if (!m) return undefined;
  const built = m[1] === 'page1' ? page1(d) : page2(d);
  const cell = built.rows[Number(m[2])]?.[Number(m[3])];
  const name = cell && typeof cell === 'object' ? cell.label : undefined;
  if (!name) return undefined;
  if (name === '简历') return 'JianLi';
  if (name === '照片') return 'ZhaoPian';
  const fam = /^家庭主要成员及重要社会关系 第 (\d+) 行 (.+)$/.exec(name);
  if (fam) {
    const key = { 称谓: 'ChengWei', 姓名: 'XingMing', 年龄: 'ChuShengRiQi', 政治面貌: 'ZhengZhiMianMao', 工作单位及职务: 'GongZuoDanWeiJiZhiWu' }[fam[2]];
    return `JiaTingChengYuan[${Number(fam[1]) - 1}].${key}`;
  }
  return Object.entries(FIELD_LABELS).find(([, l]) => l.label === name)?.[0];
}

export type { GridCell };
