/** POST /audit on the export service: several reports as multipart, one audit row each (dist: build first). */
import { readFileSync } from 'node:fs';
import { createExportApp, type ExportApp } from '../dist/src/server/index.js';
import { listen } from './helpers/http.js';

const REAL = readFileSync('__tests__/fixtures/real-reports/hongze-district-2024.pdf');

describe('POST /audit', () => {
  let app: ExportApp;
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => {
    app = createExportApp({ concurrency: 1, queue: 2, maxBodyBytes: 5_000_000, log: false });
    ({ base, close } = await listen(app.fetch));
  });
  afterAll(async () => {
    await close();
    await app.close();
  });

  test('the real report and a page that is not a report: one row each, the prose finding, a refusal', async () => {
    const form = new FormData();
    form.append('files', new Blob([REAL], { type: 'application/pdf' }), 'hongze-district-2024.pdf');
    form.append('files', new Blob(['<html><body><p>关于做好防汛工作的通知</p></body></html>'], { type: 'text/html' }), '通知.html');
    const r = await fetch(`${base}/audit`, { method: 'POST', body: form });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { errors: boolean; reports: { file: string; agency: string; status: string; findings: { rule: string; printed: string; expected: string }[] }[] };
    expect(body.reports.map((x) => [x.file, x.agency, x.status])).toEqual([
      ['hongze-district-2024.pdf', '淮安市洪泽区人民政府', 'imported'],
      ['通知.html', '', 'not importable'],
    ]);
    expect(body.reports[0].findings.map((f) => [f.rule, f.printed, f.expected])).toEqual([['P1', '17', '95']]);
    expect(body.reports[1].findings.map((f) => f.rule)).toEqual(['not-annual-report']);
    expect(body.errors).toBe(true);
  });

  test('a body that is not multipart is refused with 415; an empty form with 400', async () => {
    const r = await fetch(`${base}/audit`, { method: 'POST', headers: { 'content-type': 'application/pdf' }, body: REAL });
    expect(r.status).toBe(415);
    expect(((await r.json()) as { problems: { message: string }[] }).problems[0].message).toMatch(/multipart/);
    const form = new FormData();
    form.append('note', 'x');
    const e = await fetch(`${base}/audit`, { method: 'POST', body: form });
    expect(e.status).toBe(400);
  });
});
