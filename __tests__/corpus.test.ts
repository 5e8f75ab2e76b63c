/**
 * The hostile corpus (__tests__/corpus/manifest.json), through the library and the CLI: each case gets its
 * error code and exit status, a message naming the field, no stack trace, no file (and no .part) written,
 * in bounded time and memory.
 */
import { readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { tmp } from './helpers/tools.js';
import { type CliOutcome, type CorpusCase, loadCorpus, runCli, runLibrary } from './corpus/run.js';

// CORPUS_ONLY=id1,id2 runs just those cases (while working on them)
const only = process.env.CORPUS_ONLY?.split(',');
const cases = loadCorpus().filter((c) => !only || only.includes(c.id));
const STACK = /\n\s+at .+:\d+:\d+|Node\.js v\d+/;

/** Every file under dir (a .part included), relative. */
function filesUnder(dir: string): string[] {
  let st;
  try {
    st = statSync(dir);
  } catch {
    return [];
  }
  if (!st.isDirectory()) return [];
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => join(e.parentPath ?? (e as { path?: string }).path ?? '', e.name).slice(dir.length + 1));
}

describe('hostile corpus: library', () => {
  // slow cases (a 20,000-row table) run here, once, through the library; the CLI and HTTP runs leave them out
  const lib = cases.filter((c) => c.via.includes('library'));
  test('the manifest has at least 40 cases and each is run somewhere', () => {
    if (!only) expect(cases.length).toBeGreaterThanOrEqual(40);
    for (const c of cases) expect(c.via.length).toBeGreaterThan(0);
  });
  if (lib.length) test.each(lib.map((c) => [c.id, c] as [string, CorpusCase]))('%s', async (_id, c) => {
    const r = await runLibrary(c);
    const said = r.error ? `${r.error.title}\n${r.error.problems.map((p) => `${p.path}: ${p.message}`).join('\n')}` : '';
    expect({ code: r.code, said }).toMatchObject({ code: c.expect.code });
    if (c.expect.code === 'ok') return;
    if (c.expect.path && !c.expect.path.includes('{') && !c.expect.path.startsWith('--'))
      expect(r.error!.problems.map((p) => p.path).some((p) => p.includes(c.expect.path!))).toBe(true);
    if (c.expect.fragment && !c.expect.fragment.startsWith('\\u')) expect(said).toContain(c.expect.fragment);
    if (c.expect.notFragment && c.expect.notFragment !== '\u001b') expect(said).not.toContain(c.expect.notFragment);
  }, 600_000); // the slow cases: a 20,000-row table takes ~100 s on a busy 2-core machine
});

describe('hostile corpus: CLI (child processes)', () => {
  const cli = cases.filter((c) => c.via.includes('cli') && !c.slow);
  const outcomes = new Map<string, { o: CliOutcome; dir: string }>();

  if (cli.length) beforeAll(async () => {
    // two at a time: the machine has 2 cores
    const queue = [...cli];
    const worker = async () => {
      for (let c = queue.shift(); c; c = queue.shift()) {
        const dir = tmp('cjk-corpus-');
        outcomes.set(c.id, { o: await runCli(c, dir), dir });
      }
    };
    await Promise.all([worker(), worker()]);
  }, 600_000);

  afterAll(() => {
    for (const { dir } of outcomes.values()) rmSync(dir, { recursive: true, force: true });
  });

  if (cli.length) test.each(cli.map((c) => [c.id, c] as [string, CorpusCase]))('%s', (_id, c) => {
    const { o } = outcomes.get(c.id)!;
    if (o.skipped) {
      // a case that cannot be set up is a failure under CI=true, where every case must run
      if (process.env.CI === 'true') throw new Error(`corpus case ${c.id} could not run: ${o.skipped}`);
      console.warn(`corpus case ${c.id} not run here: ${o.skipped}`);
      return;
    }
    if (o.leftInMount) expect(o.leftInMount).toEqual([]);
    const shown = `exit ${o.status}\n${o.stderr}`;
    expect(shown).toContain(`exit ${c.expect.exit}\n`);
    expect(o.stderr).not.toMatch(STACK);
    expect(o.ms).toBeLessThan(60_000);
    expect(o.rssMiB).toBeLessThan(600);
    const path = c.expect.path?.replace('{out}', o.out);
    if (c.expect.code !== 'ok') {
      if (path) expect(o.stderr).toContain(path);
      if (c.expect.fragment) expect(o.stderr).toContain(c.expect.fragment);
      if (c.expect.notFragment) expect(o.stderr).not.toContain(c.expect.notFragment);
      // nothing written: no output, no temporary file (pre-made folders and files of the case aside)
      const written = filesUnder(o.out).filter((f) => !f.startsWith(c.dirInOut ?? '\u0000'));
      expect(written).toEqual([]);
      if (c.command === 'aggregate') expect(filesUnder(join(o.out, '..')).filter((f) => f.includes('.part'))).toEqual([]);
    } else {
      expect(o.stderr).not.toMatch(/internal|内部错误/);
      expect(filesUnder(o.out).filter((f) => f.includes('.part'))).toEqual([]);
      if (c.command !== 'validate') expect(filesUnder(o.out).length).toBeGreaterThan(0);
    }
  });
});
