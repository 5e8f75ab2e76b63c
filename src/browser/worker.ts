/** The render worker: keeps the page responsive while fonts are fetched and the file is built. */
import type { ExportRequest, WorkerMessage } from './protocol.js';
import { errorBody, runExport } from './worker-core.js';

declare const self: { onmessage: ((e: MessageEvent<ExportRequest>) => void) | null; postMessage(m: WorkerMessage, transfer?: Transferable[]): void };

self.onmessage = async (e) => {
  const req = e.data;
  const counter = { fetched: 0 };
  try {
    const done = await runExport(req, (p) => self.postMessage({ type: 'progress', id: req.id, fetched: counter.fetched, ...p }), counter);
    // a plain copy: pdfkit's output may be a Buffer view into a larger pool, which would not clone as is
    const bytes = new Uint8Array(done.bytes);
    self.postMessage({ type: 'done', id: req.id, ...done, bytes }, [bytes.buffer]);
  } catch (err) {
    self.postMessage({ type: 'error', id: req.id, error: errorBody(err) });
  }
};
