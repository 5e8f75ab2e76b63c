/**
 * Paragraphs (w:p) of the body. Word breaks the lines of flow paragraphs itself; the layout's pitch,
 * spacing and indents are written in twips, so it fits the same text per line as the PDF.
 */
import type { LaidParagraph } from '../../layout/types.js';
import { toTwips } from '../../layout/units.js';
import type { Align } from '../../model/text.js';
import { runs, spacedRuns } from './run.js';

/** ST_Jc as the transitional schema spells it. */
export function jc(a: Align): string {
  return `<w:jc w:val="${a === 'justify' ? 'both' : a}"/>`;
}

/** w:spacing with an exact line pitch (pt). */
export function exactSpacing(before: number, after: number, pitch: number): string {
  return `<w:spacing w:before="${toTwips(before)}" w:after="${toTwips(after)}" w:line="${toTwips(pitch)}" w:lineRule="exact"/>`;
}

/** Word styles carry the structure (navigation pane); the look comes from the runs. */
function styleId(p: LaidParagraph): string | undefined {
  if (p.role === 'title') return 'Title';
  if (p.role === 'heading' && p.headingLevel) return `Heading${p.headingLevel}`;
  return undefined;
}

export function paragraph(p: LaidParagraph, pageBreakBefore = false): string {
  const style = styleId(p);
  const first = p.firstLineIndent;
  const ind = first || p.rightIndent ? `<w:ind${p.rightIndent ? ` w:right="${toTwips(p.rightIndent)}"` : ''}${first ? ` w:firstLine="${toTwips(first)}"` : ''}/>` : '';
  // CT_PPrBase order: pStyle, keepNext, pageBreakBefore, spacing, ind, jc
  const pPr =
    (style ? `<w:pStyle w:val="${style}"/>` : '') +
    (p.keepNext ? '<w:keepNext/>' : '') +
    (pageBreakBefore ? '<w:pageBreakBefore/>' : '') +
    exactSpacing(p.spaceBefore, p.spaceAfter, p.pitch) +
    ind +
    jc(p.align);
  return `<w:p><w:pPr>${pPr}</w:pPr>${p.charSpacing ? spacedRuns(p.pieces, toTwips(p.charSpacing)) : runs(p.pieces)}</w:p>`;
}

/**
 * An empty paragraph of an exact height (pt): what carries a page break before a table (a table cannot
 * break a page itself), and what must stand between two tables or Word joins them into one.
 */
export function spacer(height: number, pageBreakBefore = false): string {
  return `<w:p><w:pPr>${pageBreakBefore ? '<w:pageBreakBefore/>' : ''}${exactSpacing(0, 0, height)}</w:pPr></w:p>`;
}
