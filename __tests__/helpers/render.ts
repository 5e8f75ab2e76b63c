import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { render, type RenderResult } from '../../src/index.js';
import { getTemplate } from '../../templates/index.js';

export const ROOT = process.cwd(); // jest runs from the repository root
export const FIXED_DATE = new Date('2021-01-15T00:00:00Z');

export function readExample(rel: string): unknown {
  const text = readFileSync(join(ROOT, rel), 'utf8');
  return rel.endsWith('.json') ? JSON.parse(text) : parse(text);
}

const cache = new Map<string, Promise<RenderResult>>();

/** Renders an example once per test file (both formats, fixed date). */
export function renderExample(rel: string, template?: string): Promise<RenderResult> {
  const key = `${rel}|${template ?? ''}`;
  let r = cache.get(key);
  if (!r) {
    let model = readExample(rel);
    if (template) {
      const t = getTemplate(template)!;
      const checked = t.check(model);
      if (checked.errors.length) throw new Error(checked.errors.map((e) => e.message).join('\n'));
      model = t.build(checked.data);
    }
    r = render(model, { creationDate: FIXED_DATE });
    cache.set(key, r);
  }
  return r;
}
