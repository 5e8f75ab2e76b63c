/** The export service over a real loopback socket: every route and every status. */
import './helpers/dist.js'; // first: refuses a stale build before it is loaded
import { readFileSync } from 'node:fs';
import { createExportApp, type ExportApp } from '../dist/src/server/index.js';
import { STACK, listen, open, savedName, tinyModel, until } from './helpers/http.js';

const seed2020 = readFileSync('examples/fangzheng-2020/fangzheng-2020.yaml', 'utf8');
const seed2021 = readFileSync('examples/shihe-2021/shihe-2021.yaml', 'utf8');
const violation = readFileSync('examples/violations/A2.yaml', 'utf8');
const yaml = { 'content-type': 'application/yaml' };
const json = { 'content-type': 'application/json' };

describe('export service routes and statuses', () => {
  let app: ExportApp;
  let base: string;
  let close: () => Promise<void>;
  const logs: string[] = [];

  beforeAll(async () => {
    app = createExportApp({ concurrency: 2, queue: 8, maxBodyBytes: 200_000, log: (l) => logs.push(l), creationDate: new Date('2021-01-15T00:00:00Z') });
    ({ base, close } = await listen(app.fetch));
  });
  afterAll(async () => {
    await close();
    await app.close();
  });

  const post = (path: string, body: string, headers: Record<string, string> = yaml) => fetch(base + path, { method: 'POST', headers, body });

  test('POST /render/<template>.pdf?pdfa=1: a PDF/A-2b (its XMP identification); without it, none', async () => {
    const text = async (q: string) => Buffer.from(await (await post(`/render/gov-info-annual-report-2019.pdf${q}`, seed2020)).arrayBuffer()).toString('latin1');
    const [pdfa, plain] = [await text('?pdfa=1'), await text('')];
    // the XMP stream is written uncompressed (PDF/A wants it readable)
    expect(pdfa).toContain('<pdfaid:part>2</pdfaid:part>');
    expect(pdfa.slice(0, 8)).toBe('%PDF-1.7');
    expect(plain).not.toContain('pdfaid');
  });

  test('POST /render/<template>.pdf: the PDF with its type, length and the Chinese file name', async () => {
    const r = await post('/render/gov-info-annual-report-2019.pdf', seed2020);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/pdf');
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(Number(r.headers.get('content-length'))).toBe(bytes.length);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const cd = r.headers.get('content-disposition')!;
    expect(cd).toMatch(/^attachment; filename="[\x20-\x7e]+\.pdf"; filename\*=UTF-8''/);
    expect(cd).not.toMatch(/filename="[^"]*[^\x20-\x7e]/);
    expect(savedName(cd)).toBe('方正县营商环境建设监督局2020年政府信息公开工作年度报告.pdf');
  });

  test('POST /render/<template>.docx from JSON, the template also named in the data', async () => {
    const { parse } = await import('yaml');
    const r = await post('/render/gov-info-annual-report-2021.docx', JSON.stringify(parse(seed2021)), json);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const bytes = Buffer.from(await r.arrayBuffer());
    expect(bytes.subarray(0, 2).toString()).toBe('PK');
    expect(savedName(r.headers.get('content-disposition'))).toBe('信阳市浉河区市场监督管理局2021年政府信息公开工作年度报告.docx');
  });

  test('POST /render.pdf and /render.docx take a report model', async () => {
    for (const ext of ['pdf', 'docx']) {
      const r = await post(`/render.${ext}`, JSON.stringify(tinyModel), json);
      expect(r.status).toBe(200);
      expect(savedName(r.headers.get('content-disposition'))).toBe(`report.${ext}`);
    }
  });

  test('400: invalid model, with the field path and a Chinese message; unparsable body', async () => {
    let r = await post('/render.pdf', JSON.stringify({ meta: { title: 't' }, blocks: [{ type: 'heading', level: 4, text: 'x' }] }), json);
    expect(r.status).toBe(400);
    let body = await r.json();
    expect(body.code).toBe('invalid-input');
    expect(body.problems).toEqual([{ path: 'blocks[0].level', message: '无效输入：期望 1 或 2 或 3，实际接收 数字 4' }]);
    r = await post('/render.pdf', '{"meta": ', json);
    expect(r.status).toBe(400);
    expect((await r.json()).code).toBe('unreadable-input');
  });

  test('400: template data sent to /render.pdf points at the template route', async () => {
    const r = await post('/render.pdf', seed2020);
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.problems[0].path).toBe('template');
    expect(body.problems[0].message).toContain('renderTemplate');
    expect(body.problems[0].message).toContain('/render/');
  });

  test('422 for 勾稽 violations, unless ?allowInconsistent=1', async () => {
    let r = await post('/render/gov-info-annual-report-2021.pdf', violation);
    expect(r.status).toBe(422);
    const body = await r.json();
    expect(body.code).toBe('inconsistent');
    expect(body.title).toBe('数据未通过勾稽关系校验');
    expect(body.problems.some((p: { rule?: string; message: string }) => /A2/.test(p.rule ?? p.message))).toBe(true);
    r = await post('/render/gov-info-annual-report-2021.pdf?allowInconsistent=1', violation);
    expect(r.status).toBe(200);
  });

  test('413 past the body limit, 415 for another media type', async () => {
    let r = await post('/render.pdf', JSON.stringify({ meta: { title: 'x'.repeat(300_000) } }), json);
    expect(r.status).toBe(413);
    expect((await r.json()).code).toBe('limit-exceeded');
    r = await post('/render.pdf', JSON.stringify(tinyModel), { 'content-type': 'text/plain' });
    expect(r.status).toBe(415);
    expect((await r.json()).code).toBe('unsupported-media-type');
  });

  test('404: unknown template (render, validate, schema) and unknown route', async () => {
    for (const [method, path] of [['POST', '/render/no-such.pdf'], ['POST', '/validate/no-such'], ['GET', '/templates/no-such/schema']]) {
      const r = await fetch(base + path, { method, headers: yaml, body: method === 'POST' ? seed2020 : undefined });
      expect(r.status).toBe(404);
      const body = await r.json();
      expect(body.code).toBe('unknown-template');
      expect(body.problems[0].message).toContain('gov-info-annual-report-2021');
    }
    expect((await fetch(base + '/nothing')).status).toBe(404);
  });

  test('POST /validate/<template>: the problems as JSON', async () => {
    let r = await post('/validate/gov-info-annual-report-2021', violation);
    expect(r.status).toBe(200);
    let body = await r.json();
    expect(body.valid).toBe(false);
    expect(body.errors.length).toBeGreaterThan(0);
    r = await post('/validate/gov-info-annual-report-2021', seed2021);
    body = await r.json();
    expect(body).toMatchObject({ template: 'gov-info-annual-report-2021', valid: true, errors: [] });
    r = await post('/validate/gov-info-annual-report-2021', 'agency: 1');
    expect(r.status).toBe(400);
    expect((await r.json()).title).toBe('数据文件的格式不正确');
  });

  test('GET /templates and /templates/<id>/schema', async () => {
    const list = await (await fetch(base + '/templates')).json();
    expect(list.map((t: { id: string }) => t.id)).toEqual(['gov-info-annual-report-2019', 'gov-info-annual-report-2021', 'cadre-appointment-form']);
    const schema = await (await fetch(base + '/templates/gov-info-annual-report-2021/schema')).json();
    expect(schema.$schema).toContain('2020-12');
    expect(JSON.stringify(schema)).toContain('"agency"');
  });

  test('every answer has a request id and one JSON access-log line; no stack trace anywhere', async () => {
    const r = await fetch(base + '/healthz', { headers: { 'x-request-id': 'abc-123' } });
    expect(r.headers.get('x-request-id')).toBe('abc-123');
    const line = logs.map((l) => JSON.parse(l)).find((l) => l.id === 'abc-123');
    expect(line).toMatchObject({ method: 'GET', path: '/healthz', status: 200 });
    expect(typeof line.ms).toBe('number');
    const ids = logs.map((l) => JSON.parse(l).id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const l of logs) expect(l).not.toMatch(STACK);
    expect(r.headers.get('access-control-allow-origin')).toBeNull(); // no CORS unless asked
  });
});

describe('export service under load', () => {
  test('/healthz answers while renders run; a full queue gets 503 + Retry-After at once', async () => {
    // the render is held at the test's gate, not assumed slow: the order below is certain
    const gate = new Int32Array(new SharedArrayBuffer(8));
    const app = createExportApp({ concurrency: 1, queue: 1, timeoutMs: 60_000, log: false, testGate: gate.buffer as SharedArrayBuffer });
    const { base, close } = await listen(app.fetch);
    try {
      const send = () => fetch(base + '/render.pdf', { method: 'POST', headers: json, body: JSON.stringify(tinyModel) });
      const running = send();
      await until(() => Atomics.load(gate, 1) === 1);
      const queued = send();
      await until(() => app.pool.stats.queued === 1);
      const busy = await send();
      expect(busy.status).toBe(503);
      expect(busy.headers.get('retry-after')).toBe('1');
      expect((await busy.json()).code).toBe('busy');
      const health = await fetch(base + '/healthz');
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ ok: true, queued: 1 });
      open(gate);
      expect((await running).status).toBe(200);
      expect((await queued).status).toBe(200);
    } finally {
      open(gate);
      await close();
      await app.close();
    }
  });

  test('a render past its time limit is 504, its worker is replaced, and the next request succeeds', async () => {
    const gate = new Int32Array(new SharedArrayBuffer(8));
    // the held render always times out; the limit is generous for the fresh worker's first real render
    const app = createExportApp({ concurrency: 1, timeoutMs: 4000, log: false, testGate: gate.buffer as SharedArrayBuffer });
    const { base, close } = await listen(app.fetch);
    try {
      const r = await fetch(base + '/render.pdf', { method: 'POST', headers: json, body: JSON.stringify(tinyModel) });
      expect(r.status).toBe(504);
      const body = await r.json();
      expect(body.code).toBe('timeout');
      expect(JSON.stringify(body)).not.toMatch(STACK);
      open(gate);
      const next = await fetch(base + '/render.pdf', { method: 'POST', headers: json, body: JSON.stringify(tinyModel) });
      expect(next.status).toBe(200);
    } finally {
      open(gate);
      await close();
      await app.close();
    }
  });

  test('CORS only for the configured origin', async () => {
    const app = createExportApp({ concurrency: 1, cors: 'https://oa.example.gov.cn', log: false });
    const { base, close } = await listen(app.fetch);
    try {
      const r = await fetch(base + '/templates', { headers: { origin: 'https://oa.example.gov.cn' } });
      expect(r.headers.get('access-control-allow-origin')).toBe('https://oa.example.gov.cn');
    } finally {
      await close();
      await app.close();
    }
  });
});
