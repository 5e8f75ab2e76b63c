/**
 * The public way to write a template: `defineTemplate(definition)`. A template is data the builder, the
 * generated 填报 form, the CLI, the HTTP service and the importer all read: a zod data schema, the printed
 * label of every data cell, the computed fields, the rules (each with an id, a severity, the cells it reads
 * and the cell it blames) and a builder `data → ReportDocument`.
 *
 * CONTRACT (written first so that several parts could be built against it at once; the implementation
 * below is the reference and may grow, the shapes may only gain optional members).
 */
import { z } from 'zod';
import type { Limits } from '../src/limits.js';
import type { ReportDocument } from '../src/model/document.js';
import type { Problem } from '../src/model/errors.js';

export type Severity = 'error' | 'warning';

/** What kind of value a cell holds: the form picks its input from it. */
export type CellKind = 'count' | 'number' | 'amount' | 'signed' | 'text' | 'prose' | 'date' | 'image' | 'choice';

/**
 * One data cell (or field) as printed. `path` is the data path in the form problems use
 * (`tables.applications.granted[1]`, `family[2].name`). Arrays of items (repeatable rows) are listed per
 * item for the data given; with no data, one entry per array with `[*]` in place of the index.
 */
export interface CellLabel {
  path: string;
  /** the full printed label, as messages name the cell: '表二 （一）予以公开 商业企业' */
  label: string;
  /** the table or form section the cell belongs to ('表二', '基本情况'); cells of one group form one grid */
  group?: string;
  /** row label(s) as printed, outermost first: ['三、本年度办理结果', '（三）不予公开', '1.属于国家秘密'] */
  row?: string[];
  /** column label(s) as printed, outermost first */
  column?: string[];
  kind?: CellKind;
  /** filled by a computed field when the data leaves it out (shown as computed by the form) */
  computed?: boolean;
  /** a short hint the form shows ('yyyyMM', '万元') */
  hint?: string;
}

/** One thing a rule found. The message is Chinese and names cells by their printed labels; no `[id]` prefix. */
export interface RuleFinding {
  /** the cell the finding blames (where the form shows the message, where a CLI user fixes it) */
  path: string;
  message: string;
  /** the cells the finding read (marked by the form); default: the rule's `reads` for this data */
  reads?: string[];
  expected?: number | string | null;
  given?: number | string | null;
  /** overrides the rule's severity for this finding (a blank cell is an error, a total computed over it a warning) */
  severity?: Severity;
}

export interface RuleContext<D = unknown> {
  /** the printed label of a data path ('' when the template has none) */
  label(path: string): string;
  /** the data as the user gave it, before the computed fields were filled (a rule about blanks reads it) */
  given?: D;
}

/** A rule as data: a form can list it, mark the cells it reads, and run it as the user types. */
export interface RuleDefinition<D> {
  /** short and stable: 'A1', 'R3', 'V', 'J2' */
  id: string;
  severity: Severity;
  /** one line of Chinese saying what must hold: '表二 每列：第一项 + 第二项 = （七）总计 + 第四项' */
  description: string;
  /** the cells the rule reads for this data (for the form to mark even before it fails) */
  reads?(data: D): string[];
  check(data: D, ctx: RuleContext<D>): RuleFinding[];
  /** how messages cite the rule, inside [ ]: default the id; '' cites nothing */
  cite?: string;
  /** the data paths whose shape the schema itself enforces for this rule: a schema error there carries the rule */
  shape?(path: string): boolean;
}

/** A cross-year rule: checks this year's data against last year's (already parsed and filled). */
export interface CrossYearRuleDefinition<D, P = D> {
  id: string;
  severity: Severity;
  description: string;
  check(data: D, previous: P, ctx: RuleContext<D>): RuleFinding[];
  /** how messages cite the rule, inside [ ]: default the id; '' cites nothing */
  cite?: string;
}

/** A computed field (a total): filled when the data leaves it out; a rule checks it when given. */
export interface ComputedDefinition<D> {
  id: string;
  description: string;
  /** the paths it fills, for this data */
  paths(data: D): string[];
  /** fills the omitted values in place (on a copy of the user's data) */
  fill(data: D): void;
}

/** A file format a template reads besides JSON and YAML (the 任免表's .lrmx). */
export interface InputFormat {
  /** lower-case, with the dot: '.lrmx' */
  extension: string;
  description: string;
  /** bytes → the data the schema checks; throws a CjkReportError (InputError/UnreadableInputError) when unreadable */
  read(bytes: Uint8Array): unknown;
}

export interface TemplateDefinition<D, P = D> {
  id: string;
  /** the Chinese title the CLI, the service and the form show */
  title: string;
  /** the template's own version (of the official format or of the template), e.g. '2021' or '1.0' */
  version: string;
  schema: z.ZodType<D>;
  /** every printed data cell; with data, repeatable rows are expanded (see CellLabel) */
  labels(data?: D): CellLabel[];
  computed?: ComputedDefinition<D>[];
  rules?: RuleDefinition<D>[];
  /** last year's data: how it is parsed (it may be another format) and the rules that compare */
  previous?: { parse(input: unknown): P; rules: CrossYearRuleDefinition<D, P>[] };
  build(data: D): ReportDocument;
  /** output file name without extension; sanitized by the caller */
  fileName?(data: D): string;
  /** the data field a path of the built model comes from, so layout problems name the user's field */
  dataPath?(modelPath: string, data: D): string | undefined;
  /** sums many checked data files (汇总) */
  aggregate?(datas: D[], meta: { agency: string }): D;
  inputs?: InputFormat[];
  /** a complete example the form opens with and the docs show */
  example?: unknown;
  /** the printed label of any path, also of a row or a table (shape errors name it); default: from labels() */
  label?(path: string): string | undefined;
}

export interface CheckResult<D> {
  /** the data with computed fields filled in */
  data: D;
  errors: Problem[];
  warnings: Problem[];
}

export interface CheckOptions {
  previous?: unknown;
  limits?: Pick<Limits, 'maxNesting' | 'maxInputBytes'>;
}

/** A defined template: the definition, plus `check` (schema → computed → rules) and the rule list. */
export interface Template<D = unknown, P = unknown> extends TemplateDefinition<D, P> {
  check(input: unknown, opts?: CheckOptions): CheckResult<D>;
  /** the JSON Schema (draft 2020-12) of a data file, for systems in other languages and for editors */
  jsonSchema(): object;
}

import { zhCN } from 'zod/locales';
import { InputError, TemplateError, isCjkReportError, type Problem as ErrorProblem } from '../src/errors.js';
import { zodProblems } from '../src/model/errors.js';
import { checkInputBounds } from '../src/model/input-bounds.js';
import { DEFAULT_LIMITS } from '../src/limits.js';
import { numberSource } from '../src/input/number-source.js';

const zh = zhCN().localeError;

/** The label of a path: exact, else the `[*]` pattern of a repeatable row. */
export function labelLookup(labels: readonly CellLabel[]): (path: string) => string {
  const byPath = new Map(labels.map((l) => [l.path, l.label]));
  return (path) => byPath.get(path) ?? byPath.get(path.replace(/\[\d+\]/g, '[*]')) ?? '';
}

/** How a message cites a rule: `[A1] `, or nothing when the rule says cite ''. */
const citation = (rule: { id: string; cite?: string }) => {
  const c = rule.cite ?? rule.id;
  return c ? `[${c}] ` : '';
};

/** The scalar at a data path as the user wrote it (for "填报为 …" in a shape error): a number as its digits, a string quoted; undefined for objects. */
function shownAt(input: unknown, path: string): string | undefined {
  let v: unknown = input;
  let parent: unknown;
  let last = '';
  for (const key of path.match(/[^.[\]]+/g) ?? []) {
    parent = v;
    last = key;
    v = v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined;
  }
  // an integer a double rounded is quoted as written (123456789012345678901, not …680000)
  if (typeof v === 'number') return numberSource(parent, last) ?? String(v);
  return v === undefined || typeof v === 'object' ? undefined : JSON.stringify(v);
}

/**
 * Runs a piece of the template's own code: a CjkReportError it throws on purpose goes through, anything
 * else (a TypeError in a user's rule) becomes a TemplateError naming the template and what it was doing.
 */
export function inTemplate<T>(id: string, what: string, fn: () => T): T {
  try {
    return fn();
  } catch (e) {
    if (isCjkReportError(e)) throw e;
    throw new TemplateError(id, [{ path: what, message: `模板代码出错：${e instanceof Error ? e.message : String(e)}` }]);
  }
}

/**
 * Makes a template from its definition. `check` runs, in order: the input bounds, the schema (a shape
 * error names the cell by its printed label, and the rule whose `shape` covers it), the computed fields,
 * the rules, and the cross-year rules when last year's data is given. Every problem a rule reports carries
 * `rule`, `severity` and `reads`; messages cite the rule (`[A1] …`).
 */
export function defineTemplate<D, P = D>(def: TemplateDefinition<D, P>): Template<D, P> {
  const shapeProblems = (problems: ErrorProblem[], input: unknown): ErrorProblem[] => {
    const lookup = def.label ? undefined : labelLookup(inTemplate(def.id, 'labels', () => def.labels()));
    return problems.map((p) => {
      const label = def.label ? def.label(p.path) : lookup!(p.path);
      const rule = def.rules?.find((r) => r.shape?.(p.path));
      if (!label) return rule ? { ...p, rule: rule.id } : p;
      const given = shownAt(input, p.path);
      const shown = given === undefined ? '' : `，填报为 ${given}`;
      return { path: p.path, message: `${rule ? citation(rule) : ''}${label}：${p.message}${shown}`, ...(rule ? { rule: rule.id } : {}) };
    });
  };
  const template: Template<D, P> = {
    ...def,
    check(input: unknown, opts: CheckOptions = {}): CheckResult<D> {
      checkInputBounds(input, opts.limits ?? DEFAULT_LIMITS);
      const parsed = def.schema.safeParse(input, { error: zh, reportInput: true });
      if (!parsed.success) throw new InputError(shapeProblems(zodProblems(parsed.error), input), '数据文件的格式不正确');
      const given = parsed.data;
      const data = structuredClone(given);
      for (const c of def.computed ?? []) inTemplate(def.id, `computed ${c.id}`, () => c.fill(data));
      const ctx: RuleContext<D> = { label: labelLookup(inTemplate(def.id, 'labels', () => def.labels(data))), given };
      const found: ErrorProblem[] = [];
      const report = (rule: { id: string; severity: Severity; cite?: string }, findings: RuleFinding[], reads?: string[]) => {
        for (const f of findings)
          found.push({ path: f.path, message: `${citation(rule)}${f.message}`, rule: rule.id, severity: f.severity ?? rule.severity, reads: f.reads ?? reads ?? [f.path] });
      };
      for (const rule of def.rules ?? []) inTemplate(def.id, `rule ${rule.id}`, () => report(rule, rule.check(data, ctx), rule.reads?.(data)));
      if (opts.previous !== undefined && def.previous) {
        const prev = inTemplate(def.id, 'previous', () => def.previous!.parse(opts.previous));
        for (const rule of def.previous.rules) inTemplate(def.id, `rule ${rule.id}`, () => report(rule, rule.check(data, prev, ctx)));
      }
      return { data, errors: found.filter((p) => p.severity === 'error'), warnings: found.filter((p) => p.severity !== 'error') };
    },
    jsonSchema: () => z.toJSONSchema(def.schema, { unrepresentable: 'any', target: 'draft-2020-12', io: 'input' }),
  };
  return template;
}

/** What a template is, as JSON: for a tool or a form in another language (GET /templates/<id>, cjk-report templates). */
export interface TemplateDescription {
  id: string;
  title: string;
  version: string;
  labels: CellLabel[];
  computed: { id: string; description: string }[];
  rules: { id: string; severity: Severity; description: string }[];
  crossYearRules: { id: string; severity: Severity; description: string }[];
  inputs: { extension: string; description: string }[];
}

export function describeTemplate(t: Template<any, any>): TemplateDescription {
  const rule = (r: { id: string; severity: Severity; description: string }) => ({ id: r.id, severity: r.severity, description: r.description });
  return {
    id: t.id,
    title: t.title,
    version: t.version,
    labels: inTemplate(t.id, 'labels', () => t.labels()),
    computed: (t.computed ?? []).map((c) => ({ id: c.id, description: c.description })),
    rules: (t.rules ?? []).map(rule),
    crossYearRules: (t.previous?.rules ?? []).map(rule),
    inputs: (t.inputs ?? []).map((i) => ({ extension: i.extension, description: i.description })),
  };
}

/** Is this a defined template (what defineTemplate returns)? A user's module is checked with it before use. */
export function isTemplate(x: unknown): x is Template<unknown, unknown> {
  const t = x as Partial<Template> | undefined;
  return !!t && typeof t === 'object' && typeof t.id === 'string' && typeof t.check === 'function' && typeof t.build === 'function' && typeof t.labels === 'function';
}

/**
 * A user's template (a module's export, an object given to createExportApp) made ours: its definition
 * checked for the members every entry point needs, then defined again with this copy of defineTemplate
 * (a module may have used another copy of the package). `source` names it in the error: the file or id.
 */
export function asTemplate(x: unknown, source: string): Template<any, any> {
  const d = x as Partial<TemplateDefinition<unknown>> | undefined;
  const missing: string[] = [];
  if (!d || typeof d !== 'object') throw new TemplateError(source, [{ path: source, message: '不是模板：应为 defineTemplate({...}) 的结果' }]);
  if (typeof d.id !== 'string' || !d.id) missing.push('id（字符串）');
  if (typeof (d.schema as { safeParse?: unknown } | undefined)?.safeParse !== 'function') missing.push('schema（zod 模式）');
  if (typeof d.build !== 'function') missing.push('build(data)');
  if (missing.length) throw new TemplateError(typeof d.id === 'string' && d.id ? d.id : source, [{ path: source, message: `模板缺少 ${missing.join('、')}` }]);
  const def = d as TemplateDefinition<unknown>;
  return defineTemplate({ ...def, title: def.title ?? def.id, version: def.version ?? '1', labels: def.labels ?? (() => []) });
}

/** 汇总: checks every file (a file with errors stops it, named 文件N), then the template's aggregate sums them. */
export function aggregateInputs<D>(t: Template<D, any>, inputs: unknown[], meta: { agency: string }): D {
  if (!t.aggregate) throw new InputError([{ path: 'template', message: `模板 ${t.id} 不支持汇总（aggregate）` }]);
  if (!inputs.length) throw new InputError([{ path: '(files)', message: '至少需要一个数据文件' }]);
  const datas = inputs.map((x, i) => {
    const r = t.check(x);
    if (r.errors.length) throw new InputError(r.errors.map((e) => ({ ...e, path: `文件${i + 1} ${e.path}` })), '汇总前的校验未通过');
    return r.data;
  });
  return inTemplate(t.id, 'aggregate', () => t.aggregate!(datas, meta));
}
