/**
 * npm run bench: times the seed report (fangzheng-2020, the 2019 template) and the showcase, per format,
 * cold (first render in a fresh process: font parsing, harfbuzz compile) and warm (median of N renders),
 * and reports output sizes and memory. Numbers for the README and issue notes, not a test.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parse } from 'yaml';
import { layoutDocument, parseReport, renderDocx, renderPdf } from '../src/index.js';
import { bundledRegistry } from '../src/fonts/bundled.js';
import { nodeSubsetter } from '../src/fonts/hb-wasm-node.js';
import { getTemplate } from '../templates/index.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const ms = (x: number) => `${x.toFixed(1)} ms`;

function seedModel() {
  const t = getTemplate('gov-info-annual-report-2019')!;
  return t.build(t.check(parse(readFileSync('examples/fangzheng-2020/fangzheng-2020.yaml', 'utf8'))).data);
}

async function main() {
  const t0 = performance.now();
  const registry = bundledRegistry();
  const tFonts = performance.now() - t0;
  const t1 = performance.now();
  const hb = await nodeSubsetter();
  const tHb = performance.now() - t1;
  console.log(`startup: bundled fonts parsed ${ms(tFonts)}, harfbuzz wasm compiled ${ms(tHb)}`);
  const date = new Date('2021-01-15T00:00:00Z');
  for (const [name, model] of [['seed report (fangzheng-2020)', seedModel()], ['showcase', JSON.parse(readFileSync('examples/showcase.json', 'utf8'))]] as const) {
    const once = async () => {
      const a = performance.now();
      const laid = layoutDocument(parseReport(model), { registry, creationDate: date });
      const b = performance.now();
      const pdf = await renderPdf(laid);
      const c = performance.now();
      const docx = await renderDocx(laid, { subsetter: hb });
      const d = performance.now();
      return { layout: b - a, pdf: c - b, docx: d - c, pdfBytes: pdf.length, docxBytes: docx.length, pages: laid.pages.length };
    };
    const cold = await once();
    const runs: Awaited<ReturnType<typeof once>>[] = [];
    for (let i = 0; i < RUNS; i++) runs.push(await once());
    const m = (k: 'layout' | 'pdf' | 'docx') => median(runs.map((r) => r[k]));
    console.log(`\n${name}: ${cold.pages} pages, PDF ${(cold.pdfBytes / 1024).toFixed(0)} KiB, DOCX ${(cold.docxBytes / 1024).toFixed(0)} KiB`);
    console.log(`  first render in process: layout ${ms(cold.layout)}, pdf ${ms(cold.pdf)}, docx ${ms(cold.docx)}`);
    console.log(`  warm, median of ${RUNS}:     layout ${ms(m('layout'))}, pdf ${ms(m('pdf'))}, docx ${ms(m('docx'))}`);
    console.log(`  warm per format (layout + render): PDF ${ms(m('layout') + m('pdf'))}, DOCX ${ms(m('layout') + m('docx'))}`);
  }
  const mem = process.memoryUsage();
  console.log(`\nmemory: rss ${(mem.rss / 1048576).toFixed(0)} MiB, heap used ${(mem.heapUsed / 1048576).toFixed(0)} MiB`);
}

main();
