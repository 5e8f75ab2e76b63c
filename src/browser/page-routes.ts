/**
 * The 填报 pages' addresses: `/` lists the templates (index.html), `/t/<id>/` is every template's generated
 * form — one file (form.html) that reads the template id from its address and loads the bundle from `../../`.
 */
export function pageFile(path: string): string {
  return /^\/?t\/[^/]+\/?$/.test(path) ? path.replace(/^(\/?).*$/, '$1form.html') : path;
}
