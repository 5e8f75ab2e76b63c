/**
 * Where a NaN or an Infinity would land in the files: PDF content streams and object dictionaries, and
 * the attributes of every DOCX XML part. Found by scanning the bytes, whatever wrote them.
 */
import { strFromU8, unzipSync, unzlibSync } from 'fflate';

const NON_FINITE = /(?:^|[\s[\]/(<>{}])[-+]?(?:NaN|Infinity)(?=$|[\s[\]/(<>{}])/;

/** Text outside the PDF's string literals ((…) and <hex>), where user text could say "NaN". */
function withoutStrings(s: string): string {
  return s.replace(/\((?:\\[\s\S]|[^\\)])*\)/g, '()').replace(/<[0-9A-Fa-f\s]*>/g, '<>');
}

/** Every place of the PDF that holds a non-finite number: "object 12 stream", "object 3 dictionary". */
export function pdfNonFinite(pdf: Uint8Array): string[] {
  const latin = Buffer.from(pdf).toString('latin1');
  const found: string[] = [];
  const re = /(\d+) 0 obj([\s\S]*?)(?:stream\r?\n|endobj)/g;
  for (let m; (m = re.exec(latin)); ) {
    const [all, id, dict] = m;
    if (NON_FINITE.test(withoutStrings(dict))) found.push(`object ${id} dictionary: ${dict.slice(0, 120)}`);
    if (!all.endsWith('\n') || !/stream\r?\n$/.test(all)) continue;
    // binary streams (fonts, images, metadata) are not numbers written as text
    if (/\/Subtype\s*\/(Image|XML|CIDFontType0C|OpenType)|\/Length1|\/Type\s*\/(XRef|Metadata)/.test(dict)) continue;
    const start = re.lastIndex;
    const end = latin.indexOf('endstream', start);
    const raw = pdf.subarray(start, end);
    let body: string;
    try {
      body = /\/FlateDecode/.test(dict) ? strFromU8(unzlibSync(raw), true) : strFromU8(raw, true);
    } catch {
      found.push(`object ${id} stream: cannot be inflated`);
      continue;
    }
    const bad = withoutStrings(body).split('\n').find((l) => NON_FINITE.test(l));
    if (bad) found.push(`object ${id} stream: ${bad.slice(0, 120)}`);
    re.lastIndex = end;
  }
  return found;
}

/** Every attribute of every XML part of the DOCX whose value is or holds NaN/Infinity. */
export function docxNonFinite(docx: Uint8Array): string[] {
  const found: string[] = [];
  for (const [name, bytes] of Object.entries(unzipSync(docx))) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    for (const m of strFromU8(bytes).matchAll(/([\w:]+)="([^"]*)"/g)) if (/NaN|Infinity/.test(m[2])) found.push(`${name}: ${m[0]}`);
  }
  return found;
}
