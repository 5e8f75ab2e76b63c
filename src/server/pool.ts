/**
 * The bounded worker-thread pool shared by the HTTP service and the batch command: at most `concurrency`
 * renders at once, at most `queue` waiting, each abandoned after `timeoutMs` (piscina then terminates
 * that worker and starts a fresh one, so a runaway render cannot keep a core).
 */
import { availableParallelism } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { CjkReportError } from '../errors.js';
import type { RenderTask, TaskResult, WorkerConfig } from './task.js';

export interface PoolOptions {
  /** renders at once (worker threads); default: the cores, at most 4 */
  concurrency?: number;
  /** renders waiting for a worker; past it a request gets 503 at once; default 4 × concurrency */
  queue?: number;
  /** a render's time limit in ms, from when a worker takes it (queue time excluded); default 30 s */
  timeoutMs?: number;
  worker?: WorkerConfig;
}

export type RenderOk = Extract<TaskResult, { ok: true }>;

/** The ESM worker sits beside this file (dist/src/server/worker.js, or dist/cjs/worker.js next to the CJS build). */
const WORKER = new URL('./worker.js', import.meta.url);

export class RenderPool {
  readonly concurrency: number;
  readonly queue: number;
  readonly timeoutMs: number;
  private piscina: Piscina;

  constructor(opts: PoolOptions = {}) {
    this.concurrency = opts.concurrency ?? Math.min(4, Math.max(1, availableParallelism()));
    this.queue = opts.queue ?? 4 * this.concurrency;
    this.timeoutMs = opts.timeoutMs ?? 30_000;
    // The CLI launcher runs one-shot commands with --liftoff-only (no background wasm compile holding
    // exit); V8 flags are per process, so without this every worker would run harfbuzz unoptimized.
    setFlagsFromString('--no-liftoff-only');
    this.piscina = new Piscina({
      filename: WORKER.href,
      minThreads: 1,
      maxThreads: this.concurrency,
      maxQueue: this.queue,
      idleTimeout: 60_000,
      workerData: opts.worker ?? {},
      // A smaller young generation than V8's default (3 × 16 MB semi-spaces): a render's garbage is short-lived,
      // and per worker this measured ~30 MB less peak RSS in a 200-file batch at the same CPU time.
      resourceLimits: { maxYoungGenerationSizeMb: 16 },
    });
  }

  /** Runs a task; a CjkReportError for the user's mistakes, 'busy' when the queue is full, 'timeout' past the limit. */
  /** True when a new task would be refused: callers can answer 503 before reading a request body. */
  get full(): boolean {
    return this.piscina.queueSize >= this.queue && this.piscina.utilization > 0;
  }

  async run(task: RenderTask, signal?: AbortSignal): Promise<RenderOk> {
    if (this.piscina.queueSize >= this.queue) throw busy(this.queue);
    const ac = new AbortController();
    let timedOut = false;
    // A caller that goes away (client disconnected, Ctrl-C) takes its task out of the queue or stops its
    // render (piscina replaces that worker): the core is free at once, and the request is logged 499.
    const onAbort = () => ac.abort();
    signal?.addEventListener('abort', onAbort, { once: true });
    // The clock starts when a worker takes the task (it says so on a port), so neither queue time nor a
    // fresh worker's start-up counts against the render; the queue bounds the wait.
    let timer: NodeJS.Timeout | undefined;
    const { port1, port2 } = new MessageChannel();
    port1.once('message', () => {
      timer = setTimeout(() => {
        timedOut = true;
        ac.abort();
      }, this.timeoutMs);
    });
    try {
      const r = (await this.piscina.run({ ...task, started: port2 }, { signal: ac.signal, transferList: [port2] as never })) as TaskResult;
      if (!r.ok) throw new CjkReportError(r.error.code, r.error.problems, r.error.title);
      return r;
    } catch (e) {
      if (e instanceof CjkReportError) throw e;
      if (timedOut) throw new CjkReportError('timeout', [{ path: '(render)', message: `生成超过时间上限 ${this.timeoutMs / 1000} 秒，已中止` }]);
      if (signal?.aborted && ac.signal.aborted) throw new CjkReportError('cancelled', [{ path: '(render)', message: '请求已取消' }]);
      if (e instanceof Error && /queue is at limit/i.test(e.message)) throw busy(this.queue);
      throw e;
    } finally {
      clearTimeout(timer);
      port1.close();
      signal?.removeEventListener('abort', onAbort);
    }
  }

  get stats() {
    return { threads: this.piscina.threads.length, queued: this.piscina.queueSize, completed: this.piscina.completed, utilization: this.piscina.utilization };
  }

  async close(): Promise<void> {
    await this.piscina.close({ force: true });
    // Piscina is an async resource that close() does not destroy: without this, jest --detectOpenHandles
    // reports every closed pool as a handle left open
    this.piscina.emitDestroy();
  }
}

function busy(queue: number): CjkReportError {
  return new CjkReportError('busy', [{ path: '(queue)', message: `排队的生成任务已达上限 ${queue}，请稍后重试` }]);
}
