/**
 * The export service as a Hono app: Web-standard Request → Response, so it runs on Node
 * (@hono/node-server), in Next.js route handlers, Bun, Deno and Workers-like hosts alike. Renders run
 * in a bounded worker pool; the event loop only routes, reads bodies and answers /healthz.
 */
import { randomUUID } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { webAssets } from '../browser/web-assets.js';
import { type Format, templateJsonSchema, templates } from '../core.js';
import { CjkReportError, HTTP_STATUS, UnknownTemplateError, asCjkReportError } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { getTemplate, listTemplates } from '../../templates/index.js';
import { syntaxOf } from './body.js';
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

export function createExportApp(options: ExportAppOptions = {}): ExportApp {
  const pool = new RenderPool({
    concurrency: options.concurrency,
    queue: options.queue,
    timeoutMs: options.timeoutMs,
    worker: { fonts: options.fonts, limits: options.limits, creationDate: options.creationDate?.toISOString() },
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
  app.notFound((c) => c.json({ code: 'not-found', title: '没有这个地址', problems: [{ path: c.req.path, message: '可用：POST /render/<模板>.pdf|.docx、POST /render.pdf|.docx、POST /validate/<模板>、POST /audit、GET /templates、GET /templates/<模板>/schema、GET /healthz' }] }, 404));

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
    // fatal UTF-8 decoding: a GBK body is refused by name, not rendered as replacement characters
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(await c.req.arrayBuffer());
    } catch {
      throw new CjkReportError('unreadable-input', [{ path: '(body)', message: '不是 UTF-8 编码的文本（GBK 等编码请先转换为 UTF-8）' }]);
    }
    return { text, syntax };
  }

  function knownTemplate(id: string) {
    if (!getTemplate(id)) throw new UnknownTemplateError(id, listTemplates().map((t) => t.id));
    return id;
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

  const formatOf = (file: string) => {
    const m = /^(.+)\.(pdf|docx)$/.exec(file);
    if (!m) throw new CjkReportError('unknown-template', [{ path: 'url', message: `“${file}”应为 <模板>.pdf 或 <模板>.docx` }]);
    return { id: m[1], format: m[2] as Format };
  };

  app.post('/render/:file', limitBody, async (c) => {
    const { id, format } = formatOf(c.req.param('file'));
    knownTemplate(id);
    const allowInconsistent = ['1', 'true'].includes(c.req.query('allowInconsistent') ?? '');
    return renderAnswer(c, { kind: 'template', template: id, input: await input(c), format: [format], allowInconsistent }, format, id);
  });
  for (const format of ['pdf', 'docx'] as const)
    app.post(`/render.${format}`, limitBody, async (c) => renderAnswer(c, { kind: 'model', input: await input(c), format: [format] }, format, 'report'));

  app.post('/validate/:template', limitBody, async (c) => {
    const id = knownTemplate(c.req.param('template'));
    const r = await pool.run({ kind: 'validate', template: id, input: await input(c) });
    return c.json({ template: id, valid: !r.errors?.length, errors: r.errors ?? [], warnings: r.warnings ?? [] });
  });

  app.post('/audit', limitBody, async (c) => (await import('./audit.js')).auditAnswer(c)); // published reports → findings

  app.get('/templates', (c) => c.json(templates()));
  app.get('/templates/:id/schema', (c) => c.json(templateJsonSchema(knownTemplate(c.req.param('id')))));
  app.get('/healthz', (c) => c.json({ ok: true, ...pool.stats }));
  if (options.page) {
    // after the API routes, so they always win; only GET, only files under the page's folder
    const assets = webAssets(typeof options.page === 'string' ? options.page : undefined);
    const fonts = options.pageAssets ? webAssets(options.pageAssets) : undefined;
    app.get('*', (c) => {
      const path = c.req.path;
      const a = fonts && path.startsWith('/assets/') ? fonts(path.slice('/assets'.length), c.req.header('accept-encoding')) : assets(path, c.req.header('accept-encoding'));
      return a ? c.body(a.body as Uint8Array<ArrayBuffer>, a.status as 200, a.headers) : c.notFound();
    });
  }

  return Object.assign(app, { pool, close: () => pool.close() });
}
