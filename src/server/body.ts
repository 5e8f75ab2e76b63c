import { syntaxMessage } from '../model/syntax-message.js';
import { parse as parseYaml } from 'yaml';
import { CjkReportError } from '../errors.js';

export type Syntax = 'json' | 'yaml';

/** JSON or YAML by Content-Type; anything else is 415. */
export function syntaxOf(contentType: string | undefined): Syntax {
  const t = (contentType ?? '').split(';')[0].trim().toLowerCase();
  if (t === 'application/json' || t.endsWith('+json')) return 'json';
  if (t === 'application/yaml' || t === 'application/x-yaml' || t === 'text/yaml' || t === 'text/x-yaml') return 'yaml';
  throw new CjkReportError('unsupported-media-type', [
    { path: 'Content-Type', message: `不支持“${t || '（未给出）'}”：请用 application/json 或 application/yaml` },
  ]);
}

/** Parsed in the worker, so a large body never blocks the event loop. */
export function parseBody(text: string, syntax: Syntax, name = '(body)'): unknown {
  try {
    text = text.replace(/^\uFEFF/, ''); // a BOM, invisible in an error message
    return syntax === 'json' ? JSON.parse(text) : parseYaml(text, { maxAliasCount: 100 });
  } catch (e) {
    throw new CjkReportError('unreadable-input', [{ path: name, message: syntaxMessage(e, text, syntax === 'json' ? 'JSON' : 'YAML') }]);
  }
}
