#!/usr/bin/env node
import { basename, dirname } from 'node:path';
import { z } from 'zod';
import { aggregateInputs, describeTemplate, getTemplate, listTemplates } from '../../templates/index.js';
import { type Format, render, reportJsonSchema, sourceDateEpoch } from '../index.js';
import { newBundledRegistry } from '../fonts/bundled.js';
import type { PdfSettings } from '../model/document.js';
import { CjkReportError, EXIT_STATUS, InconsistentDataError, UnknownTemplateError, asCjkReportError } from '../errors.js';
import { DEFAULT_LIMITS, LIMIT_LABELS, LIMIT_NAMES, type Limits, resolveLimits } from '../limits.js';
import { buildTemplateModel, toDataPaths } from '../core.js';
import { isTemplatePath, loadTemplateModule, templateModuleUrl } from '../template-module.js';
import { type Args, type OptionSpec, UsageError, flag, many, one, parseArgs } from './args.js';
import { readFontFlag, registerFontFlags } from './fonts.js';
import { outputBase, readData, writeAll } from './io.js';
import { readFileBounded } from '../input/read.js';
import { inputFormatFor } from './input-formats.js';
import type { InputFormat } from '../../templates/define.js';
import { checkInputBounds } from '../model/input-bounds.js';
import { IMPORT_OPTIONS, IMPORT_USAGE } from './import.js';

const USAGE = `cjk-report — typed report model → PDF and DOCX with embedded Chinese fonts

Usage:
  cjk-report render <model.json|.yaml|-> [--format pdf,docx] [--out dir] [--allow-font-fallback]
                    [--font ROLE=file.ttf]...           ROLE: serif sans kai fangsong title latin, or ROLE-bold
                    [--pdfa]                            PDF/A-2b (archival) PDF
                    [--owner-password PW [--allow print,copy,…] [--user-password PW]]
                                                        locked PDF: printing only unless --allow lists more
                                                        (print, print-low, copy, modify, annotate, fill, assemble)
  cjk-report render <data> --template <id|./my-template.mjs> [--allow-inconsistent] [--previous <last-year data>] ...
  cjk-report render <data files…> --template <id> [--format pdf,docx] [--out dir] [--jobs N]
  cjk-report serve [--port 8080] [--host 127.0.0.1] [--font ROLE=file]... [--cors <origin>]
                   [--concurrency N] [--queue N] [--timeout seconds] [--max-body bytes] [--no-page]
                   [--web-assets <dir>]  (serves the 填报 page at /, which renders in the browser; its fonts
                                          come from <dir>, made by cjk-report web-assets <dir>)
                   [--template-module ./my-template.mjs]...   your templates, next to the built-in ones
  cjk-report validate <data> --template <id> [--previous <file>]
  cjk-report aggregate <data files…> --template <id> --out <file|-> [--agency <name>]
${IMPORT_USAGE}
  cjk-report templates
  cjk-report schema [--template <id|./my-template.mjs>]   the report model's JSON Schema, or a template's data file's
  cjk-report web-assets <dir> [--quality 0-11]   fonts and wasm for cjk-report/browser (serve <dir> as assetsUrl)

  --limit NAME=VALUE   raise or lower a resource limit (render, validate, aggregate; repeatable)
${LIMIT_NAMES.map((k) => `                       ${k.padEnd(15)} ${String(DEFAULT_LIMITS[k]).padStart(9)}  ${LIMIT_LABELS[k]}`).join('\n')}

--template takes a built-in id (cjk-report templates) or a module file that exports a template made with
defineTemplate (export default, or export const template): render, validate, aggregate, batch and schema.

Exit status: 0 success, 1 invalid input (or any file of a batch failed), 2 usage error or unknown template,
3 internal error (a bug), 130 interrupted.`;

const OPTIONS: Record<string, OptionSpec> = {
  render: {
    format: { type: 'string' },
    out: { type: 'string' },
    template: { type: 'string' },
    previous: { type: 'string' },
    font: { type: 'string', multiple: true },
    'allow-inconsistent': { type: 'boolean' },
    'allow-font-fallback': { type: 'boolean' },
    limit: { type: 'string', multiple: true },
    jobs: { type: 'string' },
    pdfa: { type: 'boolean' },
    'owner-password': { type: 'string' },
    'user-password': { type: 'string' },
    allow: { type: 'string' },
  },
  serve: {
    port: { type: 'string' },
    host: { type: 'string' },
    font: { type: 'string', multiple: true },
    cors: { type: 'string' },
    concurrency: { type: 'string' },
    queue: { type: 'string' },
    timeout: { type: 'string' },
    'max-body': { type: 'string' },
    'no-page': { type: 'boolean' },
    'web-assets': { type: 'string' },
    'template-module': { type: 'string', multiple: true },
  },
  validate: { template: { type: 'string' }, previous: { type: 'string' }, limit: { type: 'string', multiple: true } },
  aggregate: { template: { type: 'string' }, out: { type: 'string' }, agency: { type: 'string' }, limit: { type: 'string', multiple: true } },
  templates: {},
  schema: { template: { type: 'string' } },
  'web-assets': { quality: { type: 'string' } },
  ...IMPORT_OPTIONS,
};

async function main(argv: string[]): Promise<number> {
  const [cmd, ...rest] = argv;
  if (!cmd || cmd === '--help' || cmd === '-h' || cmd === 'help') {
    process.stdout.write(USAGE + '\n');
    return cmd ? 0 : 2;
  }
  if (!OPTIONS[cmd]) throw new UsageError(`未知的命令“${cmd}”；可用：${Object.keys(OPTIONS).join('、')}`);
  const args = parseArgs(rest, OPTIONS[cmd]);
  switch (cmd) {
    case 'schema': {
      const t = await templateOf(args);
      process.stdout.write(JSON.stringify(t ? t.jsonSchema() : reportJsonSchema(), null, 2) + '\n');
      return 0;
    }
    case 'templates':
      return templatesCmd();
    case 'render':
      return renderCmd(args);
    case 'validate':
      return validateCmd(args);
    case 'aggregate':
      return aggregateCmd(args);
    case 'serve':
      return serveCmd(args);
    case 'web-assets':
      return webAssetsCmd(args);
    case 'import': case 'audit': case 'diff': return (await import('./import.js'))[`${cmd}Cmd`](args);
    default:
      throw new UsageError(`未知的命令“${cmd}”`);
  }
}

function templatesCmd(): number {
  const list = listTemplates().map((t) => {
    const { labels, ...about } = describeTemplate(t);
    return { ...about, cells: labels.length, dataSchema: z.toJSONSchema(t.schema, { unrepresentable: 'any' }) };
  });
  process.stdout.write(JSON.stringify(list, null, 2) + '\n');
  return 0;
}

/** --template: a built-in id, else a module file exporting a template (loaded and checked). */
async function templateOf(args: Args) {
  const id = one(args, 'template');
  if (!id) return undefined;
  const t = getTemplate(id);
  if (t) return t;
  if (isTemplatePath(id)) return loadTemplateModule(id);
  throw new UnknownTemplateError(id, listTemplates().map((x) => x.id));
}

/**
 * Text from the input echoed to a terminal: control characters (ESC sequences that retitle or rewrite the
 * terminal) and bidi overrides are shown escaped, as \u001b, never interpreted.
 */
export function printable(s: string): string {
  return s.replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

function printProblems(kind: string, problems: { path: string; message: string }[]) {
  for (const p of problems) process.stderr.write(printable(`${kind}: ${p.path}: ${p.message}`) + '\n');
}

const PERMISSIONS: Record<string, Partial<NonNullable<PdfSettings['permissions']>>> = {
  print: { printing: 'highResolution' },
  'print-low': { printing: 'lowResolution' },
  copy: { copying: true },
  modify: { modifying: true },
  annotate: { annotating: true },
  fill: { fillingForms: true },
  assemble: { documentAssembly: true },
};

/** --pdfa, --owner-password/--user-password, --allow: the PDF's document-level settings (checked again by the core). */
function pdfSettingsOf(args: Args): PdfSettings | undefined {
  const owner = one(args, 'owner-password');
  const user = one(args, 'user-password');
  const allow = one(args, 'allow');
  if (allow !== undefined && !owner) throw new UsageError('--allow 需要同时给出 --owner-password（没有所有者密码，权限无法生效）');
  let permissions: PdfSettings['permissions'];
  if (owner) {
    permissions = { printing: allow === undefined ? 'highResolution' : 'none' };
    for (const a of (allow ?? '').split(',').map((x) => x.trim()).filter(Boolean)) {
      if (!PERMISSIONS[a]) throw new UsageError(`--allow 不支持“${a}”；可用：${Object.keys(PERMISSIONS).join('、')}`);
      permissions = { ...permissions, ...PERMISSIONS[a] };
    }
  }
  const s: PdfSettings = {
    ...(flag(args, 'pdfa') ? { standard: 'PDF/A-2b' as const } : {}),
    ...(owner ? { ownerPassword: owner, permissions } : {}),
    ...(user ? { userPassword: user } : {}),
  };
  return Object.keys(s).length ? s : undefined;
}

/** --limit maxTableRows=20000 (repeatable). */
function limitsOf(args: Args): Limits {
  const out: Partial<Limits> = {};
  for (const spec of many(args, 'limit')) {
    const m = /^(\w+)=(\d+(?:\.\d+)?)$/.exec(spec);
    if (!m) throw new UsageError(`--limit 应为 NAME=数值，实为“${spec}”`);
    if (!(LIMIT_NAMES as string[]).includes(m[1])) throw new UsageError(`没有名为“${m[1]}”的限制；可用：${LIMIT_NAMES.join('、')}`);
    out[m[1] as keyof Limits] = Number(m[2]);
  }
  try {
    return resolveLimits(out);
  } catch (e) {
    throw new UsageError((e as CjkReportError).problems.map((p) => `${p.path} ${p.message}`).join('；'));
  }
}

/** A file in a template's own format (.lrmx): read bounded, parsed by the template, then bounded as data. */
function readOwnFormat(format: InputFormat, path: string, limits: Limits): unknown {
  const bytes = readFileBounded(path, limits.maxInputBytes);
  let data: unknown;
  try {
    data = format.read(bytes);
  } catch (e) {
    // the reader cannot know the file's name: its problems are reported at the file
    if (e instanceof CjkReportError) throw new CjkReportError(e.code, e.problems.map((p) => ({ ...p, path })), e.title);
    throw e;
  }
  checkInputBounds(data, limits);
  return data;
}

async function renderCmd(args: Args): Promise<number> {
  const input = args.positionals[0];
  if (!input) throw new UsageError('render 需要一个输入文件（或用 - 表示标准输入）');
  const formats = (one(args, 'format') ?? 'pdf,docx').split(',').map((f) => f.trim()) as Format[];
  for (const f of formats) if (f !== 'pdf' && f !== 'docx') throw new UsageError(`--format 不支持“${f}”；可用：pdf、docx`);
  const out = one(args, 'out') ?? 'out';
  const pdf = pdfSettingsOf(args);
  if (args.positionals.length > 1 || one(args, 'jobs') !== undefined) return batchCmd(args, formats, out, pdf);
  const limits = limitsOf(args);
  const epoch = sourceDateEpoch();
  // a template's own file format (.lrmx) picks the template by the extension
  const own = inputFormatFor(input, one(args, 'template'));
  let model: unknown = own ? readOwnFormat(own.format, input, limits) : await readData(input, limits);
  const template = (await templateOf(args)) ?? own?.template;
  let remap: (e: unknown) => unknown = (e) => e;
  if (template) {
    const previous = one(args, 'previous');
    const checked = template.check(model, { previous: previous ? await readData(previous, limits) : undefined, limits });
    printProblems('warning', checked.warnings);
    if (checked.errors.length) {
      if (!flag(args, 'allow-inconsistent')) throw new InconsistentDataError(checked.errors, '数据未通过勾稽关系校验（可用 --allow-inconsistent 照样输出）');
      printProblems('warning', checked.errors);
    }
    model = buildTemplateModel(template, checked.data, limits);
    remap = (e) => toDataPaths(e, template, checked.data);
  }
  const fonts = many(args, 'font');
  const registry = fonts.length ? registerFontFlags(newBundledRegistry(), fonts, limits) : undefined;
  let result;
  try {
    result = await render(model, { formats, registry, allowFontFallback: flag(args, 'allow-font-fallback') || undefined, limits, creationDate: epoch, pdf });
  } catch (e) {
    throw remap(e);
  }
  const base = outputBase(input);
  const written = await writeAll(out, [
    ...(result.pdf ? [{ name: `${base}.pdf`, data: result.pdf }] : []),
    ...(result.docx ? [{ name: `${base}.docx`, data: result.docx }] : []),
  ]);
  for (const w of written) process.stdout.write(`${printable(w)}\n`);
  return 0;
}

async function validateCmd(args: Args): Promise<number> {
  const input = args.positionals[0];
  const own = input ? inputFormatFor(input, one(args, 'template')) : undefined;
  const template = (await templateOf(args)) ?? own?.template;
  if (!input || !template) throw new UsageError('validate 需要一个数据文件和 --template <id>');
  const previous = one(args, 'previous');
  const limits = limitsOf(args);
  const checked = template.check(own ? readOwnFormat(own.format, input, limits) : await readData(input, limits), { previous: previous ? await readData(previous, limits) : undefined, limits });
  printProblems('warning', checked.warnings);
  if (checked.errors.length) {
    printProblems('error', checked.errors);
    process.stderr.write(`${checked.errors.length} 处错误\n`);
    return 1;
  }
  process.stdout.write(`${printable(input)}: 校验通过\n`);
  return 0;
}

async function aggregateCmd(args: Args): Promise<number> {
  const template = await templateOf(args);
  const out = one(args, 'out');
  if (!template || !out || !args.positionals.length) throw new UsageError('aggregate 需要数据文件、--template <id> 和 --out <文件>');
  if (!template.aggregate) throw new UsageError(`模板 ${template.id} 不支持汇总（aggregate）`);
  const limits = limitsOf(args);
  const inputs: unknown[] = [];
  for (const p of args.positionals) inputs.push(await readData(p, limits));
  const data = aggregateInputs(template, inputs, { agency: one(args, 'agency') ?? '' });
  const json = JSON.stringify(data, null, 2) + '\n';
  // `--out -` is standard output, as `-` is standard input for render
  if (out === '-') process.stdout.write(json);
  else {
    await writeAll(dirname(out), [{ name: basename(out), data: new TextEncoder().encode(json) }]);
    process.stdout.write(`${printable(out)}\n`);
  }
  return 0;
}

/** Many files (or --jobs): the batch on the worker pool. Loaded only when used. */
async function batchCmd(args: Args, formats: Format[], out: string, pdf?: PdfSettings): Promise<number> {
  const template = (await templateOf(args)) ?? inputFormatFor(args.positionals[0])?.template;
  if (!template) throw new UsageError('一次生成多个文件需要 --template <id>');
  // a template module is loaded by every render worker too (they look the template up by id)
  const spec = one(args, 'template');
  const templateModules = spec === undefined || getTemplate(spec) ? undefined : [templateModuleUrl(spec)];
  if (args.positionals.includes('-')) throw new UsageError('批量生成时不能用标准输入（-）');
  if (one(args, 'previous')) throw new UsageError('--previous 只能用于单个文件，不能用于批量生成');
  const fonts = many(args, 'font').map(readFontFlag);
  const { runBatch, printSummary } = await import('./batch.js');
  const { intOption } = await import('./serve.js');
  const s = await runBatch({
    files: args.positionals,
    template: template.id,
    formats,
    out,
    jobs: intOption(one(args, 'jobs'), 'jobs', 1),
    allowInconsistent: flag(args, 'allow-inconsistent'),
    pdf,
    worker: { fonts: fonts.length ? fonts : undefined, limits: limitsOf(args), creationDate: sourceDateEpoch()?.toISOString(), templateModules },
  });
  printSummary(s, args.positionals.length);
  return s.interrupted ? EXIT_STATUS.cancelled : s.failed.length ? 1 : 0;
}

/** The browser build's fonts and wasm, made from the package's own fonts/ (the tarball carries them once). */
async function webAssetsCmd(args: Args): Promise<number> {
  const [dir, ...more] = args.positionals;
  if (!dir || more.length) throw new UsageError('web-assets takes one output folder');
  const { intOption } = await import('./serve.js');
  const quality = intOption(one(args, 'quality'), 'quality', 0);
  if (quality !== undefined && quality > 11) throw new UsageError('--quality takes a whole number from 0 to 11');
  const { buildWebAssets } = await import('../fonts/web-assets.js');
  const m = await buildWebAssets(dir, { quality, log: (line) => process.stderr.write(`${line}\n`) });
  const br = m.faces.reduce((s, f) => s + f.common.brotli + f.full.brotli, m.wasm.brotli);
  process.stdout.write(`${dir}: web-fonts.json, ${m.faces.length * 2} font files and the wasm (${(br / 1048576).toFixed(1)} MiB as Brotli)\n`);
  return 0;
}

async function serveCmd(args: Args): Promise<number> {
  if (args.positionals.length) throw new UsageError('serve 不接受文件参数');
  const { startServe, intOption } = await import('./serve.js');
  const timeout = intOption(one(args, 'timeout'), 'timeout', 1);
  return startServe({
    port: intOption(one(args, 'port'), 'port', 0, 65535) ?? 8080,
    host: one(args, 'host') ?? '127.0.0.1',
    fonts: many(args, 'font'),
    cors: one(args, 'cors'),
    concurrency: intOption(one(args, 'concurrency'), 'concurrency', 1),
    queue: intOption(one(args, 'queue'), 'queue', 0),
    timeoutMs: timeout === undefined ? undefined : timeout * 1000,
    maxBodyBytes: intOption(one(args, 'max-body'), 'max-body', 1),
    page: !flag(args, 'no-page'),
    webAssets: one(args, 'web-assets'),
    templateModules: many(args, 'template-module'),
  });
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    if (e instanceof UsageError) {
      process.stderr.write(printable(`${e.title}：${e.problems.map((p) => p.message).join('；')}`) + `\n\n${USAGE}\n`);
      process.exit(EXIT_STATUS.usage);
    }
    const err = asCjkReportError(e);
    process.stderr.write(printable(err.message) + '\n');
    if (err.code === 'internal' && process.env.CJK_REPORT_DEBUG) process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(EXIT_STATUS[err.code]);
  },
);
