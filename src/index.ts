/** Node entry: the core with the bundled fonts and harfbuzz loaded from node_modules. */
import { type Format, type RenderResult, renderReport } from './core.js';
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

export async function render(input: unknown, opts: NodeRenderOptions = {}): Promise<RenderResult> {
  const formats = opts.formats ?? ['pdf', 'docx'];
  return renderReport(input, {
    registry: opts.registry ?? bundledRegistry(),
    subsetter: await nodeSubsetter(),
    formats,
    creationDate: opts.creationDate ?? sourceDateEpoch(),
    allowFontFallback: opts.allowFontFallback,
  });
}
