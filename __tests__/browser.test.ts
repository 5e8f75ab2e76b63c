/**
 * The data-entry page and the browser bundle in Debian's Chromium (playwright-core): live 勾稽 messages,
 * both export buttons, the downloads against the Node render, no request carrying the data, and the
 * bytes fetched for a first and a second export.
 */
import { webBuildStale } from './helpers/dist.js';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { unzipSync } from 'fflate';
import YAML from 'yaml';
import { serveWeb } from '../src/browser/web-assets.js';
import { bundledRegistry, nodeSubsetter, render } from '../src/index.js';
import { renderReport } from '../src/core.js';
import { getTemplate } from '../templates/index.js';
import { cellLabel } from '../templates/gov-info-annual-report/cell-labels.js';
import { hasTool, pdffonts, tmp } from './helpers/tools.js';

const CHROMIUM = '/usr/bin/chromium';
const root = process.cwd();
const dist = join(root, 'dist/browser');

function describeWithChromium(title: string, fn: () => void): void {
  const missing = [...(existsSync(CHROMIUM) ? [] : [CHROMIUM]), ...['pdftotext', 'pdffonts', 'qpdf'].filter((t) => !hasTool(t))];
  if (!missing.length) return describe(title, fn);
  if (process.env.CI === 'true') {
    describe(title, () => test(`needs ${missing.join(', ')}`, () => {
      throw new Error(`CI=true but ${missing.join(', ')} is missing (.ci/run must apt-get install chromium poppler-utils qpdf)`);
    }));
    return;
  }
  console.warn(`SKIPPED "${title}": ${missing.join(', ')} not installed (apt-get install chromium poppler-utils qpdf)`);
  describe.skip(title, fn);
}

const pdftotext = (pdf: Uint8Array) => {
  const f = join(tmp(), 'a.pdf');
  writeFileSync(f, pdf);
  return execFileSync('pdftotext', ['-layout', f, '-'], { encoding: 'utf8' });
};

describeWithChromium('the 填报 page in Chromium', () => {
  let server: Server;
  let browser: import('playwright-core').Browser;
  let page: import('playwright-core').Page;
  let base: string;
  /** every request the page and its worker made, with the bytes received over the wire */
  const requests: { url: string; method: string; post: string | null; bytes: number }[] = [];

  beforeAll(async () => {
    // `npm test` runs build:web first; a focused run builds when nothing is there yet
    if (!existsSync(join(dist, 'assets/web-fonts.json')) || webBuildStale('app.js')) execFileSync('npm', ['run', 'build:web', '--silent'], { stdio: 'inherit' });
    server = await serveWeb(0, '127.0.0.1', dist);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    });
    const ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
    ctx.on('requestfinished', async (r) => {
      const s = await r.sizes();
      requests.push({ url: r.url(), method: r.method(), post: r.postData(), bytes: s.responseBodySize + s.responseHeadersSize });
    });
    page = await ctx.newPage();
    await page.goto(`${base}t/gov-info-annual-report-2019/`); // the generated form of the 2019 format
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  const fetchedSince = (n: number) => requests.slice(n).reduce((a, r) => a + r.bytes, 0);

  test('a changed cell shows its 勾稽 message beside the cell and in the list, and clears when put back', async () => {
    await expect(page.textContent('#status')).resolves.toBe('勾稽关系无误');
    const cell = page.getByLabel('表二 一、本年新收政府信息公开申请数量 自然人', { exact: true });
    const was = await cell.inputValue();
    await cell.fill(String(Number(was) + 1));
    await expect(page.locator('#messages li').first().textContent()).resolves.toMatch(/^\[A1\] 表二 自然人：/);
    await expect(cell.getAttribute('aria-invalid')).resolves.toBe('true');
    await expect(page.locator('.msg').first().textContent()).resolves.toMatch(/^\[A1\] 表二 自然人：/);
    // the computed total is shown as printed
    const total = page.getByLabel('表二 一、本年新收政府信息公开申请数量 总计（自动计算）');
    const t1 = Number(await total.textContent());
    await cell.fill(was);
    expect(await page.locator('#messages li').count()).toBe(0);
    expect(Number(await total.textContent())).toBe(t1 - 1);
  });

  test('导出 PDF and 导出 Word render in the page, download under the Chinese title, match the Node render; a second export fetches nothing', async () => {
    const n0 = requests.length;
    const t0 = Date.now();
    const [pdfDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 PDF' }).click()]);
    const firstMs = Date.now() - t0;
    expect(pdfDl.suggestedFilename()).toBe('方正县营商环境建设监督局2020年政府信息公开工作年度报告.pdf');
    const pdf = readFileSync((await pdfDl.path())!);
    const first = fetchedSince(n0);
    const firstTotal = fetchedSince(0); // with the page itself
    const inWorker = async () => page.evaluate(() => (window as unknown as { lastExport: { ms: number } }).lastExport.ms);
    const pdfFirstMs = await inWorker();

    const n1 = requests.length;
    const [docxDl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Word' }).click()]);
    expect(docxDl.suggestedFilename()).toBe('方正县营商环境建设监督局2020年政府信息公开工作年度报告.docx');
    const docx = readFileSync((await docxDl.path())!);
    const wasm = fetchedSince(n1);
    const docxFirstMs = await inWorker();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Word' }).click()]);
    const docxWarmMs = await inWorker();

    const n2 = requests.length;
    const t2 = Date.now();
    await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 PDF' }).click()]);
    const warmMs = Date.now() - t2;
    const pdfWarmMs = await inWorker();
    const second = fetchedSince(n2);

    // the same text and fonts as from Node
    const t = getTemplate('gov-info-annual-report-2019')!;
    const data = t.check(YAML.parse(readFileSync(join(root, 'examples/fangzheng-2020/fangzheng-2020.yaml'), 'utf8'))).data;
    const node = await renderReport(t.build(data), { registry: bundledRegistry(), subsetter: await nodeSubsetter(), formats: ['pdf', 'docx'] });
    const text = pdftotext(pdf);
    expect(text).toContain('方正县营商环境建设监督局');
    expect(text.replace(/\s+/g, '')).toBe(pdftotext(node.pdf!).replace(/\s+/g, ''));
    const fonts = pdffonts(pdf);
    expect(fonts.length).toBeGreaterThanOrEqual(3);
    expect(fonts.every((f) => f.emb && f.sub && f.uni)).toBe(true);
    const parts = Object.keys(unzipSync(docx));
    expect(parts.filter((p) => /^word\/fonts\/.*\.odttf$/.test(p)).length).toBeGreaterThanOrEqual(3);
    const docXml = (z: Uint8Array) => new TextDecoder().decode(unzipSync(z)['word/document.xml']).replace(/<w:docPr[^>]*>/g, '');
    expect(docXml(docx)).toBe(docXml(node.docx!));

    // no request carried the data: every request is a GET for a file of the bundle, without a body
    const agency = encodeURIComponent('方正县');
    for (const r of requests) {
      expect(r.method).toBe('GET');
      expect(r.post).toBeNull();
      expect(r.url.startsWith(base)).toBe(true);
      expect(r.url).not.toContain(agency);
    }
    expect(firstTotal).toBeLessThan(4e6);
    expect(second).toBeLessThan(2 * 1024);
    const sizes = JSON.parse(readFileSync(join(dist, 'sizes.json'), 'utf8'));
    expect(sizes.gzip).toBeLessThanOrEqual(500 * 1024);
    console.log(
      `browser: page load + first PDF export ${firstTotal} B (export alone ${first} B), click → download ${firstMs} ms (worker ${pdfFirstMs} ms); ` +
        `DOCX adds ${wasm} B (worker ${docxFirstMs} ms, warm ${docxWarmMs} ms); second PDF export ${second} B, ${warmMs} ms (worker ${pdfWarmMs} ms); JS ${sizes.minified} B min, ${sizes.gzip} B gzip`,
    );
  });

  test('exportReport with a fixed date: the DOCX and PDF hold the same parts and objects as from Node (only the deflate differs), the DOCX the same bytes with the same deflate', async () => {
    const date = Date.UTC(2021, 0, 15);
    const input = YAML.parse(readFileSync(join(root, 'examples/fangzheng-2020/fangzheng-2020.yaml'), 'utf8'));
    const fromPage = async (format: 'pdf' | 'docx') =>
      Buffer.from(
        await page.evaluate(
          async ({ input, format, date }) => {
            const { exportReport } = await import('../../index.js' as string);
            const r = await exportReport(input, { format, template: 'gov-info-annual-report-2019', creationDate: new Date(date), download: false });
            return [...new Uint8Array(await r.blob.arrayBuffer())];
          },
          { input, format, date },
        ),
      );
    const t = getTemplate('gov-info-annual-report-2019')!;
    const model = t.build(t.check(input).data);
    // Node's own path (node:zlib for the DOCX zip), and the core with fflate, as the worker zips
    const node = await render(model, { formats: ['pdf', 'docx'], creationDate: new Date(date) });
    const nodeFflate = await renderReport(model, { registry: bundledRegistry(), subsetter: await nodeSubsetter(), formats: ['docx'], creationDate: new Date(date) });
    const docx = await fromPage('docx');
    expect(Buffer.compare(docx, Buffer.from(nodeFflate.docx!))).toBe(0);
    const parts = (z: Uint8Array) => Object.entries(unzipSync(z)).map(([name, bytes]) => [name, Buffer.from(bytes).toString('base64')]);
    expect(parts(docx)).toEqual(parts(node.docx!));
    const qdf = (pdf: Uint8Array) => {
      const dir = tmp();
      writeFileSync(join(dir, 'a.pdf'), pdf);
      execFileSync('qpdf', ['--qdf', '--deterministic-id', '--object-streams=disable', '--decode-level=generalized', join(dir, 'a.pdf'), join(dir, 'q.pdf')]);
      return readFileSync(join(dir, 'q.pdf'));
    };
    const pdf = await fromPage('pdf');
    expect(Buffer.compare(qdf(pdf), qdf(node.pdf!))).toBe(0);
  });

  test('2021 format: open a data file, the cross-year warning from last year’s file, save, and export with a character outside the common fonts', async () => {
    await page.goto(`${base}t/gov-info-annual-report-2021/`);
    const noCorrection = cellLabel('tables.applications.other.noCorrection[0]')!;
    expect(noCorrection).toMatch(/^表二 .*自然人$/);
    await expect(page.getByLabel(noCorrection, { exact: true }).inputValue()).resolves.toBe('1');

    // a file whose 总计 disagrees: the page says so and shows the computed one
    await page.setInputFiles('#open', join(root, 'examples/violations/A3.yaml'));
    await page.locator('#messages li', { hasText: '打开的文件中 [A3]' }).waitFor({ timeout: 5000 });

    await page.setInputFiles('#open', join(root, 'examples/shihe-2021/shihe-2021.yaml'));
    await page.locator('#messages li', { hasText: '打开的文件中' }).waitFor({ state: 'detached', timeout: 5000 });
    await page.setInputFiles('#previous', join(root, 'examples/shihe-2021/previous-2020.yaml'));
    await page.locator('#previous-name', { hasText: '已载入' }).waitFor({ timeout: 5000 });
    const carried = page.getByLabel('表二 二、上年结转政府信息公开申请数量 自然人', { exact: true });
    await carried.fill('6');
    await expect(page.locator('#messages li.warning').first().textContent()).resolves.toMatch(/^\[跨年度\] 表二 二、上年结转政府信息公开申请数量 自然人为 6/);
    await carried.fill('5');

    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存数据文件' }).click()]);
    const back = YAML.parse(readFileSync((await saved.path())!, 'utf8'));
    expect(back.agency).toBe('信阳市浉河区市场监督管理局');
    expect(back.tables.applications.carriedOver[0]).toBe(5);
    expect(getTemplate('gov-info-annual-report-2021')!.check(back).errors).toEqual([]);

    const n0 = requests.length;
    const [dl] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 PDF' }).click()]);
    expect(dl.suggestedFilename()).toBe('信阳市浉河区市场监督管理局2021年政府信息公开工作年度报告.pdf');
    const text = pdftotext(readFileSync((await dl.path())!));
    expect(text).toContain('浉河区');
    const fetched = fetchedSince(n0);
    // only the serif face's full file is new (浉 is outside GB 2312 level 1); sans and kai are cached
    expect(fetched).toBeGreaterThan(1.5e6);
    expect(fetched).toBeLessThan(2e6);
    console.log(`browser: 2021 example PDF export fetched ${fetched} B (the serif full file)`);
  });
});
