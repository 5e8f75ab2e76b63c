/**
 * Small PDFs laid out like published annual reports, one text item per drawn string, with switches for what
 * real publishers' files do to the importer (each switch is one failure mode of issue 16). Text positions
 * are chosen here, so a test knows exactly what the PDF holds.
 */
import PDFDocument from 'pdfkit';
import { join } from 'node:path';
import { applicationRows, proactiveRows, type Format } from '../../src/import/template-labels.js';
import { ROOT } from './render.js';

export interface Synth {
  /** a row label over two lines, the numbers between them; 5.要求行政机关确认… over three, numbers on the last */
  splitLabels?: boolean;
  /** 三、本年度办理结果 one character per line, left of the rows, between them */
  verticalLabel?: boolean;
  /** 表二 breaks to the next page after this many body rows, with "- n -" drawn as three items */
  breakApplicationsAfter?: number;
  /** "3" of 3.其他 drawn as its own item on the value line, the rest of the label on the line above */
  digitApart?: boolean;
  /** numbers of two digits drawn one digit per item */
  splitNumbers?: boolean;
  /** 2.其他法律行政止公开 (a real typo) */
  typo?: boolean;
  /** 1、 instead of 1. */
  commaNumbering?: boolean;
  /** the intro lists the section headings, one line starting with 三、… at the full text width */
  introRepeatsHeadings?: boolean;
  /** the publisher's own table titles (表一：…) above the tables */
  ownTitles?: boolean;
  /** 表三's header at the bottom of a page, its numbers on the next */
  reviewsAcrossPages?: boolean;
  /** no text at all (a scan): only drawn boxes */
  scanned?: boolean;
  /** text drawn in a font without CJK: Latin gibberish only */
  garbled?: boolean;
  /** a document that is not an annual report */
  notReport?: boolean;
  /** 表二 cells printed otherwise, by row key and column: { 'granted[0]': '40（其中2件撤回）' } */
  cellText?: Record<string, string>;
}

type Values = Record<string, unknown>;
const get = (d: unknown, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Values)?.[k], d);

const SIZE = 10;
const LEFT = 90;
const CHARS = 28; // 22 lines of 28 characters: GB/T 9704
const COL = (i: number) => 360 + 26 * i;

export async function synthPdf(data: Values, format: Format, o: Synth = {}): Promise<Uint8Array> {
  const doc = new PDFDocument({ size: 'A4', margin: 0, autoFirstPage: true, info: { CreationDate: new Date(0) } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((r) => doc.on('end', () => r()));
  doc.registerFont('cjk', join(ROOT, 'fonts/NotoSansSC-Regular.ttf'));
  doc.font(o.garbled ? 'Helvetica' : 'cjk').fontSize(SIZE);
  let y = 70;
  let page = 1;
  const putAt = (text: string, x: number, yy = y) => void (o.scanned ? doc.rect(x, yy, 8 * text.length, 8).stroke() : doc.text(o.garbled ? text.replace(/[^\x00-\x7f]/g, 'x') : text, x, yy, { lineBreak: false }));
  const put = (text: string, x: number, yy = y) => {
    doc.fontSize(SIZE);
    putAt(text, x, yy);
  };
  const newPage = () => {
    // the page number as the real report's WPS draws it: "-", "3", "-", right under 表二's value columns
    put('-', COL(4) + 2, 800);
    put(String(page), COL(4) + 9, 800);
    put('-', COL(4) + 18, 800);
    doc.addPage();
    page++;
    y = 70;
  };
  const need = (h: number) => (y + h > 760 ? newPage() : undefined);
  const para = (text: string, indent = true) => {
    const lines: string[] = [];
    for (let i = 0, first = true; i < text.length; first = false) {
      const n = first && indent ? CHARS - 2 : CHARS;
      lines.push(text.slice(i, i + n));
      i += n;
    }
    lines.forEach((l, i) => {
      need(18);
      put(l, LEFT + (i === 0 && indent ? 2 * SIZE : 0));
      y += 18;
    });
  };
  const heading = (t: string) => {
    need(40);
    put(t, LEFT);
    y += 22;
  };

  if (o.notReport) {
    para('关于做好2024年度防汛工作的通知');
    para('各乡镇人民政府，区各有关部门：为切实做好今年防汛工作，确保人民群众生命财产安全，现将有关事项通知如下。');
    doc.end();
    await done;
    return new Uint8Array(Buffer.concat(chunks));
  }

  put(String(data.agency), 200);
  y += 22;
  put(`${data.year}年政府信息公开工作年度报告`, 170);
  y += 30;
  const intro = o.introRepeatsHeadings
    ? // the line break falls so that a line starts with 三、… and runs to the full width
      '本报告全文包括：一、总体情况，二、主动公开政府信息情况，' +
      '三、收到和处理政府信息公开申请情况四、政府信息公开行政复议、行政诉讼情况五、存在的' +
      '主要问题及改进情况六、其他需要报告的事项。'
    : '本报告依据《中华人民共和国政府信息公开条例》编制。';
  para(intro, !o.introRepeatsHeadings);
  heading('一、总体情况');
  para(`${data.year}年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年新收政府信息公开申请${get(data, 'tables.applications.newReceived')?.toString().split(',')[6]}件。`);

  // 表一
  heading('二、主动公开政府信息情况');
  if (o.ownTitles) (put('表一：主动公开政府信息情况（本机关自拟）', 150), (y += 20));
  const version = format === '2019' ? 2019 : 2021;
  let block = '';
  for (const spec of proactiveRows(version)) {
    const b = version === 2021 ? { rules: '（一）', normativeDocs: '（一）', licensing: '（五）', penalty: '（六）', enforcement: '（六）', fees: '（八）' }[spec.path.split('.')[2]] : '';
    if (b && b !== block) {
      block = b;
      need(40);
      put(`第二十条第${b}项`, 240);
      y += 18;
      put('信息内容', 130);
      put(spec.width === 3 ? '本年制发件数' : '本年处理决定数量', 300);
      y += 18;
    }
    need(18);
    put(spec.label, LEFT);
    const v = get(data, spec.path);
    (Array.isArray(v) ? v : [v]).forEach((x, i) => put(String(x), 300 + 80 * i));
    y += 18;
  }

  // 表二
  heading('三、收到和处理政府信息公开申请情况');
  if (o.ownTitles) (put('表2 收到和处理政府信息公开申请情况', 150), (y += 20));
  put('（本列数据的勾稽关系为：第一项加第二项之和，', LEFT);
  put('申请人情况', 380);
  y += 14;
  put('等于第三项加第四项之和）', LEFT);
  ['自然人', '商业企业', '科研机构', '社会公益组织', '法律服务机构', '其他', '总计'].forEach((h, i) => put(h.slice(0, 2), COL(i)));
  y += 20;
  const rows = applicationRows(format);
  const vertical = [...'三、本年度办理结果'];
  rows.forEach((spec, r) => {
    let label = spec.label;
    if (o.typo) label = label.replace('其他法律行政法规禁止公开', '其他法律行政止公开');
    if (o.commaNumbering) label = label.replace(/^(\d)\./, '$1、');
    const key = spec.path.replace('tables.applications.', '');
    const values = (get(data, spec.path) as (number | null)[]).map((v, i) => o.cellText?.[`${key}[${i}]`] ?? (v === null ? '' : String(v)));
    const drawValues = (yy: number) =>
      values.forEach((v, i) => {
        if (o.splitNumbers && v.length === 2) {
          const w = doc.widthOfString(v[0]);
          put(v[0], COL(i), yy);
          put(v[1], COL(i) + w, yy);
        } else put(v, COL(i), yy);
      });
    need(30);
    if (o.breakApplicationsAfter === r) newPage();
    // labels small, as publishers print the long ones, so they end before the numbers
    const put = (text: string, x: number, yy = y) => {
      doc.fontSize(6.5);
      putAt(text, x, yy);
    };
    const x = spec.label.startsWith('一、') || spec.label.startsWith('二、') || spec.label.startsWith('四、') ? LEFT - 30 : LEFT + 20;
    if (o.verticalLabel && r >= 2 && r - 2 < vertical.length) put(vertical[r - 2], LEFT - 30, y + 6);
    if (o.splitLabels && spec.path.endsWith('.partial')) {
      put(label.slice(0, 14), x);
      drawValues(y + 8);
      put(label.slice(14), x, y + 15);
      y += 30;
    } else if (o.splitLabels && spec.path.endsWith('.confirmation')) {
      put(label.slice(0, 10), x);
      put(label.slice(10, 16), x, y + 12);
      put(label.slice(16), x, y + 24);
      drawValues(y + 24);
      y += 38;
    } else if (o.digitApart && /^3[.、]其他$/.test(label)) {
      put(label.slice(1), x + 6, y);
      put('3', x, y + 9);
      drawValues(y + 9);
      y += 26;
    } else {
      put(label, x);
      drawValues(y);
      y += 20;
    }
  });

  // 表三
  heading('四、政府信息公开行政复议、行政诉讼情况');
  if (o.ownTitles) (put('表三 政府信息公开行政复议、行政诉讼情况', 150), (y += 20));
  if (o.reviewsAcrossPages) y = Math.max(y, 700);
  need(60);
  put('行政复议', 110);
  put('行政诉讼', 380);
  y += 16;
  put('未经复议直接起诉', 250);
  put('复议后起诉', 420);
  y += 16;
  for (let i = 0; i < 15; i++) put(['维持', '纠正', '其他', '未结', '总计'][i % 5], 60 + 32 * i);
  y += 22;
  if (o.reviewsAcrossPages) newPage();
  const reviews = ['review', 'direct', 'afterReview'].flatMap((k) => get(data, `tables.reviews.${k}`) as number[]);
  reviews.forEach((v, i) => put(String(v), 64 + 32 * i));
  y += 24;

  heading('五、存在的主要问题及改进情况');
  para('一是政策解读形式较为单一；二是答复规范化水平有待提高。');
  heading('六、其他需要报告的事项');
  para('本年度未收取信息处理费。');
  doc.end();
  await done;
  return new Uint8Array(Buffer.concat(chunks));
}
