import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { HbSubsetter } from './hb-subset.js';

let shared: Promise<HbSubsetter> | undefined;

/** The process-wide harfbuzz subsetter in Node (the wasm is compiled once). Browsers pass the wasm bytes instead. */
export function nodeSubsetter(): Promise<HbSubsetter> {
  if (!shared) {
    const require = createRequire(import.meta.url);
    shared = readFile(require.resolve('harfbuzzjs/dist/harfbuzz-subset.wasm')).then((b) => HbSubsetter.create(b));
  }
  return shared;
}
