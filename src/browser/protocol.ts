/** Messages between the page and the render worker. Everything is structured-cloneable. */
import type { Problem } from '../errors.js';
import { safeFileName } from '../file-name.js';

export type ExportFormat = 'pdf' | 'docx';

export interface ExportRequest {
  id: number;
  input: unknown;
  format: ExportFormat;
  /** a template id (e.g. gov-info-annual-report-2021): input is that template's data, else a report model */
  template?: string;
  previous?: unknown;
  allowInconsistent?: boolean;
  /** absolute URL of the folder holding web-fonts.json, the fonts and the wasm */
  assetsUrl: string;
  /** ms since the epoch; fixes every date in the file (same bytes as Node for the same date) */
  creationDate?: number;
}

export type ExportStage = 'check' | 'plan' | 'fonts' | 'wasm' | 'layout' | 'render';

export interface ExportProgress {
  type: 'progress';
  id: number;
  stage: ExportStage;
  /** bytes fetched over the network so far for this export (cached files count 0) */
  fetched: number;
  detail?: string;
}
export interface DoneMessage {
  type: 'done';
  id: number;
  bytes: Uint8Array;
  fileName: string;
  warnings: Problem[];
  /** the font files used: family, weight, which part, and whether it came from the cache */
  fonts: { family: string; bold: boolean; part: 'common' | 'full'; cached: boolean }[];
  ms: number;
}
export interface ErrorMessage {
  type: 'error';
  id: number;
  error: { code: string; title: string; problems: Problem[] };
}
export type WorkerMessage = ExportProgress | DoneMessage | ErrorMessage;

export const MIME: Record<ExportFormat, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The document title as a file name: 方正县…2020年政府信息公开工作年度报告.pdf */
export function fileNameFor(title: string | undefined, format: ExportFormat): string {
  return `${safeFileName(title)}.${format}`;
}
