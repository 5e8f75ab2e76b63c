/**
 * What broke reading real reports, each as a small fixture: PDFs drawn item by item (helpers/synth-pdf.ts)
 * and HTML pages written here. Each must give back the data it was made from, or a clear refusal.
 */
import { importReport, ImportRefusal, toYaml } from '../src/import/index.js';
import { parseCell } from '../src/import/map.js';
import { auditImported } from '../src/import/audit.js';
import { checked, tablesOf } from './helpers/import.js';
import { readExample } from './helpers/render.js';
import { type Synth, synthPdf } from './helpers/synth-pdf.js';

const base = () => checked(readExample('examples/shihe-2021/shihe-2021.yaml')).data;
const want = tablesOf(base());

async function roundTrip(o: Synth, data = base(), format: '2021' | '2021-one-other' = '2021') {
  const pdf = await synthPdf(data, format, o);
  const imp = await importReport(pdf, 'synth.pdf');
  return { imp, tables: tablesOf(checked(imp.data).data) };
}

describe('PDF text positions', () => {
  test.each<[string, Synth]>([
    ['plain layout (the baseline of the fixtures below)', {}],
    ['a label split over two lines with its numbers between, and over three with its numbers on the last', { splitLabels: true }],
    ['the vertical label 三、本年度办理结果 mixed into the rows', { verticalLabel: true }],
    ['表二 continued on the next page with "-", "3", "-" page number items', { breakApplicationsAfter: 9 }],
    ['the digit of a label\'s numbering ("3" of 3.其他) as its own item on the value line', { digitApart: true }],
    ['a number split into digits ("1","2" for 12)', { splitNumbers: true }],
    ['a typo in a label (其他法律行政止公开)', { typo: true }],
    ['"1、" instead of "1."', { commaNumbering: true }],
    ['the intro repeating the section headings, one line starting with 三、…', { introRepeatsHeadings: true }],
    ['the publisher\'s own table titles', { ownTitles: true }],
    ['表三 split across pages (header at the bottom, numbers on the next page)', { reviewsAcrossPages: true }],
    ['all of them at once', { splitLabels: true, verticalLabel: true, breakApplicationsAfter: 12, digitApart: true, splitNumbers: true, typo: true, commaNumbering: true, introRepeatsHeadings: true, ownTitles: true, reviewsAcrossPages: true }],
  ])('%s', async (_, o) => {
    const { imp, tables } = await roundTrip(o);
    expect(tables).toEqual(want);
    expect(imp.notes).toEqual([]);
    expect(imp.format).toBe('2021');
    expect(imp.data.agency).toBe('信阳市浉河区市场监督管理局');
    // lines of prose join into their paragraphs; a line listing the headings is not a heading
    const s = imp.data.sections as Record<string, { paragraphs: unknown[] }>;
    expect(s.overview.paragraphs).toEqual(['2021年，本机关认真贯彻落实《中华人民共和国政府信息公开条例》，全年新收政府信息公开申请105件。']);
    expect(s.problems.paragraphs).toEqual(['一是政策解读形式较为单一；二是答复规范化水平有待提高。']);
    expect(imp.data.intro as string[]).toHaveLength(1);
  });

  test('a number in words in a value column (八) is read as its number and noted', async () => {
    const data = base();
    const pdf = await synthPdf(data, '2021', { cellText: { 'partial[0]': '八', 'granted[3]': '一' } });
    const imp = await importReport(pdf, 'synth.pdf');
    expect(tablesOf(checked(imp.data).data)).toEqual(want);
    expect(imp.notes.map((n) => [n.path, n.text])).toEqual([
      ['tables.applications.granted[3]', '一'],
      ['tables.applications.partial[0]', '八'],
    ]);
  });

  test('the 2021 format with （六）其他处理 as a single row', async () => {
    const d = base();
    const a = (d.tables as { applications: Record<string, unknown> }).applications;
    delete a.other;
    a.otherOneRow = [1, 0, 0, 0, 0, 1, 2];
    const { imp, tables } = await roundTrip({ splitLabels: true }, d, '2021-one-other');
    expect(imp.format).toBe('2021-one-other');
    expect(tables).toEqual(tablesOf(d));
  });

  test.each<[string, Synth, string]>([
    ['a scan (no text layer)', { scanned: true }, 'no-text-layer'],
    ['a garbled text layer (no Han characters)', { garbled: true }, 'garbled-text'],
    ['a document that is not an annual report', { notReport: true }, 'not-annual-report'],
  ])('refuses %s with a typed error naming the reason', async (_, o, reason) => {
    const pdf = await synthPdf(base(), '2021', o);
    const err = await importReport(pdf, 'x.pdf').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportRefusal);
    expect((err as ImportRefusal).reason).toBe(reason);
    expect((err as ImportRefusal).code).toBe('unreadable-input');
    expect((err as ImportRefusal).problems[0].message).toMatch(/[\u4e00-\u9fff]/);
  });
});

/** 表二/表三 as an HTML page, with hooks to spoil single cells. */
function html(cell: (path: string, v: string) => string = (_, v) => `<td>${v}</td>`, charset = 'utf-8', extra = ''): string {
  const d = base() as { agency: string; year: number; tables: { applications: Record<string, unknown>; reviews: Record<string, number[]>; proactive: Record<string, unknown> } };
  const a = d.tables.applications;
  const rows: [string, string, number[]][] = [
    ['newReceived', '一、本年新收政府信息公开申请数量', a.newReceived as number[]],
    ['carriedOver', '二、上年结转政府信息公开申请数量', a.carriedOver as number[]],
    ['granted', '（一）予以公开', a.granted as number[]],
    ['partial', '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', a.partial as number[]],
  ];
  const labels: Record<string, Record<string, string>> = {
    denied: { stateSecret: '1.属于国家秘密', prohibitedByLaw: '2.其他法律行政法规禁止公开', threeSecurity: '3.危及“三安全一稳定”', thirdParty: '4.保护第三方合法权益', internalAffairs: '5.属于三类内部事务信息', processInfo: '6.属于四类过程性信息', enforcementFiles: '7.属于行政执法案卷', inquiry: '8.属于行政查询事项' },
    unable: { notHeld: '1.本机关不掌握相关政府信息', needsCreation: '2.没有现成信息需要另行制作', unclear: '3.补正后申请内容仍不明确' },
    notProcessed: { complaint: '1.信访举报投诉类申请', repeated: '2.重复申请', publication: '3.要求提供公开出版物', massive: '4.无正当理由大量反复申请', confirmation: '5.要求行政机关确认或重新出具已获取信息' },
    other: { noCorrection: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', noFee: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', other: '3.其他' },
  };
  for (const [g, ls] of Object.entries(labels)) for (const [k, l] of Object.entries(ls)) rows.push([`${g}.${k}`, l, (a[g] as Record<string, number[]>)[k]]);
  rows.push(['total', '（七）总计', a.total as number[]], ['carriedForward', '四、结转下年度继续办理', a.carriedForward as number[]]);
  const tr = (path: string, label: string, vs: (number | string)[]) => `<tr><td colspan="3">${label}</td>${vs.map((v, i) => cell(`${path}[${i}]`, String(v))).join('')}</tr>`;
  const p = d.tables.proactive as Record<string, number | number[] | string>;
  const pr = (k: string, label: string) => tr(`proactive.${k}`, label, ([] as (number | string)[]).concat(p[k] as number));
  return `<!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=${charset}"><title>报告</title></head><body>
<p>${d.agency}</p><p>${d.year}年政府信息公开工作年度报告</p>${extra}
<p>一、总体情况</p><p>本年度新收政府信息公开申请105件。</p>
<p>二、主动公开政府信息情况</p><table><tr><td colspan="4">第二十条第（一）项</td></tr><tr><td>信息内容</td><td>本年制发件数</td><td>本年废止件数</td><td>现行有效件数</td></tr>
${pr('rules', '规章')}${pr('normativeDocs', '行政规范性文件')}<tr><td colspan="4">第二十条第（五）项</td></tr>${pr('licensing', '行政许可')}${pr('penalty', '行政处罚')}${pr('enforcement', '行政强制')}<tr><td>信息内容</td><td>本年收费金额（单位：万元）</td></tr>${pr('fees', '行政事业性收费')}</table>
<p>三、收到和处理政府信息公开申请情况</p><table><tr><td colspan="3" rowspan="3">（本列数据的勾稽关系为：第一项加第二项之和，等于第三项加第四项之和）</td><td colspan="7">申请人情况</td></tr>
<tr><td rowspan="2">自然人</td><td colspan="5">法人或其他组织</td><td rowspan="2">总计</td></tr><tr><td>商业企业</td><td>科研机构</td><td>社会公益组织</td><td>法律服务机构</td><td>其他</td></tr>
${rows.map(([path, label, vs]) => tr(path, label, vs)).join('\n')}</table>
<p>四、政府信息公开行政复议、行政诉讼情况</p><table><tr><td colspan="5">行政复议</td><td colspan="10">行政诉讼</td></tr><tr>${'<td>结果维持</td>'.repeat(15)}</tr>
<tr>${['review', 'direct', 'afterReview'].flatMap((k) => d.tables.reviews[k].map((v, i) => cell(`reviews.${k}[${i}]`, String(v)))).join('')}</tr></table>
<p>五、存在的主要问题及改进情况</p><p>无。</p><p>六、其他需要报告的事项</p><p>无。</p></body></html>`;
}

describe('HTML pages', () => {
  test('the plain page gives back every cell', async () => {
    const imp = await importReport(new TextEncoder().encode(html()), 'x.html');
    expect(tablesOf(checked(imp.data).data)).toEqual(want);
    expect(imp.notes).toEqual([]);
  });

  test('a spurious colspan on a value cell (LibreOffice\'s HTML) does not shift the values', async () => {
    const page = html((path, v) => (path === 'granted[2]' ? `<td colspan="2">${v}</td>` : `<td>${v}</td>`));
    const imp = await importReport(new TextEncoder().encode(page), 'x.html');
    expect(tablesOf(checked(imp.data).data)).toEqual(want);
  });

  test('a GBK page is decoded by its meta charset', async () => {
    const gbk = (s: string) => {
      // TextEncoder only writes UTF-8: encode GBK through a decoding table built from TextDecoder
      const table = new Map<string, number[]>();
      const dec = new TextDecoder('gbk');
      for (let hi = 0x81; hi <= 0xfe; hi++) for (let lo = 0x40; lo <= 0xfe; lo++) if (lo !== 0x7f) table.set(dec.decode(new Uint8Array([hi, lo])), [hi, lo]);
      const out: number[] = [];
      for (const ch of s) out.push(...(ch.charCodeAt(0) < 0x80 ? [ch.charCodeAt(0)] : table.get(ch) ?? [0x3f]));
      return new Uint8Array(out);
    };
    const imp = await importReport(gbk(html(undefined, 'gb2312')), 'x.htm');
    expect(imp.data.agency).toBe('信阳市浉河区市场监督管理局');
    expect(tablesOf(checked(imp.data).data)).toEqual(want);
  });

  test('0, blank, "/" and "—" stay distinct; numbers in words and annotated cells are read and noted', async () => {
    const spoil: Record<string, string> = { 'granted[1]': '', 'granted[2]': '/', 'granted[3]': '—', 'partial[0]': '八', 'reviews.review[0]': '3（其中1件撤回）', 'proactive.rules[2]': '十二' };
    const imp = await importReport(new TextEncoder().encode(html((p, v) => `<td>${spoil[p] ?? v}</td>`)), 'x.html');
    const a = (imp.data.tables as { applications: Record<string, unknown[]> }).applications;
    expect(a.granted.slice(0, 4)).toEqual([40, null, null, null]);
    expect(['granted[1]', 'granted[2]', 'granted[3]', 'granted[4]'].map((c) => imp.cells.get(`tables.applications.${c}`)!.text)).toEqual(['', '/', '—', '2']);
    expect(a.partial[0]).toBe(8);
    expect((imp.data.tables as { reviews: Record<string, unknown[]> }).reviews.review[0]).toBe(3);
    expect((imp.data.tables as { proactive: Record<string, unknown[]> }).proactive.rules[2]).toBe(12);
    expect(imp.notes.map((n) => n.path).sort()).toEqual([
      'tables.applications.granted[2]', 'tables.applications.granted[3]', 'tables.applications.partial[0]', 'tables.proactive.rules[2]', 'tables.reviews.review[0]',
    ]);
    // in the YAML: the blank is a bare null, the "/" and "—" are nulls with a comment saying what was printed
    const yaml = toYaml(imp, 'x.html');
    expect(yaml).toMatch(/# 待核对：第3个数：印为“\/”，不是数字.*；第4个数：印为“—”.*\n\s+granted: \[ 40, null, null, null, 2, 0, 50 \]/);
  });

  test('audit reports the blank as V, each "/" or "—" as 斜杠, and a missing table', async () => {
    const spoil: Record<string, string> = { 'granted[1]': '', 'granted[2]': '/', 'granted[3]': '—' };
    const page = html((p, v) => `<td>${spoil[p] ?? v}</td>`).replace(/<p>四、政府信息公开行政复议[\s\S]*?<\/table>/, '<p>四、政府信息公开行政复议、行政诉讼情况</p>');
    const imp = await importReport(new TextEncoder().encode(page), 'x.html');
    expect(imp.missing).toEqual(['表三']);
    const f = auditImported(imp).filter((x) => ['V', '斜杠', '缺表'].includes(x.rule));
    expect(f.map((x) => [x.rule, x.table, x.column, x.printed])).toEqual([
      ['缺表', '表三', '', ''],
      ['斜杠', '表二', '科研机构', '/'],
      ['斜杠', '表二', '社会公益组织', '—'],
      ['V', '表二', '商业企业', ''],
    ]);
    expect(imp.notes.filter((n) => n.path.startsWith('tables.reviews'))).toEqual([]); // the YAML header says 缺少：表三
  });

  test('a page that is not an annual report is refused', async () => {
    const err = await importReport(new TextEncoder().encode('<html><body><p>关于做好防汛工作的通知</p></body></html>'), 'x.html').catch((e: unknown) => e);
    expect((err as ImportRefusal).reason).toBe('not-annual-report');
  });
});

test('parseCell keeps 0, blank and "/" apart and reads commas, signs and decimals', () => {
  expect(parseCell('0')).toEqual({ value: 0 });
  expect(parseCell('')).toEqual({ value: null });
  expect(parseCell('/').value).toBeNull();
  expect(parseCell('/').doubt).toMatch(/印为“\/”/);
  expect(parseCell('').doubt).toBeUndefined();
  expect(parseCell('1,286')).toEqual({ value: 1286 });
  expect(parseCell('+17', 'signed')).toEqual({ value: 17 });
  expect(parseCell('-3', 'signed')).toEqual({ value: -3 });
  expect(parseCell('5949.088667', 'amount')).toEqual({ value: '5949.088667' });
  expect(parseCell('二十三').value).toBe(23);
});
