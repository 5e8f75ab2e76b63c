/**
 * The styles docx writes (word/styles.xml): document defaults (the body's font and size, which Word uses for
 * paragraph marks), and the paragraph styles the body names ("Title", "heading 1"…) with outline levels, so
 * headings appear in the navigation pane. The look comes from the runs; the heading styles say "not bold"
 * and black because docx's and LibreOffice's built-in headings are otherwise coloured or bold.
 */
import type { IStylesOptions } from 'docx';
import type { LaidOutDocument, LaidParagraph } from '../../layout/types.js';

const fonts = (family: string) => ({ ascii: family, hAnsi: family, eastAsia: family, cs: family });

function paragraphStyle(id: string, name: string, family: string, outlineLevel?: number) {
  return {
    id,
    name,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    ...(outlineLevel === undefined ? {} : { paragraph: { keepNext: true, outlineLevel } }),
    run: { font: fonts(family), bold: false, boldComplexScript: false, color: '000000' },
  };
}

export function documentStyles(doc: LaidOutDocument): IStylesOptions {
  const body = doc.flow.find((b): b is LaidParagraph => b.kind === 'paragraph' && b.role === 'body');
  const face = body?.pieces[0]?.face ?? doc.used.values().next().value?.face;
  const family = face?.family ?? 'Noto Serif SC';
  const size = Math.round((body?.size ?? 12) * 2);
  return {
    default: { document: { run: { font: fonts(family), size } } },
    paragraphStyles: [
      paragraphStyle('Title', 'Title', family),
      paragraphStyle('Heading1', 'heading 1', family, 0),
      paragraphStyle('Heading2', 'heading 2', family, 1),
      paragraphStyle('Heading3', 'heading 3', family, 2),
    ],
  };
}
