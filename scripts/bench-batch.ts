/**
 * A bench child: a batch of seed reports (PDF and DOCX each) on W worker threads, as a batch job or the HTTP
 * service's pool would run them. Prints {"reports", "seconds", "per_s", "peak_rss_mb"}; peak RSS is this
 * whole process (main thread and workers). Each worker renders one untimed report first (its start-up).
 *   node dist/scripts/bench-batch.js WORKERS REPORTS
 */
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { performance } from 'node:perf_hooks';
import { render } from '../src/index.js';
import { BENCH_DATE, seedData, seedModel } from './bench-models.js';

async function worker() {
  const data = seedData();
  const once = () => render(seedModel(data), { formats: ['pdf', 'docx'], creationDate: BENCH_DATE });
  await once();
  parentPort!.postMessage('ready');
  parentPort!.once('message', async () => {
    for (let i = 0; i < (workerData as { n: number }).n; i++) await once();
    parentPort!.postMessage('done');
  });
}

async function main() {
  const [w = '2', total = '80'] = process.argv.slice(2);
  const workers = Number(w);
  const per = Math.ceil(Number(total) / workers);
  const pool = Array.from({ length: workers }, () => new Worker(new URL(import.meta.url), { workerData: { n: per } }));
  await Promise.all(pool.map((t) => new Promise((ok) => t.once('message', ok))));
  const a = performance.now();
  await Promise.all(pool.map((t) => new Promise((ok) => (t.once('message', ok), t.postMessage('go')))));
  const seconds = (performance.now() - a) / 1000;
  await Promise.all(pool.map((t) => t.terminate()));
  const reports = per * workers;
  console.log(JSON.stringify({ reports, seconds, per_s: reports / seconds, peak_rss_mb: process.resourceUsage().maxRSS / 1024 }));
}

if (isMainThread) main();
else worker();
