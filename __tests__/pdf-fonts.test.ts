import { renderPdf } from '../src/index.js';
import { pdfItems } from './helpers/pdf.js';
import { renderExample } from './helpers/render.js';
import { describeWithTools, pdffonts, pdftotext } from './helpers/tools.js';

/** The PDF renderer embeds subsets made by harfbuzz when given a subsetter, by fontkit otherwise. */
describeWithTools(['pdffonts', 'pdftotext'], 'PDF font subsets: harfbuzz (Node, browser with wasm) and fontkit (no subsetter)', () => {
  test('both embed every face as a subset with a Unicode map and give the same text at the same places', async () => {
    const { pdf, laidOut } = await renderExample('examples/showcase.json');
    const plain = await renderPdf(laidOut); // no subsetter: fontkit's
    for (const bytes of [pdf!, plain]) {
      const fonts = pdffonts(bytes);
      expect(fonts.length).toBe(laidOut.used.size);
      for (const f of fonts) expect([f.name, f.emb, f.sub, f.uni]).toEqual([f.name, true, true, true]);
    }
    expect(pdftotext(plain)).toBe(pdftotext(pdf!));
    const [a, b] = [await pdfItems(pdf!), await pdfItems(plain)];
    expect(b.items.map((i) => [i.str, i.x.toFixed(2), i.y.toFixed(2)])).toEqual(a.items.map((i) => [i.str, i.x.toFixed(2), i.y.toFixed(2)]));
  });

  test('every glyph is embedded once: the harfbuzz subset is no larger than the fontkit one', async () => {
    const { pdf, laidOut } = await renderExample('examples/fangzheng-2020/fangzheng-2020.yaml', 'gov-info-annual-report-2019');
    const plain = await renderPdf(laidOut);
    expect(pdf!.length).toBeLessThanOrEqual(plain.length);
    expect(pdf!.length).toBeLessThanOrEqual(130_000); // issue 7's size target for the seed report
  });
});
