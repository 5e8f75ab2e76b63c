/**
 * A bench child: N renders of the seed in one process, alternating PDF and DOCX, sampling resident memory.
 * Prints {"renders", "rss_mb": [at 10 % steps], "heap_mb": [...]}; flat means no leak per render.
 *   node [--expose-gc] dist/scripts/bench-rss.js N [pdf|docx]
 */
import { render } from '../src/index.js';
import { BENCH_DATE, seedData, seedModel } from './bench-models.js';

async function main() {
  const n = Number(process.argv[2] ?? 1000);
  const data = seedData();
  const only = process.argv[3] as 'pdf' | 'docx' | undefined;
  const rss: number[] = [];
  const heap: number[] = [];
  const step = Math.max(1, Math.floor(n / 10));
  for (let i = 1; i <= n; i++) {
    await render(seedModel(data), { formats: [only ?? (i % 2 ? 'pdf' : 'docx')], creationDate: BENCH_DATE });
    if (i % step === 0) {
      (globalThis as { gc?: () => void }).gc?.(); // with --expose-gc: what stays after a collection
      const m = process.memoryUsage();
      rss.push(m.rss / 1048576);
      heap.push(m.heapUsed / 1048576);
    }
  }
  console.log(JSON.stringify({ renders: n, rss_mb: rss, heap_mb: heap, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }));
}

main();
