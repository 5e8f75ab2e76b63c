/**
 * The template's zod schema as JSON Schema (z.toJSONSchema, the input side: defaults make fields optional),
 * and the schema node at a data path, for the fields labels do not cover, repeatable rows and new items.
 */
import { z } from 'zod';
import type { Key } from './paths.js';

export type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  prefixItems?: JsonSchema[];
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
  default?: unknown;
  description?: string;
  title?: string;
  $ref?: string;
  $defs?: Record<string, JsonSchema>;
  minItems?: number;
  maxItems?: number;
  format?: string;
  pattern?: string;
};

export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any', reused: 'inline' }) as JsonSchema;
}

/** The alternatives of a node (anyOf/oneOf flattened; `null` left out). */
export function variants(s: JsonSchema | undefined): JsonSchema[] {
  if (!s) return [];
  const alts = s.anyOf ?? s.oneOf;
  if (!alts) return [s];
  return alts.flatMap(variants).filter((v) => v.type !== 'null');
}

export const typeOf = (s: JsonSchema): string | undefined => (Array.isArray(s.type) ? s.type.find((t) => t !== 'null') : s.type);

/** The node for one step into an object or array; the first alternative that has it. */
export function childSchema(s: JsonSchema | undefined, key: Key): JsonSchema | undefined {
  for (const v of variants(s)) {
    if (typeof key === 'string' && key !== '*' && v.properties?.[key]) return v.properties[key];
    if (typeof key !== 'string' || key === '*') {
      if (v.prefixItems && typeof key === 'number' && v.prefixItems[key]) return v.prefixItems[key];
      if (v.items) return v.items;
    }
  }
  return undefined;
}

export function schemaAt(root: JsonSchema, keys: Key[]): JsonSchema | undefined {
  return keys.reduce<JsonSchema | undefined>((s, k) => childSchema(s, k), root);
}

/** An empty value for a new item: '' for text, null for numbers, objects with their required members. */
export function emptyFor(s: JsonSchema | undefined): unknown {
  if (!s) return '';
  if (s.default !== undefined) return structuredClone(s.default);
  const v = variants(s)[0] ?? s;
  switch (typeOf(v)) {
    case 'object': {
      const o: Record<string, unknown> = {};
      for (const k of v.required ?? []) o[k] = emptyFor(v.properties?.[k]);
      return o;
    }
    case 'array':
      return (v.prefixItems ?? []).map(emptyFor);
    case 'number':
    case 'integer':
      return null;
    case 'boolean':
      return false;
    default:
      return v.enum?.[0] ?? '';
  }
}
