/**
 * Runs corpus cases through the library (in process) and the CLI (a child process, with its peak RSS).
 * The HTTP route can reuse `loadCorpus()`, `corpusInput()` and the `expect` block of each case.
 */
import { execFileSync, spawn } from 'node:child_process';
import { chmodSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { CjkReportError, InconsistentDataError, asCjkReportError, type ErrorCode } from '../../src/errors.js';
import { type Limits, resolveLimits } from '../../src/limits.js';
import { parseData } from '../../src/cli/io.js';
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
  /** --out is a small tmpfs: 'full' (16 KiB) to run out of room, 'ro' mounted read-only (needs root; skipped otherwise) */
  mount?: 'full' | 'ro';
  expect: { code: ErrorCode | 'ok'; exit: number; http: number; path?: string; fragment?: string; notFragment?: string };
}

export const ROOT = process.cwd();
export const CLI = join(ROOT, 'dist', 'src', 'cli', 'main.js');

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
    const data = parseData(corpusInput(c.input), extname(c.input).toLowerCase(), c.input, limits);
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
  let mounted = false;
  if (c.mount) {
    mkdirSync(out, { recursive: true });
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', c.mount === 'ro' ? 'ro,size=64k' : 'size=16k', 'tmpfs', out], { stdio: 'ignore' });
      mounted = true;
    } catch {
      return Promise.resolve({ status: null, signal: null, stdout: '', stderr: '', ms: 0, rssMiB: 0, out, skipped: 'mounting a tmpfs needs root' });
    }
  }
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
    const child = spawn(process.execPath, ['--import', join(ROOT, '__tests__', 'corpus', 'rss-hook.mjs'), CLI, ...argv], {
      env: { ...process.env, SOURCE_DATE_EPOCH: '1610668800', CJK_RSS_FILE: rssFile, ...c.env },
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: 120_000,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (status, signal) => {
      let rssMiB = NaN;
      try {
        rssMiB = Number(readFileSync(rssFile, 'utf8')) / 1024;
      } catch {
        /* killed before exit */
      }
      if (c.readOnlyOut) chmodSync(out, 0o755);
      let leftInMount: string[] = [];
      if (mounted) {
        leftInMount = readdirSync(out); // what the CLI left on the small disk, before it goes away
        execFileSync('umount', [out]);
      }
      resolve({ status, signal, stdout, stderr, ms: Date.now() - started, rssMiB, out, leftInMount });
    });
  });
}
