/**
 * The 审核 page in Chromium: reports chosen in the page are read and checked there (the same importer as
 * the CLI), with no request carrying them. Needs `npm run build:web` (a focused run builds the page).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveWeb } from '../src/browser/web-assets.js';
import { renderData } from './helpers/import.js';
import { readExample } from './helpers/render.js';

const CHROMIUM = '/usr/bin/chromium';
const dist = join(process.cwd(), 'dist/browser');
const REAL = join(process.cwd(), '__tests__/fixtures/real-reports/hongze-district-2024.pdf');

describe('the 审核 page in Chromium', () => {
  let server: Server;
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;
  const posts: string[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'audit-page-'));

  beforeAll(async () => {
    if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing (apt-get install chromium)`);
    if (!existsSync(join(dist, 'audit.js'))) execFileSync('node', ['scripts/build-browser.mjs'], { stdio: 'inherit' });
    const d = readExample('examples/shihe-2021/shihe-2021.yaml') as { tables: { reviews: Record<string, number[]> } };
    d.tables.reviews.review = [3, 2, 1, 5, 12];
    await renderData(d, dir, 'r1');
    server = await serveWeb(0, '127.0.0.1', dist);
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
    page = await browser.newPage({ viewport: { width: 1400, height: 700 } });
    page.on('request', (r) => void (r.method() !== 'GET' && posts.push(r.url())));
    await page.goto(`http://127.0.0.1:${(server.address() as AddressInfo).port}/audit.html`);
  }, 120000);
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test('the real report, a DOCX with a broken 总计 and a PDF: rows with their findings, nothing uploaded', async () => {
    await page.setInputFiles('#files', [REAL, join(dir, 'r1.docx'), join(dir, 'r1.pdf')]);
    await page.waitForFunction(() => /完成/.test(document.getElementById('audit-status')!.textContent ?? ''), undefined, { timeout: 90000 });
    const rows = await page.$$eval('#audit tbody tr', (trs) => trs.map((tr) => Array.from(tr.querySelectorAll('td'), (td) => td.textContent)));
    expect(rows.map((r) => [r[0], r[1], r[3], r[4], r[5], r[9], r[10]])).toEqual([
      ['hongze-district-2024.pdf', '淮安市洪泽区人民政府', '2021年格式（（六）一行）', '已读取', 'P1', '17', '95'],
      ['r1.docx', '信阳市浉河区市场监督管理局', '2021年格式', '已读取', 'R1', '12', '11'],
      ['r1.pdf', '信阳市浉河区市场监督管理局', '2021年格式', '已读取', 'R1', '12', '11'],
    ]);
    expect(await page.textContent('#audit-status')).toBe('完成：3 份报告，2 份有错误');
    expect(posts).toEqual([]);
    await page.screenshot({ path: process.env.AUDIT_SCREENSHOT ?? join(dir, 'audit-page.png') });
  }, 120000);
});
