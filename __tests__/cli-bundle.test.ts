import './helpers/dist.js';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmp } from './helpers/tools.js';

/** The shipped command (package.json bin): the esbuild bundle run by the code-cache launcher (npm run build makes it). */
const BIN = join(process.cwd(), 'dist', 'cli', 'main.cjs');
const ESM = join(process.cwd(), 'dist', 'src', 'cli', 'main.js');
const SEED = ['render', 'examples/fangzheng-2020/fangzheng-2020.yaml', '--template', 'gov-info-annual-report-2019'];

test('the bundled command writes the same PDF and DOCX bytes as the ESM build', () => {
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1610668800' };
  const [a, b] = [tmp(), tmp()];
  execFileSync(process.execPath, [BIN, ...SEED, '--out', a], { env });
  execFileSync(process.execPath, [ESM, ...SEED, '--out', b], { env });
  for (const f of ['fangzheng-2020.pdf', 'fangzheng-2020.docx']) expect(readFileSync(join(a, f)).equals(readFileSync(join(b, f)))).toBe(true);
});

test('the bundled command reports bad input as the ESM build does: exit 1, the field named, no stack', () => {
  const r = spawnSync(process.execPath, [BIN, 'render', 'examples/violations/' + 'does-not-exist.yaml'], { encoding: 'utf8' });
  expect(r.status).toBe(1);
  expect(r.stderr).toContain('does-not-exist.yaml');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(spawnSync(process.execPath, [BIN, 'render', '--outt', 'x'], { encoding: 'utf8' }).status).toBe(2);
});

test('the bundled command runs its worker pool: a batch of two files, and serve answering a render over a socket', async () => {
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1610668800' };
  const out = tmp();
  const seed = 'examples/fangzheng-2020/fangzheng-2020.yaml';
  const data = tmp();
  for (const n of ['a', 'b']) writeFileSync(join(data, `${n}.yaml`), readFileSync(seed));
  const r = spawnSync(process.execPath, [BIN, 'render', join(data, 'a.yaml'), join(data, 'b.yaml'), '--template', 'gov-info-annual-report-2019', '--format', 'pdf', '--out', out], { env, encoding: 'utf8', timeout: 120_000 });
  expect(r.status).toBe(0);
  expect(readdirSync(out).sort()).toEqual(['a.pdf', 'b.pdf']);

  const server = spawn(process.execPath, [BIN, 'serve', '--port', '0', '--concurrency', '1'], { env, stdio: ['ignore', 'ignore', 'pipe'] });
  try {
    const base = await new Promise<string>((resolve, reject) => {
      let err = '';
      server.stderr.on('data', (d: Buffer) => {
        err += d.toString();
        const m = /listening on (http:\/\/\S+?) /.exec(err);
        if (m) resolve(m[1]);
      });
      server.on('exit', () => reject(new Error(err)));
    });
    const res = await fetch(`${base}/render/gov-info-annual-report-2019.pdf`, { method: 'POST', headers: { 'content-type': 'application/yaml' }, body: readFileSync(seed), signal: AbortSignal.timeout(60_000) });
    expect(res.status).toBe(200);
    expect(Buffer.from(await res.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
  } finally {
    server.kill('SIGTERM');
  }
});

test('the bundled command batch with --jobs 2 writes the same bytes as the ESM build', () => {
  const env = { ...process.env, SOURCE_DATE_EPOCH: '1610668800' };
  const [a, b] = [tmp(), tmp()];
  const files = ['examples/fangzheng-2020/fangzheng-2020.yaml', 'examples/fangzheng-2020/fangzheng-2020.yaml'].map((f, i) => {
    const to = join(a, `in-${i}.yaml`);
    writeFileSync(to, readFileSync(f));
    return to;
  });
  const args = ['render', ...files, '--template', 'gov-info-annual-report-2019', '--format', 'pdf,docx', '--jobs', '2'];
  const r = spawnSync(process.execPath, [BIN, ...args, '--out', join(a, 'out')], { env, encoding: 'utf8', timeout: 60_000 });
  expect(r.stderr).toContain('完成 2 份，失败 0 份');
  expect(r.status).toBe(0);
  execFileSync(process.execPath, [ESM, ...SEED, '--out', b], { env });
  for (const f of ['in-0.pdf', 'in-1.docx']) {
    const ref = join(b, f.endsWith('.pdf') ? 'fangzheng-2020.pdf' : 'fangzheng-2020.docx');
    expect(readFileSync(join(a, 'out', f)).equals(readFileSync(ref))).toBe(true);
  }
});
