/**
 * npm run bench:http: the export service under load, on loopback (a benchmark, not a test).
 *  1. 2 × cores clients for BENCH_SECONDS (30) on the seed PDF, then the seed DOCX: errors, p50/p99,
 *     requests/s; /healthz latency polled meanwhile; the server's RSS after warm-up and at the end.
 *  2. 256 clients at once: how many get 503 and how fast; /healthz afterwards.
 *  3. A render past the time limit → 504, and the next request.
 *  4. Batch: 200 seed files, pdf+docx, --jobs = cores: reports/s and peak RSS.
 * The server is a separate `cjk-report serve` process, so the load generator does not share its event loop.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';

const CLI = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');
const SEED = 'examples/fangzheng-2020/fangzheng-2020.yaml';
const SECONDS = Number(process.env.BENCH_SECONDS ?? 30);
const CORES = availableParallelism();
const seed = readFileSync(SEED);
const yaml = { 'content-type': 'application/yaml' };

const pct = (xs: number[], p: number) => (xs.length ? [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor((p / 100) * xs.length))] : NaN);
const f1 = (x: number) => x.toFixed(1);
const rssMiB = (pid: number) => Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0) / 1024;

/** The server's access log (one JSON line per request): its own view of each request's time. */
const accessLog: { path: string; status: number; ms: number }[] = [];

async function startServer(extra: string[] = []): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn('node', [CLI, 'serve', '--port', '0', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
  let buf = '';
  child.stdout!.on('data', (d) => {
    buf += d;
    const lines = buf.split('\n');
    buf = lines.pop()!;
    for (const l of lines) if (l) accessLog.push(JSON.parse(l));
  });
  const url = await new Promise<string>((resolve, reject) => {
    let err = '';
    child.stderr!.on('data', (d) => {
      err += d;
      const m = /listening on (http:\/\/\S+)/.exec(err);
      if (m) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(err)));
  });
  return { url, child };
}

async function stop(child: ChildProcess) {
  child.kill('SIGTERM');
  await new Promise((r) => child.on('exit', r));
}

async function timed(url: string, init?: RequestInit): Promise<{ status: number; ms: number }> {
  const t0 = performance.now();
  const r = await fetch(url, init);
  await r.arrayBuffer();
  return { status: r.status, ms: performance.now() - t0 };
}

/** Polls /healthz every 200 ms from a child process until told to stop; resolves to the latencies (ms). */
function healthProbe(url: string): () => Promise<number[]> {
  const src = `const ms=[];let on=true;process.stdin.on('data',()=>{on=false});process.stdin.resume();(async()=>{while(on){const t=performance.now();const r=await fetch(${JSON.stringify(`${url}/healthz`)});await r.arrayBuffer();ms.push(performance.now()-t);await new Promise(r=>setTimeout(r,200))}console.log(JSON.stringify(ms));process.exit(0)})()`;
  const child = spawn(process.execPath, ['-e', src], { stdio: ['pipe', 'pipe', 'inherit'] });
  let out = '';
  child.stdout!.on('data', (d) => (out += d));
  return async () => {
    child.stdin!.write('stop\n');
    await new Promise((r) => child.on('exit', r));
    return JSON.parse(out.trim() || '[]') as number[];
  };
}

async function load(url: string, format: 'pdf' | 'docx', pid: number) {
  const health: number[] = [];
  let polling = true;
  const poll = (async () => {
    while (polling) {
      health.push((await timed(`${url}/healthz`)).ms);
      await new Promise((r) => setTimeout(r, 200));
    }
  })();
  // The same polls from a process of their own: the in-process figure above waits behind autocannon's
  // event loop (the load generator shares these 2 cores and this thread); this one is a client's view.
  const own = healthProbe(url);
  const result = await autocannon({ url: `${url}/render/gov-info-annual-report-2019.${format}`, method: 'POST', headers: yaml, body: seed, connections: 2 * CORES, duration: SECONDS, timeout: 120 });
  polling = false;
  await poll;
  const probe = await own();
  const serverHealth = accessLog.filter((l) => l.path === '/healthz').slice(-health.length).map((l) => l.ms);
  const non2xx = result.non2xx + result.errors + result.timeouts;
  console.log(
    `${format}: ${2 * CORES} clients × ${SECONDS} s: ${result.requests.total} requests, ${non2xx} errors/non-2xx, ` +
      `p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, ${f1(result.requests.average)} req/s; ` +
      `/healthz under load: p50 ${f1(pct(health, 50))} ms, p99 ${f1(pct(health, 99))} ms, max ${f1(Math.max(...health))} ms (${health.length} polls from the load generator's thread; from a separate client process: p50 ${f1(pct(probe, 50))} ms, p99 ${f1(pct(probe, 99))} ms, ${probe.length} polls; server-side p99 ${f1(pct(serverHealth, 99))} ms); RSS ${f1(rssMiB(pid))} MiB`,
  );
}

async function main() {
  console.log(`node ${process.version}, ${CORES} cores (shared machine: compare within one run)`);
  const { url, child } = await startServer();
  const pid = child.pid!;
  // warm-up: 48 renders of each format. RSS flattens as the workers' V8 heaps and harfbuzz's wasm memory
  // reach their high-water marks (measured every 48 renders: 412 → 451 → 483 → 503 → 519 MiB).
  await autocannon({ url: `${url}/render/gov-info-annual-report-2019.pdf`, method: 'POST', headers: yaml, body: seed, connections: 2 * CORES, amount: 48 });
  await autocannon({ url: `${url}/render/gov-info-annual-report-2019.docx`, method: 'POST', headers: yaml, body: seed, connections: 2 * CORES, amount: 48 });
  const rssWarm = rssMiB(pid);
  console.log(`RSS after warm-up: ${f1(rssWarm)} MiB`);
  await load(url, 'pdf', pid);
  await load(url, 'docx', pid);
  const rssEnd = rssMiB(pid);
  console.log(`RSS at the end: ${f1(rssEnd)} MiB (${f1((100 * (rssEnd - rssWarm)) / rssWarm)}% vs after warm-up)`);

  // 256 clients at once
  const burst = await Promise.all(Array.from({ length: 256 }, () => timed(`${url}/render/gov-info-annual-report-2019.pdf`, { method: 'POST', headers: yaml, body: seed })));
  const busy = burst.filter((b) => b.status === 503).map((b) => b.ms);
  const ok = burst.filter((b) => b.status === 200).length;
  const h = await timed(`${url}/healthz`);
  await new Promise((r) => setTimeout(r, 300));
  const serverBusy = accessLog.filter((l) => l.status === 503).map((l) => l.ms);
  console.log(
    `256 clients at once: ${ok} × 200, ${busy.length} × 503, other ${256 - ok - busy.length}; 503 as the server saw it (access log, arrival → answer): ` +
      `p50 ${f1(pct(serverBusy, 50))} ms, p99 ${f1(pct(serverBusy, 99))} ms, max ${f1(Math.max(...serverBusy))} ms; as the client saw it (with opening 256 sockets on the same 2 cores): ` +
      `p50 ${f1(pct(busy, 50))} ms, max ${f1(Math.max(...busy))} ms; /healthz after: ${h.status} in ${f1(h.ms)} ms; RSS ${f1(rssMiB(pid))} MiB`,
  );
  await stop(child);

  // time limit
  const slow = await startServer(['--timeout', '3', '--concurrency', '1']);
  const rows = Array.from({ length: 4000 }, (_, i) => Array.from({ length: 8 }, (_, j) => i * 10 + j));
  const table = { type: 'table', columns: Array.from({ length: 8 }, (_, j) => ({ label: `列${j}` })), rows };
  const heavy = JSON.stringify({ meta: { title: '大表' }, blocks: [table, table, table] });
  const t = await timed(`${slow.url}/render.pdf`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: heavy });
  const next = await timed(`${slow.url}/render/gov-info-annual-report-2019.pdf`, { method: 'POST', headers: yaml, body: seed });
  console.log(`time limit 3 s: heavy render → ${t.status} after ${f1(t.ms)} ms; next request → ${next.status} in ${f1(next.ms)} ms (fresh worker)`);
  await stop(slow.child);

  // batch
  const dir = mkdtempSync(join(tmpdir(), 'cjk-bench-batch-'));
  mkdirSync(join(dir, 'data'));
  const files = Array.from({ length: 200 }, (_, i) => {
    const f = join(dir, 'data', `agency-${i}.yaml`);
    copyFileSync(SEED, f);
    return f;
  });
  const b0 = performance.now();
  const b = spawnSync('/usr/bin/time', ['-f', '%M', 'node', CLI, 'render', ...files, '--template', 'gov-info-annual-report-2019', '--format', 'pdf,docx', '--out', join(dir, 'out'), '--jobs', String(CORES)], { encoding: 'utf8' });
  const secs = (performance.now() - b0) / 1000;
  const peakKiB = Number(b.stderr.trim().split('\n').pop());
  console.log(`batch: 200 seed files × pdf+docx, --jobs ${CORES}: exit ${b.status}, ${f1(secs)} s, ${f1(200 / secs)} reports/s (each = a PDF and a DOCX), peak RSS ${f1(peakKiB / 1024)} MiB`);
  rmSync(dir, { recursive: true, force: true });
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
