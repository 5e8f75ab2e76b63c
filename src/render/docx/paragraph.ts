import { AlignmentType, HeadingLevel, LineRuleType, Paragraph } from 'docx';
import type { LaidParagraph } from '../../layout/types.js';
import { toTwips } from '../../layout/units.js';
import type { Align } from '../../model/text.js';
import { runsOf } from './runs.js';

export function alignment(a: Align) {
  return a === 'center' ? AlignmentType.CENTER : a === 'right' ? AlignmentType.RIGHT : a === 'justify' ? AlignmentType.BOTH : AlignmentType.LEFT;
}

const HEADINGS = { 1: HeadingLevel.HEADING_1, 2: HeadingLevel.HEADING_2, 3: HeadingLevel.HEADING_3 } as const;

/** A flow paragraph. Word breaks its lines; pitch, indents and spacing are the layout's, in twips. */
export function paragraphOf(p: LaidParagraph, pageBreakBefore = false): Paragraph {
  return new Paragraph({
    pageBreakBefore,
    children: runsOf(p.pieces),
    alignment: alignment(p.align),
    ...(p.role === 'heading' && p.headingLevel ? { heading: HEADINGS[p.headingLevel] } : {}),
    ...(p.role === 'title' ? { heading: HeadingLevel.TITLE } : {}),
    spacing: { line: toTwips(p.pitch), lineRule: LineRuleType.EXACT, before: toTwips(p.spaceBefore), after: toTwips(p.spaceAfter) },
    indent: {
      ...(p.firstLineIndent ? { firstLine: toTwips(p.firstLineIndent) } : {}),
      ...(p.rightIndent ? { right: toTwips(p.rightIndent) } : {}),
    },
    keepNext: p.keepNext,
  });
}
