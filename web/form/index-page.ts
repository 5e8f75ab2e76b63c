/** The list of templates at `/`: each links to its generated 填报 page at t/<id>/. */
import { formTemplateList } from './templates.js';

export function drawTemplateList(list: HTMLElement): void {
  for (const t of formTemplateList()) {
    const li = document.createElement('li');
    const a = document.createElement('a');
    a.href = `t/${encodeURIComponent(t.id)}/`;
    a.textContent = t.title;
    const code = document.createElement('code');
    code.textContent = t.id;
    li.append(a, ' ', code);
    list.append(li);
  }
}
