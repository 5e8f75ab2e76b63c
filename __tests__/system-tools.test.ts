import { flatText, pdfItems } from './helpers/pdf.js';
import { readExample, renderExample } from './helpers/render.js';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describeWithTools, libreOfficeToPdf, pdffonts, pdftotext, tmp } from './helpers/tools.js';

const SHOWCASE = 'examples/showcase.json';

describeWithTools(['pdffonts', 'pdftotext'], 'PDF fonts (poppler)', () => {
  test('every font is embedded, subset, with a Unicode map', async () => {
    const { pdf } = await renderExample(SHOWCASE);
    const fonts = pdffonts(pdf!);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    for (const f of fonts) expect([f.name, f.emb, f.sub, f.uni]).toEqual([f.name, true, true, true]);
    expect(fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, ''))).toEqual(expect.arrayContaining(['NotoSerifSC-Regular', 'NotoSansSC-Regular', 'LXGWWenKai-Regular']));
  });

  test('pdftotext finds the same text as pdfjs', async () => {
    const { pdf } = await renderExample(SHOWCASE);
    const poppler = pdftotext(pdf!).replace(/\s+/g, '');
    const js = flatText((await pdfItems(pdf!)).items);
    expect(new Set(poppler)).toEqual(new Set(js));
  });
});

describeWithTools(['soffice', 'pdffonts', 'pdftotext'], 'DOCX in LibreOffice', () => {
  let converted: Uint8Array;
  beforeAll(async () => {
    const { docx } = await renderExample(SHOWCASE);
    converted = libreOfficeToPdf(docx!);
  }, 180000);

  test('LibreOffice draws with the embedded Noto/WenKai fonts, not a system fallback', () => {
    const names = pdffonts(converted).map((f) => f.name.replace(/^[A-Z]{6}\+/, ''));
    expect(names.filter((n) => /Droid|DejaVu|Liberation|OpenSymbol/.test(n))).toEqual([]);
    expect(names).toEqual(expect.arrayContaining(['NotoSerifSC-Regular', 'NotoSansSC-Regular', 'LXGWWenKai-Regular']));
  });

  test('every character of the input is in the LibreOffice rendering', () => {
    const text = pdftotext(converted).replace(/\s+/g, '').normalize('NFKC');
    const model = JSON.stringify(readExample(SHOWCASE));
    const words = [...model.matchAll(/"(?:text|label|caption|header|footer)":"([^"]+)"/g)].map((m) => m[1]).join('').replace(/\\n|\s+/g, '');
    // stacked labels are written in vertical presentation forms (︑ for 、); NFKC folds most back
    const fold = (s: string) => s.normalize('NFKC').replace(/[︑、]/g, '、');
    const missing = [...new Set(fold(words))].filter((c) => !fold(text).includes(c));
    expect(missing).toEqual([]);
  });
});

describeWithTools(['qpdf'], 'PDF structure (qpdf)', () => {
  test('qpdf --check finds no errors in the showcase and the seed report', async () => {
    for (const [file, template] of [['examples/showcase.json'], ['examples/fangzheng-2020/fangzheng-2020.yaml', 'gov-info-annual-report-2019']] as [string, string?][]) {
      const { pdf } = await renderExample(file, template);
      const path = join(tmp(), 'a.pdf');
      writeFileSync(path, pdf!);
      const out = execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
      expect(out).toContain('No syntax or stream encoding errors found');
    }
  });
});
