/**
 * An inline picture (w:drawing/wp:inline, DrawingML) in its own paragraph. The image part itself is
 * added to the package by the caller, which gives the relationship id and the drawing's number.
 */
import type { LaidImage } from '../../layout/types.js';
import { toTwips } from '../../layout/units.js';
import { jc } from './paragraph.js';

/** English Metric Units per point (914400 per inch). */
const EMU_PER_PT = 12700;

/** `pPr` goes before the alignment (a cell's picture: no spacing around it); default: the layout's space after the image. */
export function imageParagraph(img: LaidImage, relId: string, drawingId: number, pageBreakBefore: boolean, pPr?: string): string {
  const cx = Math.round(img.width * EMU_PER_PT);
  const cy = Math.round(img.height * EMU_PER_PT);
  const name = `Picture ${drawingId}`;
  return (
    `<w:p><w:pPr>${pageBreakBefore ? '<w:pageBreakBefore/>' : ''}${pPr ?? `<w:spacing w:before="0" w:after="${toTwips(img.spaceAfter)}"/>`}${jc(img.align)}</w:pPr><w:r><w:drawing>` +
    `<wp:inline distT="0" distB="0" distL="0" distR="0"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/>` +
    `<wp:docPr id="${drawingId}" name="${name}"/><wp:cNvGraphicFramePr><a:graphicFrameLocks noChangeAspect="1"/></wp:cNvGraphicFramePr>` +
    '<a:graphic><a:graphicData uri="http://schemas.openxmlformats.org/drawingml/2006/picture"><pic:pic>' +
    `<pic:nvPicPr><pic:cNvPr id="${drawingId}" name="${name}"/><pic:cNvPicPr><a:picLocks noChangeAspect="1"/></pic:cNvPicPr></pic:nvPicPr>` +
    `<pic:blipFill><a:blip r:embed="${relId}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>` +
    `<pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr>` +
    '</pic:pic></a:graphicData></a:graphic></wp:inline></w:drawing></w:r></w:p>'
  );
}
