/**
 * The templates the form can show: every registered template (defineTemplate's results carry labels, rules
 * and computed fields); the annual reports open with their bundled examples.
 */
import type { Template } from '../../templates/define.js';
import { getTemplate, listTemplates } from '../../templates/index.js';
import YAML from 'yaml';
import seed2019 from '../../examples/fangzheng-2020/fangzheng-2020.yaml';
import seed2021 from '../../examples/shihe-2021/shihe-2021.yaml';

const EXAMPLES: Record<string, string> = {
  'gov-info-annual-report-2019': seed2019,
  'gov-info-annual-report-2021': seed2021,
};

const cache = new Map<string, Template<any>>();

export function formTemplate(id: string): Template<any> | undefined {
  const hit = cache.get(id);
  if (hit) return hit;
  const t = getTemplate(id) as Template<any> | undefined;
  if (!t || typeof t.labels !== 'function') return undefined;
  const out = t.example === undefined && EXAMPLES[id] ? { ...t, example: YAML.parse(EXAMPLES[id]) } : t;
  cache.set(id, out);
  return out;
}

export function formTemplateList(): { id: string; title: string; version?: string }[] {
  return listTemplates()
    .map((t) => formTemplate(t.id))
    .filter((t): t is Template<any> => !!t)
    .map((t) => ({ id: t.id, title: t.title, version: t.version }));
}
