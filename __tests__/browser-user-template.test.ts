/**
 * A template given to `serve --template-module` gets its generated 填报 form like the built-in ones: the page
 * lists it, imports its module (zod and cjk-report/templates resolve to the page's own copies), checks its
 * rules as the user types and exports both formats in the browser, with no request carrying the data.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';
import { existsSync, readFileSync } from 'node:fs';
import './helpers/dist.js';

const CHROMIUM = '/usr/bin/chromium';
// no Chromium: skipped with jest's message; under CI=true the run fails on the skip (helpers/ci-no-skips.js)
const maybe = existsSync(CHROMIUM) || process.env.CI === 'true' ? test : test.skip;

const root = process.cwd();
let server: ChildProcess | undefined;
let base = '';

beforeAll(async () => {
  server = spawn(process.execPath, ['dist/cli/main.cjs', 'serve', '--port', '0', '--template-module', 'examples/my-template/template.mjs'], { cwd: root, stdio: ['ignore', 'pipe', 'pipe'] });
  base = await new Promise<string>((resolve, reject) => {
    let out = '';
    server!.stderr!.on('data', (b) => {
      out += b;
      const m = /http:\/\/[\d.:]+/.exec(out);
      if (m) resolve(`${m[0]}/`);
    });
    server!.on('exit', (code) => reject(new Error(`serve exited ${code}: ${out}`)));
  });
}, 30_000);
afterAll(() => server?.kill());

maybe('the user template is listed, its form checks M1 as the user types, and both exports download', async () => {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run'] });
  try {
    const page = await browser.newPage();
    const posts: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => r.method() !== 'GET' && posts.push(r.url()));
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(base);
    await page.getByText('月度工作统计表').waitFor();
    await page.goto(`${base}t/monthly-work-stats/`);
    await page.locator('#title').filter({ hasText: '月度工作统计表' }).waitFor();
    await page.setInputFiles('#open', join(root, 'examples/my-template/data.yaml'));
    const done = page.locator('[data-path="rows[0].done"]');
    await done.waitFor();
    expect(await done.inputValue()).toBe('38');
    await done.fill('39'); // 办结 + 在办 ≠ 收文: M1 blames 收文 and marks the three cells it read
    const received = page.locator('[data-path="rows[0].received"]');
    await page.waitForFunction(() => document.querySelector('[data-path="rows[0].received"]')?.getAttribute('aria-invalid') === 'true');
    expect(await page.locator('#messages').textContent()).toMatch(/M1.*收文应为 43/);
    await expect(done.getAttribute('class')).resolves.toMatch(/\breads\b/);
    expect(await received.inputValue()).toBe('42');
    await done.fill('38');
    await page.waitForFunction(() => !document.querySelector('[aria-invalid="true"]'));
    for (const [name, magic] of [['导出 PDF', '%PDF-'], ['导出 Word', 'PK']] as const) {
      const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name }).click()]);
      expect(readFileSync((await dl.path())!).subarray(0, magic.length).toString('latin1')).toBe(magic);
    }
    expect(posts).toEqual([]);
    expect(errors).toEqual([]);
  } finally {
    await browser.close();
  }
}, 180_000);
