/**
 * One export in the worker: check template data, plan the fonts by need, fetch only those files (from the
 * Cache API when a previous export fetched them), lay out and render with the same core as Node.
 */
import { deflateSync } from 'fflate';
import { renderReport } from '../core.js';
import { InconsistentDataError, UnknownTemplateError, asCjkReportError } from '../errors.js';
import type { Face } from '../fonts/face.js';
import { HbSubsetter } from '../fonts/hb-subset.js';
import { type WebFontFile, type WebFontManifest, coverageFace, fontNeeds, manifestCoverage, planFontFetches } from '../fonts/needs.js';
import { FontRegistry } from '../fonts/registry.js';
import { BUNDLED_ROLES } from '../fonts/roles.js';
import { parseReport } from '../model/parse.js';
import { getTemplate, listTemplates } from '../../templates/index.js';
import { type DoneMessage, type ExportRequest, type ExportProgress, fileNameFor } from './protocol.js';

const CACHE = 'cjk-report-assets-v1';

/** Fetches a hashed (immutable) asset, from the Cache API when it is there; counts network bytes. */
async function fetchAsset(base: string, file: string, counter: { fetched: number }): Promise<{ bytes: Uint8Array; cached: boolean }> {
  const url = new URL(file, base).href;
  const cache = typeof caches !== 'undefined' ? await caches.open(CACHE).catch(() => undefined) : undefined;
  const hit = await cache?.match(url);
  if (hit) return { bytes: new Uint8Array(await hit.arrayBuffer()), cached: true };
  const res = await fetch(url);
  if (!res.ok) throw new Error(`${url}: HTTP ${res.status}`);
  const bytes = new Uint8Array(await res.clone().arrayBuffer());
  // bytes over the wire (Brotli-encoded), as Resource Timing reports them; the decoded size if it cannot
  const timing = performance.getEntriesByName(url).at(-1) as PerformanceResourceTiming | undefined;
  counter.fetched += timing?.encodedBodySize || bytes.byteLength;
  await cache?.put(url, res).catch(() => undefined);
  return { bytes, cached: false };
}

let manifest: Promise<WebFontManifest> | undefined;
let subsetter: Promise<HbSubsetter> | undefined;
const fontBytes = new Map<string, Uint8Array>();

export async function runExport(req: ExportRequest, progress: (p: Omit<ExportProgress, 'type' | 'id' | 'fetched'>) => void, counter = { fetched: 0 }): Promise<Omit<DoneMessage, 'type' | 'id'>> {
  const t0 = performance.now();
  progress({ stage: 'check' });
  let model: unknown = req.input;
  const warnings = [];
  // the file is named as the CLI and the HTTP service name it: by the template, else by the title
  let name: string | undefined;
  if (req.template) {
    const t = getTemplate(req.template);
    if (!t) throw new UnknownTemplateError(req.template, listTemplates().map((x) => x.id));
    const r = t.check(req.input, { previous: req.previous });
    if (r.errors.length && !req.allowInconsistent) throw new InconsistentDataError(r.errors);
    warnings.push(...(req.allowInconsistent ? r.errors : []), ...r.warnings);
    model = t.build(r.data);
    name = t.fileName?.(r.data);
  }
  const doc = parseReport(model);

  progress({ stage: 'plan' });
  manifest ??= fetchAsset(req.assetsUrl, 'web-fonts.json', counter).then(({ bytes }) => JSON.parse(new TextDecoder().decode(bytes)) as WebFontManifest);
  const m = await manifest.catch((e) => {
    manifest = undefined;
    throw e;
  });
  const { coverage } = manifestCoverage(m);
  const needs = fontNeeds(doc, coverage, BUNDLED_ROLES, { allowFontFallback: doc.allowFontFallback });
  const plan = planFontFetches(needs, m);

  progress({ stage: 'fonts', detail: plan.map((p) => `${p.family} ${p.bold ? '粗体' : '常规'} ${p.part === 'full' ? '完整' : '常用字'}`).join('、') });
  const fonts = await Promise.all(
    plan.map(async (p) => {
      const known = fontBytes.get(p.file.file);
      if (known) return { p, bytes: known, cached: true };
      const got = await fetchAsset(req.assetsUrl, p.file.file, counter);
      fontBytes.set(p.file.file, got.bytes);
      return { p, ...got };
    }),
  );
  // Faces the plan did not fetch keep coverage-only stand-ins: the real layout picks them for no character.
  const reg = new FontRegistry(BUNDLED_ROLES);
  for (const family of Object.keys(m.families)) {
    const stub = (bold: boolean): Face => coverageFace(family, bold, coverage[family]);
    const real = (bold: boolean) => fonts.find((f) => f.p.family === family && f.p.bold === bold);
    const r = real(false);
    const b = real(true);
    if (r || b) reg.register(family, { regular: (r ?? b)!.bytes, bold: b?.bytes });
    else reg.registerFaces(family, { regular: stub(false), bold: stub(true) });
  }

  // both formats embed harfbuzz subsets (the PDF too: faster than fontkit's and the same bytes as from Node)
  let sub: HbSubsetter | undefined;
  {
    progress({ stage: 'wasm' });
    subsetter ??= fetchAsset(req.assetsUrl, m.wasm.file, counter).then(({ bytes }) => HbSubsetter.create(bytes as Uint8Array<ArrayBuffer>));
    sub = await subsetter.catch((e) => {
      subsetter = undefined;
      throw e;
    });
  }
  progress({ stage: 'render' });
  const out = await renderReport(doc, {
    registry: reg,
    subsetter: sub,
    // the DOCX zip's raw deflate (Node passes node:zlib's); fflate is in the bundle already for pdfkit
    deflate: (data: Uint8Array, level: number) => deflateSync(data, { level: level as 6 }),
    formats: [req.format],
    creationDate: req.creationDate !== undefined ? new Date(req.creationDate) : undefined,
    allowFontFallback: doc.allowFontFallback,
  });
  const bytes = (req.format === 'pdf' ? out.pdf : out.docx)!;
  return {
    bytes,
    fileName: fileNameFor(name ?? doc.meta?.title, req.format),
    warnings,
    fonts: fonts.map((f) => ({ family: f.p.family, bold: f.p.bold, part: f.p.part, cached: f.cached })),
    ms: Math.round(performance.now() - t0),
  };
}

export function errorBody(e: unknown) {
  const err = asCjkReportError(e);
  return { code: err.code, title: err.title, problems: err.problems };
}
export type { WebFontFile };
