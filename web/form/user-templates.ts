/**
 * Templates the server was given as modules (`serve --template-module`, createExportApp({ templates }) from a
 * module file): the server lists them in page-templates.json and serves each module; the page imports them
 * (their `zod` and `cjk-report/templates` imports resolve to the page's own copies through its import map) and
 * registers them, so each gets its generated form. A page served without them finds no list and goes on.
 */
import { getTemplate, listTemplates, registerTemplate } from '../../templates/index.js';
import type { Template } from '../../templates/define.js';

/** The templates built into this bundle: their exports render in the worker by id. */
const builtIn = new Set(listTemplates().map((t) => t.id));

export function isBuiltIn(id: string): boolean {
  return builtIn.has(id);
}

export async function loadUserTemplates(base: URL): Promise<string[]> {
  let list: { id: string; url: string }[];
  try {
    const res = await fetch(new URL('page-templates.json', base));
    if (!res.ok) return [];
    list = await res.json();
  } catch {
    return [];
  }
  const failed: string[] = [];
  for (const { id, url } of list) {
    try {
      const mod = (await import(/* @vite-ignore */ new URL(url, base).href)) as { default?: Template<any, any>; template?: Template<any, any> };
      const t = mod.default ?? mod.template;
      if (t && !getTemplate(t.id)) registerTemplate(t);
    } catch {
      failed.push(id);
    }
  }
  return failed;
}
