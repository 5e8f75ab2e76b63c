/**
 * The 填报 form generated from each registered template's definition, in Debian's Chromium: every labelled
 * cell drawn, a wrong number shows its rule's message on the blamed cell with the cells it read marked and
 * clears when put back, prose added and removed, both exports download, bad files get a message (and
 * nothing to export), a failed worker is replaced (defect 6), no 404 on load (defect 8), no request carries the data.
 */
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { unzipSync, zipSync } from 'fflate';
import YAML from 'yaml';
import { serveWeb } from '../src/browser/web-assets.js';
import { listTemplates } from '../templates/index.js';
import type { Template } from '../templates/define.js';
import { getAt, omitAt, setAt } from '../web/form/paths.js';

const CHROMIUM = '/usr/bin/chromium';
const root = process.cwd();
const dist = join(root, 'dist/browser');
/** the example each form opens with, where the template has none of its own (as web/form/templates.ts) */
const SEEDS: Record<string, string> = {
  'gov-info-annual-report-2019': 'examples/fangzheng-2020/fangzheng-2020.yaml',
  'gov-info-annual-report-2021': 'examples/shihe-2021/shihe-2021.yaml',
  'cadre-appointment-form': 'examples/cadre/lin-zhiyuan.yaml',
};

/** The templates as the page sees them: every registered one, with its example. */
async function templates(): Promise<Template<any>[]> {
  return (listTemplates() as Template<any>[]).map((t) => ({ ...t, example: t.example ?? (SEEDS[t.id] ? YAML.parse(readFileSync(join(root, SEEDS[t.id]), 'utf8')) : undefined) }));
}

/** The data the page starts with: the example with its computed cells left out. */
function startData(t: Template<any>): Record<string, any> {
  const d = structuredClone(t.example) as Record<string, any>;
  for (const p of (t.computed ?? []).flatMap((c) => c.paths(d)).reverse()) omitAt(d, p);
  return d;
}

/** A typed value the rules find: a number one more, a date 15 years later (work before 14) or 50 earlier. */
function candidates(kind: string | undefined, was: unknown): string[] {
  if (['count', 'number', 'amount'].includes(kind ?? '')) return [String(typeof was === 'number' ? was + 1 : 1)];
  const y = /^(\d{4})(.*)$/.exec(typeof was === 'string' ? was : '');
  if (kind === 'date' && y) return [`${Number(y[1]) + 15}${y[2]}`, `${Number(y[1]) - 50}${y[2]}`];
  return [];
}

/** The first labelled cell whose change gives a rule's finding with the cells it read (an error if any cell gives one, else a warning). */
function breakingEdit(t: Template<any>) {
  const d0 = startData(t);
  const prev = t.check(structuredClone(d0));
  const known = new Set([...prev.errors, ...prev.warnings].map((p) => p.message));
  for (const severity of ['error', 'warning']) {
    for (const l of t.labels(d0)) {
      if (l.computed || l.path.includes('[*]')) continue;
      const was = getAt(d0, l.path);
      for (const value of candidates(l.kind, was)) {
        const d = structuredClone(d0);
        setAt(d, l.path, l.kind === 'date' ? value : Number(value));
        try {
          const r = t.check(d);
          const p = (severity === 'error' ? r.errors : r.warnings).find((e) => e.rule && e.reads?.length && !known.has(e.message));
          if (p) return { cell: l, was: was === null || was === undefined ? '' : String(was), value, problem: p };
        } catch {
          /* a shape error: not a rule */
        }
      }
    }
  }
  return undefined;
}

const pageOf = (id: string) => `t/${encodeURIComponent(id)}/`;

const all = await templates();

(existsSync(CHROMIUM) || process.env.CI === 'true' ? describe : describe.skip)('the generated 填报 form in Chromium', () => {
  let server: Server;
  let browser: import('playwright-core').Browser;
  let ctx: import('playwright-core').BrowserContext;
  let base: string;
  const requests: { url: string; method: string; post: string | null }[] = [];
  const bad: string[] = [];

  beforeAll(async () => {
    if (!existsSync(join(dist, 'assets/web-fonts.json')) || !existsSync(join(dist, 'form.html'))) execFileSync('npm', ['run', 'build:web', '--silent'], { stdio: 'inherit' });
    server = await serveWeb(0, '127.0.0.1', dist);
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const { chromium } = await import('playwright-core');
    browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'] });
    ctx = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
    ctx.on('request', (r) => requests.push({ url: r.url(), method: r.method(), post: r.postData() }));
    ctx.on('response', (r) => (r.status() >= 400 ? bad.push(`${r.status()} ${r.url()}`) : undefined));
    ctx.on('weberror', (e) => bad.push(`page error: ${e.error().message}`));
  });
  afterAll(async () => {
    await browser?.close();
    server?.close();
  });

  test('/ lists every registered template with a link to its page; no 404 (favicon) and no page error', async () => {
    const page = await ctx.newPage();
    await page.goto(base);
    const links = await page.locator('#templates a').evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).getAttribute('href')));
    expect(links).toEqual(listTemplates().map((t) => pageOf(t.id)));
    expect(bad).toEqual([]);
    await page.close();
  });

  describe.each(all.map((t) => ({ id: t.id, t })))('$id', ({ t }) => {
    let page: import('playwright-core').Page;
    beforeAll(async () => {
      page = await ctx.newPage();
      await page.goto(base + pageOf(t.id));
      await page.locator('#status').filter({ hasText: /\S/ }).waitFor();
    });
    afterAll(() => page?.close());

    test('every labelled cell is drawn under its label; computed cells are read-only and filled', async () => {
      expect(await page.textContent('#title')).toBe(`${t.title}：填报`);
      const d = startData(t);
      const filled = t.check(structuredClone(d)).data;
      const cells = t.labels(d).filter((l) => !l.path.includes('[*]'));
      const drawn = await page.locator('[data-path]').evaluateAll((els) => Object.fromEntries(els.map((e) => [(e as HTMLElement).dataset.path, [e.tagName, e.getAttribute('aria-label'), (e as HTMLInputElement).value]])));
      for (const l of cells) {
        expect([l.path, drawn[l.path]?.[1]]).toEqual([l.path, l.computed ? `${l.label}（自动计算）` : l.label]);
        const v = getAt(l.computed ? filled : d, l.path);
        if (v && typeof v === 'object') expect(drawn[l.path][0]).toBe('DIV'); // a paragraph with a heading: a group of boxes
        else expect(drawn[l.path][0]).toMatch(l.computed ? /^OUTPUT$/ : /^(INPUT|TEXTAREA)$/);
        if (l.kind !== 'image' && typeof v !== 'object') expect(drawn[l.path][2]).toBe(v === null || v === undefined ? '' : String(v));
      }
      expect(await page.textContent('#status')).toMatch(/^勾稽关系无误/);
      expect(bad).toEqual([]);
    });

    test('a wrong number shows the rule’s message on the blamed cell, marks the cells it read, and clears when put back', async () => {
      const edit = breakingEdit(t);
      if (!t.rules?.length) return; // a template without rules has nothing to break
      expect(edit).toBeDefined();
      const { cell, problem } = edit!;
      const before = await page.locator('#messages li').count();
      await page.getByLabel(cell.label, { exact: true }).fill(edit!.value);
      try {
        const li = page.locator(`#messages li[data-rule="${problem.rule}"]`, { hasText: problem.message });
        await expect(li.first().textContent()).resolves.toBe(problem.message);
        // the message sits at the blamed cell (or, for a finding on a whole table, the first cell it read)
        const shownAt = (await page.locator('[data-path]').evaluateAll((els) => els.filter((e) => e.getAttribute('aria-invalid') === 'true').map((e) => [(e as HTMLElement).dataset.path, e.getAttribute('aria-describedby')!.split(' ').map((id) => document.getElementById(id)?.textContent).join('\n')]))) as [string, string][];
        const at = shownAt.find(([path, note]) => [problem.path, ...problem.reads!].includes(path) && note?.includes(problem.message.slice(-12)));
        expect(at).toBeDefined();
        for (const r of problem.reads!) if (r !== problem.path) await expect(page.locator(`[data-path="${r}"]`).getAttribute('class')).resolves.toMatch(/\breads\b/);
      } finally {
        await page.getByLabel(cell.label, { exact: true }).fill(edit!.was); // the next tests export this page
      }
      await expect(page.locator('#messages li').count()).resolves.toBe(before);
      expect(await page.locator('[aria-invalid], .reads').count()).toBe(0);
    });

    test('both exports download: a PDF and a DOCX (a zip with word/document.xml)', async () => {
      for (const [name, check] of [
        ['导出 PDF', (b: Buffer) => expect(b.subarray(0, 5).toString('latin1')).toBe('%PDF-')],
        ['导出 Word', (b: Buffer) => expect(Object.keys(unzipSync(b))).toContain('word/document.xml')],
      ] as const) {
        const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name }).click()]);
        check(readFileSync((await dl.path())!));
        const fileName = t.fileName?.(t.check(startData(t)).data);
        if (fileName) expect(dl.suggestedFilename()).toBe(`${fileName}.${name === '导出 PDF' ? 'pdf' : 'docx'}`);
      }
    });
  });

  test('prose: a paragraph is added, typed into and removed', async () => {
    const page = await ctx.newPage();
    await page.goto(base + pageOf('gov-info-annual-report-2021'));
    const t = all.find((x) => x.id === 'gov-info-annual-report-2021')!;
    const legend = t.labels().find((l) => l.path === 'sections.proactive.paragraphs[*]')!.label;
    const paras = page.locator(`textarea[aria-label^="${legend} 第"]`);
    const n = await paras.count();
    await page.getByRole('button', { name: `${legend} 添加段落` }).click();
    await expect(paras.count()).resolves.toBe(n + 1);
    await page.getByLabel(`${legend} 第${n + 1}段`, { exact: true }).fill('本年度主动公开信息若干条。');
    const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存数据文件' }).click()]);
    expect(YAML.parse(readFileSync((await saved.path())!, 'utf8')).sections.proactive.paragraphs.at(-1)).toBe('本年度主动公开信息若干条。');
    await page.getByRole('button', { name: `删除${legend} 第${n + 1}段` }).click();
    await expect(paras.count()).resolves.toBe(n);
    await page.close();
  });

  // repeatable rows (a label path with [*] that is not prose): add a row, type into it, remove it
  for (const t of all.filter((x) => x.labels().some((l) => l.path.includes('[*].'))))
    test(`${t.id}: a repeatable row is added, typed into and removed`, async () => {
      const star = t.labels().find((l) => l.path.includes('[*].'))!;
      const prefix = star.path.slice(0, star.path.indexOf('[*]'));
      const page = await ctx.newPage();
      await page.goto(base + pageOf(t.id));
      const rows = page.locator(`table.repeat[data-path="${prefix}"] tbody tr`);
      const n = await rows.count();
      await page.locator(`table.repeat[data-path="${prefix}"] + button`).click();
      await expect(rows.count()).resolves.toBe(n + 1);
      const path = `${prefix}[${n}]${star.path.slice(prefix.length + 3)}`;
      await page.locator(`[data-path="${path}"]`).fill('测试');
      const [saved] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '保存数据文件' }).click()]);
      expect(getAt(YAML.parse(readFileSync((await saved.path())!, 'utf8')), path)).toBe('测试');
      await rows.nth(n).getByRole('button').click();
      await expect(rows.count()).resolves.toBe(n);
      await page.close();
    });

  test('a message names its cell once: in the list with the label, beside the cell without it (defect 19)', async () => {
    const t = all.find((x) => x.id === 'gov-info-annual-report-2019')!;
    const l = t.labels(startData(t)).find((x) => x.kind === 'count' && !x.computed && x.path.startsWith('tables.'))!;
    const page = await ctx.newPage();
    await page.goto(base + pageOf(t.id));
    const cell = page.getByLabel(l.label, { exact: true });
    const was = await cell.inputValue();
    await cell.fill('abc');
    await page.locator('#messages li', { hasText: l.label }).first().waitFor({ timeout: 5000 });
    const li = (await page.locator('#messages li').allTextContents()).find((x) => x.includes(l.label))!;
    expect(li.split(l.label).length).toBe(2);
    const note = await page.locator(`#${await cell.getAttribute('aria-describedby')}`).textContent();
    expect(note).not.toContain(l.label);
    expect(note).toMatch(/数/);
    await cell.fill(was);
    await page.locator('#status', { hasText: /^勾稽关系无误/ }).waitFor({ timeout: 5000 });
    await page.close();
  });

  test('a bad file gets a message saying why, no form and nothing to export; a good file brings it back (defects 8, 11)', async () => {
    const page = await ctx.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(base + pageOf('gov-info-annual-report-2021'));
    const enc = (s: string) => Buffer.from(s);
    const docx = Buffer.from(zipSync({ 'word/document.xml': enc('<w:document/>') }));
    const files: [string, Buffer, RegExp][] = [
      ['report.docx', docx, /report\.docx：这是Word 文档/],
      ['report.yaml', docx, /report\.yaml：这是Word 文档/],
      ['bad.yaml', enc('agency: 甲\nyear: [2021\n'), /YAML 语法错误（第 \d+ 行/],
      ['notes.txt', enc('今年工作很好。'), /这里是一段文字/],
      ['list.yaml', enc('- a\n- b\n'), /这里是一个列表/],
      ['other.yaml', enc('template: gov-info-annual-report-2019\nagency: 甲\n'), /模板 gov-info-annual-report-2019 的数据文件/],
    ];
    for (const [name, buffer, re] of files) {
      await page.setInputFiles('#open', { name, mimeType: 'application/octet-stream', buffer });
      await page.locator('#file-error', { hasText: re }).waitFor({ timeout: 5000 }); // the file is read asynchronously
      expect(await page.textContent('#status')).not.toMatch(/勾稽关系无误/);
      expect(await page.locator('#form [data-path]').count()).toBe(0);
      for (const b of await page.locator('button[data-format], #save').all()) expect(await b.isDisabled()).toBe(true);
    }
    // what was being edited comes back with one click, and exports again
    await page.getByRole('button', { name: '继续编辑之前的数据' }).click();
    await page.locator('#status', { hasText: /^勾稽关系无误$/ }).waitFor({ timeout: 5000 });
    expect(await page.locator('#form [data-path]').count()).toBeGreaterThan(100);
    expect(await page.getByRole('button', { name: '导出 PDF' }).isDisabled()).toBe(false);
    await page.setInputFiles('#open', { name: 'again.docx', mimeType: 'application/octet-stream', buffer: docx });
    await page.locator('#file-error', { hasText: /again\.docx/ }).waitFor({ timeout: 5000 });
    await page.setInputFiles('#open', join(root, 'examples/shihe-2021/shihe-2021.yaml'));
    await page.locator('#status', { hasText: /^勾稽关系无误$/ }).waitFor({ timeout: 5000 });
    expect(await page.textContent('#file-error')).toBe('');
    expect(await page.getByRole('button', { name: '导出 PDF' }).isDisabled()).toBe(false);
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a worker that fails is replaced and its export settles with a message (defect 6)', async () => {
    const page = await ctx.newPage();
    let broken = true;
    await page.route('**/worker.js', (route) => (broken ? route.fulfill({ status: 200, contentType: 'text/javascript', body: 'throw new Error("worker boom")' }) : route.continue()));
    await page.goto(base + pageOf('gov-info-annual-report-2019'));
    await page.getByRole('button', { name: '导出 PDF' }).click();
    await expect(page.locator('#export-status').filter({ hasText: /boom|无法启动|出错/ }).textContent({ timeout: 20_000 })).resolves.toBeTruthy();
    expect(await page.getByRole('button', { name: '导出 PDF' }).isDisabled()).toBe(false);
    broken = false;
    const [dl] = await Promise.all([page.waitForEvent('download', { timeout: 90_000 }), page.getByRole('button', { name: '导出 PDF' }).click()]);
    expect(readFileSync((await dl.path())!).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    await page.close();
  });

  test('no request carried the data: only GETs of the bundle’s files, without a body or the data in the address', () => {
    expect(requests.length).toBeGreaterThan(10);
    const strings = all.flatMap((t) => JSON.stringify(t.example).match(/[\u4e00-\u9fff]{2,}/g) ?? []);
    for (const r of requests) {
      if (r.url.startsWith('blob:') || r.url.startsWith('data:')) continue;
      expect([r.method, r.post]).toEqual(['GET', null]);
      expect(r.url.startsWith(base)).toBe(true);
      for (const s of strings) expect(decodeURIComponent(r.url)).not.toContain(s);
    }
    expect(bad.filter((b) => !b.includes('worker boom'))).toEqual([]);
  });
});
