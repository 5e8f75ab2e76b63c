/** One file-name sanitizer (src/file-name.ts) behind the template's name, the browser's download and Content-Disposition. */
import { safeFileName } from '../src/file-name.js';
import { fileNameFor } from '../src/browser/protocol.js';
import { contentDisposition } from '../src/server/disposition.js';
import { getTemplate } from '../templates/index.js';

test.each([
  ['方正县营商环境建设监督局2020年报告', '方正县营商环境建设监督局2020年报告'],
  ['a/b\\c:d*e?f"g<h>i|j', 'abcdefghij'],
  ['../../etc/passwd', 'etcpasswd'],
  ['.hidden', 'hidden'],
  ['报告\u202egpj.exe', '报告gpj.exe'], // a bidi override would show the name reversed
  ['标题\r\n第二行\t', '标题第二行'],
  ['  两个   空格  ', '两个 空格'],
  ['', 'report'],
  ['///', 'report'],
])('%j → %j', (name, safe) => expect(safeFileName(name)).toBe(safe));

test('a long name is cut to 80 characters (240 bytes of UTF-8 Chinese)', () => {
  expect([...safeFileName('报'.repeat(300))]).toHaveLength(80);
});

test('the three places that name a file use it', () => {
  expect(fileNameFor('a/b\u202e', 'pdf')).toBe('ab.pdf');
  expect(contentDisposition('x/../\u202ey', 'pdf')).toContain(`filename*=UTF-8''x..y.pdf`);
  const t = getTemplate('gov-info-annual-report-2021')!;
  expect(t.fileName!({ agency: '某/局\u202e', year: 2021 } as never)).toBe('某局2021年政府信息公开工作年度报告');
});
