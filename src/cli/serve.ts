/**
 * `cjk-report serve`: the export service on Node. Binds loopback unless --host says otherwise; fonts
 * come from the command line (read here, once), never from a request.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { webRoot } from '../browser/web-assets.js';
import { serve } from '@hono/node-server';
import { createExportApp } from '../server/app.js';
import { CjkReportError } from '../errors.js';
import { UsageError } from './args.js';
import { readFontFlag } from './fonts.js';
import { loadTemplateModule } from '../template-module.js';

export interface ServeOptions {
  port: number;
  host: string;
  fonts: string[];
  cors?: string;
  concurrency?: number;
  queue?: number;
  timeoutMs?: number;
  maxBodyBytes?: number;
  /** serve the 填报 page at / (default true; --no-page turns it off) */
  page?: boolean;
  /** folder made by `cjk-report web-assets`, for the page's fonts */
  webAssets?: string;
  /** --template-module ./x.mjs (repeatable): your templates, served next to the built-in ones */
  templateModules?: string[];
}

export async function startServe(o: ServeOptions): Promise<number> {
  const fonts = o.fonts.map(readFontFlag);
  const page = o.page ?? true;
  const pageFonts = o.webAssets ?? join(webRoot(), 'assets');
  if (o.webAssets && !existsSync(join(o.webAssets, 'web-fonts.json'))) throw new UsageError(`--web-assets ${o.webAssets}：没有 web-fonts.json，请先运行 cjk-report web-assets ${o.webAssets}`);
  if (page && !existsSync(join(pageFonts, 'web-fonts.json')))
    process.stderr.write(`cjk-report serve: 填报页面的字体尚未生成，页面能打开但不能导出；请运行 cjk-report web-assets <目录>，再以 --web-assets <目录> 启动\n`);
  const templates = [];
  for (const m of o.templateModules ?? []) templates.push(await loadTemplateModule(m));
  const app = createExportApp({ templates, fonts, cors: o.cors, concurrency: o.concurrency, queue: o.queue, timeoutMs: o.timeoutMs, maxBodyBytes: o.maxBodyBytes, page, pageAssets: o.webAssets });
  const server = serve({ fetch: app.fetch, port: o.port, hostname: o.host }, (info) => {
    process.stderr.write(`cjk-report serve: listening on http://${info.family === 'IPv6' ? `[${info.address}]` : info.address}:${info.port} (${app.pool.concurrency} workers, queue ${app.pool.queue}, time limit ${app.pool.timeoutMs / 1000} s)\n`);
  });
  return new Promise((resolve, reject) => {
    // listen errors arrive as an 'error' event: said in Chinese, exit 2, never Node's unhandled stack
    server.once('error', (e: NodeJS.ErrnoException) => {
      void app.close();
      reject(listenError(e, o.host, o.port));
    });
    const stop = () => {
      server.close();
      void app.close().then(() => resolve(0));
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  });
}

function listenError(e: NodeJS.ErrnoException, host: string, port: number): CjkReportError {
  const why: Record<string, string> = {
    EADDRINUSE: `端口 ${port} 已被占用（另一个程序或另一个 serve 正在使用）；请换一个 --port`,
    EADDRNOTAVAIL: `本机没有地址 ${host}；--host 应为本机的地址，如 127.0.0.1、0.0.0.0 或 ::`,
    ENOTFOUND: `无法解析主机名 ${host}；--host 应为本机的地址或可解析的主机名`,
    EAI_AGAIN: `暂时无法解析主机名 ${host}（DNS 无应答）；可直接用 IP 地址，如 127.0.0.1`,
    EACCES: `没有权限监听 ${host}:${port}（1024 以下的端口需要管理员权限）；请换一个 --port`,
  };
  const message = (e.code && why[e.code]) ?? `无法在 ${host}:${port} 上监听（${e.code ?? e.message}）`;
  return new CjkReportError('usage', [{ path: '--host/--port', message }], '无法启动服务');
}

export function intOption(v: string | undefined, name: string, min = 0, max = Number.MAX_SAFE_INTEGER): number | undefined {
  if (v === undefined) return undefined;
  if (!/^\d+$/.test(v) || Number(v) < min || Number(v) > max) throw new UsageError(`--${name} 应为${max === Number.MAX_SAFE_INTEGER ? `不小于 ${min} ` : ` ${min} 到 ${max} 之间`}的整数，实为“${v}”`);
  return Number(v);
}
