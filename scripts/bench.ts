/**
 * npm run bench: every figure of issue 7 in one run, Typst measured beside the project in the same run.
 * Warm renders run in several child processes (interleaved with Typst's), cold processes under hyperfine.
 * Prints one table and writes it to out/bench/results.md (+ results.json with every sample).
 * BENCH_QUICK=1 for a smoke run (fewer processes and samples). A benchmark, not a test.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { cpus, totalmem } from 'node:os';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { typstFonts } from './bench-typst.js';

const QUICK = !!process.env.BENCH_QUICK;
const env = (k: string, d: number, q: number) => Number(process.env[k] ?? (QUICK ? q : d));
const PROCS = env('BENCH_PROCS', 3, 1); // warm: child processes per system
const ITERS = env('BENCH_ITERS', 20, 6); // warm: timed renders per process
const COLD = env('BENCH_COLD_RUNS', 9, 3); // cold: hyperfine runs per command
const LONG = env('BENCH_LONG_ITERS', 3, 1);
// untimed renders first: V8's optimizing tiers (JS and harfbuzz's wasm) take about ten renders to settle
const WARMUP = env('BENCH_WARMUP', 10, 10);
const BATCH = env('BENCH_BATCH', 120, 30); // reports in the batch
const RSS_RENDERS = env('BENCH_RSS_RENDERS', 1000, 200);
const OUT = 'out/bench';
const SEED_ARGS = 'render examples/fangzheng-2020/fangzheng-2020.yaml --template gov-info-annual-report-2019 --format pdf,docx';

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const log = (s: string) => process.stderr.write(s);

function child(script: string, ...args: string[]): any {
  const flags = script === 'bench-rss.js' ? ['--expose-gc'] : [];
  const r = spawnSync(process.execPath, [...flags, `dist/scripts/${script}`, ...args], { encoding: 'utf8', maxBuffer: 64 << 20 });
  if (r.status !== 0) throw new Error(`${script} ${args.join(' ')} failed (${r.status}):\n${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop()!);
}

interface Cold { command: string; median: number; times: number[]; }
function hyperfine(cmds: Record<string, string>, runs: number): Record<string, Cold> {
  const json = `${OUT}/hyperfine.json`;
  const names = Object.keys(cmds);
  execFileSync('hyperfine', ['-N', '--warmup', '1', '--runs', String(runs), '--export-json', json, ...names.flatMap((n) => ['-n', n, cmds[n]])], { stdio: ['ignore', 'ignore', 'inherit'] });
  const res = JSON.parse(readFileSync(json, 'utf8')).results as { command: string; times: number[] }[];
  return Object.fromEntries(res.map((r) => [r.command, { command: cmds[r.command], median: median(r.times) * 1000, times: r.times.map((t) => t * 1000) }]));
}

async function main() {
  const started = performance.now();
  rmSync(OUT, { recursive: true, force: true });
  mkdirSync(`${OUT}/cold`, { recursive: true });
  typstFonts();

  // Warm: PROCS rounds, each one process per system, the order rotating.
  const systems = {
    pdf: () => child('bench-warm.js', 'pdf', 'seed', String(ITERS), String(WARMUP)),
    docx: () => child('bench-warm.js', 'docx', 'seed', String(ITERS), String(WARMUP)),
    typst: () => child('bench-typst.js', 'warm', String(ITERS), String(WARMUP)),
  };
  const warm: Record<string, any[]> = { pdf: [], docx: [], typst: [] };
  const keys = Object.keys(systems) as (keyof typeof systems)[];
  for (let p = 0; p < PROCS; p++) {
    log(`warm round ${p + 1}/${PROCS}:`);
    for (let k = 0; k < keys.length; k++) {
      const key = keys[(k + p) % keys.length];
      warm[key].push(systems[key]());
      log(` ${key}`);
    }
    log('\n');
  }
  const warmMed = (k: string) => median(warm[k].map((r) => median(r.warm_ms)));
  const warmRange = (k: string) => warm[k].map((r) => median(r.warm_ms)).sort((a, b) => a - b);

  log('100-page report: pdf docx\n');
  const long = { pdf: child('bench-warm.js', 'pdf', 'long', String(LONG), '1'), docx: child('bench-warm.js', 'docx', 'long', String(LONG), '1') };

  log(`cold (hyperfine, ${COLD} runs each):\n`);
  const node = process.execPath;
  const cold = hyperfine(
    {
      'cjk-report CLI pdf+docx': `${node} dist/cli/main.cjs ${SEED_ARGS} --out ${OUT}/cold`,
      'ESM CLI pdf+docx': `${node} dist/src/cli/main.js ${SEED_ARGS} --out ${OUT}/cold-esm`,
      'typst cold': `${node} dist/scripts/bench-typst.js cold ${OUT}/cold/typst.pdf`,
      'node -e 0': `${node} -e 0`,
    },
    COLD,
  );

  log(`batch: 2 worker threads, ${BATCH} reports\n`);
  const batch = child('bench-batch.js', '2', String(BATCH));
  log(`memory: ${RSS_RENDERS} renders in one process\n`);
  const rss = child('bench-rss.js', String(RSS_RENDERS));

  const tw = warmMed('typst');
  const tc = cold['typst cold'].median;
  const seedPdf = warmMed('pdf');
  const seedDocx = warmMed('docx');
  const f = (x: number, d = 1) => x.toFixed(d);
  const rows: [string, string, string, string, boolean | undefined][] = [];
  // CPU time per render (user + system, all threads) is less disturbed by other load on the machine than wall time
  const cpuMed = (k: string) => median(warm[k].map((r) => median(r.cpu_ms)));
  const rangeTxt = (k: string) => `(processes ${warmRange(k).map((x) => f(x)).join(' / ')}; CPU ${f(cpuMed(k))} ms = ${f(cpuMed(k) / cpuMed('typst'), 2)}× Typst's)`;
  rows.push(['Typst warm (PDF)', `${f(tw)} ms ${rangeTxt('typst')}`, '1.00', '', undefined]);
  rows.push(['warm PDF, seed (check + build + layout + render)', `${f(seedPdf)} ms ${rangeTxt('pdf')}`, f(seedPdf / tw, 2), '≤ 1.0× Typst warm', seedPdf <= tw]);
  rows.push(['warm DOCX, seed (check + build + layout + render)', `${f(seedDocx)} ms ${rangeTxt('docx')}`, f(seedDocx / tw, 2), '≤ 1.5× Typst warm', seedDocx <= 1.5 * tw]);
  rows.push(['Typst cold (node + compiler + PDF)', `${f(tc, 0)} ms`, '1.00', '', undefined]);
  const cli = cold['cjk-report CLI pdf+docx'].median;
  rows.push(['cold CLI, PDF + DOCX (the bin: bundle + V8 code cache)', `${f(cli, 0)} ms`, f(cli / tc, 2), '≤ 4× Typst cold', cli <= 4 * tc]);
  const esm = cold['ESM CLI pdf+docx'].median;
  rows.push(['cold CLI from the plain ESM build (dist/src/cli/main.js)', `${f(esm, 0)} ms`, f(esm / tc, 2), '', undefined]);
  rows.push(['node -e 0 (yardstick)', `${f(cold['node -e 0'].median, 0)} ms`, f(cold['node -e 0'].median / tc, 2), '', undefined]);
  const pdfB = warm.pdf[0].pdf_bytes as number;
  const docxB = warm.docx[0].docx_bytes as number;
  rows.push(['PDF size, seed', `${pdfB.toLocaleString('en')} B`, '', '≤ 130 KB', pdfB <= 130_000]);
  rows.push(['DOCX size, seed', `${docxB.toLocaleString('en')} B`, '', '≤ 140 KB', docxB <= 140_000]);
  for (const k of ['pdf', 'docx'] as const) {
    const m = median(long[k].warm_ms);
    const seed = k === 'pdf' ? seedPdf : seedDocx;
    rows.push([`${long[k].pages}-page report, ${k.toUpperCase()} (warm)`, `${f(m, 0)} ms = ${f(m / seed, 1)}× seed`, '', '≤ 40× seed warm', m <= 40 * seed]);
  }
  rows.push(['batch, 2 worker threads, PDF + DOCX', `${f(batch.per_s)} reports/s, peak RSS ${f(batch.peak_rss_mb, 0)} MB`, '', '≥ 40/s at ≤ 400 MB', batch.per_s >= 40 && batch.peak_rss_mb <= 400]);
  // flat: the median of the last three samples within 10 % of the first three (samples every 10 % of the run)
  const m3 = (xs: number[]) => median(xs.slice(0, 3));
  const r0 = m3(rss.rss_mb);
  const r1 = m3(rss.rss_mb.slice(-3));
  const rssTxt = `${f(r0, 0)} → ${f(r1, 0)} MB (samples ${f(Math.min(...rss.rss_mb), 0)}–${f(Math.max(...rss.rss_mb), 0)}; heap ${f(rss.heap_mb[0], 1)} → ${f(rss.heap_mb[rss.heap_mb.length - 1], 1)} MB)`;
  rows.push([`RSS over ${rss.renders} renders (PDF/DOCX alternating; after a GC)`, rssTxt, '', 'flat', r1 - r0 <= 0.1 * r0]);

  const seconds = (performance.now() - started) / 1000;
  const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, ${f(totalmem() / 2 ** 30, 0)} GiB, node ${process.version}, ${new Date().toISOString().slice(0, 16)}Z${QUICK ? ', BENCH_QUICK' : ''}`;
  const md = [
    `| figure | measured | × Typst | target | met |`,
    `|---|---:|---:|---|:-:|`,
    ...rows.map(([a, b, c, d, ok]) => `| ${a} | ${b} | ${c} | ${d} | ${ok === undefined ? '' : ok ? 'yes' : 'no'} |`),
    '',
    `${machine}. Warm: median of ${PROCS} process medians, ${ITERS} renders each after ${WARMUP} untimed (for Typst too); Typst's memo cache evicted before each compile. Cold: hyperfine, median of ${COLD} runs. Bench took ${f(seconds, 0)} s.`,
  ].join('\n');
  console.log(md);
  writeFileSync(`${OUT}/results.md`, md + '\n');
  writeFileSync(`${OUT}/results.json`, JSON.stringify({ machine, quick: QUICK, warm, long, cold, batch, rss, seconds }, null, 1));
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
