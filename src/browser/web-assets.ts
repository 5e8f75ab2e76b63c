/**
 * Node side of the browser build: the data-entry page, the bundle and the web fonts, served through Hono's
 * serve-static (precompressed Brotli when the client accepts it — `br;q=0` is not accepting —, malformed
 * or `..` paths refused as not found, a root with or without a trailing slash), for `cjk-report serve` to
 * mount at `/` and for a minimal static server. Hashed files are immutable; everything else revalidates.
 */
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono, type MiddlewareHandler } from 'hono';
import { pageFile } from './page-routes.js';

/** dist/browser, where scripts/build-browser.mjs and build-web-assets.mjs write. */
export function webRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url)); // dist/src/browser, or src/browser under ts-jest
  return [join(here, '../../browser'), join(here, '../../dist/browser')].find((d) => existsSync(join(d, 'index.html'))) ?? join(here, '../../browser');
}

const HASHED = /\.[0-9a-f]{12}\.(ttf|wasm)$|\/chunks\/.*-[A-Z0-9]{8}\.js$/;

/**
 * A Hono middleware serving the files under `root` to GET and HEAD; anything else, and a path with no file,
 * goes on to the next handler. The Brotli copies, source maps and the build's meta.json are never served.
 * `prefix` is the mount point (`/assets`) stripped from the request path.
 */
export function webAssets(root = webRoot(), prefix = ''): MiddlewareHandler {
  const files = serveStatic({
    root,
    precompressed: true,
    // /t/<id>/ is every template's generated form (form.html)
    rewriteRequestPath: (p) => pageFile(p.slice(prefix.length) || '/'),
  });
  return async (c, next) => {
    const path = c.req.path;
    if (!path.startsWith(prefix) || /\.(br|map)$|\/meta\.json$/.test(path)) return next();
    const res = await files(c, next);
    if (res instanceof Response && res.status < 300) {
      res.headers.set('cache-control', HASHED.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache');
      res.headers.set('vary', 'accept-encoding');
      res.headers.set('x-content-type-options', 'nosniff');
    }
    return res;
  };
}

/** The files under `root` as a Hono app (404 for anything else, 405 with Allow for other methods). */
export function webAssetsApp(root?: string): Hono {
  const app = new Hono();
  app.use('*', async (c, next) => {
    if (c.req.method !== 'GET' && c.req.method !== 'HEAD') return c.body(null, 405, { allow: 'GET, HEAD' });
    return next();
  });
  app.use('*', webAssets(root));
  app.notFound((c) => c.text('未找到', 404));
  return app;
}

/** A minimal static server for the page. */
export function serveWeb(port = 0, host = '127.0.0.1', root?: string): Promise<Server> {
  const app = webAssetsApp(root);
  return new Promise((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port, hostname: host }, () => resolve(server as Server)) as Server;
    server.once('error', reject);
  });
}
