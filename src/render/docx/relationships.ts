/** Relationship parts (OPC, ECMA-376 Part 2): what a part refers to, by id. */
import { XML_DECLARATION, attr } from './xml.js';

const OFFICE = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

export const REL = {
  officeDocument: `${OFFICE}/officeDocument`,
  coreProperties: 'http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties',
  extendedProperties: `${OFFICE}/extended-properties`,
  styles: `${OFFICE}/styles`,
  settings: `${OFFICE}/settings`,
  fontTable: `${OFFICE}/fontTable`,
  header: `${OFFICE}/header`,
  footer: `${OFFICE}/footer`,
  image: `${OFFICE}/image`,
} as const;

export interface Relationship {
  id: string;
  type: string;
  /** relative to the source part's folder */
  target: string;
}

export function relationships(rels: Relationship[]): string {
  const body = rels.map((r) => `<Relationship Id="${r.id}" Type="${r.type}" Target="${attr(r.target)}"/>`).join('');
  return `${XML_DECLARATION}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${body}</Relationships>`;
}
