/** Embedded fonts: obfuscation per ECMA-376 17.8.1, the font table's signature and character set, and the subsets. */
import * as fontkit from 'fontkit';
import { bundledRegistry } from '../src/fonts/bundled.js';
import { nodeSubsetter } from '../src/fonts/hb-wasm-node.js';
import { fontKey, fontTable, obfuscate, signature, stableGuid } from '../src/render/docx/fonts.js';

const registry = bundledRegistry();
const serif = registry.face('Noto Serif SC', false);

test('obfuscation XORs the first 32 bytes with the key read backwards from the GUID, and undoes itself', () => {
  const key = '00112233445566778899AABBCCDDEEFF';
  const font = new Uint8Array(40);
  obfuscate(font, key);
  expect([...font.slice(0, 16)]).toEqual([0xff, 0xee, 0xdd, 0xcc, 0xbb, 0xaa, 0x99, 0x88, 0x77, 0x66, 0x55, 0x44, 0x33, 0x22, 0x11, 0x00]);
  expect([...font.slice(16, 32)]).toEqual([...font.slice(0, 16)]);
  expect([...font.slice(32)]).toEqual(new Array(8).fill(0));
  obfuscate(font, key);
  expect([...font]).toEqual(new Array(40).fill(0));
  expect(fontKey(key)).toBe('{00112233-4455-6677-8899-AABBCCDDEEFF}');
});

test('font keys are stable per family and kind, and differ between them', () => {
  expect(stableGuid('Noto Serif SC/embedRegular')).toBe(stableGuid('Noto Serif SC/embedRegular'));
  expect(stableGuid('Noto Serif SC/embedRegular')).not.toBe(stableGuid('Noto Serif SC/embedBold'));
  expect(stableGuid('x')).toMatch(/^[0-9A-F]{32}$/);
});

test('the signature is the font\'s own OS/2 ranges: CJK ideographs and the GB 2312 code page', () => {
  const sig = signature(serif);
  const field = (n: string) => parseInt(new RegExp(`w:${n}="([0-9A-F]{8})"`).exec(sig)![1], 16);
  expect(field('usb1') & (1 << 27)).not.toBe(0); // CJK Unified Ideographs
  expect(field('csb0') & (1 << 18)).not.toBe(0); // code page 936, simplified Chinese
});

test('the font table: GB 2312 charset, regular and bold embedded with keys, fonts obfuscated in the package', async () => {
  const hb = await nodeSubsetter();
  const cps = [...'报告2021'].map((c) => c.codePointAt(0)!);
  const regular = hb.subset(serif.bytes, cps, { layout: false });
  const plain = regular.slice();
  const bold = hb.subset(registry.face('Noto Serif SC', true).bytes, cps, { layout: false });
  const t = fontTable([{ family: 'Noto Serif SC', face: serif, regular, bold }]);
  expect(t.xml).toMatch(/<w:font w:name="Noto Serif SC"><w:charset w:val="86"\/><w:family w:val="auto"\/><w:pitch w:val="variable"\/><w:sig [^>]+\/><w:embedRegular r:id="rId1" w:fontKey="\{[0-9A-F-]{36}\}"\/><w:embedBold r:id="rId2" w:fontKey="\{[0-9A-F-]{36}\}"\/><\/w:font>/);
  expect(t.rels).toContain('Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/font" Target="fonts/font2.odttf"');
  expect(t.files.map((f) => f.path)).toEqual(['word/fonts/font1.odttf', 'word/fonts/font2.odttf']);
  const key = /embedRegular r:id="rId1" w:fontKey="\{([^}]+)\}"/.exec(t.xml)![1].replace(/-/g, '');
  const back = obfuscate(t.files[0].data.slice(), key);
  expect(Buffer.from(back).equals(Buffer.from(plain))).toBe(true);
});

test('subsets for embedding hold the code points\' glyphs only, without layout tables, and stay complete TrueType fonts', async () => {
  const hb = await nodeSubsetter();
  const text = '政府信息公开工作年度报告，（一）';
  const cps = [...text].map((c) => c.codePointAt(0)!);
  const withLayout = fontkit.create(Buffer.from(hb.subset(serif.bytes, cps))) as fontkit.Font;
  const bare = fontkit.create(Buffer.from(hb.subset(serif.bytes, cps, { layout: false }))) as fontkit.Font;
  const tables = (f: fontkit.Font) => Object.keys((f as unknown as { directory: { tables: Record<string, unknown> } }).directory.tables);
  expect(tables(bare)).toEqual(expect.arrayContaining(['cmap', 'name', 'OS/2', 'post', 'glyf', 'hmtx']));
  expect(tables(bare)).not.toEqual(expect.arrayContaining(['GSUB']));
  expect(tables(withLayout)).toEqual(expect.arrayContaining(['GSUB', 'GPOS']));
  expect(bare.numGlyphs).toBe(new Set(cps).size + 1); // + .notdef
  expect(withLayout.numGlyphs).toBeGreaterThan(bare.numGlyphs); // vertical forms and alternates pulled in
  for (const c of cps) expect(bare.glyphForCodePoint(c).advanceWidth).toBe(serif.font.glyphForCodePoint(c).advanceWidth);
});

test('remembered subsets: the same request gives equal bytes in a fresh buffer (the DOCX obfuscates in place), another request its own subset', async () => {
  const hb = await nodeSubsetter();
  const cps = [...'年度报告'].map((c) => c.codePointAt(0)!);
  const a = hb.subset(serif.bytes, cps, { layout: false });
  const copy = a.slice();
  obfuscate(a, '00112233445566778899AABBCCDDEEFF'); // a caller changing its bytes…
  const b = hb.subset(serif.bytes, new Set([...cps].reverse()), { layout: false }); // …does not change the next answer (order does not matter)
  expect(Buffer.from(b).equals(Buffer.from(copy))).toBe(true);
  expect(b.buffer).not.toBe(a.buffer);
  expect(hb.subset(serif.bytes, cps).length).toBeGreaterThan(b.length); // with layout tables: another subset
  const g = hb.subsetGlyphs(serif.bytes, [0, 5, 9]);
  expect(hb.subsetGlyphs(serif.bytes, [9, 0, 5])).toEqual(g);
  expect(hb.subsetGlyphs(serif.bytes, [0, 5, 9], true).glyphs).toBeGreaterThan(g.glyphs); // retained ids: its own entry
});
