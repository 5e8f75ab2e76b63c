import type { Block } from '../../model/blocks.js';
import type { ReportDocument } from '../../model/document.js';
import type { Problem } from '../../model/errors.js';
import { type Inline, inlineRuns } from '../../model/text.js';
import { GridError, resolveGridTable, resolveTreeTable } from '../table/resolve.js';
import { ImageError, decodeBase64Image, imageInfo } from './image.js';
import { breakLines } from '../text/linebreak.js';
import { type BlockStyle, pitchOf, resolveStyle } from './styles.js';
import { layoutTable, tableDefaults } from '../table/index.js';
import { fixedTable } from '../table/fixed-options.js';
import { type TextContext, toPieces } from '../text/measure.js';
import type { FlowBlock, LaidParagraph } from '../types.js';
import { mm } from '../units.js';
import { narrowColumnProblem } from '../fit-check.js';

/** The one place the first-line-indent rule lives: it applies to left-aligned and justified text only. */
export function firstLineIndent(st: BlockStyle): number {
  return st.align === 'center' || st.align === 'right' ? 0 : st.indent * st.size;
}
import { CjkReportError } from '../../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../../limits.js';

/** Space below an image, pt. */
const IMAGE_SPACE_AFTER = 6;

/** Model blocks → flow blocks with fonts resolved, lines broken, tables measured. Problems are collected, not thrown. */
export function buildFlow(doc: ReportDocument, ctx: TextContext, width: number, problems: Problem[], limits: Limits = DEFAULT_LIMITS, height = Infinity): FlowBlock[] {
  const out: FlowBlock[] = [];
  const para = (role: LaidParagraph['role'], text: Inline, st: BlockStyle, where: string, extra: Partial<LaidParagraph> = {}): LaidParagraph => {
    const chars = ctx.chars(inlineRuns(text), st, where);
    const indent = firstLineIndent(st);
    const rightIndent = extra.rightIndent ?? 0;
    return {
      kind: 'paragraph',
      role,
      pieces: toPieces(chars),
      lines: breakLines(chars, width - rightIndent, indent),
      align: st.align,
      size: st.size,
      firstLineIndent: indent,
      rightIndent,
      pitch: pitchOf(st.lineSpacing, st.size),
      spaceBefore: st.spaceBefore,
      spaceAfter: st.spaceAfter,
      keepNext: false,
      ...extra,
    };
  };
  const styled = (kind: Parameters<typeof resolveStyle>[0], b: Partial<BlockStyle>): BlockStyle => {
    const base = resolveStyle(kind, doc.styles);
    const own = Object.fromEntries(Object.entries(b).filter(([k, v]) => v !== undefined && k in base));
    return { ...base, ...own } as BlockStyle;
  };

  doc.blocks.forEach((b: Block, i) => {
    const where = `blocks[${i}]`;
    switch (b.type) {
      case 'title': {
        const p = para('title', b.text, styled('title', b), `${where}.text`, { keepNext: true });
        if (b.spread) spreadTitle(p, mm(b.spread));
        out.push(p);
        break;
      }
      case 'heading':
        out.push(para('heading', b.text, styled(`heading${b.level}`, b), `${where}.text`, { headingLevel: b.level, keepNext: true }));
        break;
      case 'paragraph':
        out.push(para('body', b.text, styled('body', b), `${where}.text`));
        break;
      case 'pageBreak':
        out.push(b.section ? { kind: 'pageBreak', section: true } : { kind: 'pageBreak' });
        break;
      case 'signature': {
        const st = styled('body', { font: b.font, size: b.size, indent: 0, align: 'right', spaceBefore: 0, spaceAfter: 0 });
        const rightIndent = (b.rightIndent ?? 4) * st.size;
        b.lines.forEach((line, k) =>
          out.push(para('signature', line, st, `${where}.lines[${k}]`, { rightIndent, keepNext: k < b.lines.length - 1, spaceBefore: k === 0 ? st.size * 2 : 0 })),
        );
        break;
      }
      case 'image': {
        try {
          const data = decodeBase64Image(b.data);
          const info = imageInfo(data, limits.maxImagePixels, `${where}.data`);
          const w0 = mm(b.width);
          const h0 = b.height ? mm(b.height) : (w0 * info.height) / info.width;
          // too wide or too tall for the text block: scaled down as a whole, so it stays on the page undistorted
          const k = Math.min(1, width / w0, height / h0);
          const w = w0 * k;
          const h = h0 * k;
          out.push({ kind: 'image', data: info.data, format: info.format, width: w, height: h, align: b.align ?? 'center', spaceAfter: IMAGE_SPACE_AFTER });
        } catch (e) {
          if (e instanceof CjkReportError) throw e; // the pixel limit
          // our own checks speak Chinese; anything else thrown while reading the bytes is said plainly, not in the reader's English
          throw new CjkReportError('invalid-image', [{ path: `${where}.data`, message: e instanceof ImageError ? e.message : '图片数据损坏或不完整，无法读取' }]);
        }
        break;
      }
      case 'table':
      case 'grid': {
        // Tables with an id are named by it in messages: tables.applications.rows[3]
        const where = b.id ? `tables.${b.id}` : `blocks[${i}]`;
        try {
          const spec = b.type === 'table' ? resolveTreeTable(b, where) : resolveGridTable(b, where);
          if (b.caption) out.push(para('caption', b.caption, styled('caption', {}), `${where}.caption`, { keepNext: true }));
          if (b.type === 'grid' && b.exactHeights) out.push({ ...fixedTable(b, spec, ctx, tableDefaults(doc.styles, b), where, problems, limits.maxImagePixels), path: where });
          else {
            const table = { ...layoutTable(spec, ctx, tableDefaults(doc.styles, b), width, { id: b.id, repeatHeader: b.repeatHeader }), path: where };
            const narrow = narrowColumnProblem(table);
            if (narrow) problems.push({ path: where, message: narrow });
            out.push(table);
          }
          const noteStyle = styled('body', { size: tableDefaults(doc.styles, b).size, indent: 0, align: 'left', lineSpacing: { multiple: 1.2 } });
          b.notes?.forEach((n, k) => out.push(para('note', n, noteStyle, `${where}.notes[${k}]`)));
        } catch (e) {
          if (e instanceof GridError) problems.push(...e.problems);
          else throw e;
        }
        break;
      }
    }
  });
  return withEffectiveBreaks(out);
}

/**
 * Only the page breaks that start a page: one before content that follows content. A break at the start,
 * at the end, or right after another would make an empty page in one format and none in the other.
 */
function withEffectiveBreaks(blocks: FlowBlock[]): FlowBlock[] {
  const out: FlowBlock[] = [];
  for (const b of blocks) {
    if (b.kind === 'pageBreak' && (!out.length || out[out.length - 1].kind === 'pageBreak')) continue;
    out.push(b);
  }
  while (out.length && out[out.length - 1].kind === 'pageBreak') out.pop();
  return out;
}

/**
 * Letter-spaces a one-line title across `width` pt (the 任免表's 干部任免审批表 spans about 87 mm): the
 * spacing goes after every character but the last, so the text stays centred in both renderers.
 */
function spreadTitle(p: LaidParagraph, width: number): void {
  if (p.lines.length !== 1) return; // a title that wraps is not spread
  const n = [...p.lines[0].pieces.map((x) => x.text).join('')].length;
  const extra = width - p.lines[0].width;
  if (n < 2 || extra <= 0) return;
  p.charSpacing = extra / (n - 1);
}
