import { type Unzipped, zipSync, strFromU8, strToU8 } from 'fflate';
import type { Face } from '../../fonts/face.js';

/** 32 hex digits from a string, stable across runs (FNV-1a with four seeds; not for security). */
function stableGuid(s: string): string {
  let out = '';
  for (const seed of [0x811c9dc5, 0x01000193, 0x9e3779b9, 0x85ebca6b]) {
    let h = seed >>> 0;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
    out += h.toString(16).padStart(8, '0');
  }
  return out.toUpperCase();
}

function keyBytes(guid: string): number[] {
  return (guid.replace(/[{}-]/g, '').match(/../g) ?? []).map((h) => parseInt(h, 16)).reverse();
}

/** OS/2 Unicode and code-page ranges as Word's w:sig wants them (8 hex digits each). */
function signature(face: Face): string {
  const os2 = (face.font as unknown as { 'OS/2'?: { ulCharRange?: number[]; codePageRange?: number[] } })['OS/2'];
  const u = os2?.ulCharRange ?? [0, 0, 0, 0];
  const c = os2?.codePageRange ?? [0, 0];
  const hex = (n: number) => (n >>> 0).toString(16).toUpperCase().padStart(8, '0');
  return `w:usb0="${hex(u[0])}" w:usb1="${hex(u[1])}" w:usb2="${hex(u[2])}" w:usb3="${hex(u[3])}" w:csb0="${hex(c[0])}" w:csb1="${hex(c[1])}"`;
}

/**
 * Mends what docx writes that is wrong for CJK or not reproducible: the embedded fonts' signatures
 * (docx writes a Latin-only one), the random font keys (the fonts are re-obfuscated with stable keys),
 * the creation dates, and the zip's timestamps. The same input and date give the same bytes.
 */
export function finalizeDocx(files: Unzipped, faces: Map<string, Face>, date: Date): Uint8Array {
  const fontTable = files['word/fontTable.xml'] ? strFromU8(files['word/fontTable.xml']) : undefined;
  const rels = files['word/_rels/fontTable.xml.rels'] ? strFromU8(files['word/_rels/fontTable.xml.rels']) : '';
  if (fontTable) {
    const target = new Map<string, string>();
    for (const m of rels.matchAll(/<Relationship\b[^>]*?Id="([^"]+)"[^>]*?Target="([^"]+)"/g)) target.set(m[1], m[2]);
    for (const m of rels.matchAll(/<Relationship\b[^>]*?Target="([^"]+)"[^>]*?Id="([^"]+)"/g)) target.set(m[2], m[1]);
    const fixed = fontTable.replace(/<w:font w:name="([^"]+)">([\s\S]*?)<\/w:font>/g, (whole, name: string, body: string) => {
      const face = faces.get(name);
      let out = face ? body.replace(/<w:sig [^>]*\/>/, `<w:sig ${signature(face)}/>`) : body;
      out = out.replace(/<w:(embed\w+) ([^>]*?)\/>/g, (el, kind: string, attrs: string) => {
        const id = /r:id="([^"]+)"/.exec(attrs)?.[1];
        const old = /w:fontKey="\{([^}]+)\}"/.exec(attrs)?.[1];
        if (!id || !old) return el;
        const fresh = stableGuid(`${name}/${kind}`);
        const path = `word/${target.get(id) ?? ''}`;
        const data = files[path];
        if (data) {
          const a = keyBytes(old);
          const b = keyBytes(fresh);
          for (let i = 0; i < 32 && i < data.length; i++) data[i] ^= a[i % 16] ^ b[i % 16];
        }
        const guid = `${fresh.slice(0, 8)}-${fresh.slice(8, 12)}-${fresh.slice(12, 16)}-${fresh.slice(16, 20)}-${fresh.slice(20)}`;
        return `<w:${kind} ${attrs.replace(/w:fontKey="\{[^}]+\}"/, `w:fontKey="{${guid}}"`)}/>`;
      });
      return whole.replace(body, out);
    });
    files['word/fontTable.xml'] = strToU8(fixed);
  }
  if (files['word/settings.xml']) {
    // Word's default when absent; LibreOffice otherwise compresses CJK punctuation and fits more per line than the PDF.
    files['word/settings.xml'] = strToU8(strFromU8(files['word/settings.xml']).replace('<w:compat>', '<w:characterSpacingControl w:val="doNotCompress"/><w:compat>'));
  }
  let drawingId = 0;
  for (const name of Object.keys(files).sort()) {
    if (!/^word\/(document|header\d*|footer\d*)\.xml$/.test(name)) continue;
    // docx numbers drawings with a process-wide counter; renumber per document so output is reproducible
    files[name] = strToU8(quietMergedCells(strFromU8(files[name]).replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++drawingId}"`)));
  }
  const iso = date.toISOString().replace(/\.\d{3}Z$/, 'Z');
  if (files['docProps/core.xml']) {
    files['docProps/core.xml'] = strToU8(
      strFromU8(files['docProps/core.xml']).replace(/(<dcterms:(?:created|modified)[^>]*>)[^<]*(<\/dcterms:)/g, `$1${iso}$2`),
    );
  }
  const mtime = date.getTime() < Date.UTC(1980, 0, 2) ? new Date(Date.UTC(1980, 0, 2)) : date;
  const entries: Record<string, [Uint8Array, { mtime: Date; level: 1 | 6 }]> = {};
  // Fonts are most of the bytes and deflate little better at level 6 than at 1, for several times the time.
  for (const [name, data] of Object.entries(files)) entries[name] = [data, { mtime, level: name.endsWith('.odttf') ? 1 : 6 }];
  return zipSync(entries);
}

/**
 * The cells docx adds under a vertical merge hold an empty paragraph in the document's body size (16 pt in
 * 公文), which Word counts when it sizes the row. Make those paragraphs a hairline so rows keep the layout's height.
 */
export function quietMergedCells(xml: string): string {
  return xml.replace(/(<w:vMerge w:val="continue"\/>(?:(?!<\/w:tcPr>)[\s\S])*<\/w:tcPr>)<w:p>(?:<w:pPr>((?:(?!<\/w:pPr>)[\s\S])*)<\/w:pPr>)?<\/w:p>/g, (_m, head: string, ppr = '') => {
    const jc = /<w:jc [^>]*\/>/.exec(ppr)?.[0] ?? '';
    return `${head}<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="20" w:lineRule="exact"/>${jc}<w:rPr><w:sz w:val="2"/><w:szCs w:val="2"/></w:rPr></w:pPr></w:p>`;
  });
}
