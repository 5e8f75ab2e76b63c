/** exportReport in Chromium with a template object (your own): checked and built on the page, rendered in the worker. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serveWeb } from '../src/browser/web-assets.js';

const CHROMIUM = '/usr/bin/chromium';
const dist = join(process.cwd(), 'dist/browser');
const maybe = existsSync(CHROMIUM) || process.env.CI === 'true' ? describe : describe.skip;

maybe('exportReport({ template: templateObject }) in Chromium', () => {
  let server: Server;
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;
  const posts: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(dist, 'assets/web-fonts.json')) || !existsSync(join(dist, 'index.js'))) execFileSync('npm', ['run', 'build:web', '--silent'], { stdio: 'inherit' });
    server = await serveWeb(0, '127.0.0.1', dist);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await browser.newPage();
    page.on('request', (r) => {
      if (r.method() !== 'GET') posts.push(r.url());
    });
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/`);
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test('renders a template defined in the page; its rule stops a bad value; no request carries the data', async () => {
    const r = await page.evaluate(async () => {
      const { exportReport } = await import(new URL('index.js', location.href).href);
      // a template as a user writes it; any object with zod's safeParse is a schema
      const template = {
        id: 'tiny',
        title: '小表',
        schema: { safeParse: (x: unknown) => ({ success: true, data: x }) },
        rules: [{ id: 'T1', severity: 'error', description: '件数不超过 100', check: (d: { n: number }) => (d.n > 100 ? [{ path: 'n', message: `件数 ${d.n} 超过 100` }] : []) }],
        build: (d: { name: string; n: number }) => ({ meta: { title: d.name }, blocks: [{ type: 'paragraph', text: `${d.name}：${d.n} 件` }] }),
        fileName: (d: { name: string }) => `${d.name}统计`,
      };
      const ok = await exportReport({ name: '网上填报', n: 3 }, { format: 'pdf', template, download: false });
      const head = new TextDecoder().decode(new Uint8Array(await ok.blob.arrayBuffer()).subarray(0, 5));
      let refused: { code?: string; problems?: unknown } = {};
      try {
        await exportReport({ name: '网上填报', n: 300 }, { format: 'pdf', template, download: false });
      } catch (e) {
        refused = { code: (e as { code: string }).code, problems: (e as { problems: unknown }).problems };
      }
      return { fileName: ok.fileName, head, size: ok.blob.size, refused };
    });
    expect(r).toMatchObject({ fileName: '网上填报统计.pdf', head: '%PDF-' });
    expect(r.size).toBeGreaterThan(1000);
    expect(r.refused).toMatchObject({ code: 'inconsistent', problems: [{ path: 'n', rule: 'T1', message: '[T1] 件数 300 超过 100' }] });
    expect(posts).toEqual([]);
  });
});
