import type { FontRegistry } from '../fonts/registry.js';
import type { ReportDocument } from '../model/document.js';
import { InputError, type Problem } from '../model/errors.js';
import { buildFlow } from './build-flow.js';
import { VERTICAL_FORMS } from './cjk.js';
import { EM_CENTER, alignX } from './page-flow.js';
import { placeFlow } from './place-flow.js';
import { checkFits } from './fit-check.js';
import { TextContext, toLine } from './text.js';
import type { LaidOutDocument, LaidPage, Line, PageGeometry, PageNumbering, Piece } from './types.js';
import { PAGE_SIZES_MM, mm, r3 } from './units.js';
import { type Limits, limitExceeded, resolveLimits } from '../limits.js';

export * from './types.js';

export interface LayoutOptions {
  registry: FontRegistry;
  /** fixes the document's creation date (reproducible output); otherwise meta.creationDate, else now */
  creationDate?: Date;
  allowFontFallback?: boolean;
  /** resource limits (pages, image pixels); the model-level ones are checked by parseReport */
  limits?: Partial<Limits>;
}

/** The one place where geometry is decided: model → pages (PDF) and resolved flow (DOCX). */
export function layoutDocument(doc: ReportDocument, opts: LayoutOptions): LaidOutDocument {
  const limits = resolveLimits(opts.limits);
  const ctx = new TextContext(opts.registry, opts.allowFontFallback ?? doc.allowFontFallback ?? false);
  const page = geometry(doc, ctx);
  const problems: Problem[] = [];
  const flowWidth = page.width - page.margins.left - page.margins.right;
  const flow = buildFlow(doc, ctx, flowWidth, problems, limits);
  checkFits(flow, page, problems);
  const fallback = opts.allowFontFallback ?? doc.allowFontFallback ?? false;
  if (ctx.missing.size) {
    for (const [where, chars] of ctx.missing)
      problems.push({ path: where, message: `no font of this text's role has ${[...chars].map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ')}; ${fallback ? 'no registered font has them either; register a font that has them' : 'register a font that has them, or allow font fallback'}` });
  }
  if (problems.length) throw new InputError(problems, 'The report cannot be laid out');
  const pages = placeFlow(flow, page).pages;
  if (pages.length > limits.maxPages) throw limitExceeded('maxPages', limits.maxPages, pages.length, 'blocks');
  decoratePages(pages, page);
  const creationDate = opts.creationDate ?? (doc.meta.creationDate ? new Date(doc.meta.creationDate) : new Date());
  return { meta: { ...doc.meta, creationDate }, page, flow, pages, used: collectUsed(flow, pages) };
}

function geometry(doc: ReportDocument, ctx: TextContext): PageGeometry {
  const setup = doc.page ?? {};
  const [w, h] = PAGE_SIZES_MM[setup.size ?? 'A4'];
  const landscape = setup.orientation === 'landscape';
  const m = setup.margins ?? { top: 25, right: 25, bottom: 25, left: 25 };
  const numbersIn = setup.pageNumbers === false ? undefined : (setup.pageNumbers ?? {});
  let numbers: PageNumbering | undefined;
  if (numbersIn) {
    const size = numbersIn.size ?? 10.5;
    numbers = {
      style: numbersIn.style ?? 'plain',
      position: numbersIn.position ?? 'center',
      size,
      face: ctx.face(numbersIn.font ?? 'serif', false, '—'),
      offset: mm(numbersIn.offset ?? 7),
      inset: (numbersIn.inset ?? 1) * size,
    };
  }
  const small = (text: string | undefined, where: string): Line | undefined =>
    text ? toLine(ctx.chars([{ text }], { font: 'serif', size: 9, bold: false }, where)) : undefined;
  return {
    width: mm(landscape ? h : w),
    height: mm(landscape ? w : h),
    margins: { top: mm(m.top), right: mm(m.right), bottom: mm(m.bottom), left: mm(m.left) },
    landscape,
    header: small(setup.header, 'page.header'),
    footer: small(setup.footer, 'page.footer'),
    numbers,
  };
}

export function pageNumberText(style: PageNumbering['style'], page: number, total: number): string {
  if (style === 'dash') return `— ${page} —`;
  if (style === 'page-of') return `第 ${page} 页 共 ${total} 页`;
  return String(page);
}

/** Page numbers, header and footer text, once the page count is known. */
function decoratePages(pages: LaidPage[], g: PageGeometry): void {
  const left = g.margins.left;
  const width = g.width - g.margins.left - g.margins.right;
  const bottom = g.height - g.margins.bottom;
  pages.forEach((p, i) => {
    const n = g.numbers;
    if (n) {
      const text = pageNumberText(n.style, i + 1, pages.length);
      const line = toLine([...text].map((ch) => ({ ch, cp: ch.codePointAt(0)!, face: n.face, size: n.size })));
      const pos = n.position === 'outside' ? ((i + 1) % 2 === 1 ? 'right' : 'left') : n.position;
      const x = pos === 'left' ? left + n.inset : pos === 'right' ? left + width - n.inset - line.width : alignX('center', left, width, line.width);
      p.ops.push({ kind: 'text', x: r3(x), baseline: r3(bottom + n.offset + 0.88 * n.size), pieces: line.pieces, width: r3(line.width) });
    }
    const band = (line: Line | undefined, baseline: number) => {
      if (line) p.ops.push({ kind: 'text', x: r3(alignX('center', left, width, line.width)), baseline: r3(baseline), pieces: line.pieces, width: r3(line.width) });
    };
    band(g.header, g.margins.top / 2 + EM_CENTER * 9);
    band(g.footer, g.height - g.margins.bottom / 3 + EM_CENTER * 9);
  });
}

function collectUsed(flow: LaidOutDocument['flow'], pages: LaidPage[]): LaidOutDocument['used'] {
  const used: LaidOutDocument['used'] = new Map();
  const add = (pieces: Piece[]) => {
    for (const pc of pieces) {
      let u = used.get(pc.face.key);
      if (!u) used.set(pc.face.key, (u = { face: pc.face, codePoints: new Set() }));
      for (const ch of pc.text) {
        if (ch === '\n') continue;
        u.codePoints.add(ch.codePointAt(0)!);
        const v = pc.vert ? VERTICAL_FORMS[ch] : undefined;
        if (v) u.codePoints.add(v.codePointAt(0)!);
      }
    }
  };
  for (const p of pages) for (const op of p.ops) if (op.kind === 'text') add(op.pieces);
  for (const b of flow) if (b.kind === 'paragraph') add(b.pieces);
  return used;
}
