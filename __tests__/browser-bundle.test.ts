/**
 * The browser bundle's build facts (esbuild's metafile) and fonts by need — no browser needed: what the
 * bundle contains (no Node module, one fontkit, zod's zh-CN locale only), its size budget, and which font
 * files a document needs before any is fetched.
 */
import { webBuildStale } from './helpers/dist.js';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import YAML from 'yaml';
import { FontCoverageError } from '../src/errors.js';
import { fontNeeds, manifestCoverage, planFontFetches, type WebFontManifest } from '../src/fonts/needs.js';
import { BUNDLED_ROLES } from '../src/fonts/roles.js';
import { parseReport } from '../src/model/parse.js';
import { getTemplate } from '../templates/index.js';

const dist = join(process.cwd(), 'dist/browser');
let meta: { inputs: Record<string, unknown>; outputs: Record<string, { bytes: number; imports: { path: string; kind: string }[]; inputs: Record<string, unknown> }> };
let manifest: WebFontManifest;

beforeAll(() => {
  // `npm test` runs build:web first; a focused run builds when nothing is there yet
  if (webBuildStale('meta.json') || !existsSync(join(dist, 'assets/web-fonts.json'))) execFileSync('npm', ['run', 'build:web', '--silent'], { stdio: 'ignore' });
  meta = JSON.parse(readFileSync(join(dist, 'meta.json'), 'utf8'));
  manifest = JSON.parse(readFileSync(join(dist, 'assets/web-fonts.json'), 'utf8'));
});

describe('the browser bundle', () => {
  test('reaches no Node module and none of the Node-only files of the project', () => {
    const inputs = Object.keys(meta.inputs);
    expect(inputs.filter((i) => /^node:|(^|\/)(fs|path|url|module|os|child_process)$/.test(i))).toEqual([]);
    expect(inputs.filter((i) => /src\/(fonts\/bundled|fonts\/hb-wasm-node|render\/pdf\/fontkit-cache|index|cli\/)/.test(i))).toEqual([]);
    for (const out of Object.values(meta.outputs)) expect(out.imports.filter((x) => x.kind !== 'import-statement' && x.kind !== 'dynamic-import')).toEqual([]);
  });

  test('carries one fontkit, zod with only its zh-CN and en locales, and no pdfmake browser build', () => {
    const inputs = Object.keys(meta.inputs);
    const fontkits = new Set(inputs.filter((i) => i.includes('node_modules/fontkit/')).map((i) => i.replace(/\/dist\/.*/, '')));
    expect([...fontkits]).toEqual(['node_modules/fontkit']);
    expect(inputs.filter((i) => /\/fontkit\//.test(i) && !i.startsWith('node_modules/fontkit/'))).toEqual([]);
    const locales = inputs.filter((i) => /zod\/.*\/locales\/[\w-]+\.js$/.test(i)).map((i) => i.replace(/.*\//, ''));
    expect(locales.sort()).toEqual(['en.js', 'zh-CN.js']);
    expect(inputs.some((i) => i.includes('pdfmake/build/'))).toBe(false);
  });

  test('is at most 500 KB gzip', () => {
    const sizes = JSON.parse(readFileSync(join(dist, 'sizes.json'), 'utf8'));
    expect(sizes.gzip).toBeLessThanOrEqual(500 * 1024);
    expect(sizes.gzip).toBeGreaterThan(100 * 1024); // the renderers are in it
  });
});

describe('fonts by need', () => {
  const seed = (file: string, id: string) => {
    const t = getTemplate(id)!;
    return parseReport(t.build(t.check(YAML.parse(readFileSync(file, 'utf8'))).data));
  };

  test('the seed report needs the common files of the three regular faces only', () => {
    const doc = seed('examples/fangzheng-2020/fangzheng-2020.yaml', 'gov-info-annual-report-2019');
    const plan = planFontFetches(fontNeeds(doc, manifestCoverage(manifest).coverage, BUNDLED_ROLES), manifest);
    expect(plan.map((p) => `${p.family}/${p.bold ? 'bold' : 'regular'}/${p.part}`).sort()).toEqual(['LXGW WenKai/regular/common', 'Noto Sans SC/regular/common', 'Noto Serif SC/regular/common']);
    const bytes = plan.reduce((a, p) => a + p.file.brotli, 0);
    expect(bytes).toBeLessThan(3.2e6);
  });

  test('a character outside the common file (浉, GB 2312 level 2 is not in it) makes that face full, and only that face', () => {
    const doc = seed('examples/shihe-2021/shihe-2021.yaml', 'gov-info-annual-report-2021');
    const plan = planFontFetches(fontNeeds(doc, manifestCoverage(manifest).coverage, BUNDLED_ROLES), manifest);
    const serif = plan.find((p) => p.family === 'Noto Serif SC' && !p.bold)!;
    expect(serif.part).toBe('full');
    expect(serif.beyondCommon).toContain('浉');
    expect(plan.filter((p) => p.part === 'full')).toHaveLength(1);
  });

  test('bold text and the kai chain pick the faces the layout picks', () => {
    const doc = parseReport({
      meta: { title: 't' },
      blocks: [
        { type: 'paragraph', text: [{ text: '粗体', bold: true }, '常规'] },
        { type: 'paragraph', text: [{ text: '楷体', font: 'kai' }] },
      ],
    });
    const needs = fontNeeds(doc, manifestCoverage(manifest).coverage, BUNDLED_ROLES);
    const keys = needs.map((n) => `${n.family}/${n.bold ? 'bold' : 'regular'}:${String.fromCodePoint(...[...n.codePoints].filter((c) => c > 0x7f))}`);
    expect(keys).toEqual(expect.arrayContaining([expect.stringMatching(/^Noto Serif SC\/bold:.*粗体/), expect.stringMatching(/^LXGW WenKai\/regular:.*楷体/)]));
  });

  test('fixed cells that fit with the real fonts are not refused by the placeholder faces (1 em each) of the plan', () => {
    // the 任免表's cells are sized for real advances: with every glyph 1 em wide its 14 pt text would not fit
    const doc = seed('examples/cadre/lin-zhiyuan.yaml', 'cadre-appointment-form');
    const needs = fontNeeds(doc, manifestCoverage(manifest).coverage, BUNDLED_ROLES);
    const chars = needs.flatMap((n) => [...n.codePoints]).map((c) => String.fromCodePoint(c)).join('');
    for (const c of '干部任免审批表林知远简历') expect(chars).toContain(c);
  });

  test('a character no font has is the layout’s error, before anything is fetched', () => {
    const doc = parseReport({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '𠀀' }] });
    expect(() => fontNeeds(doc, manifestCoverage(manifest).coverage, BUNDLED_ROLES)).toThrow(FontCoverageError); // the typed error for missing characters (issue 8)
  });
});
