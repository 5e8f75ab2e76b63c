import { CjkReportError } from '../errors.js';
import type { Syntax } from '../input/parse.js';

export type { Syntax } from '../input/parse.js';

/** JSON or YAML by Content-Type; anything else is 415. */
export function syntaxOf(contentType: string | undefined): Syntax {
  const t = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (t === 'application/json' || t.endsWith('+json')) return 'json';
  if (t === 'application/yaml' || t === 'application/x-yaml' || t === 'text/yaml' || t === 'text/x-yaml') return 'yaml';
  throw new CjkReportError('unsupported-media-type', [
    { path: 'Content-Type', message: `不支持“${t || '（未给出）'}”：请用 application/json 或 application/yaml` },
  ]);
}
