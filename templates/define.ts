/**
 * The public way to write a template: `defineTemplate(definition)`. A template is data the builder, the
 * generated 填报 form, the CLI, the HTTP service and the importer all read: a zod data schema, the printed
 * label of every data cell, the computed fields, the rules (each with an id, a severity, the cells it reads
 * and the cell it blames) and a builder `data → ReportDocument`.
 *
 * CONTRACT (written first so that several parts could be built against it at once; the implementation
 * below is the reference and may grow, the shapes may only gain optional members).
 */
import type { z } from 'zod';
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
}

export interface RuleContext {
  /** the printed label of a data path ('' when the template has none) */
  label(path: string): string;
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
  check(data: D, ctx: RuleContext): RuleFinding[];
}

/** A cross-year rule: checks this year's data against last year's (already parsed and filled). */
export interface CrossYearRuleDefinition<D, P = D> {
  id: string;
  severity: Severity;
  description: string;
  check(data: D, previous: P, ctx: RuleContext): RuleFinding[];
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
}

import { zhCN } from 'zod/locales';
import { InputError, zodProblems } from '../src/model/errors.js';
import { checkInputBounds } from '../src/model/input-bounds.js';
import { DEFAULT_LIMITS } from '../src/limits.js';

const zh = zhCN().localeError;

/** The label of a path: exact, else the `[*]` pattern of a repeatable row. */
export function labelLookup(labels: readonly CellLabel[]): (path: string) => string {
  const byPath = new Map(labels.map((l) => [l.path, l.label]));
  return (path) => byPath.get(path) ?? byPath.get(path.replace(/\[\d+\]/g, '[*]')) ?? '';
}

/**
 * Makes a template from its definition. `check` runs, in order: the input bounds, the schema (a shape
 * error names the cell by its printed label), the computed fields, the rules, and the cross-year rules
 * when last year's data is given. Every problem a rule reports carries `rule`, `severity` and `reads`.
 */
export function defineTemplate<D, P = D>(def: TemplateDefinition<D, P>): Template<D, P> {
  const template: Template<D, P> = {
    ...def,
    check(input: unknown, opts: CheckOptions = {}): CheckResult<D> {
      checkInputBounds(input, opts.limits ?? DEFAULT_LIMITS);
      const parsed = def.schema.safeParse(input, { error: zh, reportInput: true });
      if (!parsed.success) {
        const label = labelLookup(def.labels());
        const problems = zodProblems(parsed.error).map((p) => (label(p.path) ? { ...p, message: `${label(p.path)}：${p.message}` } : p));
        throw new InputError(problems, '数据文件的格式不正确');
      }
      const data = structuredClone(parsed.data);
      for (const c of def.computed ?? []) c.fill(data);
      const ctx: RuleContext = { label: labelLookup(def.labels(data)) };
      const found: Problem[] = [];
      const report = (rule: { id: string; severity: Severity }, findings: RuleFinding[], reads?: string[]) => {
        for (const f of findings)
          found.push({ path: f.path, message: `[${rule.id}] ${f.message}`, rule: rule.id, severity: rule.severity, reads: f.reads ?? reads ?? [f.path] });
      };
      for (const rule of def.rules ?? []) report(rule, rule.check(data, ctx), rule.reads?.(data));
      if (opts.previous !== undefined && def.previous) {
        const prev = def.previous.parse(opts.previous);
        for (const rule of def.previous.rules) report(rule, rule.check(data, prev, ctx));
      }
      return { data, errors: found.filter((p) => p.severity === 'error'), warnings: found.filter((p) => p.severity !== 'error') };
    },
  };
  return template;
}
