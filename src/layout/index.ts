import type { FontRegistry } from '../fonts/registry.js';
import type { ReportDocument } from '../model/document.js';
import { InputError, type Problem } from '../model/errors.js';
import { buildFlow } from './build-flow.js';
import { VERTICAL_FORMS } from './cjk.js';
import { BAND_SIZE, NUMBER_ASCENT, NUMBER_DESCENT, bandDistances, decoratePages } from './page/bands.js';
import { pageNumberParts, pageNumberSides } from './page/page-numbers.js';
import { placeFlow } from './place-flow.js';
import { TextContext, toLine } from './text.js';
import type { LaidOutDocument, LaidPage, Line, PageGeometry, PageNumbering, Piece } from './types.js';
import { PAGE_SIZES_MM, mm } from './units.js';

export * from './types.js';
export { pageNumberChars, pageNumberText } from './page/page-numbers.js';

export interface LayoutOptions {
  registry: FontRegistry;
  /** fixes the document's creation date (reproducible output); otherwise meta.creationDate, else now */
  creationDate?: Date;
  allowFontFallback?: boolean;
}

/** The one place where geometry is decided: model → pages (PDF) and resolved flow (DOCX). */
export function layoutDocument(doc: ReportDocument, opts: LayoutOptions): LaidOutDocument {
  const ctx = new TextContext(opts.registry, opts.allowFontFallback ?? doc.allowFontFallback ?? false);
  const page = geometry(doc, ctx);
  const problems: Problem[] = [];
  const flowWidth = page.width - page.margins.left - page.margins.right;
  const flow = buildFlow(doc, ctx, flowWidth, problems);
  if (ctx.missing.size) {
    for (const [where, chars] of ctx.missing)
      problems.push({ path: where, message: `no font of this text's role has ${[...chars].map((c) => `${c} (U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')})`).join(', ')}; register a font that has them, or allow font fallback` });
  }
  if (problems.length) throw new InputError(problems, 'The report cannot be laid out');
  const pages = placeFlow(flow, page).pages;
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
    const style = numbersIn.style ?? 'plain';
    const position = numbersIn.position ?? 'center';
    numbers = {
      style,
      position,
      parts: pageNumberParts(style),
      sides: pageNumberSides(position),
      size,
      face: ctx.face(numbersIn.font ?? 'serif', false, '—'),
      offset: mm(numbersIn.offset ?? 7),
      inset: (numbersIn.inset ?? 1) * size,
      lineHeight: (NUMBER_ASCENT + NUMBER_DESCENT) * size,
    };
  }
  const small = (text: string | undefined, where: string): Line | undefined =>
    text ? toLine(ctx.chars([{ text }], { font: 'serif', size: BAND_SIZE, bold: false }, where)) : undefined;
  const header = small(setup.header, 'page.header');
  const footer = small(setup.footer, 'page.footer');
  const height = mm(landscape ? w : h);
  const margins = { top: mm(m.top), right: mm(m.right), bottom: mm(m.bottom), left: mm(m.left) };
  return {
    width: mm(landscape ? h : w),
    height,
    margins,
    landscape,
    header,
    footer,
    numbers,
    ...bandDistances({ height, margins, hasHeader: !!header, hasFooter: !!footer, numbers }),
  };
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
