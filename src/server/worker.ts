/**
 * A render worker (piscina). Each worker keeps its parsed fonts and harfbuzz instance across tasks; a
 * task that passes its time limit is abandoned and piscina replaces the whole worker.
 */
import { workerData } from 'node:worker_threads';
import { asCjkReportError } from '../errors.js';
import { newBundledRegistry } from '../fonts/bundled.js';
import type { FontRegistry } from '../fonts/registry.js';
import { type TemplateRenderResult, checkTemplateData, render, renderTemplate } from '../index.js';
import { parseBody } from './body.js';
import { registerFontBytes } from './fonts.js';
import type { RenderTask, TaskResult, WorkerConfig } from './task.js';

const config: WorkerConfig = (workerData as WorkerConfig | undefined) ?? {};
let registry: FontRegistry | undefined;
function fonts(): FontRegistry | undefined {
  if (!config.fonts?.length) return undefined;
  return (registry ??= registerFontBytes(newBundledRegistry(), config.fonts));
}

export default async function run(task: RenderTask): Promise<TaskResult> {
  try {
    const data = 'text' in task.input ? parseBody(task.input.text, task.input.syntax, task.input.name) : task.input.data;
    const creationDate = config.creationDate ? new Date(config.creationDate) : undefined;
    if (task.kind === 'validate') {
      const r = checkTemplateData(task.template, data, { allowInconsistent: true });
      return { ok: true, warnings: r.warnings, errors: r.errors };
    }
    const opts = { formats: task.format, registry: fonts(), limits: config.limits, creationDate };
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
