/**
 * Writes examples/showcase.json: a ReportDocument that uses every feature of the model. The seed's three
 * tables come from the annual-report template's builder (so they are exactly the official structure);
 * everything else is written here. Run: npm run build && node dist/scripts/make-showcase.js
 */
import { writeFileSync } from 'node:fs';
import { deflateSync, crc32 } from 'node:zlib';
import type { Block } from '../src/model/blocks.js';
import type { ReportDocument } from '../src/model/document.js';
import type { RowNode } from '../src/model/table.js';
import { annualReport2019 } from '../templates/gov-info-annual-report/index.js';

/** A small red seal (公章-like ring) as a PNG, so the example carries an image without a binary file. */
function sealPng(size = 96): string {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const d = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      const ring = d > c * 0.82 && d < c * 0.95;
      const star = Math.abs(x + 0.5 - c) + Math.abs(y + 0.5 - c) < c * 0.25;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = 0xd0;
      raw[o + 1] = 0x10;
      raw[o + 2] = 0x10;
      raw[o + 3] = ring || star ? 0xe0 : 0;
    }
  }
  const chunk = (type: string, data: Buffer) => {
    const len = Buffer.alloc(4);
    len.writeUInt32BE(data.length);
    const td = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(td));
    return Buffer.concat([len, td, crc]);
  };
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr.set([8, 6, 0, 0, 0], 8);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', ihdr), chunk('IDAT', deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
  return png.toString('base64');
}

/** The seed's tables, filled with non-zero numbers (2019 format, as in the seed). */
function seedTables(): Block[] {
  const row = (a: number[]) => a;
  const data = {
    agency: '方正县营商环境建设监督局',
    year: 2020,
    tables: {
      proactive: {
        rules: [0, 0, 0], normativeDocs: [2, 2, 17],
        licensing: [24, '+3', 412], otherServices: [6, '0', 58], penalty: [11, '-2', 37], enforcement: [3, '+1', 9],
        fees: [4, '-1'], procurement: [5, '128.50'],
      },
      applications: {
        newReceived: row([18, 4, 0, 1, 1, 0]), carriedOver: row([2, 0, 0, 0, 0, 0]),
        granted: row([9, 2, 0, 1, 1, 0]), partial: row([2, 1, 0, 0, 0, 0]),
        denied: { stateSecret: row([0, 0, 0, 0, 0, 0]), prohibitedByLaw: row([0, 0, 0, 0, 0, 0]), threeSecurity: row([1, 0, 0, 0, 0, 0]), thirdParty: row([1, 1, 0, 0, 0, 0]), internalAffairs: row([0, 0, 0, 0, 0, 0]), processInfo: row([1, 0, 0, 0, 0, 0]), enforcementFiles: row([0, 0, 0, 0, 0, 0]), inquiry: row([0, 0, 0, 0, 0, 0]) },
        unable: { notHeld: row([3, 0, 0, 0, 0, 0]), needsCreation: row([1, 0, 0, 0, 0, 0]), unclear: row([0, 0, 0, 0, 0, 0]) },
        notProcessed: { complaint: row([1, 0, 0, 0, 0, 0]), repeated: row([0, 0, 0, 0, 0, 0]), publication: row([0, 0, 0, 0, 0, 0]), massive: row([0, 0, 0, 0, 0, 0]), confirmation: row([0, 0, 0, 0, 0, 0]) },
        other: row([0, 0, 0, 0, 0, 0]),
        carriedForward: row([1, 0, 0, 0, 0, 0]),
      },
      reviews: { review: [1, 1, 0, 1], direct: [1, 0, 0, 0], afterReview: [0, 0, 0, 1] },
    },
  };
  const checked = annualReport2019.check(data);
  if (checked.errors.length) throw new Error(checked.errors.map((e) => e.message).join('\n'));
  const doc = annualReport2019.build(checked.data);
  return doc.blocks.filter((b) => b.type === 'table' || b.type === 'grid');
}

/** A long table: townships grouped by area (a vertical group label), long enough to cross pages. */
function longTable(): Block {
  const areas: [string, string[]][] = [
    ['城区片', ['方正镇', '城东社区', '城西社区', '城南社区', '城北社区', '新城社区', '宝兴街道', '兴华街道']],
    ['东部片', ['会发镇', '大罗密镇', '德善乡', '伊汉通乡', '松南乡', '天门乡', '永建乡', '富升村', '民主村', '长安村', '东兴村', '红光村']],
    ['西部片', ['宝兴乡', '得莫利村', '沙河子镇', '高楞镇', '新发村', '西岗村', '柳树河子村', '常安村', '双凤村', '胜利村', '平安村', '团结村', '前进村', '先锋村']],
    ['南部片', ['浉河港镇', '董家河镇', '吴家店镇', '谭家河乡', '十三里桥乡', '游河乡', '柳林乡', '东双河镇', '龙井乡', '五星街道', '金牛山街道', '湖东街道', '老城街道', '民权街道', '车站街道', '双井街道', '贺家岭村', '黄龙寺村']],
  ];
  let seed = 20201231;
  const rnd = (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2147483648;
    return seed % n;
  };
  const rows: (number | string)[][] = [];
  const tree: RowNode[] = areas.map(([area, towns]) => ({
    label: area,
    vertical: true,
    children: towns.map((t) => {
      const received = 200 + rnd(4000);
      const done = received - rnd(40);
      rows.push([received, ((done / received) * 100).toFixed(1), rnd(60) - 30, (rnd(5000000) / 100).toFixed(2), rnd(3) === 0 ? '—' : 'Level A']);
      return { label: t };
    }),
  }));
  return {
    type: 'table',
    id: 'townships',
    caption: '附表  各乡镇（街道）依申请公开办理情况（示例数据）',
    notes: ['注：办结率 = 办结数 ÷ 收到申请数 × 100%；同比以上年同期为基数，正数为增加。“—”表示本年度未评级。'],
    columns: [
      { label: '收到申请（件）', format: { thousands: true } },
      { label: '办结率（%）', format: { decimals: 1 } },
      { label: '同比增减', format: { sign: 'always' } },
      { label: '涉及金额（元）', format: { decimals: 2, thousands: true } },
      { label: '评级' },
    ],
    rowHeader: { corner: { text: '片区 / 乡镇（街道）', align: 'center' }, widths: ['narrow', { mm: 38 }], rows: tree },
    rows,
  };
}

const doc: ReportDocument = {
  meta: { title: 'cjk-report 功能示例', author: 'cjk-report', subject: '中国式复杂报表示例', keywords: ['cjk-report', '政府信息公开', 'PDF', 'DOCX'], creationDate: '2021-01-15T08:00:00+08:00' },
  page: {
    size: 'A4',
    orientation: 'portrait',
    margins: { top: 30, right: 24, bottom: 28, left: 26 },
    header: 'cjk-report 功能示例 · 页眉文字',
    footer: '本文件由 cjk-report 生成，字体已嵌入',
    pageNumbers: { style: 'dash', position: 'outside', size: 12 },
  },
  blocks: [
    { type: 'image', data: sealPng(), width: 18, align: 'center' },
    { type: 'title', text: 'cjk-report 功能示例：中国式复杂报表' },
    { type: 'paragraph', align: 'center', indent: 0, text: [{ text: '（2021年1月15日，第1版，v0.1.0）', size: 11 }] },
    { type: 'heading', level: 1, text: '一、正文排版' },
    {
      type: 'paragraph',
      text: [
        '本示例演示 cjk-report 的全部功能：标题、三级标题、段落（',
        { text: '加粗', bold: true },
        '、两端对齐、首行缩进两字、行距）、表格（多级表头、跨行表头、竖排表头、显式合并单元格）、分页、签署和图片。中文与 Latin 文字、数字混排，例如 PDF/A-1b、DOCX、GB 2312 字符集、ISO 8601 日期 2021-01-15、金额 5,949.088667 万元、增长 12.4%。',
      ],
    },
    { type: 'heading', level: 2, text: '（一）对齐方式与行距' },
    { type: 'paragraph', align: 'left', text: '左对齐段落：行首不出现“，。、；：？！”等标点，行尾不出现“（《“”等开始符号，这些是中文排版的避头尾规则（禁则）。' },
    { type: 'paragraph', align: 'right', indent: 0, text: '右对齐段落：常用于落款与日期。' },
    { type: 'paragraph', align: 'center', indent: 0, text: '居中段落：常用于表题与图题。' },
    { type: 'paragraph', lineSpacing: { exact: 28 }, size: 14, font: 'kai', text: '楷体、14 磅、固定行距 28 磅的段落：公文常用固定行距，使每页行数固定，便于装订与核对。LXGW WenKai 是本项目内置的开源楷体。' },
    { type: 'paragraph', lineSpacing: { multiple: 1.0 }, font: 'sans', size: 11, text: '黑体、11 磅、单倍行距的段落。三级标题示例见下。' },
    { type: 'heading', level: 3, text: '1.三级标题' },
    { type: 'paragraph', text: '三级标题之后的正文。下一页起是政府信息公开年度报告的三张官方表格。' },
    { type: 'pageBreak' },
    { type: 'heading', level: 1, text: '二、年度报告的三张表格' },
    ...seedTables(),
    { type: 'heading', level: 1, text: '三、跨页长表格' },
    { type: 'paragraph', text: '下表跨越多页：表头在每页重复；纵向合并的“片区”单元格被分页切开时，在下一页重复其标签，不丢失任何一行。' },
    longTable(),
    { type: 'signature', lines: ['cjk-report 项目组', '2021年1月15日'] },
  ],
};

writeFileSync(new URL('../../examples/showcase.json', import.meta.url), JSON.stringify(doc, null, 1) + '\n');
console.log('examples/showcase.json written');
