import { strFromU8, unzipSync } from 'fflate';

export function docxParts(docx: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(docx);
}

export function docxXml(docx: Uint8Array, part = 'word/document.xml'): string {
  const parts = docxParts(docx);
  if (!parts[part]) throw new Error(`no ${part}`);
  return strFromU8(parts[part]);
}

export interface GridCellXml {
  row: number;
  col: number;
  span: number;
  vMerge?: 'restart' | 'continue';
  text: string;
  xml: string;
}

/** Each table of document.xml as grid cells: columns counted with gridSpan, vMerge noted. */
export function docxTables(xml: string): GridCellXml[][] {
  const tables: GridCellXml[][] = [];
  for (const t of xml.match(/<w:tbl>[\s\S]*?<\/w:tbl>/g) ?? []) {
    const cells: GridCellXml[] = [];
    (t.match(/<w:tr\b[\s\S]*?<\/w:tr>/g) ?? []).forEach((tr, row) => {
      let col = 0;
      for (const tc of tr.match(/<w:tc>[\s\S]*?<\/w:tc>/g) ?? []) {
        const span = Number(/<w:gridSpan w:val="(\d+)"/.exec(tc)?.[1] ?? 1);
        const vm = /<w:vMerge(?: w:val="(\w+)")?\/>/.exec(tc);
        const text = (tc.match(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g) ?? []).map((x) => x.replace(/<[^>]+>/g, '')).join('');
        cells.push({ row, col, span, vMerge: vm ? ((vm[1] as 'restart' | 'continue') ?? 'continue') : undefined, text, xml: tc });
        col += span;
      }
    });
    tables.push(cells);
  }
  return tables;
}
