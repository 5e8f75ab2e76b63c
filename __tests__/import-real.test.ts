/**
 * The real published report (淮安市洪泽区人民政府 2024, made in WPS): every cell of 表一, 表二 and 表三,
 * transcribed by looking at the pages (pdftoppm -r 70), comes back; it is the 2021 format with （六）其他处理
 * printed as one row; its label typo (其他法律行政止公开), the labels split over lines, the vertical
 * 三、本年度办理结果, 表二 continued on the next page past "- 3 -" do not disturb the rows.
 */
import { readFileSync } from 'node:fs';
import { auditImported } from '../src/import/audit.js';
import { importReport, toYaml } from '../src/import/index.js';
import { getTemplate } from '../templates/index.js';
import { parse } from 'yaml';

const FILE = '__tests__/fixtures/real-reports/hongze-district-2024.pdf' // a copy of ../shared/fixtures/real-reports (see its README);
const z7 = [0, 0, 0, 0, 0, 0, 0];
const only = (n: number) => [n, 0, 0, 0, 0, 0, n];

const EXPECTED = {
  proactive: { rules: [0, 0, 0], normativeDocs: [3, 0, 8], licensing: 9487, penalty: 2776, enforcement: 84, fees: 7545 },
  applications: {
    newReceived: only(95),
    carriedOver: z7,
    granted: only(50),
    partial: only(9),
    denied: { stateSecret: z7, prohibitedByLaw: z7, threeSecurity: only(1), thirdParty: z7, internalAffairs: z7, processInfo: only(1), enforcementFiles: only(1), inquiry: z7 },
    unable: { notHeld: only(31), needsCreation: only(1), unclear: z7 },
    notProcessed: { complaint: only(1), repeated: z7, publication: z7, massive: z7, confirmation: z7 },
    otherOneRow: z7,
    total: only(95),
    carriedForward: z7,
  },
  reviews: { review: [1, 1, 0, 0, 2], direct: [1, 0, 0, 0, 1], afterReview: [2, 0, 1, 0, 3] },
};

let imp: Awaited<ReturnType<typeof importReport>>;
beforeAll(async () => {
  imp = await importReport(new Uint8Array(readFileSync(FILE)), 'hongze-district-2024.pdf');
});

test('every 表一/表二/表三 cell, the agency, the year and the format', () => {
  expect(imp.format).toBe('2021-one-other');
  expect(imp.data.agency).toBe('淮安市洪泽区人民政府');
  expect(imp.data.year).toBe(2024);
  expect(imp.data.tables).toEqual(EXPECTED);
  expect(imp.missing).toEqual([]);
  expect(imp.notes).toEqual([]);
});

test('cells keep their page and position: 表二 （六）其他处理 is on page 4, 表三 总计 of 复议后起诉 at the right', () => {
  expect(imp.cells.get('tables.applications.otherOneRow[0]')).toMatchObject({ text: '0', page: 4 });
  expect(imp.cells.get('tables.applications.newReceived[0]')).toMatchObject({ text: '95', page: 3 });
  const last = imp.cells.get('tables.reviews.afterReview[4]')!;
  expect(last).toMatchObject({ text: '3', page: 4 });
  expect(last.x!).toBeGreaterThan(480);
});

test('the prose sections come as paragraphs with their run-in headings', () => {
  const s = imp.data.sections as Record<string, { paragraphs: unknown[] }>;
  expect(s.overview.paragraphs).toHaveLength(6);
  expect(s.overview.paragraphs[1]).toMatchObject({ heading: '（一）主动公开情况。' });
  expect(s.problems.paragraphs).toHaveLength(2);
  expect(s.other.paragraphs[0]).toMatch(/信息处理费0元/);
});

test('the YAML validates against the 2021 template and audit finds only the prose figure that differs (受理…17件 vs 95)', () => {
  const data = parse(toYaml(imp, 'hongze.pdf'));
  const checked = getTemplate('gov-info-annual-report-2021')!.check(data);
  expect(checked.errors).toEqual([]);
  const findings = auditImported(imp);
  expect(findings.map((f) => [f.severity, f.rule, f.printed, f.expected])).toEqual([['warning', 'P1', '17', '95']]);
});
