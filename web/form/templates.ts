/**
 * The templates the form can show, in the contract's shape (templates/define.ts). A registered template
 * that already has labels() is used as is; the annual report goes through its temporary adapter.
 */
import type { Template } from '../../templates/define.js';
import { getTemplate, listTemplates } from '../../templates/index.js';
import { adaptAnnualReport } from './annual-report-adapter.js';
import YAML from 'yaml';
import seed2019 from '../../examples/fangzheng-2020/fangzheng-2020.yaml';
import seed2021 from '../../examples/shihe-2021/shihe-2021.yaml';

const ANNUAL: Record<string, [2019 | 2021, string]> = {
  'gov-info-annual-report-2019': [2019, seed2019],
  'gov-info-annual-report-2021': [2021, seed2021],
};

const cache = new Map<string, Template<any>>();

export function formTemplate(id: string): Template<any> | undefined {
  const hit = cache.get(id);
  if (hit) return hit;
  const t = getTemplate(id) as any;
  if (!t) return undefined;
  let out: Template<any> | undefined;
  if (typeof t.labels === 'function') out = t as Template<any>;
  else if (ANNUAL[id]) out = adaptAnnualReport(t, ANNUAL[id][0], YAML.parse(ANNUAL[id][1]));
  if (out) cache.set(id, out);
  return out;
}

export function formTemplateList(): { id: string; title: string; version?: string }[] {
  return listTemplates()
    .map((t) => formTemplate(t.id))
    .filter((t): t is Template<any> => !!t)
    .map((t) => ({ id: t.id, title: t.title, version: t.version }));
}
