/**
 * The main part (w:document): the laid-out flow in order, then the section properties. Images are
 * collected on the way, since each becomes a part of its own with a relationship from this one.
 */
import type { LaidImage, LaidOutDocument } from '../../layout/types.js';
import { imageParagraph } from './drawing.js';
import { exactSpacing, paragraph, spacer } from './paragraph.js';
import { type HeaderFooterRef, sectionProperties } from './section.js';
import { table } from './table.js';
import { NS, XML_DECLARATION } from './xml.js';

export interface BodyImage {
  relId: string;
  image: LaidImage;
}

/** `relId(n)` names the relationship of the n-th image (1-based). */
export function documentPart(doc: LaidOutDocument, refs: HeaderFooterRef[], relId: (n: number) => string): { xml: string; images: BodyImage[] } {
  const images: BodyImage[] = [];
  let body = '';
  let pendingBreak = false;
  for (const b of doc.flow) {
    if (b.kind === 'pageBreak') {
      // a section break: a 1 pt paragraph carries the ending section's properties; the next section starts a page
      if (b.section) body += `<w:p><w:pPr>${exactSpacing(0, 0, 1)}${sectionProperties(doc.page, refs)}</w:pPr></w:p>`;
      else pendingBreak = true;
      continue;
    }
    if (b.kind === 'paragraph') {
      body += paragraph(b, pendingBreak);
    } else if (b.kind === 'table') {
      // A table cannot break a page itself: a 1 pt paragraph carries the break.
      if (pendingBreak) body += spacer(1, true);
      body += table(b, (image) => {
        const n = images.length + 1;
        images.push({ relId: relId(n), image });
        return { relId: relId(n), drawingId: n };
      });
      // Word needs a paragraph between two tables, or it merges them; it is the space below the table.
      body += spacer(b.spaceAfter);
    } else if (b.kind === 'image') {
      const n = images.length + 1;
      images.push({ relId: relId(n), image: b });
      body += imageParagraph(b, relId(n), n, pendingBreak);
    }
    pendingBreak = false;
  }
  if (!body) body = '<w:p/>'; // Word wants a paragraph in a body
  const xml =
    `${XML_DECLARATION}<w:document xmlns:w="${NS.w}" xmlns:r="${NS.r}" xmlns:wp="${NS.wp}" xmlns:a="${NS.a}" xmlns:pic="${NS.pic}">` +
    `<w:body>${body}${sectionProperties(doc.page, refs)}</w:body></w:document>`;
  return { xml, images };
}
