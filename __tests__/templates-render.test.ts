import { readFileSync } from 'node:fs';
import { getTemplate } from '../templates/index.js';
import { APPLICANT_COLUMNS, DENIED, NOT_PROCESSED, OTHER_2021, ROWS, UNABLE } from '../templates/gov-info-annual-report/labels.js';
import { docxTables, docxXml } from './helpers/docx.js';
import { flatText, pdfItems, type TextItem } from './helpers/pdf.js';
import { readExample, renderExample } from './helpers/render.js';
import { describeWithTools, libreOfficeToPdf, pdftotext } from './helpers/tools.js';

const EX2021 = 'examples/shihe-2021/shihe-2021.yaml';
const T2021 = getTemplate('gov-info-annual-report-2021')!;

/** Expected 表二 rows (label as printed → 7 values), from the checked data. */
function expectedRows(): [string, number[]][] {
  const a = T2021.check(readExample(EX2021)).data.tables.applications as Record<string, unknown> & { [k: string]: number[] };
  const sub = (key: string, labels: Record<string, string>) => Object.entries(labels).map(([k, l]) => [l, (a[key] as unknown as Record<string, number[]>)[k]] as [string, number[]]);
  return [
    [ROWS.newReceived, a.newReceived], [ROWS.carriedOver, a.carriedOver], [ROWS.granted, a.granted],
    ...sub('denied', DENIED), ...sub('unable', UNABLE), ...sub('notProcessed', NOT_PROCESSED), ...sub('other', OTHER_2021),
    [ROWS.total, a.total], [ROWS.carriedForward, a.carriedForward],
  ];
}

/** The first fragment each 表二 column header prints (headers wrap or stack in narrow columns). */
const HEADER_PROBES = ['自', '商业', '科研', '社会', '法律', '其', '总计'];

describe('2021 example: every number lands in its labelled cell', () => {
  test('PDF: by position — the number sits in its column header\'s x-range on its row label\'s line', async () => {
    const { pdf, laidOut } = await renderExample(EX2021, 'gov-info-annual-report-2021');
    const { items } = await pdfItems(pdf!);
    const table = laidOut.flow.find((b) => b.kind === 'table' && b.id === 'applications');
    if (!table || table.kind !== 'table') throw new Error('no applications table');
    const colW = table.colWidths[3];
    for (const [label, values] of expectedRows()) {
      const head = label.slice(0, 12);
      const at = items.findIndex((i) => i.str.startsWith(head) && i.x < 200);
      expect([label, at >= 0]).toEqual([label, true]);
      const lab = items[at];
      // a wrapped label continues in the next items: the row spans from its first line to its last
      let last = at;
      for (let text = lab.str; text.length < label.length && last + 1 < items.length; ) text += items[++last].str;
      const [top, bottom] = [lab.y - 8, items[last].y + 8];
      // column centres from the header on the same page, above the label
      const centres = HEADER_PROBES.map((probe) => {
        const h = items.filter((i) => i.page === lab.page && i.str === probe && i.y < lab.y).sort((a, b) => a.y - b.y)[0];
        return h.x + h.width / 2;
      });
      const cells = values.map((_, c) => items.filter((i) => i.page === lab.page && Math.abs(i.x + i.width / 2 - centres[c]) < colW / 2 && i.y > top && i.y < bottom && /^\d+$/.test(i.str)));
      expect([label, cells.map((found) => found.map((f) => Number(f.str)))]).toEqual([label, values.map((v) => [v])]);
    }
    // 表一's amount and 表三's row
    const fee = items.find((i) => i.str === '行政事业性收费')!;
    expect(items.some((i) => i.str === '5949.088667' && i.page === fee.page && Math.abs(i.y - fee.y) < 6 && i.x > fee.x)).toBe(true);
    const reviewRow = rowOf(items, '3', '11');
    expect(reviewRow).toEqual(['3', '2', '1', '5', '11', '2', '1', '0', '1', '4', '1', '0', '0', '1', '2']);
  });

  test('DOCX: by grid position in the Word table', async () => {
    const { docx } = await renderExample(EX2021, 'gov-info-annual-report-2021');
    const tables = docxTables(docxXml(docx!));
    const t = tables.find((x) => x.some((c) => c.text.startsWith('（本列数据的勾稽关系为')))!;
    const colOf = (h: string) => t.find((c) => c.row < 3 && c.text.replace(/[\s︑]/g, '') === h)!.col;
    const cols = APPLICANT_COLUMNS.map(colOf);
    expect(cols).toEqual([3, 4, 5, 6, 7, 8, 9]);
    for (const [label, values] of expectedRows()) {
      const lab = t.find((c) => c.text === label && !c.vMerge?.startsWith('cont'))!;
      expect([label, lab !== undefined]).toEqual([label, true]);
      const got = cols.map((col) => t.find((c) => c.row === lab.row && c.col === col)?.text);
      expect([label, got]).toEqual([label, values.map(String)]);
    }
    const reviews = tables.find((x) => x.some((c) => c.text === '行政复议'))!;
    expect(reviews.filter((c) => c.row === 3).map((c) => c.text)).toEqual(['3', '2', '1', '5', '11', '2', '1', '0', '1', '4', '1', '0', '0', '1', '2']);
  });
});

/** The numbers on the line of 表三's data row, left to right. */
function rowOf(items: TextItem[], first: string, fifth: string): string[] {
  for (const it of items.filter((i) => i.str === first)) {
    const row = items.filter((i) => i.page === it.page && Math.abs(i.y - it.y) < 1 && /^\d+$/.test(i.str)).sort((a, b) => a.x - b.x);
    if (row.length === 15 && row[4].str === fifth) return row.map((r) => r.str);
  }
  return [];
}

/** The seed's prose lines and table labels (tab-led cells; a cell's following lines continue it). */
function seed(): { prose: string[]; labels: string[] } {
  const lines = readFileSync('__tests__/fixtures/seed-fangzheng-2020.txt', 'utf8').split('\n');
  const prose: string[] = [];
  const labels: string[] = [];
  let cell: string | undefined;
  for (const line of lines) {
    if (line.startsWith('\t')) {
      if (cell) labels.push(cell);
      cell = line.slice(1).trim();
    } else if (cell !== undefined && line.trim() && !/^\s?[一二三四五六]、|^\[bookmark/.test(line)) cell += line.trim();
    else {
      if (cell) labels.push(cell);
      cell = undefined;
      if (line.trim()) prose.push(line);
    }
  }
  if (cell) labels.push(cell);
  // The text dump flattened Word's automatic numbering ("二、" → "2、 ") and kept a bookmark marker.
  const fixed = prose.map((p) => p.replace('[bookmark: _GoBack]', '').replace(/^2、 /, '二、').trim());
  return { prose: fixed, labels: [...new Set(labels.filter((l) => l && !/^[0-9+\-.]+$/.test(l)))] };
}

/** No whitespace, and no page numbers (a paragraph that crosses a page has one in the middle of its text). */
const squash = (s: string) => s.replace(/\s+/g, '').replace(/—\d+—/g, '');

describe('the seed (fangzheng-2020) renders with all of its content', () => {
  test('the PDF text has every line of the seed\'s prose and every table label', async () => {
    const { pdf } = await renderExample('examples/fangzheng-2020/fangzheng-2020.yaml', 'gov-info-annual-report-2019');
    const text = squash(flatText((await pdfItems(pdf!)).items));
    const { prose, labels } = seed();
    expect(prose.length).toBeGreaterThanOrEqual(20);
    expect(labels.length).toBeGreaterThan(50);
    expect(prose.filter((p) => !text.includes(squash(p)))).toEqual([]);
    expect(labels.filter((l) => !text.includes(squash(l)))).toEqual([]);
  });
});

describeWithTools(['soffice', 'pdftotext'], 'the seed\'s DOCX through LibreOffice', () => {
  test('the converted DOCX has every line of prose and every table label', async () => {
    const { docx } = await renderExample('examples/fangzheng-2020/fangzheng-2020.yaml', 'gov-info-annual-report-2019');
    const raw = pdftotext(libreOfficeToPdf(docx!)).normalize('NFKC');
    // LibreOffice spaces Chinese from digits and stacks labels in vertical forms: fold both away
    const text = squash(raw).replace(/[︑]/g, '、');
    const fold = (s: string) => squash(s.normalize('NFKC'));
    const { prose, labels } = seed();
    expect(prose.filter((p) => !text.includes(fold(p)))).toEqual([]);
    const cellText = squash(raw);
    expect(labels.filter((l) => ![...fold(l)].every((ch) => cellText.includes(ch)) )).toEqual([]);
  }, 120000);
});

describeWithTools(['soffice', 'pdftotext'], 'PDF and DOCX break lines alike', () => {
  const norm = (l: string) => l.replace(/\s+/g, '').replace(/[︑]/g, '、').replace(/[、。，；：？！]$/, '');

  test.each([
    ['examples/fangzheng-2020/fangzheng-2020.yaml', 'gov-info-annual-report-2019'],
    ['examples/shihe-2021/shihe-2021.yaml', 'gov-info-annual-report-2021'],
  ])('%s: every line of every paragraph in the PDF is a line in LibreOffice\'s rendering of the DOCX', async (file, template) => {
    const { docx, laidOut } = await renderExample(file, template);
    const paragraphLines = laidOut.flow
      .flatMap((b) => (b.kind === 'paragraph' ? b.lines : []))
      .map((l) => norm(l.pieces.map((p) => p.text).join('')))
      .filter((l) => [...l].length >= 6);
    const lo = new Set(pdftotext(libreOfficeToPdf(docx!)).split('\n').map(norm));
    expect(paragraphLines.length).toBeGreaterThan(25);
    expect(paragraphLines.filter((l) => !lo.has(l))).toEqual([]);
  }, 120000);
});
