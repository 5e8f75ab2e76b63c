/** `cjk-report serve`: a real process on a loopback port. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

const CLI = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');

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
    await new Promise((r) => setTimeout(r, 100));
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
