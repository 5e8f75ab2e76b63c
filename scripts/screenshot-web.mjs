// Takes the README's pictures of the 填报 pages: the template list, and each template's generated form (the
// 2021 format with one cell changed so a 勾稽 message shows on the cell and on the cells it read).
// Usage: npm run build:web && node scripts/screenshot-web.mjs docs/images/browser-page.png
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { serveWeb } from '../dist/src/browser/web-assets.js';

const out = process.argv[2] ?? 'docs/images/browser-page.png';
const server = await serveWeb(0, '127.0.0.1', join(process.cwd(), 'dist/browser'));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
try {
  const page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  const base = `http://127.0.0.1:${server.address().port}/`;
  await page.goto(base);
  await page.screenshot({ path: out.replace(/\.png$/, '-templates.png') });
  // every other template's generated form, as it opens (its example)
  const links = await page.locator('#templates a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
  for (const href of links.filter((h) => !h.includes('gov-info-annual-report'))) {
    await page.goto(base + href);
    await page.evaluate(() => document.fonts.ready);
    const file = out.replace(/\.png$/, `-${decodeURIComponent(href.split('/')[1])}.png`);
    await page.screenshot({ path: file, fullPage: true });
    console.log(file);
  }
  await page.goto(`${base}t/gov-info-annual-report-2021/`);
  const cell = page.getByLabel('表二 一、本年新收政府信息公开申请数量 自然人', { exact: true });
  await cell.fill(String(Number(await cell.inputValue()) + 1));
  await cell.evaluate((e) => e.scrollIntoView({ block: 'center' }));
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(500);
  await page.screenshot({ path: out });
  console.log(out);
} finally {
  await browser.close();
  server.close();
}
