/**
 * A user's template from a file (Node): `--template ./my-template.mjs`, `serve --template-module`, and the
 * render workers of a batch. The module's default export, or its export named `template`, is the template.
 */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CjkReportError, TemplateError } from './errors.js';
import { asTemplate, type Template } from '../templates/define.js';

/** The module each loaded template came from: the HTTP workers import it themselves. */
const moduleUrls = new WeakMap<object, string>();
export function templateModuleOf(t: object): string | undefined {
  return moduleUrls.get(t);
}

/** A --template value that names a file rather than a built-in id: a path, or a module file name. */
export function isTemplatePath(spec: string): boolean {
  return /[\\/]/.test(spec) || /\.(mjs|cjs|js)$/i.test(spec) || spec.startsWith('file:');
}

/** The file URL of a template module path (workers import it by URL, wherever their working folder). */
export function templateModuleUrl(spec: string): string {
  return spec.startsWith('file:') ? spec : pathToFileURL(resolve(spec)).href;
}

/**
 * Imports a template module. A missing file is an unknown template (exit 2, like a wrong id); a module
 * that throws while loading, or exports no template, is a TemplateError naming the file (exit 1).
 */
export async function loadTemplateModule(spec: string): Promise<Template<any, any>> {
  const url = templateModuleUrl(spec);
  if (!spec.startsWith('file:') && !existsSync(resolve(spec)))
    throw new CjkReportError('unknown-template', [{ path: spec, message: '找不到模板文件（--template 可为内置模板 id，或一个导出模板的 .mjs/.js 文件）' }]);
  let mod: Record<string, unknown>;
  try {
    // the CLI bundle's launcher provides the import (scripts/cli/launch.cjs); elsewhere, our own
    const load = (globalThis as { __cjkReportImport?: (u: string) => Promise<unknown> }).__cjkReportImport ?? ((u: string) => import(u));
    mod = (await load(url)) as Record<string, unknown>;
  } catch (e) {
    throw new TemplateError(spec, [{ path: spec, message: `模板模块加载失败：${e instanceof Error ? e.message : String(e)}` }]);
  }
  // a CommonJS module's exports object is its default: module.exports = { template }
  const def = mod.default as Record<string, unknown> | undefined;
  const exported = def && typeof def === 'object' && !('id' in def) && 'template' in def ? def.template : (def ?? mod.template);
  if (exported === undefined) throw new TemplateError(spec, [{ path: spec, message: '模板模块没有导出模板：应 export default defineTemplate({...})，或 export const template = …' }]);
  const t = asTemplate(exported, spec);
  moduleUrls.set(t, url);
  return t;
}
