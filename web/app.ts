/**
 * The 填报 pages: `/` lists the templates; `/t/<id>/` is the form generated from that template's
 * definition (web/form/). Everything runs in the page: the data never leaves it.
 */
import { drawTemplateList } from './form/index-page.js';
import { FormPage } from './form/page.js';
import { formTemplate } from './form/templates.js';
import { loadUserTemplates } from './form/user-templates.js';

// what a user's template module imports, for the page-shims its import map points at
export { z } from 'zod';
export { defineTemplate } from '../templates/define.js';

/** This bundle's folder: page-templates.json and the modules are served beside it. */
const BASE = new URL('./', import.meta.url);

/** The template of a /t/<id>/ address. */
export function templateIdOf(pathname: string): string | undefined {
  const m = /\/t\/([^/]+)\/?$/.exec(pathname);
  if (!m) return undefined;
  try {
    return decodeURIComponent(m[1]);
  } catch {
    return undefined;
  }
}

export async function start(): Promise<void> {
  await loadUserTemplates(BASE);
  const id = templateIdOf(location.pathname);
  const t = id ? formTemplate(id) : undefined;
  if (!t) {
    document.querySelector('#title')!.textContent = '未找到模板';
    document.querySelector('#file-error')!.textContent = `没有 id 为 ${id ?? '（空）'} 的模板，请从模板列表中选择`;
    document.querySelectorAll<HTMLButtonElement>('button').forEach((b) => (b.disabled = true));
    return;
  }
  new FormPage(t).start();
}

export async function startIndex(): Promise<void> {
  await loadUserTemplates(BASE);
  drawTemplateList(document.querySelector('#templates')!);
}
