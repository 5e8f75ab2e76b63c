/**
 * The 填报 pages: `/` lists the templates; `/t/<id>/` is the form generated from that template's
 * definition (web/form/). Everything runs in the page: the data never leaves it.
 */
import { drawTemplateList } from './form/index-page.js';
import { FormPage } from './form/page.js';
import { formTemplate } from './form/templates.js';

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

export function start(): void {
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

export function startIndex(): void {
  drawTemplateList(document.querySelector('#templates')!);
}
