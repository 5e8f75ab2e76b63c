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

/** A table document that takes seconds to lay out and draw (6,000 rows): for time limits and queues. */
export function heavyModel(rows = 6000): object {
  return {
    meta: { title: '大表' },
    blocks: [{ type: 'table', columns: Array.from({ length: 8 }, (_, j) => ({ label: `列${j}` })), rows: Array.from({ length: rows }, (_, i) => Array.from({ length: 8 }, (_, j) => i * 10 + j)) }],
  };
}

export const tinyModel = { meta: { title: '小' }, blocks: [{ type: 'paragraph', text: '一段文字。' }] };

/** The file name a browser would save: filename*=UTF-8''… decoded. */
export function savedName(disposition: string | null): string | undefined {
  const m = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '');
  return m ? decodeURIComponent(m[1]) : undefined;
}

export const STACK = /\bat .*\.(js|ts):\d+/;
