/** cjk-report/server: the export service (Hono app), its worker pool, and a Node listener for Express/Koa/Fastify. */
import { getRequestListener } from '@hono/node-server';
import type { ExportApp } from './app.js';

export { createExportApp, type ExportApp, type ExportAppOptions } from './app.js';
export { RenderPool, type PoolOptions } from './pool.js';
export { contentDisposition } from './disposition.js';
// serves a `cjk-report web-assets <dir>` folder (precompressed Brotli when accepted, hashed files immutable)
export { webAssets, webAssetsApp } from '../browser/web-assets.js';

/**
 * A Node (req, res) listener for the app: `expressApp.use('/export', nodeHandler(app))`. Mount it before
 * any body parser (it reads the raw body itself).
 */
export function nodeHandler(app: ExportApp | { fetch: (req: Request) => Response | Promise<Response> }) {
  return getRequestListener((req) => app.fetch(req));
}
