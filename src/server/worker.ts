/**
 * A render worker (piscina). Each worker keeps its parsed fonts and harfbuzz instance across tasks; a
 * task that passes its time limit is abandoned and piscina replaces the whole worker.
 */
import { getPriority, setPriority } from 'node:os';
import { type MessagePort, workerData } from 'node:worker_threads';
import { asCjkReportError } from '../errors.js';
import { bundledRegistry, newBundledRegistry } from '../fonts/bundled.js';
import { nodeSubsetter } from '../fonts/hb-wasm-node.js';
import type { FontRegistry } from '../fonts/registry.js';
import { type TemplateRenderResult, checkTemplateData, render, renderTemplate } from '../index.js';
import { parseText } from '../input/parse.js';
import { resolveLimits } from '../limits.js';
import { registerFontBytes } from './fonts.js';
import type { RenderTask, TaskResult, WorkerConfig } from './task.js';
import { loadTemplateModule } from '../template-module.js';
import { registerTemplate } from '../../templates/index.js';

const config: WorkerConfig = (workerData as WorkerConfig | undefined) ?? {};

// Renders yield the CPU to the event loop (Linux nice values are per thread): /healthz and 503s stay
// fast while every core renders. A batch sets nice 0: it has no requests to answer, and at +10 its
// renders lose to every other process on a shared machine.
const nice = config.nice ?? 10;
if (nice) {
  try {
    setPriority(0, Math.min(19, getPriority(0) + nice));
  } catch {
    /* not permitted or not supported: renders at normal priority */
  }
}
let registry: FontRegistry | undefined;
function fonts(): FontRegistry | undefined {
  if (!config.fonts?.length) return undefined;
  return (registry ??= registerFontBytes(newBundledRegistry(), config.fonts));
}

// Fonts parsed and harfbuzz compiled before the worker reports ready: a fresh worker's first render
// costs what every other does.
bundledRegistry();
await nodeSubsetter();
// A user's template modules (batch --template ./x.mjs): registered here, looked up by id like a built-in.
for (const url of config.templateModules ?? []) registerTemplate(await loadTemplateModule(url));

export default async function run(task: RenderTask & { started?: MessagePort }): Promise<TaskResult> {
  task.started?.postMessage('start');
  task.started?.close();
  if (config.testGate) {
    const gate = new Int32Array(config.testGate);
    Atomics.add(gate, 1, 1);
    Atomics.notify(gate, 1);
    Atomics.wait(gate, 0, 0);
  }
  try {
    const data = 'text' in task.input ? parseText(task.input.text, task.input.syntax, task.input.name ?? '(body)', resolveLimits(config.limits)) : task.input.data;
    const creationDate = config.creationDate ? new Date(config.creationDate) : undefined;
    if (task.kind === 'validate') {
      const r = checkTemplateData(task.template, data, { allowInconsistent: true, limits: config.limits });
      return { ok: true, warnings: r.warnings, errors: r.errors };
    }
    const opts = { formats: task.format, registry: fonts(), limits: config.limits, creationDate, pdf: task.pdf };
    const r = task.kind === 'template' ? await renderTemplate(task.template, data, { ...opts, allowInconsistent: task.allowInconsistent }) : await render(data, opts);
    const out: TaskResult = { ok: true, pdf: r.pdf, docx: r.docx, pages: r.laidOut.pages.length };
    if ('fileName' in r) {
      const t = r as TemplateRenderResult;
      Object.assign(out, { fileName: t.fileName, warnings: t.warnings, errors: t.errors });
    }
    // Copied, not transferred: the bytes may share a pooled ArrayBuffer, and a copy of ~1 MB costs < 1 ms.
    return out;
  } catch (e) {
    // CjkReportError subclasses do not survive the thread boundary: send the JSON, rebuild it on the other side.
    const err = asCjkReportError(e);
    if (err.code === 'internal') console.error(`render worker: ${(e as Error)?.stack ?? String(e)}`);
    return { ok: false, error: err.toJSON() };
  }
}
