/** Static files for the 填报 page (src/browser/web-assets.ts), through Hono's serve-static: defect 4. */
import { mkdirSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { brotliCompressSync } from 'node:zlib';
import { serveWeb, webAssetsApp } from '../src/browser/web-assets.js';
import { tmp } from './helpers/tools.js';

const root = tmp();
writeFileSync(join(root, 'index.html'), '<!doctype html><title>填报</title>');
writeFileSync(join(root, 'app.js'), 'console.log("填报");');
writeFileSync(join(root, 'app.js.br'), brotliCompressSync(Buffer.from('console.log("填报");')));
writeFileSync(join(root, 'meta.json'), '{}');
mkdirSync(join(root, 'assets'));
writeFileSync(join(root, 'assets', 'f.0123456789ab.ttf'), 'font');

/** A raw request line: fetch() would normalise or refuse the malformed URL before sending it. */
function rawGet(port: number, path: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, path, method: 'GET' }, (res) => {
      let body = '';
      res.on('data', (d) => (body += d));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

test('a malformed URL is a 404, and the server keeps serving', async () => {
  const server = await serveWeb(0, '127.0.0.1', root);
  try {
    const port = (server.address() as AddressInfo).port;
    expect((await rawGet(port, '/%E0%A4%A')).status).toBe(404);
    expect((await rawGet(port, '/%E0%A4%A.js')).status).toBe(404);
    const ok = await rawGet(port, '/app.js');
    expect(ok.status).toBe(200);
    expect(ok.body).toContain('填报');
  } finally {
    server.closeAllConnections();
    await new Promise((r) => server.close(r));
  }
});

test.each([root, `${root}/`])('the root %s serves index.html at /', async (r) => {
  const res = await webAssetsApp(r).request('/');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(await res.text()).toContain('填报');
});

test.each([
  ['br', 'br'],
  ['gzip, deflate, br', 'br'],
  ['br;q=0', null],
  ['gzip', null],
  ['', null],
])('Accept-Encoding %j → Content-Encoding %j', async (accept, enc) => {
  const res = await webAssetsApp(root).request('/app.js', { headers: { 'accept-encoding': accept } });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-encoding')).toBe(enc);
  expect(res.headers.get('vary')).toBe('accept-encoding');
  if (!enc) expect(await res.text()).toBe('console.log("填报");');
});

test.each(['/app.js.br', '/meta.json', '/../etc/passwd', '/%2e%2e/etc/passwd', '/nothing.js'])('%s is not served', async (p) => {
  expect((await webAssetsApp(root).request(p)).status).toBe(404);
});

test('hashed files are immutable, others revalidate', async () => {
  const app = webAssetsApp(root);
  expect((await app.request('/assets/f.0123456789ab.ttf')).headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
  expect((await app.request('/app.js')).headers.get('cache-control')).toBe('no-cache');
});

test('another method is 405 with Allow', async () => {
  const res = await webAssetsApp(root).request('/app.js', { method: 'POST' });
  expect(res.status).toBe(405);
  expect(res.headers.get('allow')).toBe('GET, HEAD');
});
