/** Node entry: the core with the bundled fonts, harfbuzz loaded from node_modules and node:zlib for the DOCX zip. */
import * as zlib from 'node:zlib';
import { type Crc32, type DeflateRaw, type DocxOptions, type Format, type RenderResult, renderDocx as renderDocxCore, renderReport } from './core.js';
import type { LaidOutDocument } from './layout/types.js';
import { bundledRegistry, newBundledRegistry } from './fonts/bundled.js';
import { nodeSubsetter } from './fonts/hb-wasm-node.js';
import type { FontRegistry } from './fonts/registry.js';

export * from './core.js';
export * from './model/index.js';
export { FontRegistry } from './fonts/registry.js';
export { HbSubsetter } from './fonts/hb-subset.js';
export { bundledRegistry, newBundledRegistry, nodeSubsetter };

export interface NodeRenderOptions {
  formats?: Format[];
  registry?: FontRegistry;
  creationDate?: Date;
  allowFontFallback?: boolean;
}

/** SOURCE_DATE_EPOCH (seconds) fixes every date written into the output, for reproducible builds. */
export function sourceDateEpoch(env: Record<string, string | undefined> = process.env): Date | undefined {
  const v = env.SOURCE_DATE_EPOCH;
  if (!v || !/^\d+$/.test(v)) return undefined;
  return new Date(Number(v) * 1000);
}

/** node:zlib's raw deflate, several times faster than fflate's on Node. */
export const nodeDeflate: DeflateRaw = (data, level) => zlib.deflateRawSync(data, { level });
/** zlib.crc32 exists from Node 20.15 / 22.2; older versions fall back to the core's own. */
const nodeCrc32 = (zlib as { crc32?: Crc32 }).crc32;

/** renderDocx of the core, zipping with node:zlib unless told otherwise. */
export function renderDocx(doc: LaidOutDocument, opts: DocxOptions): Promise<Uint8Array> {
  return renderDocxCore(doc, { deflate: nodeDeflate, crc32: nodeCrc32, ...opts });
}

export async function render(input: unknown, opts: NodeRenderOptions = {}): Promise<RenderResult> {
  const formats = opts.formats ?? ['pdf', 'docx'];
  return renderReport(input, {
    registry: opts.registry ?? bundledRegistry(),
    subsetter: await nodeSubsetter(),
    deflate: nodeDeflate,
    crc32: nodeCrc32,
    formats,
    creationDate: opts.creationDate ?? sourceDateEpoch(),
    allowFontFallback: opts.allowFontFallback,
  });
}
