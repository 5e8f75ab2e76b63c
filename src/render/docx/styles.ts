import type { IStylesOptions } from 'docx';
import type { LaidOutDocument, LaidParagraph } from '../../layout/types.js';

/**
 * Heading styles named as Word expects ("heading 1"…) with outline levels, so headings appear in the
 * navigation pane. Their look comes from the runs; the styles carry structure and the default font.
 */
export function documentStyles(doc: LaidOutDocument): IStylesOptions {
  const body = doc.flow.find((b): b is LaidParagraph => b.kind === 'paragraph' && b.role === 'body');
  const face = body?.pieces[0]?.face ?? doc.used.values().next().value?.face;
  const family = face?.family ?? 'Noto Serif SC';
  const font = { ascii: family, eastAsia: family, hAnsi: family, cs: family };
  const heading = (level: number) => ({
    id: `Heading${level}`,
    name: `heading ${level}`,
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font, color: '000000' },
    paragraph: { outlineLevel: level - 1, keepNext: true },
  });
  return {
    default: { document: { run: { font, size: Math.round((body?.size ?? 12) * 2) } } },
    paragraphStyles: [
      { id: 'Title', name: 'Title', basedOn: 'Normal', next: 'Normal', quickFormat: true, run: { font, color: '000000' }, paragraph: {} },
      heading(1),
      heading(2),
      heading(3),
    ],
  };
}
