/**
 * The core API on bytes: no file system, no environment, no Node-only import. The HTTP handler, the
 * browser bundle and the CLI are thin shells over these functions.
 */
import { CjkReportError, InconsistentDataError, InputError, TemplateError, UnknownTemplateError, type Problem } from './errors.js';
import type { FontRegistry } from './fonts/registry.js';
import type { HbSubsetter } from './fonts/hb-subset.js';
import { layoutDocument } from './layout/index.js';
import type { LaidOutDocument } from './layout/types.js';
import { type Limits, resolveLimits } from './limits.js';
import { MAX_YEAR, MIN_YEAR, PdfSettings, yearInRange } from './model/document.js';
import { zodProblems } from './model/errors.js';
import { parseReport } from './model/parse.js';
import type { ReportDocument } from './model/document.js';
import type { Crc32, DeflateRaw } from './render/docx/index.js';
import { getTemplate, listTemplates } from '../templates/index.js';
import type { Template } from '../templates/types.js';
import { inTemplate } from '../templates/define.js';

/** The renderers load with their libraries (pdfmake and pdfkit; docx) when a document first asks for their format. */
export const renderPdf: typeof import('./render/pdf/index.js').renderPdf = async (...args) => (await import('./render/pdf/index.js')).renderPdf(...args);
export const renderDocx: typeof import('./render/docx/index.js').renderDocx = async (...args) => (await import('./render/docx/index.js')).renderDocx(...args);

export type Format = 'pdf' | 'docx';

export interface RenderOptions {
  registry: FontRegistry;
  /** embeds font subsets: needed for DOCX; the PDF uses it when given (fontkit's slower subsetter otherwise) */
  subsetter?: HbSubsetter;
  /** raw deflate for the DOCX zip (Node: node:zlib's); without one, fflate's is loaded */
  deflate?: DeflateRaw;
  /** the PDF's font programs: deflate with a zlib header, as pdfkit's own (Node: a remembered zlib.deflateSync) */
  fontFileDeflate?: (data: Uint8Array) => Uint8Array;
  crc32?: Crc32;
  formats: Format[];
  creationDate?: Date;
  /** the PDF's document-level settings (PDF/A-2b, lock …) over the model's meta.pdf */
  pdf?: PdfSettings;
  allowFontFallback?: boolean;
  /** resource limits (src/limits.ts); unset ones take DEFAULT_LIMITS. Each is checked where its work happens */
  limits?: Partial<Limits>;
}

export interface RenderResult {
  pdf?: Uint8Array;
  docx?: Uint8Array;
  laidOut: LaidOutDocument;
}

export interface TemplateRenderOptions extends RenderOptions {
  /** last year's data file, for the cross-year checks (warnings) */
  previous?: unknown;
  /** render even when the 勾稽 rules fail (the violations come back in `errors`) */
  allowInconsistent?: boolean;
}

export interface TemplateRenderResult extends RenderResult {
  template: string;
  /** a file name without extension, e.g. 方正县营商环境建设监督局2020年政府信息公开工作年度报告 */
  fileName: string;
  warnings: Problem[];
  /** 勾稽 violations that were let through with allowInconsistent */
  errors: Problem[];
}

/** Validates, lays out once, and renders each requested format from the same layout. */
export async function renderReport(input: unknown, opts: RenderOptions): Promise<RenderResult> {
  const limits = resolveLimits(opts.limits);
  if (opts.creationDate && !yearInRange(opts.creationDate))
    throw new InputError([{ path: 'creationDate', message: `日期 ${String(opts.creationDate)} 不在 ${MIN_YEAR}–${MAX_YEAR} 年之间（DOCX 压缩包的时间只能记到 2099 年）` }]);
  const doc: ReportDocument = parseModel(input, limits);
  if (opts.pdf) {
    // the caller's settings are checked like the model's meta.pdf, merged over it
    const pdf = PdfSettings.safeParse({ ...doc.meta.pdf, ...opts.pdf });
    if (!pdf.success) throw new InputError(zodProblems(pdf.error, 'meta.pdf'));
  }
  return renderParsed(doc, opts, limits);
}

/** Lays out a checked report model once and renders each requested format from the same layout. */
async function renderParsed(doc: ReportDocument, opts: RenderOptions, limits: Limits): Promise<RenderResult> {
  const laidOut = layoutDocument(doc, { registry: opts.registry, creationDate: opts.creationDate, allowFontFallback: opts.allowFontFallback, limits });
  const out: RenderResult = { laidOut };
  if (opts.formats.includes('pdf')) out.pdf = await renderPdf(laidOut, { subsetter: opts.subsetter, fontFileDeflate: opts.fontFileDeflate, pdf: opts.pdf });
  if (opts.formats.includes('docx')) {
    if (!opts.subsetter) throw new InputError([{ path: 'subsetter', message: '生成 DOCX 需要字体子集器：请在选项中给出 subsetter（harfbuzz），或只生成 PDF' }]);
    out.docx = await renderDocx(laidOut, { subsetter: opts.subsetter, deflate: opts.deflate, crc32: opts.crc32 });
  }
  return out;
}

/** parseReport, but template data gets a pointer to renderTemplate instead of a list of unknown keys. */
function parseModel(input: unknown, limits: Limits): ReportDocument {
  const id = templateIdOf(input);
  if (id !== undefined || looksLikeTemplateData(input))
    throw new InputError(
      [{ path: 'template', message: `这是模板数据${id ? `（模板“${id}”）` : ''}，不是报告模型：请用 renderTemplate(id, data)（命令行 --template <id>，HTTP POST /render/<id>.pdf）生成` }],
      '输入的是模板数据',
    );
  return parseReport(input, limits);
}

function templateIdOf(input: unknown): string | undefined {
  const t = input && typeof input === 'object' && !Array.isArray(input) ? (input as { template?: unknown }).template : undefined;
  return typeof t === 'string' ? t : undefined;
}

function looksLikeTemplateData(input: unknown): boolean {
  if (!input || typeof input !== 'object' || Array.isArray(input)) return false;
  const o = input as Record<string, unknown>;
  return !('blocks' in o) && 'agency' in o && 'tables' in o;
}

/** A built-in template's id, or a template object (defineTemplate's result, e.g. a user's module). */
export type TemplateRef = string | Template<any, any>;

/** The template for an id, or the data's own `template` field when no id is given. Throws UnknownTemplateError. */
export function resolveTemplate(ref: TemplateRef | undefined, data: unknown): Template<any, any> {
  const own = templateIdOf(data);
  if (ref && typeof ref === 'object') {
    if (own && own !== ref.id) throw new InputError([{ path: 'template', message: `数据写明的模板是“${own}”，与所选模板“${ref.id}”不一致` }]);
    return ref;
  }
  const id = ref;
  const want = id ?? own;
  if (!want) throw new InputError([{ path: 'template', message: '未指定模板：请给出模板 id，或在数据中写明 template 字段' }]);
  const t = getTemplate(want);
  if (!t) throw new UnknownTemplateError(want, listTemplates().map((x) => x.id));
  if (id && own && own !== id) throw new InputError([{ path: 'template', message: `数据写明的模板是“${own}”，与所选模板“${id}”不一致` }]);
  return t;
}

/** Checks template data against its schema and 勾稽 rules; InputError for a bad shape, InconsistentDataError for broken rules. */
export function checkTemplateData(id: TemplateRef | undefined, data: unknown, opts: { previous?: unknown; allowInconsistent?: boolean; limits?: Partial<Limits> } = {}) {
  const template = resolveTemplate(id, data);
  const checked = template.check(data, { previous: opts.previous, limits: resolveLimits(opts.limits) });
  if (checked.errors.length && !opts.allowInconsistent) throw new InconsistentDataError(checked.errors);
  return { template, ...checked };
}

/** Template data → files: check (schema, 勾稽), build the report model, render it. */
export async function renderTemplateWith(id: TemplateRef | undefined, data: unknown, opts: TemplateRenderOptions): Promise<TemplateRenderResult> {
  const { template, data: filled, errors, warnings } = checkTemplateData(id, data, opts);
  const limits = resolveLimits(opts.limits);
  if (opts.creationDate && !yearInRange(opts.creationDate))
    throw new InputError([{ path: 'creationDate', message: `日期 ${String(opts.creationDate)} 不在 ${MIN_YEAR}–${MAX_YEAR} 年之间（DOCX 压缩包的时间只能记到 2099 年）` }]);
  const doc = buildTemplateModel(template, filled, limits);
  let result: RenderResult;
  try {
    result = await renderParsed(doc, opts, limits);
  } catch (e) {
    throw toDataPaths(e, template, filled);
  }
  return { ...result, template: template.id, fileName: inTemplate(template.id, 'fileName', () => template.fileName?.(filled)) ?? template.id, warnings, errors };
}

/**
 * template.build, its result checked against the report model's schema: a build that throws, or a model
 * that does not match, is the template's fault (a TemplateError naming the template and the field: the
 * data field when the template maps it, else the model's path). Limits keep their own error.
 */
export function buildTemplateModel<D>(template: Template<D, any>, data: D, limits?: Partial<Limits>): ReportDocument {
  const model = inTemplate(template.id, 'build', () => template.build(data));
  try {
    return parseReport(model, resolveLimits(limits));
  } catch (e) {
    if (!(e instanceof CjkReportError) || e.code !== 'invalid-input') throw e;
    const problems = e.problems.map((p) => {
      const field = template.dataPath?.(p.path, data);
      return { path: field ?? p.path, message: `模板生成的报告模型有误（${field ? `报告模型 ${p.path}` : '报告模型'}）：${p.message}` };
    });
    throw new TemplateError(template.id, problems, `模板“${template.id}”生成的报告模型有误`);
  }
}

/** A problem found in the model a template built is reported at the data field it came from (agency, not blocks[0].text). */
export function toDataPaths<D>(e: unknown, template: Template<D>, data: D): unknown {
  if (!(e instanceof CjkReportError) || !template.dataPath) return e;
  const mapped = e.problems.map((p) => ({ ...p, path: template.dataPath!(p.path, data) ?? p.path }));
  // a field used twice in the report (agency in the title and the signature) is one problem to the user
  const seen = new Set<string>();
  const problems = mapped.filter((p) => !seen.has(`${p.path}\n${p.message}`) && !!seen.add(`${p.path}\n${p.message}`));
  const copy = new CjkReportError(e.code, problems, e.title);
  copy.name = e.name;
  return copy;
}

export interface TemplateInfo {
  id: string;
  title: string;
}

/** The JSON Schema of a template's data file (draft 2020-12), for systems in other languages. */
export function templateJsonSchema(ref: TemplateRef): object {
  const t = typeof ref === 'object' ? ref : getTemplate(ref);
  if (!t) throw new UnknownTemplateError(ref as string, listTemplates().map((x) => x.id));
  // the schema of a data file as written (io: input): fields with defaults, and omitted totals, are optional
  return t.jsonSchema();
}

/** The templates this package ships (id and Chinese title). */
export function templates(): TemplateInfo[] {
  return listTemplates().map((t) => ({ id: t.id, title: t.title }));
}

export { layoutDocument, parseReport };
export { getTemplate, listTemplates };
export * from './errors.js';
export { DEFAULT_LIMITS, LIMIT_LABELS, resolveLimits, type Limits } from './limits.js';
export type { Crc32, DeflateRaw, DocxOptions } from './render/docx/index.js';
export { defineTemplate, type Template, type TemplateDefinition } from '../templates/define.js';
