/** fast-check generators: random template data (the documents are in ./documents.ts). */
import fc from 'fast-check';

// ---- template data (2021 format) ----
const count = fc.oneof({ weight: 12, arbitrary: fc.integer({ min: 0, max: 30 }) }, { weight: 1, arbitrary: fc.constant(null) });
/** 6 counts, and sometimes a 7th total: right, off by a little, or blank. */
const applicantRow = fc
  .tuple(fc.array(count, { minLength: 6, maxLength: 6 }), fc.constantFrom('none', 'right', 'off'), fc.integer({ min: 1, max: 3 }))
  .map(([six, total, off]) => {
    const s = six.reduce<number>((a, b) => a + (b ?? 0), 0);
    return total === 'none' ? six : [...six, total === 'right' ? s : s + off];
  });
const reviewGroup = fc
  .tuple(fc.array(count, { minLength: 4, maxLength: 4 }), fc.constantFrom('none', 'right', 'off'))
  .map(([four, total]) => {
    const s = four.reduce<number>((a, b) => a + (b ?? 0), 0);
    return total === 'none' ? four : [...four, total === 'right' ? s : s + 1];
  });
const group = <K extends string>(keys: K[]) => fc.tuple(...keys.map(() => applicantRow)).map((rows) => Object.fromEntries(keys.map((k, i) => [k, rows[i]])));

export const templateDataArb = fc
  .record({
    newReceived: applicantRow,
    carriedOver: applicantRow,
    granted: applicantRow,
    partial: applicantRow,
    denied: group(['stateSecret', 'prohibitedByLaw', 'threeSecurity', 'thirdParty', 'internalAffairs', 'processInfo', 'enforcementFiles', 'inquiry']),
    unable: group(['notHeld', 'needsCreation', 'unclear']),
    notProcessed: group(['complaint', 'repeated', 'publication', 'massive', 'confirmation']),
    other: group(['noCorrection', 'noFee', 'other']),
    total: fc.option(applicantRow, { nil: undefined }),
    carriedForward: applicantRow,
    review: reviewGroup,
    direct: reviewGroup,
    afterReview: reviewGroup,
  })
  .map(({ review, direct, afterReview, total, ...a }) => ({
    agency: '某某局',
    year: 2021,
    tables: {
      proactive: { rules: [1, 0, 5], normativeDocs: [2, 1, 10], licensing: 3, penalty: 4, enforcement: 0, fees: '1.5' },
      applications: { ...a, ...(total ? { total } : {}) },
      reviews: { review, direct, afterReview },
    },
  }));
