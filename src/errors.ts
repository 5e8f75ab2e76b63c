/**
 * Every error a user can trigger is a CjkReportError with a stable `code`, a Chinese `title` and the
 * `problems` (field path + message). The CLI's exit status and the HTTP status are looked up from the
 * code, so the library, the CLI and the HTTP service can never disagree on what a failure is.
 */

export interface Problem {
  /** field path as users read it (tables.applications.rows[3][2]), a file name, or a flag */
  path: string;
  message: string;
  /** rule id for template checks (A1, R3, V …) */
  rule?: string;
  /** a rule's severity: errors stop a render (unless allowed), warnings are reported */
  severity?: 'error' | 'warning';
  /** the data paths the rule read, for a form to mark (the blamed cell is `path`) */
  reads?: string[];
}

export type ErrorCode =
  | 'invalid-input' // the model or the template data does not match its schema, or cannot be laid out
  | 'unreadable-input' // a file or body that cannot be read or parsed (JSON/YAML syntax, encoding)
  | 'inconsistent' // template data that fails its 勾稽 rules
  | 'font-coverage' // characters no registered font can draw
  | 'invalid-font' // a font file that cannot be used
  | 'invalid-image' // an image that cannot be used
  | 'limit-exceeded' // a configured limit (bytes, cells, pages, …)
  | 'unknown-template'
  | 'invalid-template' // a user's template that cannot be loaded, throws, or builds a bad report model
  | 'unsupported-media-type'
  | 'unwritable-output' // an output file or folder that cannot be written (no room, no permission, a folder in the way)
  | 'usage' // a wrong command line
  | 'busy' // the render queue is full
  | 'timeout' // a render passed its time limit
  | 'cancelled'
  | 'internal'; // a bug: never the user's fault

const TITLES: Record<ErrorCode, string> = {
  'invalid-input': '输入数据有误',
  'unreadable-input': '无法读取输入',
  inconsistent: '数据未通过勾稽关系校验',
  'font-coverage': '字体缺少所需字符',
  'invalid-font': '字体文件不可用',
  'invalid-image': '图片不可用',
  'limit-exceeded': '超出限制',
  'unknown-template': '未知模板',
  'invalid-template': '模板有误',
  'unsupported-media-type': '不支持的内容类型',
  'unwritable-output': '无法写入输出文件',
  usage: '命令用法有误',
  busy: '服务繁忙，请稍后再试',
  timeout: '生成超时',
  cancelled: '已取消',
  internal: '内部错误',
};

/** Exit status of the CLI per code: 1 for anything the user can fix in the input, 2 usage, 3 a bug. */
export const EXIT_STATUS: Record<ErrorCode, number> = {
  'invalid-input': 1,
  'unreadable-input': 1,
  inconsistent: 1,
  'font-coverage': 1,
  'invalid-font': 1,
  'invalid-image': 1,
  'limit-exceeded': 1,
  'unknown-template': 2,
  'invalid-template': 1,
  'unsupported-media-type': 1,
  'unwritable-output': 1,
  usage: 2,
  busy: 1,
  timeout: 1,
  cancelled: 130,
  internal: 3,
};

/** HTTP status per code, for the export service. */
export const HTTP_STATUS: Record<ErrorCode, number> = {
  'invalid-input': 400,
  'unreadable-input': 400,
  inconsistent: 422,
  'font-coverage': 422,
  'invalid-font': 400,
  'invalid-image': 400,
  'limit-exceeded': 413,
  'unknown-template': 404,
  'invalid-template': 500,
  'unsupported-media-type': 415,
  'unwritable-output': 500,
  usage: 400,
  busy: 503,
  timeout: 504,
  cancelled: 499,
  internal: 500,
};

export class CjkReportError extends Error {
  readonly code: ErrorCode;
  readonly title: string;
  readonly problems: Problem[];
  constructor(code: ErrorCode, problems: Problem[], title?: string) {
    const t = title ?? TITLES[code];
    super(`${t}:\n${problems.map((p) => `  ${p.path}: ${p.message}`).join('\n')}`);
    this.name = 'CjkReportError';
    this.code = code;
    this.title = t;
    this.problems = problems;
  }
  /** The JSON body the HTTP service sends and `--json` prints: no stack, nothing internal. */
  toJSON(): { code: ErrorCode; title: string; problems: Problem[] } {
    return { code: this.code, title: this.title, problems: this.problems };
  }
}

/** The input does not match its schema or cannot be laid out. */
export class InputError extends CjkReportError {
  constructor(problems: Problem[], title?: string, code: ErrorCode = 'invalid-input') {
    super(code, problems, title);
    this.name = 'InputError';
  }
}

/** Template data that fails its 勾稽 rules (the same rules `check()` and `validate` report). */
export class InconsistentDataError extends CjkReportError {
  constructor(problems: Problem[], title?: string) {
    super('inconsistent', problems, title);
    this.name = 'InconsistentDataError';
  }
}

/**
 * A template (usually a user's) failed: its module cannot be loaded, its check or build threw, or it built a
 * report model that does not match the schema. The problems name the template and the field; it is the
 * template author's to fix, not a bug of this package (exit 1, HTTP 500: the server's template failed).
 */
export class TemplateError extends CjkReportError {
  constructor(
    readonly template: string,
    problems: Problem[],
    title?: string,
  ) {
    super('invalid-template', problems, title ?? `模板“${template}”有误`);
    this.name = 'TemplateError';
  }
}

export class FontCoverageError extends CjkReportError {
  constructor(problems: Problem[], title?: string) {
    super('font-coverage', problems, title);
    this.name = 'FontCoverageError';
  }
}

/** A configured limit was passed; `limit` names it (e.g. maxTableCells) so the user knows what to raise. */
export class LimitError extends CjkReportError {
  constructor(
    readonly limit: string,
    readonly max: number,
    readonly actual: number | undefined,
    path: string,
    message: string,
  ) {
    super('limit-exceeded', [{ path, message }]);
    this.name = 'LimitError';
  }
}

export class UnknownTemplateError extends CjkReportError {
  constructor(id: string, known: string[]) {
    super('unknown-template', [{ path: 'template', message: `没有模板“${id}”；可用的模板：${known.join('、')}` }]);
    this.name = 'UnknownTemplateError';
  }
}

/** Anything that is not a CjkReportError is a bug: the user sees its code and a request id, never the stack. */
/**
 * A CjkReportError, also one made by another copy of this package: a user's template module imports
 * cjk-report/templates (the ESM build) while the CLI runs as a bundle, so its classes are not ours.
 */
export function isCjkReportError(e: unknown): e is CjkReportError {
  if (e instanceof CjkReportError) return true;
  const x = e as Partial<CjkReportError> | undefined;
  return e instanceof Error && typeof x?.code === 'string' && x.code in TITLES && Array.isArray(x.problems) && typeof x.title === 'string';
}

export function asCjkReportError(e: unknown): CjkReportError {
  if (e instanceof CjkReportError) return e;
  if (isCjkReportError(e)) {
    const copy = new CjkReportError(e.code, e.problems, e.title);
    copy.name = e.name;
    return copy;
  }
  return new CjkReportError('internal', [{ path: '(internal)', message: e instanceof Error ? e.message : String(e) }]);
}
