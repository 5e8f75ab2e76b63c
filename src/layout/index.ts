import type { FontRegistry } from '../fonts/registry.js';
import type { ReportDocument } from '../model/document.js';
import { FontCoverageError } from '../errors.js';
import { InputError, type Problem } from '../model/errors.js';
import { buildFlow } from './flow/build.js';
import { decoratePages } from './page/bands.js';
import { geometry } from './page/geometry.js';
import { placeFlow } from './flow/place.js';
import { checkFits } from './fit-check.js';
import { type Limits, limitExceeded, resolveLimits } from '../limits.js';
import { TextContext } from './text/measure.js';
import type { LaidOutDocument, LaidPage, Piece } from './types.js';

export * from './types.js';
export { pageNumberChars, pageNumberText } from './page/page-numbers.js';

export interface LayoutOptions {
  registry: FontRegistry;
  /** fixes the document's creation date (reproducible output); otherwise meta.creationDate, else now */
  creationDate?: Date;
  allowFontFallback?: boolean;
  /** resource limits (pages, image pixels); the model-level ones are checked by parseReport */
  limits?: Partial<Limits>;
  /**
   * Lay out only to learn the faces and characters (fonts/needs.ts, with placeholder faces 1 em wide): the
   * geometry is not the real one, so what does not fit is not reported; the real layout reports it.
   */
  coverageOnly?: boolean;
}

/** The one place where geometry is decided: model → pages (PDF) and resolved flow (DOCX). */
export function layoutDocument(doc: ReportDocument, opts: LayoutOptions): LaidOutDocument {
  const limits = resolveLimits(opts.limits);
  const ctx = new TextContext(opts.registry, opts.allowFontFallback ?? doc.allowFontFallback ?? false);
  const page = geometry(doc, ctx);
  const problems: Problem[] = [];
  const flowWidth = page.width - page.margins.left - page.margins.right;
  const flowHeight = page.height - page.margins.top - page.margins.bottom;
  const flow = buildFlow(doc, ctx, flowWidth, problems, limits, flowHeight);
  if (!opts.coverageOnly) checkFits(flow, page, problems);
  const fallback = opts.allowFontFallback ?? doc.allowFontFallback ?? false;
  const coverage: Problem[] = [];
  if (ctx.missing.size) {
    for (const [where, chars] of ctx.missing)
      coverage.push({ path: where, message: missingCharsMessage(chars, fallback) });
  }
  if (problems.length && !opts.coverageOnly) throw new InputError([...problems, ...coverage], '报告无法排版');
  if (ctx.missing.size) throw new FontCoverageError(coverage);
  const pages = placeFlow(flow, page).pages;
  if (pages.length > limits.maxPages) throw limitExceeded('maxPages', limits.maxPages, pages.length, 'blocks');
  decoratePages(pages, page);
  const creationDate = opts.creationDate ?? (doc.meta.creationDate ? new Date(doc.meta.creationDate) : new Date());
  return { meta: { ...doc.meta, creationDate }, page, flow, pages, used: collectUsed(flow, pages) };
}

/** Which characters, by code point (an emoji or a rare 汉字 may look like nothing), and what the user can do. */
function missingCharsMessage(chars: Iterable<string>, fallback: boolean): string {
  const list = [...chars].map((c) => `${c}（U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}）`).join('、');
  // with fallback on, every registered font was tried already: suggesting the flag would send the user in a circle
  return fallback
    ? `所有已注册的字体都没有 ${list}；请注册含这些字符的字体`
    : `此文字所用角色的字体没有 ${list}；请注册含这些字符的字体，或允许字体回退（allowFontFallback / --allow-font-fallback）`;
}

function collectUsed(flow: LaidOutDocument['flow'], pages: LaidPage[]): LaidOutDocument['used'] {
  const used: LaidOutDocument['used'] = new Map();
  const add = (pieces: Piece[]) => {
    for (const pc of pieces) {
      let u = used.get(pc.face.key);
      if (!u) used.set(pc.face.key, (u = { face: pc.face, codePoints: new Set() }));
      // stacked punctuation is drawn in its vertical form: the subsets need both
      for (const ch of pc.text + (pc.verticalForms ?? '')) if (ch !== '\n') u.codePoints.add(ch.codePointAt(0)!);
    }
  };
  for (const p of pages) for (const op of p.ops) if (op.kind === 'text') add(op.pieces);
  for (const b of flow) if (b.kind === 'paragraph') add(b.pieces);
  return used;
}
