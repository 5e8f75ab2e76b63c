import { readFileSync } from 'node:fs';
import { FontRegistry, newBundledRegistry, parseReport, render } from '../src/index.js';
import { layoutDocument } from '../src/layout/index.js';
import type { FontRole } from '../src/model/text.js';
import { flatText, pdfItems } from './helpers/pdf.js';

const reg = newBundledRegistry();

function gb2312(): string[] {
  const dec = new TextDecoder('gb18030');
  const out: string[] = [];
  for (let hi = 0xa1; hi <= 0xf7; hi++)
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const c = dec.decode(new Uint8Array([hi, lo]));
      if (c !== '\ufffd' && !/[\ue000-\uf8ff]/.test(c)) out.push(c);
    }
  return out;
}

describe('bundled fonts', () => {
  const gb = gb2312();
  const divisions = [...readFileSync('fonts/division-chars.txt', 'utf8').trim()];
  const extra = ['\u2014', '\u2212', '\u3000', ...'0123456789ABCxyz，。、；：？！（）《》“”…︐︑︵︶'];

  test('the GB 2312 code space decodes to its 6,763 hanzi (and the symbol rows, with GB 18030\'s additions), divisions to 3,000+', () => {
    expect(gb.filter((c) => /\p{Script=Han}/u.test(c) && c !== '〇' && c !== '々' && c !== '〆')).toHaveLength(6763);
    expect(gb.length).toBeGreaterThanOrEqual(7445);
    expect(divisions.length).toBeGreaterThan(3000);
    expect(divisions).toContain('浉');
  });

  test.each([['serif'], ['sans'], ['kai'], ['fangsong'], ['title']] as [FontRole][])('role %s draws all of GB 2312, every division name, — and −, regular and bold', (role) => {
    for (const bold of [false, true]) {
      const missing = [...gb, ...divisions, ...extra].filter((c) => !reg.pick(role, bold, c.codePointAt(0)!));
      expect(missing).toEqual([]);
    }
  });

  test('a registered font goes first in its role; characters it lacks fall to the rest of the chain', () => {
    const r = newBundledRegistry();
    r.register('My Kai', { regular: readFileSync('fonts/LXGWWenKai-Regular.ttf') });
    r.assign('fangsong', ['My Kai']);
    expect(r.pick('fangsong', false, '仿'.codePointAt(0)!)!.family).toBe('My Kai');
    expect(r.pick('fangsong', true, '仿'.codePointAt(0)!)!.family).toBe('My Kai'); // no bold face: regular draws bold
    expect(r.pick('fangsong', false, 0x40e5)!.family).toBe('Noto Serif SC'); // WenKai lacks U+40E5
  });

  test('a character outside every font of a role is an error unless fallback is allowed', async () => {
    const r = new FontRegistry({ serif: ['Only Latin'] });
    r.register('Only Latin', { regular: readFileSync('fonts/NotoSansSC-Regular.ttf') });
    const doc = parseReport({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '𠀀' }] });
    expect(() => layoutDocument(doc, { registry: r })).toThrow(/U\+20000/);
    const fallback = parseReport({ meta: { title: 't' }, allowFontFallback: true, blocks: [{ type: 'paragraph', text: '中文 abc' }] });
    const { pdf, laidOut } = await render(fallback, { formats: ['pdf'], registry: r });
    const { items } = await pdfItems(pdf!);
    expect(flatText(items)).toBe('中文abc1'); // the text, then the page number
    expect([...laidOut.used.values()].map((u) => u.face.family)).toEqual(['Only Latin']);
  });
});
