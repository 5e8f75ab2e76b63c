/**
 * cjk-report in the browser: `exportReport(modelOrTemplateData, { format, template?, assetsUrl })` renders
 * in a Web Worker (fonts fetched by need and cached), returns the file as a Blob and, unless told not to,
 * downloads it under the report's Chinese title. No request carries the data. No side effect on import.
 */
import { CjkReportError, InconsistentDataError } from '../errors.js';
import { asTemplate, inTemplate, type Template } from '../../templates/define.js';
import type { Problem } from '../errors.js';
import { type DoneMessage, type ExportFormat, type ExportRequest, MIME, type ExportProgress, type WorkerMessage, fileNameFor } from './protocol.js';

export type { ExportFormat, ExportProgress } from './protocol.js';

export interface ExportOptions {
  format: ExportFormat;
  /**
   * template id: the input is that template's data file (e.g. gov-info-annual-report-2021); or a template
   * object (defineTemplate's result, your own): checked and built on this thread, rendered in the worker
   */
  template?: string | Template<any, any>;
  /** last year's data file, for the cross-year warnings */
  previous?: unknown;
  allowInconsistent?: boolean;
  /** where web-fonts.json, the fonts and the wasm are served (default: the bundle's own assets/ folder) */
  assetsUrl?: string | URL;
  /** fixes the dates in the file */
  creationDate?: Date;
  /** false: return the Blob without downloading */
  download?: boolean;
  onProgress?: (p: ExportProgress) => void;
  /** a worker of your own (e.g. for a CSP that needs a specific URL); default: worker.js next to this file */
  worker?: Worker;
}

export interface ExportResult {
  blob: Blob;
  fileName: string;
  warnings: Problem[];
  fonts: DoneMessage['fonts'];
  ms: number;
}

let shared: Worker | undefined;
/** the rejections of the requests each worker has in flight: a worker that dies settles all of them */
const inFlight = new WeakMap<Worker, Set<(e: Error) => void>>();

/** The folder of the prebuilt bundle (this code may sit in a shared chunk under chunks/). */
function bundleBase(): URL {
  return new URL(import.meta.url.includes('/chunks/') ? '../' : './', import.meta.url);
}
let nextId = 1;

/** A worker failed outside a request (it did not load, or threw): reject everything it holds; a shared one is replaced. */
function workerFailed(worker: Worker, message: string): void {
  const pending = inFlight.get(worker);
  inFlight.delete(worker);
  if (worker === shared) {
    shared = undefined; // the next export starts a new one
    worker.terminate();
  }
  for (const reject of pending ?? []) reject(new CjkReportError('internal', [{ path: '(worker)', message }]));
}

function watch(worker: Worker): Set<(e: Error) => void> {
  let set = inFlight.get(worker);
  if (!set) {
    inFlight.set(worker, (set = new Set()));
    worker.addEventListener('error', (e: ErrorEvent) => {
      e.preventDefault?.();
      workerFailed(worker, e.message || '渲染线程无法启动或意外出错');
    });
    worker.addEventListener('messageerror', () => workerFailed(worker, '渲染线程的回复无法读取'));
  }
  return set;
}

function defaultWorker(): Worker {
  shared ??= new Worker(new URL('worker.js', bundleBase()), { type: 'module', name: 'cjk-report' });
  return shared;
}

export function exportReport(input: unknown, opts: ExportOptions): Promise<ExportResult> {
  if (opts.template && typeof opts.template === 'object') return exportWithTemplate(input, opts.template, opts);
  return exportInWorker(input, opts as ExportOptions & { template?: string });
}

/**
 * A template object cannot cross to the worker (it holds functions): its check and build run here (a few
 * ms), the worker lays out and renders the model; the file is named by the template, and a problem in the
 * model is reported at the data field the template maps it to.
 */
async function exportWithTemplate(input: unknown, given: Template<any, any>, opts: ExportOptions): Promise<ExportResult> {
  const t = asTemplate(given, 'template');
  const checked = t.check(input, { previous: opts.previous });
  if (checked.errors.length && !opts.allowInconsistent) throw new InconsistentDataError(checked.errors);
  const model = inTemplate(t.id, 'build', () => t.build(checked.data));
  const base = inTemplate(t.id, 'fileName', () => t.fileName?.(checked.data));
  let r: ExportResult;
  try {
    r = await exportInWorker(model, { ...opts, template: undefined, download: false });
  } catch (e) {
    if (!(e instanceof CjkReportError) || !t.dataPath) throw e;
    throw new CjkReportError(e.code, e.problems.map((p) => ({ ...p, path: t.dataPath!(p.path, checked.data) ?? p.path })), e.title);
  }
  const fileName = base ? fileNameFor(base, opts.format) : r.fileName;
  if (opts.download !== false) saveBlob(r.blob, fileName);
  return { ...r, fileName, warnings: [...(opts.allowInconsistent ? checked.errors : []), ...checked.warnings, ...r.warnings] };
}

function exportInWorker(input: unknown, opts: ExportOptions & { template?: string }): Promise<ExportResult> {
  const worker = opts.worker ?? defaultWorker();
  const id = nextId++;
  const req: ExportRequest = {
    id,
    input,
    format: opts.format,
    template: opts.template,
    previous: opts.previous,
    allowInconsistent: opts.allowInconsistent,
    assetsUrl: new URL(opts.assetsUrl ?? new URL('assets/', bundleBase()), location.href).href.replace(/\/?$/, '/'),
    creationDate: opts.creationDate?.getTime(),
  };
  return new Promise((resolve, reject) => {
    const pending = watch(worker);
    const settle = () => {
      worker.removeEventListener('message', onMessage); // eslint-disable-line @typescript-eslint/no-use-before-define
      pending.delete(fail);
    };
    const fail = (e: Error) => {
      settle();
      reject(e);
    };
    const onMessage = (e: MessageEvent<WorkerMessage>) => {
      const m = e.data;
      if (m?.id !== id) return;
      if (m.type === 'progress') return opts.onProgress?.(m);
      settle();
      if (m.type === 'error') return reject(new CjkReportError(m.error.code as never, m.error.problems, m.error.title));
      const blob = new Blob([m.bytes as BlobPart], { type: MIME[opts.format] });
      if (opts.download !== false) saveBlob(blob, m.fileName);
      resolve({ blob, fileName: m.fileName, warnings: m.warnings, fonts: m.fonts, ms: m.ms });
    };
    pending.add(fail);
    worker.addEventListener('message', onMessage);
    try {
      worker.postMessage(req);
    } catch (e) {
      // data that cannot be cloned (a function, a DOM node) never reaches the worker
      fail(new CjkReportError('invalid-input', [{ path: '(input)', message: `数据无法传给渲染线程：${(e as Error).message}` }]));
    }
  });
}

/** Downloads a Blob under a file name (Chinese names work in every current browser). */
export function saveBlob(blob: Blob, fileName: string): void {
  const a = document.createElement('a');
  a.href = URL.createObjectURL(blob);
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(a.href), 30_000);
}
