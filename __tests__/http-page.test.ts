/** `cjk-report serve` serves the 填报 page at `/`: the page and its bundle over a real socket, the API routes still first. */
import { webBuildStale } from './helpers/dist.js'; // first: refuses a stale build before it is loaded
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { createExportApp, type ExportApp } from '../dist/src/server/index.js'; // the worker pool needs the built worker
import { listen } from './helpers/http.js';

const dist = join(process.cwd(), 'dist/browser');
let app: ExportApp;
let srv: { base: string; close: () => Promise<void> };

beforeAll(async () => {
  // `npm test` runs build:web first; a focused run builds when nothing is there yet
  if (webBuildStale('index.html')) execFileSync('npm', ['run', 'build:web', '--silent'], { stdio: 'inherit' });
  app = createExportApp({ page: true, log: false, concurrency: 1 });
  srv = await listen(app.fetch);
});
afterAll(async () => {
  await srv?.close();
  await app?.close();
});

test('GET / is the 填报 page, its script is served, hashed fonts are immutable and Brotli-encoded when accepted', async () => {
  const html = await fetch(`${srv.base}/`);
  expect(html.status).toBe(200);
  expect(html.headers.get('content-type')).toMatch(/^text\/html/);
  const text = await html.text();
  expect(text).toContain('填报');
  const script = /from '\.\/([^']+\.js)'/.exec(text)?.[1];
  expect(script).toBeTruthy();
  const js = await fetch(`${srv.base}/${script}`);
  expect(js.status).toBe(200);
  expect(js.headers.get('content-type')).toMatch(/javascript/);
  const fonts = (await (await fetch(`${srv.base}/assets/web-fonts.json`)).json()) as { faces: { common: { file: string } }[] };
  const font = await fetch(`${srv.base}/assets/${fonts.faces[0].common.file}`, { headers: { 'accept-encoding': 'br' } });
  expect(font.status).toBe(200);
  expect(font.headers.get('cache-control')).toContain('immutable');
});

test('/ lists the templates; each template has its generated form at /t/<id>/, which loads the same bundle from the root', async () => {
  const list = await (await fetch(`${srv.base}/`)).text();
  expect(list).toContain('startIndex');
  expect(list).toContain('rel="icon"'); // no /favicon.ico request on every load (defect 8)
  for (const path of ['/t/gov-info-annual-report-2021/', '/t/gov-info-annual-report-2019', '/t/%E6%9C%AA%E7%9F%A5/']) {
    const r = await fetch(`${srv.base}${path}`);
    expect([path, r.status]).toEqual([path, 200]);
    expect(r.headers.get('content-type')).toMatch(/^text\/html/);
    const html = await r.text();
    expect(html).toContain(`from '../../app.js'`);
    expect(html).toContain('rel="icon"');
  }
  expect((await fetch(`${srv.base}/t/gov-info-annual-report-2021/app.js`)).status).toBe(404);
});

test('the API routes win over the page, and nothing outside the page folder is served', async () => {
  expect((await (await fetch(`${srv.base}/healthz`)).json()).ok).toBe(true);
  expect((await fetch(`${srv.base}/templates`)).headers.get('content-type')).toMatch(/json/);
  for (const p of ['/../package.json', '/%2e%2e/package.json', '/meta.json', '/app.js.map']) expect((await fetch(`${srv.base}${p}`)).status).toBe(404);
});

test('without the option there is no page', async () => {
  const bare = createExportApp({ log: false, concurrency: 1 });
  const s = await listen(bare.fetch);
  try {
    expect((await fetch(`${s.base}/`)).status).toBe(404);
  } finally {
    await s.close();
    await bare.close();
  }
});

test('pageAssets serves the page’s fonts from a folder made by `cjk-report web-assets` (an installed package ships none)', async () => {
  const other = createExportApp({ page: true, pageAssets: join(dist, 'assets'), log: false, concurrency: 1 });
  const s = await listen(other.fetch);
  try {
    const list = (await (await fetch(`${s.base}/assets/web-fonts.json`)).json()) as { faces: { full: { file: string } }[] };
    const full = await fetch(`${s.base}/assets/${list.faces[0].full.file}`, { headers: { 'accept-encoding': 'br' } });
    expect(full.status).toBe(200);
    expect(full.headers.get('content-encoding')).toBe('br');
    expect((await fetch(`${s.base}/assets/../index.html`)).status).not.toBe(500);
  } finally {
    await s.close();
    await other.close();
  }
});
