/** `cjk-report serve`: a real process on a loopback port. */
import { CLI } from './helpers/dist.js';
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { until } from './helpers/http.js';


test('serve binds loopback by default, logs one JSON line per request, stops on SIGTERM', async () => {
  const child = spawn('node', [CLI, 'serve', '--port', '0', '--concurrency', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  const url = await new Promise<string>((resolve, reject) => {
    child.stderr.on('data', (d) => {
      stderr += d;
      const m = /listening on (http:\/\/\S+)/.exec(stderr);
      if (m) resolve(m[1]);
    });
    child.on('exit', () => reject(new Error(stderr)));
  });
  try {
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const r = await fetch(`${url}/render.pdf`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': 'req-1' }, body: JSON.stringify({ meta: { title: 't' }, blocks: [{ type: 'paragraph', text: '你好' }] }) });
    expect(r.status).toBe(200);
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    await until(() => stdout.trim().split('\n').length >= 2); // the log line is written after the answer
    const lines = stdout.trim().split('\n').map((l) => JSON.parse(l));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ id: 'req-1', method: 'POST', path: '/render.pdf', status: 200 });
    expect(lines[1]).toMatchObject({ method: 'GET', path: '/healthz', status: 200 });
  } finally {
    child.kill('SIGTERM');
  }
  expect(await new Promise((r) => child.on('exit', (c) => r(c)))).toBe(0);
}, 60_000);

test('serve: a missing font file is a usage error naming it, exit 2', async () => {
  const child = spawn('node', [CLI, 'serve', '--port', '0', '--font', 'fangsong=/nonexistent/仿宋.ttf'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  expect(await new Promise((r) => child.on('exit', (c) => r(c)))).toBe(2);
  expect(stderr).toContain('/nonexistent/仿宋.ttf');
  expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
});

/** Runs `serve` expecting it to stop: its exit status and standard error. */
function serveFails(args: string[]): Promise<{ code: number | null; stderr: string }> {
  const child = spawn('node', [CLI, 'serve', ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const t = setTimeout(() => child.kill('SIGKILL'), 30_000); // a serve that started would never exit
  return new Promise((r) => child.on('exit', (code) => (clearTimeout(t), r({ code, stderr }))));
}

describe('defect 15: start-up errors are said in Chinese, exit 2, no stack', () => {
  test('a port in use', async () => {
    const busy = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => busy.once('listening', r));
    try {
      const { code, stderr } = await serveFails(['--port', String((busy.address() as AddressInfo).port), '--no-page']);
      expect(code).toBe(2);
      expect(stderr).toContain('已被占用');
      expect(stderr).not.toMatch(/\bat .*\.js:\d+|EADDRINUSE.*\n.*at /);
    } finally {
      busy.close();
    }
  }, 60_000);
  test.each([
    ['an address not on this machine', '192.0.2.1', '本机没有地址'],
    ['an unresolvable host', 'no-such-host.invalid', '主机名'],
  ])('%s', async (_, host, words) => {
    const { code, stderr } = await serveFails(['--port', '0', '--host', host, '--no-page']);
    expect(code).toBe(2);
    expect(stderr).toContain(words);
    expect(stderr).not.toMatch(/\bat .*\.js:\d+/);
  }, 60_000);
  test('--port 99999 is a usage error', async () => {
    const { code, stderr } = await serveFails(['--port', '99999']);
    expect(code).toBe(2);
    expect(stderr).toContain('--port 应为 0 到 65535 之间的整数');
  }, 60_000);
});
