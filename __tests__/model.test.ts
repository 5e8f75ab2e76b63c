import { CjkReportError, parseReport, reportJsonSchema } from '../src/index.js';
import { formatValue } from '../src/layout/numbers.js';
import { layoutDocument } from '../src/layout/index.js';
import { bundledRegistry } from '../src/fonts/bundled.js';

const base = { meta: { title: 't' } };

function problems(fn: () => unknown): { path: string; message: string }[] {
  try {
    fn();
  } catch (e) {
    if (e instanceof CjkReportError) return e.problems;
    throw e;
  }
  throw new Error('expected a CjkReportError');
}

describe('report model', () => {
  test('a wrong field is reported with its path and what is wrong', () => {
    const p = problems(() => parseReport({ ...base, blocks: [{ type: 'paragraph', text: 'ok' }, { type: 'heading', level: 4, text: 'x' }, { type: 'paragraph', text: 5 }] }));
    expect(p).toEqual([
      { path: 'blocks[1].level', message: '无效输入：期望 1 或 2 或 3，实际接收 数字 4' },
      { path: 'blocks[2].text', message: '无效输入：期望 string 或 array，实际接收 数字 5' },
    ]);
  });

  test('unknown fields are rejected, not ignored', () => {
    const p = problems(() => parseReport({ ...base, blocks: [{ type: 'paragraph', text: 'x', colour: 'red' }] }));
    expect(p[0].path).toBe('blocks[0]');
    expect(p[0].message).toMatch(/colour/);
  });

  test('the JSON Schema describes blocks and tables', () => {
    const s = JSON.stringify(reportJsonSchema());
    for (const word of ['"blocks"', '"rowSpan"', '"vertical"', '"pageNumbers"', '"creationDate"']) expect(s).toContain(word);
  });
});

describe('table resolution errors name the cell', () => {
  const lay = (blocks: unknown[]) => layoutDocument(parseReport({ ...base, blocks }), { registry: bundledRegistry() });

  test('overlapping spans', () => {
    const p = problems(() => lay([{ type: 'grid', id: 'g', widths: [10, 10], rows: [[{ text: 'a', rowSpan: 2 }, 'b'], [{ text: 'c', colSpan: 2 }]] }]));
    expect(p).toContainEqual({ path: 'tables.g.rows[1][0]', message: '从第 2 列起跨 2 列（colSpan 2），超出表格的 2 列' });
  });

  test('a column span running into a row span from above', () => {
    const p = problems(() => lay([{ type: 'grid', id: 'g', widths: [10, 10, 10], rows: [['a', { text: 'b', rowSpan: 2 }, 'c'], [{ text: 'd', colSpan: 3 }]] }]));
    expect(p).toContainEqual({ path: 'tables.g.rows[1][0]', message: '与 tables.g.rows[0][1] 在第 2 行第 2 列重叠' });
  });

  test('gaps', () => {
    const p = problems(() => lay([{ type: 'grid', widths: [10, 10, 10], rows: [['a', 'b', 'c'], ['d']] }]));
    expect(p).toContainEqual({ path: 'blocks[0].rows[1]', message: '第 2 行第 2 列没有单元格（空缺）；请补一个单元格或调整 rowSpan/colSpan' });
  });

  test('a data row with the wrong number of values', () => {
    const p = problems(() => lay([{ type: 'table', id: 'applications', columns: [{ label: 'a' }, { label: 'b' }], rows: [[1, 2], [3]] }]));
    expect(p).toEqual([{ path: 'tables.applications.rows[1]', message: '应有 2 个值（每个末级列一个），实有 1 个' }]);
  });

  test('a character no font of the role has is an error listing it and where it is', () => {
    const p = problems(() => lay([{ type: 'paragraph', text: 'ok' }, { type: 'paragraph', text: '古文字𠀀' }]));
    expect(p).toEqual([{ path: 'blocks[1].text', message: expect.stringContaining('𠀀（U+20000）') }]);
  });
});

describe('number formats', () => {
  test.each([
    [5949.088667, undefined, '5949.088667'],
    ['1.50', undefined, '1.50'],
    ['1.50', { decimals: 'as-given' as const }, '1.50'],
    [1234567.891, { decimals: 2, thousands: true }, '1,234,567.89'],
    [0.125, { decimals: 2 }, '0.13'],
    [9.995, { decimals: 2 }, '10.00'],
    [17, { sign: 'always' as const }, '+17'],
    [0, { sign: 'always' as const }, '0'],
    [-3, { sign: 'always' as const }, '-3'],
    ['+17', undefined, '+17'],
    [1e21, undefined, '1000000000000000000000'],
    ['—', { decimals: 2 }, '—'],
    [null, undefined, ''],
  ])('%p with %p → %p', (v, fmt, out) => {
    expect(formatValue(v, fmt)).toBe(out);
  });
});

describe('images', () => {
  // the smallest baseline JPEG (1×1 px), so the JPEG path is exercised without a binary fixture
  const jpg = '/9j/4AAQSkZJRgABAQEASABIAAD/2wBDAP//////////////////////////////////////////////////////////////////////////////////////wgALCAABAAEBAREA/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/aAAgBAQABPxA=';

  test('a JPEG is embedded in both formats at the requested width, height from its aspect ratio', async () => {
    const { render } = await import('../src/index.js');
    const { unzipSync } = await import('fflate');
    const r = await render({ meta: { title: 't' }, blocks: [{ type: 'image', data: `data:image/jpeg;base64,${jpg}`, width: 20 }] }, { creationDate: new Date(0) });
    const img = r.laidOut.flow[0];
    expect(img.kind === 'image' && [img.format, Math.round(img.width * 100), Math.round(img.height * 100)]).toEqual(['jpg', 5669, 5669]);
    expect(Buffer.from(r.pdf!).toString('latin1')).toContain('/DCTDecode');
    expect(Object.keys(unzipSync(r.docx!))).toContain('word/media/image1.jpg');
  });

  test('data that is not an image is an error at its path', () => {
    const p = problems(() => layoutDocument(parseReport({ ...base, blocks: [{ type: 'image', data: 'aGVsbG8=', width: 20 }] }), { registry: bundledRegistry() }));
    expect(p).toEqual([{ path: 'blocks[0].data', message: '不是 PNG 或 JPEG 图片（文件头不符）' }]);
  });
});
