/**
 * The hostile corpus over HTTP (the export service on a loopback socket): each case marked `http` gets its
 * HTTP status and, for errors, its code and field path in the JSON body, with no stack trace. Cases that
 * need an environment variable, a CLI flag or raised limits have no HTTP form and are counted out here.
 */
import './helpers/dist.js'; // first: refuses a stale build before it is loaded
import { createExportApp, type ExportApp } from '../dist/src/server/index.js';
import { STACK, listen } from './helpers/http.js';
import { corpusInput } from './corpus/inputs.js';
import { type CorpusCase, loadCorpus } from './corpus/run.js';

const viaHttp = loadCorpus().filter((c) => c.via.includes('http') && !c.env && !c.limits && !c.options?.allowFontFallback && !c.slow);
let app: ExportApp;
let base: string;
let close: () => Promise<void>;

beforeAll(async () => {
  app = createExportApp({ concurrency: 1, log: false });
  ({ base, close } = await listen(app.fetch));
});
afterAll(async () => {
  await close();
  await app.close();
});

function route(c: CorpusCase): string {
  if (c.command === 'validate') return `/validate/${c.template}`;
  if (c.template) return `/render/${c.template}.pdf${c.options?.allowInconsistent ? '?allowInconsistent=1' : ''}`;
  return '/render.pdf';
}

test('most of the corpus has an HTTP form', () => {
  expect(viaHttp.length).toBeGreaterThanOrEqual(40);
});

test.each(viaHttp.map((c) => [c.id, c] as [string, CorpusCase]))('%s', async (_id, c) => {
  const type = c.input.endsWith('.json') ? 'application/json' : 'application/yaml';
  const r = await fetch(base + route(c), { method: 'POST', headers: { 'content-type': type }, body: corpusInput(c.input) as Uint8Array<ArrayBuffer> });
  const text = await r.text();
  expect([r.status, c.expect.code === 'ok' ? '' : text.slice(0, 300)]).toEqual([c.expect.http, c.expect.code === 'ok' ? '' : expect.any(String)]);
  expect(text).not.toMatch(STACK);
  if (c.expect.code === 'ok' || c.command === 'validate') return;
  const body = JSON.parse(text);
  expect(body.code).toBe(c.expect.code);
  if (c.expect.path && !c.expect.path.startsWith('--') && !c.expect.path.includes('{') && !c.expect.path.includes('.json'))
    expect(body.problems.map((p: { path: string }) => p.path).some((p: string) => p.includes(c.expect.path!))).toBe(true);
});
