/**
 * The settings part (w:settings), given to docx as an override: docx's own has no
 * w:characterSpacingControl and embeds fonts only with random keys. Elements in CT_Settings order.
 */
import { NS, XML_DECLARATION } from './xml.js';

export function settings(opts: { evenAndOddHeaders: boolean; embedFonts: boolean }): string {
  return (
    `${XML_DECLARATION}<w:settings xmlns:w="${NS.w}">` +
    // the package carries the fonts; Word shows them only when told to look
    (opts.embedFonts ? '<w:embedTrueTypeFonts/>' : '') +
    '<w:defaultTabStop w:val="720"/>' +
    (opts.evenAndOddHeaders ? '<w:evenAndOddHeaders/>' : '') +
    // Word's default when absent; LibreOffice otherwise compresses CJK punctuation and fits more per line than the PDF
    '<w:characterSpacingControl w:val="doNotCompress"/>' +
    '<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>' +
    '</w:settings>'
  );
}
