import { CjkReportError } from '../../src/errors.js';

/** The CjkReportError `fn` throws; anything else thrown, or nothing, fails the test. */
export function caught(fn: () => unknown): CjkReportError {
  try {
    fn();
  } catch (e) {
    if (e instanceof CjkReportError) return e;
    throw e;
  }
  throw new Error('expected a CjkReportError');
}

/** The CjkReportError `p` rejects with; anything else, or a resolution, fails the test. */
export async function rejection(p: Promise<unknown>): Promise<CjkReportError> {
  try {
    await p;
  } catch (e) {
    if (e instanceof CjkReportError) return e;
    throw e;
  }
  throw new Error('expected a CjkReportError');
}
