/**
 * `cjk-report render a.yaml b.yaml … --template <id> --out dir [--jobs N]`: every file on the render
 * pool (the same one the HTTP service uses), each output written atomically by writeAll, going on past
 * bad files. Ctrl-C (or SIGTERM) stops submitting, abandons the renders in flight and leaves only the
 * files already complete.
 */
import type { PdfSettings } from '../model/document.js';
import { availableParallelism } from 'node:os';
import cliProgress from 'cli-progress';
import type { Format } from '../core.js';
import { CjkReportError, asCjkReportError } from '../errors.js';
import { decodeInput, syntaxOfName } from '../input/parse.js';
import { readFileBounded } from '../input/read.js';
import { resolveLimits } from '../limits.js';
import { RenderPool } from '../server/pool.js';
import type { WorkerConfig } from '../server/task.js';
import { inputFormatFor } from './input-formats.js';
import { outputBase, writeAll } from './io.js';

export interface BatchOptions {
  files: string[];
  template: string | undefined;
  formats: Format[];
  out: string;
  jobs?: number;
  allowInconsistent?: boolean;
  /** PDF/A-2b or a lock for every PDF of the batch */
  pdf?: PdfSettings;
  worker?: WorkerConfig;
  /** progress and result lines (default stderr / stdout) */
  err?: NodeJS.WriteStream;
  stdout?: NodeJS.WritableStream;
}

export interface BatchSummary {
  done: number;
  failed: { file: string; reason: string }[];
  interrupted: boolean;
}

export async function runBatch(o: BatchOptions): Promise<BatchSummary> {
  const jobs = Math.max(1, o.jobs ?? availableParallelism());
  const err = o.err ?? process.stderr;
  const stdout = o.stdout ?? process.stdout;
  const pool = new RenderPool({ concurrency: jobs, queue: jobs, timeoutMs: 120_000, worker: { nice: 0, ...o.worker } });
  const stop = new AbortController();
  const onSignal = () => stop.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  const bar = err.isTTY ? new cliProgress.SingleBar({ format: '{bar} {value}/{total} 份  失败 {failed}  {eta_formatted}', stream: err, hideCursor: true }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(o.files.length, 0, { failed: 0 });
  const summary: BatchSummary = { done: 0, failed: [], interrupted: false };
  // Bases must be unique: a.yaml and a.json would write the same a.pdf.
  const seen = new Map<string, string>();
  const { maxInputBytes } = resolveLimits(o.worker?.limits);

  const one = async (file: string) => {
    try {
      const base = outputBase(file);
      const clash = seen.get(base);
      if (clash) throw new CjkReportError('usage', [{ path: file, message: `与 ${clash} 的输出文件同名（${base}）` }]);
      seen.set(base, file);
      // the same guards as a single file: size before reading; a template's own format (.lrmx) is parsed
      // here, JSON/YAML text is decoded (UTF-8 checked) here and parsed by the worker
      const own = inputFormatFor(file, o.template);
      const input = own
        ? { data: own.format.read(readFileBounded(file, maxInputBytes)) }
        : { text: decodeInput(readFileBounded(file, maxInputBytes), file, maxInputBytes), syntax: syntaxOfName(file), name: file };
      const r = await pool.run({ kind: 'template', template: o.template, input, format: o.formats, allowInconsistent: o.allowInconsistent, pdf: o.pdf }, stop.signal);
      if (stop.signal.aborted) return;
      const written = await writeAll(o.out, o.formats.map((f) => ({ name: `${base}.${f}`, data: r[f]! })));
      summary.done++;
      if (!bar) stdout.write(`${written.join(' ')}\n`);
    } catch (e) {
      if (stop.signal.aborted) return;
      const x = asCjkReportError(e);
      const reason = `${x.title}：${x.problems.map((p) => `${p.path}: ${p.message}`).join('；')}`;
      summary.failed.push({ file, reason });
      if (!bar) err.write(`失败 ${file}: ${reason}\n`);
    } finally {
      bar?.increment(1, { failed: summary.failed.length });
    }
  };

  // At most jobs × 2 files in flight: the pool's queue stays bounded however many files there are.
  const running = new Set<Promise<void>>();
  const stopped = aborted(stop.signal);
  for (const file of o.files) {
    if (stop.signal.aborted) break;
    const p = one(file).finally(() => running.delete(p));
    running.add(p);
    if (running.size >= jobs * 2) await Promise.race([Promise.race(running), stopped]);
  }
  await Promise.race([Promise.all(running), stopped]);
  summary.interrupted = stop.signal.aborted;
  bar?.stop();
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  await pool.close();
  return summary;
}

function aborted(signal: AbortSignal): Promise<void> {
  return new Promise((r) => (signal.aborted ? r() : signal.addEventListener('abort', () => r(), { once: true })));
}

export function printSummary(s: BatchSummary, total: number, err: NodeJS.WritableStream = process.stderr): void {
  const skipped = total - s.done - s.failed.length;
  err.write(`\n完成 ${s.done} 份，失败 ${s.failed.length} 份${s.interrupted ? `，已中断（${skipped} 份未处理）` : ''}\n`);
  for (const f of s.failed) err.write(`  ${f.file}: ${f.reason}\n`);
}
