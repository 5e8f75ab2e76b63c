/** The export service's input/output defects (issue 13: 5, 7, 16, 19), over a real loopback socket. */
import './helpers/dist.js'; // first: refuses a stale build before it is loaded
import { readFileSync } from 'node:fs';
import { connect } from 'node:net';
import { jest } from '@jest/globals';
import { createExportApp } from '../dist/src/server/index.js'; // the worker pool needs the built worker
import { listen, open, tinyModel, until } from './helpers/http.js';

const seed = readFileSync('examples/fangzheng-2020/fangzheng-2020.yaml', 'utf8');
const yaml = { 'content-type': 'application/yaml' };

test('defect 5: POST /validate applies the server limits', async () => {
  const app = createExportApp({ concurrency: 1, log: false, limits: { maxNesting: 3 } });
  const { base, close } = await listen(app.fetch);
  try {
    const r = await fetch(`${base}/validate/gov-info-annual-report-2019`, { method: 'POST', headers: yaml, body: seed });
    expect(r.status).toBe(413);
    const body = await r.json();
    expect(body.code).toBe('limit-exceeded');
    expect(JSON.stringify(body)).toContain('maxNesting');
  } finally {
    await close();
    await app.close();
  }
});

describe('routes', () => {
  const app = createExportApp({ concurrency: 1, log: false });
  let base: string;
  let close: () => Promise<void>;
  beforeAll(async () => ({ base, close } = await listen(app.fetch)));
  afterAll(async () => {
    await close();
    await app.close();
  });

  test('defect 7: /render/x.txt names the unsupported format', async () => {
    const r = await fetch(`${base}/render/x.txt`, { method: 'POST', headers: yaml, body: seed });
    expect(r.status).toBe(400);
    const body = await r.json();
    expect(body.code).toBe('usage');
    expect(body.problems[0].message).toContain('不支持的格式“txt”');
  });

  test.each([
    ['GET', '/render.pdf', 'POST'],
    ['GET', '/render/gov-info-annual-report-2019.pdf', 'POST'],
    ['PUT', '/validate/gov-info-annual-report-2019', 'POST'],
    ['POST', '/templates', 'GET, HEAD'],
    ['DELETE', '/healthz', 'GET, HEAD'],
  ])('defect 19: %s %s is 405 with Allow: %s', async (method, path, allow) => {
    const r = await fetch(base + path, { method });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe(allow);
    expect((await r.json()).problems[0].message).toContain(allow);
  });

  test('an unknown path is still 404', async () => {
    expect((await fetch(`${base}/nothing`, { method: 'POST' })).status).toBe(404);
  });
});

test('defect 16: a client that disconnects mid-render cancels it, logged 499', async () => {
  const gate = new Int32Array(new SharedArrayBuffer(8));
  const logs: { status: number; code?: string }[] = [];
  const app = createExportApp({ concurrency: 1, log: (l) => logs.push(JSON.parse(l)), testGate: gate.buffer as SharedArrayBuffer });
  const { base, close } = await listen(app.fetch);
  try {
    const ac = new AbortController();
    const req = fetch(`${base}/render.pdf`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(tinyModel), signal: ac.signal }).catch((e) => e);
    await until(() => Atomics.load(gate, 1) === 1);
    ac.abort();
    await req;
    // the gate is still shut: only a cancelled render can have been answered
    await until(() => logs.length === 1);
    expect(logs[0]).toMatchObject({ status: 499, code: 'cancelled' });
    open(gate);
    const next = await fetch(`${base}/render.pdf`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(tinyModel) });
    expect(next.status).toBe(200);
  } finally {
    open(gate);
    await close();
    await app.close();
  }
});

test('a client gone mid-upload is logged 499, with no stack on stderr', async () => {
  const logs: { status: number; code?: string }[] = [];
  const app = createExportApp({ concurrency: 1, log: (l) => logs.push(JSON.parse(l)) });
  const { base, close } = await listen(app.fetch);
  const stderr = jest.spyOn(process.stderr, 'write');
  try {
    const { port } = new URL(base);
    const sock = connect(Number(port), '127.0.0.1');
    await new Promise((r) => sock.once('connect', r));
    sock.write('POST /render.pdf HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"meta":');
    await new Promise((r) => setImmediate(r));
    sock.destroy();
    await until(() => logs.length === 1);
    expect(logs[0]).toMatchObject({ status: 499, code: 'cancelled' });
    expect(stderr.mock.calls.map((c) => String(c[0])).join('')).not.toMatch(/\bat .*\.js:\d+/);
  } finally {
    stderr.mockRestore();
    await close();
    await app.close();
  }
});

test('with the page served at /, an API route asked with GET is still 405, a page path 404', async () => {
  const app = createExportApp({ concurrency: 1, log: false, page: true });
  try {
    const r = await app.request('/render.pdf');
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toBe('POST');
    expect((await app.request('/no-such-file.js')).status).toBe(404);
  } finally {
    await app.close();
  }
});
