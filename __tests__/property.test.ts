/**
 * Property-based tests (fast-check). Generated documents come in two kinds (./property/documents.ts): valid
 * ones must render, with sound files that show every line the layout placed; invalid ones must be refused
 * with a typed error naming the field. `npm test` runs a fixed seed and a modest count; `npm run fuzz` runs
 * many more with fresh seeds, prints how many of each ran, and keeps every failing case as a fixture in
 * __tests__/fixtures/fuzz/, which every later run replays.
 */
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import fc from 'fast-check';
import { strToU8, zipSync, zlibSync } from 'fflate';
import { getTemplate } from '../templates/index.js';
import { render } from '../src/index.js';
import { templateDataArb } from './property/arbitraries.js';
import { invalidDocumentArb, validDocumentArb } from './property/documents.js';
import { docxNonFinite, pdfNonFinite } from './property/non-finite.js';
import { pdfItems } from './helpers/pdf.js';
import { DATE, checkDocument, checkInvalid, checkValid, counts, expectedFindings, linesMissingFromDocx, linesMissingFromPdf, reportedFindings } from './property/oracles.js';
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

const INVALID_RUNS = Number(process.env.FUZZ_INVALID_RUNS ?? DOC_RUNS * 2);

describeWithTools(['qpdf'], 'generated documents', () => {
  afterAll(() => console.log(`generated documents: ${counts.valid} valid ran (must render), ${counts.invalid} invalid ran (must be refused naming the field)`));

  test(`valid documents render: qpdf --check, no NaN/Infinity in any PDF stream or DOCX attribute, the layout's page count, every laid line in both files (seed ${SEED}, ${DOC_RUNS} runs)`, async () => {
    const before = counts.valid;
    const failures = await hunt('valid', validDocumentArb, DOC_RUNS, 10, checkValid);
    expect(counts.valid - before).toBeGreaterThanOrEqual(DOC_RUNS);
    expect(failures).toEqual([]);
  }, 1_200_000);

  test(`invalid documents are refused with a typed error naming the field (seed ${SEED}, ${INVALID_RUNS} runs)`, async () => {
    const before = counts.invalid;
    const failures = await hunt('invalid', invalidDocumentArb, INVALID_RUNS, 20, checkInvalid);
    expect(counts.invalid - before).toBeGreaterThanOrEqual(INVALID_RUNS);
    expect(failures).toEqual([]);
  }, 600_000);

  test('kept fuzz findings (fixtures) now pass', async () => {
    expect(fixtures.length).toBeGreaterThan(0);
    for (const fx of fixtures.filter((x) => x.kind === 'valid')) expect([fx.f, await checkValid(fx.input)]).toEqual([fx.f, undefined]);
    for (const fx of fixtures.filter((x) => x.kind === 'invalid')) expect([fx.f, await checkInvalid(fx.input)]).toEqual([fx.f, undefined]);
    // findings of the earlier generator, which mixed valid and invalid documents: a typed error or good files
    for (const fx of fixtures.filter((x) => x.kind === 'document')) expect([fx.f, await checkDocument(fx.input)]).toEqual([fx.f, undefined]);
    for (const fx of fixtures.filter((x) => x.kind === 'template-data')) expect([fx.f, reportedFindings(T2021.check(fx.input).errors)]).toEqual([fx.f, expectedFindings(fx.input)]);
  }, 300_000);
});

describe('the oracles can fail', () => {
  test('a NaN in a PDF content stream and in a DOCX attribute is found', () => {
    const stream = zlibSync(strToU8('q 1 0 0 1 0 0 cm NaN 70.866 m 10 10 l S Q'));
    const pdf = Buffer.concat([Buffer.from('%PDF-1.7\n4 0 obj\n<< /Length ' + stream.length + ' /Filter /FlateDecode >>\nstream\n', 'latin1'), stream, Buffer.from('\nendstream\nendobj\n5 0 obj\n<< /MediaBox [0 0 Infinity 842] /Title (NaN is fine in a string) >>\nendobj\n', 'latin1')]);
    expect(pdfNonFinite(new Uint8Array(pdf))).toEqual([expect.stringMatching(/^object 4 stream: .*NaN 70\.866 m/), expect.stringMatching(/^object 5 dictionary/)]);
    const docx = zipSync({ 'word/document.xml': strToU8('<w:tblGrid><w:gridCol w:w="NaN"/><w:gridCol w:w="1701"/></w:tblGrid><w:t>NaN</w:t>') });
    expect(docxNonFinite(docx)).toEqual(['word/document.xml: w:w="NaN"']);
  });

  test('a laid line the files do not show is reported', async () => {
    const r = await render({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '甲乙丙' }, { type: 'grid', widths: ['auto'], rows: [['丁']] }] }, { creationDate: DATE });
    const { items } = await pdfItems(r.pdf!);
    expect(linesMissingFromPdf(r.laidOut, items)).toEqual([]);
    expect(linesMissingFromPdf(r.laidOut, items.filter((i) => !i.str.includes('丁')))).toHaveLength(1);
    expect(linesMissingFromDocx(r.laidOut, r.docx!)).toEqual([]);
    const other = await render({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '甲乙' }, { type: 'grid', widths: ['auto'], rows: [['丁']] }] }, { creationDate: DATE });
    expect(linesMissingFromDocx(r.laidOut, other.docx!)).toEqual(['paragraph "甲乙丙"']);
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

describeWithTools(['soffice', 'pdftotext'], 'a generated document in LibreOffice', () => {
  test('a valid sample converts and shows the start of every paragraph', async () => {
    // the first generated valid document with paragraphs (a fixed seed): LibreOffice opens the DOCX and shows them
    const doc = fc.sample(validDocumentArb, { seed: SEED, numRuns: 50 }).find((d) => d.blocks.filter((b: any) => b.type === 'paragraph').length >= 2)!;
    const r = await render(doc, { creationDate: DATE, formats: ['docx'] });
    const text = pdftotext(libreOfficeToPdf(r.docx!)).replace(/\s+/g, '');
    const paras = r.laidOut.flow.filter((b) => b.kind === 'paragraph' && b.role === 'body');
    expect(paras.length).toBeGreaterThanOrEqual(2);
    for (const p of paras) if (p.kind === 'paragraph') expect(text).toContain(p.lines[0].pieces.map((x) => x.text).join('').replace(/\s+/g, '').slice(0, 4));
  }, 180_000);
});
