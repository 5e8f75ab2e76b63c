/**
 * The serializer's only primitives: escaping for text and attribute values, and removal of the characters
 * XML 1.0 cannot hold at all (C0 controls other than tab/LF/CR, U+FFFE/U+FFFF, lone surrogates), which
 * would make Word refuse the whole document.
 */

// eslint-disable-next-line no-control-regex
const INVALID = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
const TEXT_SPECIAL = /[&<>]/;
const ATTR_SPECIAL = /[&<>"]/;
const ENTITY: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };

/** Drops characters no XML 1.0 document may contain. */
export function xmlChars(s: string): string {
  INVALID.lastIndex = 0;
  return INVALID.test(s) ? s.replace(INVALID, '') : s;
}

/** Element content: &, < and > escaped, invalid characters dropped. */
export function text(s: string): string {
  s = xmlChars(s);
  return TEXT_SPECIAL.test(s) ? s.replace(/[&<>]/g, (c) => ENTITY[c]) : s;
}

/** An attribute value for a double-quoted attribute. */
export function attr(s: string): string {
  s = xmlChars(s);
  return ATTR_SPECIAL.test(s) ? s.replace(/[&<>"]/g, (c) => ENTITY[c]) : s;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Namespaces of the WordprocessingML parts (main, relationships, and the drawing ones images need). */
export const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
} as const;
