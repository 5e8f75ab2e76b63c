/** Text and positions from a PDF with pdfjs-dist, in points with y measured down from the page top. */
export interface TextItem {
  str: string;
  page: number;
  x: number;
  /** baseline */
  y: number;
  width: number;
  size: number;
}

export async function pdfItems(data: Uint8Array): Promise<{ items: TextItem[]; pages: number }> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: data.slice(), disableFontFace: true, useSystemFonts: false, verbosity: 0 }).promise;
  const items: TextItem[] = [];
  for (let p = 1; p <= doc.numPages; p++) {
    const page = await doc.getPage(p);
    const height = page.view[3];
    const content = await page.getTextContent();
    for (const it of content.items) {
      if (!('str' in it) || !it.str) continue;
      const [a, , , d, e, f] = it.transform as number[];
      items.push({ str: it.str, page: p, x: e, y: height - f, width: it.width, size: Math.abs(d || a) });
    }
  }
  const pages = doc.numPages;
  await doc.destroy();
  return { items, pages };
}

/** All text of a PDF as one string without whitespace (lines are broken anywhere). */
export function flatText(items: TextItem[]): string {
  return items.map((i) => i.str).join('').replace(/\s+/g, '');
}
