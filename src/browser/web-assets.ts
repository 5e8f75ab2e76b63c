/**
 * Node side of the browser build: the data-entry page, the bundle and the web fonts as a plain handler
 * (path → bytes, content type, headers), for `cjk-report serve` to mount at `/` and for a minimal static
 * server. Precompressed Brotli files are sent when the client accepts them; hashed files are immutable.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, join, normalize, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { pageFile } from './page-routes.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};

export interface WebAsset {
  status: number;
  body: Uint8Array;
  headers: Record<string, string>;
}

/** dist/browser, where scripts/build-browser.mjs and build-web-assets.mjs write. */
export function webRoot(): string {
  const here = dirname(fileURLToPath(import.meta.url)); // dist/src/browser, or src/browser under ts-jest
  return [join(here, '../../browser'), join(here, '../../dist/browser')].find((d) => existsSync(join(d, 'index.html'))) ?? join(here, '../../browser');
}

export function webAssets(root = webRoot()): (path: string, acceptEncoding?: string) => WebAsset | undefined {
  const cache = new Map<string, Uint8Array>();
  const read = (file: string) => {
    let b = cache.get(file);
    if (!b) cache.set(file, (b = readFileSync(file)));
    return b;
  };
  return (urlPath, acceptEncoding = '') => {
    const rel = pageFile(decodeURIComponent(urlPath.split('?')[0]).replace(/^\/+/, '')) || 'index.html';
    const file = normalize(join(root, rel));
    if (!file.startsWith(root + sep) || rel.endsWith('.br') || rel.endsWith('.map') || rel === 'meta.json') return undefined;
    if (!existsSync(file) || !statSync(file).isFile()) return undefined;
    const ext = rel.slice(rel.lastIndexOf('.'));
    const hashed = /\.[0-9a-f]{12}\.(ttf|wasm)$/.test(rel) || /^chunks\/.*-[A-Z0-9]{8}\.js$/.test(rel);
    const headers: Record<string, string> = {
      'content-type': TYPES[ext] ?? 'application/octet-stream',
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      vary: 'accept-encoding',
      'x-content-type-options': 'nosniff',
    };
    if (/\bbr\b/.test(acceptEncoding) && existsSync(`${file}.br`)) {
      headers['content-encoding'] = 'br';
      return { status: 200, body: read(`${file}.br`), headers };
    }
    return { status: 200, body: read(file), headers };
  };
}

/** A minimal static server for the page (until `cjk-report serve` mounts webAssets() at /). */
export function serveWeb(port = 0, host = '127.0.0.1', root?: string): Promise<Server> {
  const assets = webAssets(root);
  const server = createServer((req, res) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405, { allow: 'GET, HEAD' }).end();
      return;
    }
    const a = assets(req.url ?? '/', String(req.headers['accept-encoding'] ?? ''));
    if (!a) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('未找到');
      return;
    }
    res.writeHead(a.status, { ...a.headers, 'content-length': String(a.body.byteLength) });
    res.end(req.method === 'HEAD' ? undefined : a.body);
  });
  return new Promise((resolve) => server.listen(port, host, () => resolve(server)));
}
