import { extname } from 'node:path';
import type { InputFormat, Template as Defined } from '../../templates/define.js';
import { getTemplate, listTemplates } from '../../templates/index.js';
import type { Template } from '../../templates/types.js';

/**
 * Files a template reads besides JSON and YAML (the 任免表's `.lrmx`): the extension picks the template
 * (`render person.lrmx` needs no --template) and its reader. With --template, only that template's formats.
 */
export function inputFormatFor(path: string, templateId?: string): { template: Template<any>; format: InputFormat } | undefined {
  const ext = extname(path).toLowerCase();
  if (!ext || ext === '.json' || ext === '.yaml' || ext === '.yml') return undefined;
  const candidates = templateId ? [getTemplate(templateId)].filter((t) => t !== undefined) : listTemplates();
  for (const t of candidates) {
    const format = (t as Partial<Defined<unknown>>).inputs?.find((f) => f.extension === ext);
    if (format) return { template: t, format };
  }
  return undefined;
}
