import type { z } from 'zod';
import type { Limits } from '../src/limits.js';
import type { ReportDocument } from '../src/model/document.js';
import type { Problem } from '../src/model/errors.js';

export interface CheckResult<D> {
  /** the data with omitted totals filled in */
  data: D;
  errors: Problem[];
  warnings: Problem[];
}

/** A template: a data schema, its rules, and a builder from data to a ReportDocument. Never touches a renderer. */
export interface Template<D = unknown> {
  id: string;
  title: string;
  schema: z.ZodType<D>;
  /** validates shape (zod) and content (rules); throws InputError on a bad shape */
  /** `limits`: the input bounds (nesting, expanded size) checked before the schema; default DEFAULT_LIMITS */
  check(input: unknown, opts?: { previous?: unknown; limits?: Pick<Limits, 'maxNesting' | 'maxInputBytes'> }): CheckResult<D>;
  build(data: D): ReportDocument;
  /**
   * The data field a path of the built model comes from (blocks[0].text → agency), so that a problem found
   * while laying out the generated model is reported where the user can fix it. Undefined: no mapping.
   */
  dataPath?(modelPath: string, data: D): string | undefined;
  /** the output file name without extension (Chinese is fine: the HTTP service sends an ASCII fallback too) */
  fileName?(data: D): string;
  /** sums the tables of many data files (汇总); prose is left empty */
  aggregate?(inputs: unknown[], meta: { agency: string }): D;
}
