/** The export app mounted in an Express server under a prefix, next to the host's own routes. */
import './helpers/dist.js'; // first: refuses a stale build before it is loaded
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { readFileSync } from 'node:fs';
import express from 'express';
import { createExportApp, nodeHandler } from '../dist/src/server/index.js';
import { savedName } from './helpers/http.js';

test('Express: app.use("/export", nodeHandler(exportApp)) renders, validates and keeps the host routes', async () => {
  const exportApp = createExportApp({ concurrency: 1, log: false });
  const host = express();
  host.get('/own', (_req, res) => void res.json({ mine: true }));
  host.use('/export', nodeHandler(exportApp));
  const server: Server = await new Promise((r) => {
    const s = host.listen(0, '127.0.0.1', () => r(s));
  });
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  try {
    const r = await fetch(`${base}/export/render/gov-info-annual-report-2019.pdf`, {
      method: 'POST',
      headers: { 'content-type': 'application/yaml' },
      body: readFileSync('examples/fangzheng-2020/fangzheng-2020.yaml'),
    });
    expect(r.status).toBe(200);
    expect(Buffer.from(await r.arrayBuffer()).subarray(0, 5).toString()).toBe('%PDF-');
    expect(savedName(r.headers.get('content-disposition'))).toBe('方正县营商环境建设监督局2020年政府信息公开工作年度报告.pdf');
    expect((await fetch(`${base}/export/healthz`)).status).toBe(200);
    expect(await (await fetch(`${base}/own`)).json()).toEqual({ mine: true });
  } finally {
    await new Promise((r) => server.close(r));
    await exportApp.close();
  }
});
