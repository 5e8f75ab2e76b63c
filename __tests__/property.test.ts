/**
 * Property-based tests (fast-check). `npm test` runs a fixed seed and a modest count; `npm run fuzz` runs
 * many more with fresh seeds and keeps every failing case as a fixture in __tests__/fixtures/fuzz/, which
 * every later run replays.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { getTemplate } from '../templates/index.js';
import { render } from '../src/index.js';
import { documentArb, templateDataArb } from './property/arbitraries.js';
import { DATE, checkDocument, expectedFindings, outcomes, reportedFindings } from './property/oracles.js';
import { describeWithTools, libreOfficeToPdf, pdftotext } from './helpers/tools.js';

const FIXTURES = join(process.cwd(), '__tests__', 'fixtures', 'fuzz');
const SEED = process.env.FUZZ_SEED === 'random' ? Date.now() % 2 ** 31 : Number(process.env.FUZZ_SEED ?? 20261126);
const SAVE = process.env.FUZZ_SAVE === '1';
const DOC_RUNS = Number(process.env.FUZZ_DOC_RUNS ?? 6);
const DATA_RUNS = Number(process.env.FUZZ_DATA_RUNS ?? 150);
const T2021 = getTemplate('gov-info-annual-report-2021')!;

/** Runs in rounds of `per` so that one failure does not end a long fuzz run; every failure is kept. */
async function hunt<T>(kind: string, arb: fc.Arbitrary<T>, runs: number, per: number, prop: (v: T) => Promise<string | undefined>): Promise<string[]> {
  const failures: string[] = [];
  for (let done = 0, round = 0; done < runs; done += per, round++) {
    const out = await fc.check(
      fc.asyncProperty(arb, async (v) => {
        const why = await prop(v);
        if (why) throw new Error(why);
      }),
      { seed: SEED + round, numRuns: Math.min(per, runs - done), endOnFailure: false },
    );
    if (!out.failed) continue;
    const example = out.counterexample![0];
    failures.push(`${kind} (seed ${SEED + round}): ${String(out.errorInstance).slice(0, 400)}`);
    if (SAVE) {
      mkdirSync(FIXTURES, { recursive: true });
      const body = JSON.stringify({ kind, seed: SEED + round, error: String(out.errorInstance).slice(0, 2000), input: example }, null, 1);
      writeFileSync(join(FIXTURES, `${kind}-${createHash('sha1').update(body).digest('hex').slice(0, 10)}.json`), body);
    }
  }
  return failures;
}

const fixtures = (() => {
  try {
    return readdirSync(FIXTURES).filter((f) => f.endsWith('.json')).map((f) => ({ f, ...JSON.parse(readFileSync(join(FIXTURES, f), 'utf8')) }));
  } catch {
    return [];
  }
})();

describeWithTools(['qpdf'], 'random documents', () => {
  test(`either a typed error or a PDF passing qpdf --check with every character, and a DOCX with the layout's grid (seed ${SEED}, ${DOC_RUNS} runs)`, async () => {
    const failures = await hunt('document', documentArb, DOC_RUNS, 20, checkDocument);
    console.log(`random documents: ${JSON.stringify(outcomes)}`);
    // not vacuous: most random documents render
    expect(outcomes.rendered ?? 0).toBeGreaterThan(0);
    expect(failures).toEqual([]);
  }, 600_000);

  test('kept fuzz failures (fixtures) now pass', async () => {
    for (const fx of fixtures.filter((x) => x.kind === 'document')) expect([fx.f, await checkDocument(fx.input)]).toEqual([fx.f, undefined]);
    for (const fx of fixtures.filter((x) => x.kind === 'template-data')) expect([fx.f, reportedFindings(T2021.check(fx.input).errors)]).toEqual([fx.f, expectedFindings(fx.input)]);
  });
});

test(`random template data: validation agrees with an independent recomputation of the rules (seed ${SEED}, ${DATA_RUNS} runs)`, async () => {
  const failures = await hunt('template-data', templateDataArb, DATA_RUNS, 200, async (d) => {
    const got = reportedFindings(T2021.check(d).errors);
    const want = expectedFindings(d);
    return got.join('\n') === want.join('\n') ? undefined : `rules reported\n${got.join('\n')}\nexpected\n${want.join('\n')}`;
  });
  expect(failures).toEqual([]);
});

describeWithTools(['soffice', 'pdftotext'], 'a random document in LibreOffice', () => {
  test('a sample converts and shows its text', async () => {
    // the first generated document that renders (a fixed seed): LibreOffice opens the DOCX and shows its paragraphs
    const samples = fc.sample(documentArb, { seed: SEED, numRuns: 30 });
    for (const doc of samples) {
      let r;
      try {
        r = await render(doc, { creationDate: DATE, formats: ['docx'] });
      } catch {
        continue;
      }
      const para = doc.blocks.find((b: any) => b.type === 'paragraph') as { text: string } | undefined;
      const text = pdftotext(libreOfficeToPdf(r.docx!)).replace(/\s+/g, '');
      expect(text.length).toBeGreaterThan(0);
      if (para) expect(text).toContain(para.text.replace(/\s+/g, '').slice(0, 4));
      return;
    }
    throw new Error('no sample rendered');
  }, 180_000);
});
