/**
 * The styles part (w:styles): document defaults (the body's font and size, which Word uses for paragraph
 * marks and header/footer lines), and paragraph styles named as Word expects ("heading 1"…) with outline
 * levels, so headings appear in the navigation pane. The look comes from the runs; the heading styles
 * say "not bold" themselves because LibreOffice otherwise takes the weight of its own built-in headings.
 */
import type { LaidOutDocument, LaidParagraph } from '../../layout/types.js';
import { NS, XML_DECLARATION, attr } from './xml.js';

function fonts(family: string): string {
  const f = attr(family);
  return `<w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}"/>`;
}

function paragraphStyle(id: string, name: string, family: string, outlineLevel?: number): string {
  const pPr = outlineLevel === undefined ? '' : `<w:pPr><w:keepNext/><w:outlineLvl w:val="${outlineLevel}"/></w:pPr>`;
  return (
    `<w:style w:type="paragraph" w:styleId="${id}"><w:name w:val="${name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/>` +
    `${pPr}<w:rPr>${fonts(family)}<w:b w:val="0"/><w:bCs w:val="0"/><w:color w:val="000000"/></w:rPr></w:style>`
  );
}

export function styles(doc: LaidOutDocument): string {
  const body = doc.flow.find((b): b is LaidParagraph => b.kind === 'paragraph' && b.role === 'body');
  const face = body?.pieces[0]?.face ?? doc.used.values().next().value?.face;
  const family = face?.family ?? 'Noto Serif SC';
  const size = Math.round((body?.size ?? 12) * 2);
  return (
    `${XML_DECLARATION}<w:styles xmlns:w="${NS.w}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${fonts(family)}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/></w:rPr></w:rPrDefault><w:pPrDefault/></w:docDefaults>` +
    '<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style>' +
    '<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>' +
    '<w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>' +
    '<w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>' +
    paragraphStyle('Title', 'Title', family) +
    paragraphStyle('Heading1', 'heading 1', family, 0) +
    paragraphStyle('Heading2', 'heading 2', family, 1) +
    paragraphStyle('Heading3', 'heading 3', family, 2) +
    '</w:styles>'
  );
}
