import { z } from 'zod';
import { ReportDocument } from './document.js';
import { InputError, zodProblems } from './errors.js';

/** Validates an unknown value as a ReportDocument; throws InputError listing every problem by path. */
export function parseReport(input: unknown): ReportDocument {
  const result = ReportDocument.safeParse(input, { reportInput: true });
  if (!result.success) throw new InputError(zodProblems(result.error), 'Invalid report model');
  return result.data;
}

/** The JSON Schema of the report model, for systems in other languages. */
export function reportJsonSchema(): object {
  return z.toJSONSchema(ReportDocument, { unrepresentable: 'any', target: 'draft-2020-12' });
}
