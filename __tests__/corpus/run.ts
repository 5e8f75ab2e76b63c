/**
 * Runs corpus cases through the library (in process) and the CLI (a child process, with its peak RSS).
 * The HTTP route can reuse `loadCorpus()`, `corpusInput()` and the `expect` block of each case.
 */
import { spawn } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CjkReportError, InconsistentDataError, asCjkReportError, type ErrorCode } from '../../src/errors.js';
import { type Limits, resolveLimits } from '../../src/limits.js';
import { parseInput, syntaxOfName } from '../../src/input/parse.js';
import { render, sourceDateEpoch, type RenderResult } from '../../src/index.js';
import { aggregateInputs, getTemplate } from '../../templates/index.js';
import { corpusInput } from './inputs.js';

export interface CorpusCase {
  id: string;
  about: string;
  input: string;
  via: ('library' | 'cli' | 'http')[];
  command?: 'render' | 'validate' | 'aggregate';
  template?: string;
  args?: string[];
  env?: Record<string, string>;
  limits?: Partial<Limits>;
  options?: { allowFontFallback?: boolean; allowInconsistent?: boolean };
  formats?: ('pdf' | 'docx')[];
  slow?: boolean;
  outIsFile?: boolean;
  readOnlyOut?: boolean;
  dirInOut?: string;
  aggregateOutIsDir?: boolean;
  /** --out is a small tmpfs: 'full' (16 KiB) to run out of room, 'ro' mounted read-only (in a user namespace: no root needed) */
  mount?: 'full' | 'ro';
  expect: { code: ErrorCode | 'ok'; exit: number; http: number; path?: string; fragment?: string; notFragment?: string };
}

export const ROOT = process.cwd();
import { CLI } from '../helpers/dist.js';

export { CLI };

export function loadCorpus(): CorpusCase[] {
  return JSON.parse(readFileSync(join(ROOT, '__tests__', 'corpus', 'manifest.json'), 'utf8')).cases;
}

export interface LibraryOutcome {
  code: ErrorCode | 'ok';
  error?: CjkReportError;
  result?: RenderResult;
  aggregated?: unknown;
}

/** What the library does with the case's bytes: parse, check/build a template, render (or validate, aggregate). */
export async function runLibrary(c: CorpusCase): Promise<LibraryOutcome> {
  try {
    const limits = resolveLimits(c.limits);
    const data = parseInput(corpusInput(c.input), syntaxOfName(c.input), c.input, limits);
    const creationDate = sourceDateEpoch({ SOURCE_DATE_EPOCH: '1610668800', ...c.env });
    const template = c.template ? getTemplate(c.template)! : undefined;
    if (c.command === 'aggregate') return { code: 'ok', aggregated: aggregateInputs(template!, [data], { agency: '汇总' }) };
    let model = data;
    let remap = (e: unknown) => e;
    if (template) {
      const checked = template.check(data, { limits });
      if (checked.errors.length && (c.command === 'validate' || !c.options?.allowInconsistent)) throw new InconsistentDataError(checked.errors);
      if (c.command === 'validate') return { code: 'ok' };
      model = template.build(checked.data);
      remap = (e) => {
        if (!(e instanceof CjkReportError) || !template.dataPath) return e;
        return new CjkReportError(e.code, e.problems.map((p) => ({ ...p, path: template.dataPath!(p.path, checked.data) ?? p.path })), e.title);
      };
    }
    try {
      const result = await render(model, { formats: c.formats ?? ['pdf', 'docx'], limits, creationDate, allowFontFallback: c.options?.allowFontFallback });
      return { code: 'ok', result };
    } catch (e) {
      throw remap(e);
    }
  } catch (e) {
    const err = asCjkReportError(e);
    return { code: err.code, error: err };
  }
}

export interface CliOutcome {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
  /** peak resident set size of the child, MiB */
  rssMiB: number;
  out: string;
  /** why the case could not be set up here (e.g. mounting a tmpfs needs root) */
  skipped?: string;
  leftInMount?: string[];
}

/** Writes the case's inputs to `dir` and runs the CLI on them. */
export function runCli(c: CorpusCase, dir: string): Promise<CliOutcome> {
  const out = join(dir, 'out');
  const files = join(dir, 'in');
  mkdirSync(files, { recursive: true });
  let input = c.input;
  if (!input.startsWith('/')) {
    input = join(files, c.input);
    writeFileSync(input, corpusInput(c.input));
  }
  const args = (c.args ?? []).map((a) =>
    a.replace(/\{file:([^}]+)\}/g, (_, name: string) => {
      const p = join(files, name);
      writeFileSync(p, corpusInput(name));
      return p;
    }),
  );
  if (c.outIsFile) writeFileSync(out, 'a file, not a folder');
  if (c.dirInOut) mkdirSync(join(out, c.dirInOut), { recursive: true });
  if (c.readOnlyOut) {
    mkdirSync(out, { recursive: true });
    chmodSync(out, 0o555);
  }
  if (c.mount) mkdirSync(out, { recursive: true });
  if (c.aggregateOutIsDir) mkdirSync(join(out, 'county.json'), { recursive: true });
  const command = c.command ?? 'render';
  const argv =
    command === 'aggregate'
      ? ['aggregate', input, '--template', c.template!, '--out', join(out, 'county.json'), ...args]
      : command === 'validate'
        ? ['validate', input, '--template', c.template!, ...args]
        : ['render', input, '--out', out, ...(c.template ? ['--template', c.template] : []), ...args];
  const rssFile = join(dir, 'rss');
  const started = Date.now();
  return new Promise((resolve) => {
    const node = [process.execPath, '--import', join(ROOT, '__tests__', 'corpus', 'rss-hook.mjs'), CLI, ...argv];
    // A small or read-only disk: a tmpfs mounted in a private user and mount namespace (unshare -rm), so it
    // needs no root and runs the same on an unprivileged CI machine; what the CLI left on it is listed
    // there, before the namespace and its mount go away.
    const left = join(dir, 'left-in-mount');
    const opts = c.mount === 'ro' ? 'ro,size=64k' : 'size=16k';
    const [cmd, ...cmdArgs] = c.mount ? ['unshare', '-rm', 'sh', '-c', `mount -t tmpfs -o ${opts} tmpfs "$OUT" || exit 97\n"$@"\nrc=$?\nls -A "$OUT" > "$LEFT"\nexit $rc`, 'sh', ...node] : node;
    const child = spawn(cmd, cmdArgs, {
      env: { ...process.env, SOURCE_DATE_EPOCH: '1610668800', CJK_RSS_FILE: rssFile, OUT: out, LEFT: left, ...c.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', () => {}); // no unshare: 'close' follows with status -2, reported below
    child.on('close', (status, signal) => {
      if (c.mount && (status === 97 || !existsSync(left)))
        return resolve({ status, signal, stdout, stderr, ms: 0, rssMiB: 0, out, skipped: `cannot mount a tmpfs in a user namespace (unshare -rm): ${stderr.trim() || `exit ${status}`}` });
      let rssMiB = NaN;
      try {
        rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
      } catch {
        /* killed before exit */
      }
      if (c.readOnlyOut) chmodSync(out, 0o755);
      const leftInMount = c.mount ? readFileSync(left, 'utf8').split('\n').filter(Boolean) : [];
      resolve({ status, signal, stdout, stderr, ms: Date.now() - started, rssMiB, out, leftInMount });
    });
  });
}
