/**
 * The export service as a Hono app: Web-standard Request → Response, so it runs on Node
 * (@hono/node-server), in Next.js route handlers, Bun, Deno and Workers-like hosts alike. Renders run
 * in a bounded worker pool; the event loop only routes, reads bodies and answers /healthz.
 */
import { randomUUID } from 'node:crypto';
import type { PdfSettings } from '../model/document.js';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { webAssets } from '../browser/web-assets.js';
import { type Format, buildTemplateModel, checkTemplateData, templateJsonSchema, templates, toDataPaths } from '../core.js';
import { CjkReportError, HTTP_STATUS, UnknownTemplateError, asCjkReportError } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { getTemplate, listTemplates } from '../../templates/index.js';
import { decodeInput, parseText } from '../input/parse.js';
import { syntaxOf } from './body.js';
import { asTemplate, describeTemplate, type Template } from '../../templates/define.js';
import { templateModuleOf } from '../template-module.js';
import { contentDisposition } from './disposition.js';
import { type PoolOptions, RenderPool } from './pool.js';
import type { RenderTask } from './task.js';

export interface ExportAppOptions extends Omit<PoolOptions, 'worker'> {
  /** request body bytes; default limits.maxInputBytes (5 MiB) */
  maxBodyBytes?: number;
  /** document limits for the renders (pages, cells, characters …) */
  limits?: Partial<Limits>;
  /** server-side fonts: ROLE=… specs with bytes read by the host (never a path from a request) */
  fonts?: { spec: string; bytes: Uint8Array }[];
  /** allowed origin(s) for CORS; none by default */
  cors?: string | string[];
  /** one JSON line per request; default: process.stdout. Pass `false` to keep quiet. */
  log?: ((line: string) => void) | false;
  /** fixes the documents' dates (reproducible output) */
  creationDate?: Date;
  /** seconds for Retry-After on 503; default 1 */
  retryAfter?: number;
  /**
   * Serve the 填报 page, the browser bundle and its fonts at `/` (from `npm run build:web`'s dist/browser,
   * or the folder given). The page renders in the browser: no data reaches the server. Default off.
   */
  page?: boolean | string;
  /** the page's fonts and wasm (`cjk-report web-assets <dir>`), served at `/assets/`; default: the page folder's own assets/ */
  pageAssets?: string;
  /** tests only: holds every render at a gate the test opens (see WorkerConfig.testGate) */
  testGate?: SharedArrayBuffer;
  /**
   * Your own templates (defineTemplate's results), served next to the built-in ones (same id: yours wins).
   * One loaded from a module file (loadTemplateModule, `serve --template-module`) runs wholly in the render
   * workers, which import the module too; an object defined in code is checked and built in this thread
   * (milliseconds) and only rendered in the workers.
   */
  templates?: Template<any, any>[];
}

export type ExportApp = Hono<{ Variables: { requestId: string } }> & {
  pool: RenderPool;
  /** stops the worker threads */
  close(): Promise<void>;
};

const MIME: Record<Format, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
};

/** The API's routes and the methods each takes, for 405 + Allow. */
const ROUTES: [RegExp, string][] = [
  [/^\/render\/[^/]+$/, 'POST'],
  [/^\/render\.(pdf|docx)$/, 'POST'],
  [/^\/validate\/[^/]+$/, 'POST'],
  [/^\/templates(\/[^/]+(\/schema)?)?$/, 'GET, HEAD'],
  [/^\/audit$/, 'POST'],
  [/^\/healthz$/, 'GET, HEAD'],
];

export function createExportApp(options: ExportAppOptions = {}): ExportApp {
  const own = new Map<string, Template<any, any>>();
  const inWorkers = new Set<string>();
  const templateModules: string[] = [];
  const moduleFiles: { id: string; file: string }[] = [];
  (options.templates ?? []).forEach((given, i) => {
    const t = asTemplate(given, `templates[${i}]`);
    own.set(t.id, t);
    const url = given && typeof given === 'object' ? templateModuleOf(given) : undefined;
    if (url) {
      templateModules.push(url);
      moduleFiles.push({ id: t.id, file: fileURLToPath(url) });
      inWorkers.add(t.id);
    }
  });
  const pool = new RenderPool({
    concurrency: options.concurrency,
    queue: options.queue,
    timeoutMs: options.timeoutMs,
    worker: { fonts: options.fonts, limits: options.limits, creationDate: options.creationDate?.toISOString(), testGate: options.testGate, templateModules: templateModules.length ? templateModules : undefined },
  });
  const maxBody = options.maxBodyBytes ?? options.limits?.maxInputBytes ?? DEFAULT_LIMITS.maxInputBytes;
  const log = options.log === false ? undefined : (options.log ?? ((l: string) => process.stdout.write(l + '\n')));
  const app = new Hono<{ Variables: { requestId: string } }>();

  const fail = (c: Context, err: CjkReportError) => {
    const status = HTTP_STATUS[err.code] as 400;
    if (err.code === 'busy') c.header('Retry-After', String(options.retryAfter ?? 1));
    // A refused body may be partly unread, and its rest would be taken for the next request on a
    // kept-alive socket: close the connection after any error to a POST.
    if (c.req.method === 'POST') c.header('Connection', 'close');
    return c.json(err.toJSON(), status);
  };

  // Request id and access log first, so every answer (errors included) is logged once.
  app.use('*', async (c, next) => {
    const given = c.req.header('x-request-id');
    const id = given && /^[\w.-]{1,64}$/.test(given) ? given : randomUUID();
    c.set('requestId', id);
    const t0 = performance.now();
    await next();
    c.header('X-Request-Id', id);
    log?.(
      JSON.stringify({
        time: new Date().toISOString(),
        id,
        method: c.req.method,
        path: c.req.path,
        status: c.res.status,
        ms: Math.round((performance.now() - t0) * 10) / 10,
        bytes: Number(c.res.headers.get('content-length') ?? 0),
        code: c.res.status >= 400 ? c.get('errorCode' as never) : undefined,
      }),
    );
  });
  if (options.cors) app.use('*', cors({ origin: options.cors, exposeHeaders: ['Content-Disposition', 'X-Request-Id'] }));

  app.onError((e, c) => {
    const err = asCjkReportError(e);
    c.set('errorCode' as never, err.code as never);
    if (err.code === 'internal') {
      process.stderr.write(`[${c.get('requestId')}] ${(e as Error)?.stack ?? String(e)}\n`);
      // The message of a bug may hold internals: the client gets the request id to quote instead.
      return c.json({ code: err.code, title: err.title, problems: [{ path: '(internal)', message: `请求编号 ${c.get('requestId')}` }] }, 500);
    }
    return fail(c, err);
  });
  app.notFound((c) => {
    // a known route asked with another method: 405 naming the methods it takes
    const allow = ROUTES.find(([re]) => re.test(c.req.path))?.[1];
    if (allow) {
      c.header('Allow', allow);
      return c.json({ code: 'method-not-allowed', title: '请求方法不对', problems: [{ path: c.req.method, message: `${c.req.path} 只接受 ${allow}` }] }, 405);
    }
    return c.json({ code: 'not-found', title: '没有这个地址', problems: [{ path: c.req.path, message: '可用：POST /render/<模板>.pdf|.docx、POST /render.pdf|.docx、POST /validate/<模板>、POST /audit、GET /templates、GET /templates/<模板>、GET /templates/<模板>/schema、GET /healthz' }] }, 404);
  });

  const limitBody = bodyLimit({
    maxSize: maxBody,
    onError: () => {
      throw new CjkReportError('limit-exceeded', [{ path: '(body)', message: `请求体超过上限 ${maxBody} 字节（maxBodyBytes）` }]);
    },
  });

  async function input(c: Context) {
    // Refuse before reading the body: a full queue answers at once, whatever the upload size.
    if (pool.full) throw new CjkReportError('busy', [{ path: '(queue)', message: `排队的生成任务已达上限 ${pool.queue}，请稍后重试` }]);
    const syntax = syntaxOf(c.req.header('content-type'));
    // the one input reader's guards: bounded, UTF-8 only (GBK refused by name); the worker parses
    let body: ArrayBuffer;
    try {
      body = await c.req.arrayBuffer();
    } catch (e) {
      // a client gone mid-upload is a cancelled request (499), not a server bug with a stack in the log
      if (c.req.raw.signal.aborted) throw new CjkReportError('cancelled', [{ path: '(body)', message: '请求体未传完，连接已断开' }]);
      throw e;
    }
    const text = decodeInput(new Uint8Array(body), '(body)', maxBody);
    return { text, syntax };
  }

  function knownTemplate(id: string) {
    if (!own.has(id) && !getTemplate(id)) throw new UnknownTemplateError(id, [...new Set([...listTemplates().map((t) => t.id), ...own.keys()])]);
    return id;
  }
  /** a template of this app that the workers do not have: checked and built here */
  const here = (id: string) => (own.has(id) && !inWorkers.has(id) ? own.get(id)! : undefined);

  async function renderHere(c: Context, t: Template<any, any>, format: Format, allowInconsistent: boolean) {
    const { text, syntax } = await input(c);
    const { data, warnings } = checkTemplateData(t, parseText(text, syntax, '(body)', { ...DEFAULT_LIMITS, ...options.limits }), { allowInconsistent, limits: options.limits });
    const doc = buildTemplateModel(t, data, options.limits);
    let r;
    try {
      r = await pool.run({ kind: 'model', input: { data: doc }, format: [format] }, c.req.raw.signal);
    } catch (e) {
      throw toDataPaths(e, t, data);
    }
    const bytes = r[format]!;
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': MIME[format],
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': contentDisposition(t.fileName?.(data) ?? t.id, format),
      ...(warnings.length ? { 'X-Warnings': String(warnings.length) } : {}),
    });
  }

  async function renderAnswer(c: Context, task: RenderTask, format: Format, fallbackName: string) {
    const r = await pool.run(task, c.req.raw.signal);
    const bytes = r[format]!;
    return c.body(bytes as Uint8Array<ArrayBuffer>, 200, {
      'Content-Type': MIME[format],
      'Content-Length': String(bytes.byteLength),
      'Content-Disposition': contentDisposition(r.fileName ?? fallbackName, format),
      ...(r.warnings?.length ? { 'X-Warnings': String(r.warnings.length) } : {}),
    });
  }

  // ?pdfa=1: an archival PDF/A-2b. Passwords never travel in a URL (logs keep them): a model sets meta.pdf.
  const pdfOf = (c: Context): PdfSettings | undefined => (['1', 'true'].includes(c.req.query('pdfa') ?? '') ? { standard: 'PDF/A-2b' } : undefined);

  const formatOf = (file: string) => {
    const m = /^(.+)\.(pdf|docx)$/.exec(file);
    if (m) return { id: m[1], format: m[2] as Format };
    // the format is named before the template: /render/x.txt is a wrong format, whatever x is
    const ext = /\.([^.]+)$/.exec(file)?.[1];
    throw new CjkReportError('usage', [{ path: 'url', message: ext ? `不支持的格式“${ext}”：可用 pdf、docx（如 /render/<模板>.pdf）` : `“${file}”缺少格式：应为 <模板>.pdf 或 <模板>.docx` }]);
  };

  app.post('/render/:file', limitBody, async (c) => {
    const { id, format } = formatOf(c.req.param('file'));
    knownTemplate(id);
    const allowInconsistent = ['1', 'true'].includes(c.req.query('allowInconsistent') ?? '');
    const t = here(id);
    if (t) return renderHere(c, t, format, allowInconsistent);
    return renderAnswer(c, { kind: 'template', template: id, input: await input(c), format: [format], allowInconsistent, pdf: pdfOf(c) }, format, id);
  });
  for (const format of ['pdf', 'docx'] as const)
    app.post(`/render.${format}`, limitBody, async (c) => renderAnswer(c, { kind: 'model', input: await input(c), format: [format], pdf: pdfOf(c) }, format, 'report'));

  app.post('/validate/:template', limitBody, async (c) => {
    const id = knownTemplate(c.req.param('template'));
    const t = here(id);
    if (t) {
      const { text, syntax } = await input(c);
      const r = checkTemplateData(t, parseText(text, syntax, '(body)', { ...DEFAULT_LIMITS, ...options.limits }), { allowInconsistent: true, limits: options.limits });
      return c.json({ template: id, valid: !r.errors.length, errors: r.errors, warnings: r.warnings });
    }
    const r = await pool.run({ kind: 'validate', template: id, input: await input(c) }, c.req.raw.signal);
    return c.json({ template: id, valid: !r.errors?.length, errors: r.errors ?? [], warnings: r.warnings ?? [] });
  });

  app.post('/audit', limitBody, async (c) => (await import('./audit.js')).auditAnswer(c)); // published reports → findings

  app.get('/templates', (c) => c.json([...templates().filter((t) => !own.has(t.id)), ...[...own.values()].map((t) => ({ id: t.id, title: t.title }))]));
  // the definition as data: labels of every cell, computed fields, rules (id, severity, description)
  app.get('/templates/:id', (c) => {
    const id = knownTemplate(c.req.param('id'));
    return c.json(describeTemplate(own.get(id) ?? getTemplate(id)!));
  });
  app.get('/templates/:id/schema', (c) => {
    const id = knownTemplate(c.req.param('id'));
    return c.json(templateJsonSchema(own.get(id) ?? id));
  });
  app.get('/healthz', (c) => c.json({ ok: true, ...pool.stats }));
  if (options.page) {
    // after the API routes, so they always win; only GET, only files under the page's folder
    const fonts = options.pageAssets ? webAssets(options.pageAssets, '/assets') : undefined;
    if (fonts) app.get('/assets/*', fonts);
    // templates given as module files get their generated forms too: the page imports each module
    // (web/form/user-templates.ts); a template object made in code has no file to send and stays server-only
    const modules = moduleFiles;
    app.get('/page-templates.json', (c) => c.json(modules.map((m, n) => ({ id: m.id, url: `page-templates/${n}.mjs` }))));
    app.get('/page-templates/:file', async (c) => {
      const m = modules[Number(/^(\d+)\.mjs$/.exec(c.req.param('file'))?.[1] ?? NaN)];
      if (!m) return c.notFound();
      c.header('cache-control', 'no-cache');
      return c.body(await readFile(m.file, 'utf8'), 200, { 'content-type': 'text/javascript; charset=utf-8' });
    });
    app.get('*', webAssets(typeof options.page === 'string' ? options.page : undefined));
  }

  return Object.assign(app, { pool, close: () => pool.close() });
}
