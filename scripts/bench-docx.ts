/**
 * node dist/scripts/bench-docx.js [runs]: the seed report's warm DOCX (layout + render, median of N in one
 * process), its bytes, and where the render's time goes (font subsets, XML, deflate). With Typst installed
 * (@myriaddreamin/typst-ts-node-compiler and bench/report.typ, from the perf bench) its warm compile runs
 * interleaved, so the ratio comes from the same minutes of a shared machine. A measurement, not a test.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { performance } from 'node:perf_hooks';
import * as zlib from 'node:zlib';
import { parse } from 'yaml';
import { layoutDocument, parseReport, renderDocx } from '../src/index.js';
import { bundledRegistry } from '../src/fonts/bundled.js';
import { nodeSubsetter } from '../src/fonts/hb-wasm-node.js';
import { documentPart } from '../src/render/docx/document.js';
import { embeddedFonts } from '../src/render/docx/fonts.js';
import { getTemplate } from '../templates/index.js';

const RUNS = Number(process.argv[2] ?? process.env.BENCH_RUNS ?? 30);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function typst(): (() => void) | undefined {
  try {
    const require = createRequire(import.meta.url);
    const { NodeCompiler } = require('@myriaddreamin/typst-ts-node-compiler');
    if (!existsSync('bench/report.typ')) return undefined;
    const src = readFileSync('bench/report.typ', 'utf8');
    const c = NodeCompiler.create({ workspace: 'bench', fontArgs: [{ fontPaths: ['fonts'] }] });
    c.pdf({ mainFileContent: src });
    return () => {
      c.evictCache(0); // as the perf bench does: no memoized result
      c.pdf({ mainFileContent: src });
    };
  } catch {
    return undefined;
  }
}

async function main() {
  const t = getTemplate('gov-info-annual-report-2019')!;
  const model = t.build(t.check(parse(readFileSync('examples/fangzheng-2020/fangzheng-2020.yaml', 'utf8'))).data);
  const registry = bundledRegistry();
  const hb = await nodeSubsetter();
  const date = new Date('2021-01-15T00:00:00Z');
  const compileTypst = typst();
  const T: Record<string, number[]> = { 'layout + docx': [], layout: [], docx: [], 'font subsets': [], 'document.xml': [], 'deflate fonts': [], typst: [] };
  let bytes = 0;
  for (let i = 0; i < RUNS + 3; i++) {
    const a = performance.now();
    const laid = layoutDocument(parseReport(model), { registry, creationDate: date });
    const b = performance.now();
    const docx = await renderDocx(laid, { subsetter: hb });
    const c = performance.now();
    bytes = docx.length;
    // the phases again, separately (the render above is the measured one)
    const fonts = embeddedFonts(laid, hb);
    const d = performance.now();
    documentPart(laid, [], (n) => `rId${n}`);
    const e = performance.now();
    for (const f of fonts) for (const data of [f.regular, f.bold]) if (data) zlib.deflateRawSync(data, { level: 6 });
    const f = performance.now();
    let ty = NaN;
    if (compileTypst) {
      const g = performance.now();
      compileTypst();
      ty = performance.now() - g;
    }
    if (i < 3) continue; // warm-up
    T['layout + docx'].push(c - a);
    T.layout.push(b - a);
    T.docx.push(c - b);
    T['font subsets'].push(d - c);
    T['document.xml'].push(e - d);
    T['deflate fonts'].push(f - e);
    if (compileTypst) T.typst.push(ty);
  }
  console.log(`seed report DOCX: ${bytes} bytes; warm medians of ${RUNS} (ms):`);
  for (const [k, v] of Object.entries(T)) if (v.length) console.log(`  ${k.padEnd(14)} ${median(v).toFixed(1)}`);
  if (compileTypst) console.log(`  DOCX (layout included) / Typst warm: ${(median(T['layout + docx']) / median(T.typst)).toFixed(2)}×`);
  else console.log('  (Typst not installed here: no ratio)');
}

main();
