/** The readers' grids: DOCX gridBefore/gridSpan/vMerge and HTML colspan/rowspan place each cell exactly. */
import { zipSync, strToU8 } from 'fflate';
import { readDocx } from '../src/import/docx.js';
import { readHtml } from '../src/import/html.js';
import { rowsOf } from '../src/import/grid.js';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const tc = (text: string, pr = '') => `<w:tc><w:tcPr>${pr}</w:tcPr><w:p><w:r><w:t>${text}</w:t></w:r></w:p></w:tc>`;
const docx = (body: string) =>
  zipSync({ 'word/document.xml': strToU8(`<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body><w:p><w:r><w:t>标题</w:t></w:r></w:p>${body}</w:body></w:document>`) });

test('DOCX: vMerge continues the cell above (its rowSpan grows), gridSpan and gridBefore move the columns', () => {
  const tbl = `<w:tbl>
    <w:tr>${tc('三、本年度办理结果', '<w:vMerge w:val="restart"/>')}${tc('（一）予以公开', '<w:gridSpan w:val="2"/>')}${tc('40')}</w:tr>
    <w:tr>${tc('', '<w:vMerge/>')}${tc('（三）不予公开', '<w:vMerge w:val="restart"/>')}${tc('1.属于国家秘密')}${tc('1')}</w:tr>
    <w:tr>${tc('', '<w:vMerge w:val="continue"/>')}${tc('', '<w:vMerge/>')}${tc('2.其他法律行政法规禁止公开')}${tc('0')}</w:tr>
    <w:tr><w:trPr><w:gridBefore w:val="3"/></w:trPr>${tc('7')}</w:tr>
  </w:tbl>`;
  const doc = readDocx(docx(tbl), 'x.docx');
  const cells = doc.tables[0].cells.map((c) => [c.text, c.row, c.col, c.rowSpan, c.colSpan]);
  expect(cells).toEqual([
    ['三、本年度办理结果', 0, 0, 3, 1],
    ['（一）予以公开', 0, 1, 1, 2],
    ['40', 0, 3, 1, 1],
    ['（三）不予公开', 1, 1, 2, 1],
    ['1.属于国家秘密', 1, 2, 1, 1],
    ['1', 1, 3, 1, 1],
    ['2.其他法律行政法规禁止公开', 2, 2, 1, 1],
    ['0', 2, 3, 1, 1],
    ['7', 3, 3, 1, 1],
  ]);
  // the rows as the mapper sees them: a merged label is read once, where it starts
  expect(rowsOf(doc.tables[0]).map((r) => [r.label, r.values.map((v) => v.text)])).toEqual([
    ['三、本年度办理结果（一）予以公开', ['40']],
    ['（三）不予公开1.属于国家秘密', ['1']],
    ['2.其他法律行政法规禁止公开', ['0']],
    ['', ['7']],
  ]);
  expect(doc.tableAt).toEqual([1]);
});

test('HTML: rowspan and colspan skip the covered positions', () => {
  const page = `<html><body><p>标题</p><table>
    <tr><td rowspan="2">三、本年度办理结果</td><td colspan="2">（一）予以公开</td><td>40</td></tr>
    <tr><td>（三）不予公开</td><td>1.属于国家秘密</td><td>1</td></tr></table></body></html>`;
  const doc = readHtml(new TextEncoder().encode(page), 'x.html');
  expect(doc.tables[0].cells.map((c) => [c.text, c.row, c.col])).toEqual([
    ['三、本年度办理结果', 0, 0],
    ['（一）予以公开', 0, 1],
    ['40', 0, 3],
    ['（三）不予公开', 1, 1],
    ['1.属于国家秘密', 1, 2],
    ['1', 1, 3],
  ]);
});
