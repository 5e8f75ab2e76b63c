import { z } from 'zod';
import { zhCN } from 'zod/locales';
import { type Limits, resolveLimits } from '../limits.js';
import { ReportDocument } from './document.js';
import { InputError, zodProblems } from './errors.js';
import { checkInputBounds } from './input-bounds.js';
import { checkModelLimits } from './limits-check.js';

const zh = zhCN().localeError;

/**
 * Validates an unknown value as a ReportDocument; throws InputError listing every problem by path, or a
 * LimitError naming the limit passed. Raw bounds (nesting, cycles, expanded size) come first, so neither
 * zod nor layout ever recurses into a hostile structure.
 */
export function parseReport(input: unknown, limits?: Partial<Limits>): ReportDocument {
  const lim = resolveLimits(limits);
  checkInputBounds(input, lim);
  // Chinese messages per call (not z.config): importing the package must not change zod for its host.
  const result = ReportDocument.safeParse(input, { reportInput: true, error: zh });
  if (!result.success) throw new InputError(zodProblems(result.error), '报告模型的格式不正确');
  checkModelLimits(result.data, lim);
  return result.data;
}

/** The JSON Schema of the report model, for systems in other languages. */
export function reportJsonSchema(): object {
  return z.toJSONSchema(ReportDocument, { unrepresentable: 'any', target: 'draft-2020-12' });
}
