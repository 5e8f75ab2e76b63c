/** [Content_Types].xml (OPC): a content type per extension, and per part where the extension is not enough. */
import { XML_DECLARATION } from './xml.js';

const WML = 'application/vnd.openxmlformats-officedocument.wordprocessingml';

export const CONTENT_TYPE = {
  document: `${WML}.document.main+xml`,
  styles: `${WML}.styles+xml`,
  settings: `${WML}.settings+xml`,
  fontTable: `${WML}.fontTable+xml`,
  header: `${WML}.header+xml`,
  footer: `${WML}.footer+xml`,
  coreProperties: 'application/vnd.openxmlformats-package.core-properties+xml',
  extendedProperties: 'application/vnd.openxmlformats-officedocument.extended-properties+xml',
} as const;

const DEFAULTS: Record<string, string> = {
  rels: 'application/vnd.openxmlformats-package.relationships+xml',
  xml: 'application/xml',
  odttf: 'application/vnd.openxmlformats-officedocument.obfuscatedFont',
  png: 'image/png',
  jpg: 'image/jpeg',
};

/** `overrides`: part name (without the leading slash) → content type; `extensions`: those present. */
export function contentTypes(extensions: Iterable<string>, overrides: [string, string][]): string {
  const defaults = [...new Set(extensions)].map((e) => `<Default Extension="${e}" ContentType="${DEFAULTS[e]}"/>`).join('');
  const parts = overrides.map(([name, type]) => `<Override PartName="/${name}" ContentType="${type}"/>`).join('');
  return `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">${defaults}${parts}</Types>`;
}
