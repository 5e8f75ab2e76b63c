/** The 2021 data format holds （六）其他处理 printed as one row (otherOneRow) instead of its three rows. */
import { getTemplate } from '../templates/index.js';
import { InputError } from '../src/model/errors.js';
import { readExample } from './helpers/render.js';

const t = getTemplate('gov-info-annual-report-2021')!;
const base = () => readExample('examples/shihe-2021/shihe-2021.yaml') as { tables: { applications: Record<string, unknown> } };

test('otherOneRow instead of other: the rules add it into （七）总计 like any result row', () => {
  const d = base();
  delete d.tables.applications.other;
  d.tables.applications.otherOneRow = [1, 0, 0, 0, 0, 1];
  const r = t.check(d);
  expect(r.errors).toEqual([]);
  expect((r.data.tables.applications as { otherOneRow: number[] }).otherOneRow).toEqual([1, 0, 0, 0, 0, 1, 2]);
  expect(r.data.tables.applications.total![6]).toBe(106);
  d.tables.applications.otherOneRow = [2, 0, 0, 0, 0, 1];
  expect(t.check(d).errors.map((e) => /^\[(\w+)\]/.exec(e.message)?.[1])).toContain('A1');
});

test.each([
  ['both', (a: Record<string, unknown>) => (a.otherOneRow = [0, 0, 0, 0, 0, 0])],
  ['neither', (a: Record<string, unknown>) => delete a.other],
])('%s of other and otherOneRow is refused, in Chinese', (_, spoil) => {
  const d = base();
  spoil(d.tables.applications);
  let err: unknown;
  try {
    t.check(d);
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(InputError);
  expect((err as InputError).problems[0]).toMatchObject({ path: 'tables.applications.other', message: expect.stringMatching(/二者填其一/) });
});
