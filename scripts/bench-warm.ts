/**
 * A bench child: renders one document N times in this process through the public API (template check and
 * build, layout, render; the font-subset memos cleared before each) and prints {"warm_ms": [...], "bytes", "pages", "rss_mb"} as its last line.
 *   node dist/scripts/bench-warm.js pdf|docx|both seed|long N [WARMUP]
 */
import { performance } from 'node:perf_hooks';
import { clearRenderMemos, render } from '../src/index.js';
import { BENCH_DATE, longModel, seedData, seedModel } from './bench-models.js';

export async function warm(format: 'pdf' | 'docx' | 'both', which: 'seed' | 'long', n: number, warmup = 2) {
  const data = which === 'seed' ? seedData() : longModel();
  const formats = format === 'both' ? (['pdf', 'docx'] as const) : ([format] as const);
  const once = () => render(which === 'seed' ? seedModel(data) : data, { formats: [...formats], creationDate: BENCH_DATE });
  let r = await once();
  for (let i = 1; i < warmup; i++) r = await once();
  const ms: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < n; i++) {
    // like Typst's evictCache before each compile: no render profits from the previous one's font subsets
    await clearRenderMemos();
    const a = performance.now();
    const c = process.cpuUsage();
    r = await once();
    ms.push(performance.now() - a);
    const d = process.cpuUsage(c);
    cpu.push((d.user + d.system) / 1000);
  }
  return { warm_ms: ms, cpu_ms: cpu, pdf_bytes: r.pdf?.length, docx_bytes: r.docx?.length, pages: r.laidOut.pages.length, rss_mb: process.resourceUsage().maxRSS / 1024 };
}

if (process.argv[1]?.endsWith('bench-warm.js')) {
  const [format, which, n, w] = process.argv.slice(2);
  warm(format as 'pdf', which as 'seed', Number(n ?? 15), Number(w ?? 2)).then((r) => console.log(JSON.stringify(r)));
}
