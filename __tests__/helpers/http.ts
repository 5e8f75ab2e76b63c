import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { serve } from '@hono/node-server';

/** Starts a fetch handler on a real loopback socket (port 0) and returns its base URL. */
export function listen(fetch: (req: Request) => Response | Promise<Response>): Promise<{ base: string; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      resolve({ base: `http://127.0.0.1:${info.port}`, close: () => new Promise((r) => {
          (server as Server).closeAllConnections(); // a kept-alive socket would hold close() for 5 s
          (server as Server).close(() => r());
        }) });
    }) as Server;
  });
}

export const tinyModel = { meta: { title: '小' }, blocks: [{ type: 'paragraph', text: '一段文字。' }] };

/** The file name a browser would save: filename*=UTF-8''… decoded. */
export function savedName(disposition: string | null): string | undefined {
  const m = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '');
  return m ? decodeURIComponent(m[1]) : undefined;
}

export const STACK = /\bat .*\.(js|ts):\d+/;

/** Waits (polling every 5 ms, at most `ms`) until `cond` holds. */
export async function until(cond: () => boolean, ms = 20_000): Promise<void> {
  const end = Date.now() + ms;
  while (!cond()) {
    if (Date.now() > end) throw new Error('condition not reached');
    await new Promise((r) => setTimeout(r, 5));
  }
}

/** Opens a worker test gate (WorkerConfig.testGate): every held and later render goes on. */
export function open(gate: Int32Array): void {
  Atomics.store(gate, 0, 1);
  Atomics.notify(gate, 0);
}
