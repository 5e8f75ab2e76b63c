#!/usr/bin/env node
// The browser build's web assets (fonts as common + full files, harfbuzz's wasm, raw and .br) into
// dist/browser/assets, by the same code users run with `cjk-report web-assets <dir>` (src/fonts/web-assets.ts;
// `npm run build` first). They are not in the package: built from its fonts/ on the user's side.
import { buildWebAssets } from '../dist/src/fonts/web-assets.js';

const m = await buildWebAssets('dist/browser/assets');
for (const face of m.faces)
  console.log(`${face.family} ${face.bold ? 'bold' : 'regular'}: common ${face.common.brotli} B br (${face.common.bytes} raw), full ${face.full.brotli} B br (${face.full.bytes} raw)`);
console.log(`harfbuzz wasm: ${m.wasm.brotli} B br (${m.wasm.bytes} raw)`);
