import { z } from 'zod';
import { zhCN } from 'zod/locales';
import { ReportDocument } from './document.js';
import { InputError, zodProblems } from './errors.js';

const zh = zhCN().localeError;

/** Validates an unknown value as a ReportDocument; throws InputError listing every problem by path. */
export function parseReport(input: unknown): ReportDocument {
  // Chinese messages per call (not z.config): importing the package must not change zod for its host.
  const result = ReportDocument.safeParse(input, { reportInput: true, error: zh });
  if (!result.success) throw new InputError(zodProblems(result.error), '报告模型的格式不正确');
  return result.data;
}

/** The JSON Schema of the report model, for systems in other languages. */
export function reportJsonSchema(): object {
  return z.toJSONSchema(ReportDocument, { unrepresentable: 'any', target: 'draft-2020-12' });
}
