import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

/** Starts a fetch handler on a real loopback socket (port 0) and returns its base URL. */
export function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ base: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({ base: `http://127.0.0.1:${info.port}`, close: () => new Promise((r) => (server as Server).close(() => r())) });
    }) as Server;
  });
}

/**
 * Tables that take seconds to lay out and draw (4,000 rows × 8 each): for time limits and queues. Kept
 * inside the default limits (rows, cells, pages), so it is slow, not refused.
 */
export function heavyModel(tables = 1): object {
  const table = { type: 'table', columns: Array.from({ length: 8 }, (_, j) => ({ label: `列${j}` })), rows: Array.from({ length: 4000 }, (_, i) => Array.from({ length: 8 }, (_, j) => i * 10 + j)) };
  return { meta: { title: '大表' }, blocks: Array.from({ length: tables }, () => table) };
}

export const tinyModel = { meta: { title: '小' }, blocks: [{ type: 'paragraph', text: '一段文字。' }] };

/** The file name a browser would save: filename*=UTF-8''… decoded. */
export function savedName(disposition: string | null): string | undefined {
  const m = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '');
  return m ? decodeURIComponent(m[1]) : undefined;
}

export const STACK = /\bat .*\.(js|ts):\d+/;
