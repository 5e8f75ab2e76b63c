/** What the HTTP handler and the batch command send to a render worker, and what comes back. */
import type { Format } from '../core.js';
import type { ErrorCode, Problem } from '../errors.js';
import type { Limits } from '../limits.js';
import type { PdfSettings } from '../model/document.js';
import type { Syntax } from './body.js';

/** The input: already parsed (batch), or the raw body text to parse in the worker (HTTP). */
export type TaskInput = { data: unknown } | { text: string; syntax: Syntax; /** the file, for messages (else: (body)) */ name?: string };

export type RenderTask =
  | { kind: 'model'; input: TaskInput; format: Format[]; pdf?: PdfSettings }
  | { kind: 'template'; template: string | undefined; input: TaskInput; format: Format[]; allowInconsistent?: boolean; pdf?: PdfSettings }
  | { kind: 'validate'; template: string; input: TaskInput };

export type TaskResult =
  | { ok: true; pdf?: Uint8Array; docx?: Uint8Array; fileName?: string; pages?: number; warnings?: Problem[]; errors?: Problem[] }
  | { ok: false; error: { code: ErrorCode; title: string; problems: Problem[] } };

/** Set once per worker (workerData): server-side fonts and limits, never anything from a request. */
export interface WorkerConfig {
  /** --font ROLE=file specs already read into bytes by the process that owns the files */
  fonts?: { spec: string; bytes: Uint8Array }[];
  limits?: Partial<Limits>;
  /** fixes the documents' dates (tests, reproducible output) */
  creationDate?: string;
  /** added to the workers' nice value (default 10: the HTTP event loop stays responsive); the batch has no event loop to protect and uses 0 */
  nice?: number;
  /**
   * For tests only: an Int32Array over this buffer is a gate, [open, taken]. A worker counts each task in
   * `taken` and waits until `open` is not 0, so a test holds a render as long as it likes (timeouts, queues,
   * disconnects) instead of guessing how long a big model takes.
   */
  testGate?: SharedArrayBuffer;
  /** file URLs of template modules (a user's --template ./x.mjs): each worker imports and registers them */
  templateModules?: string[];
}
