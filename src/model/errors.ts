import type { z } from 'zod';

/** A field path in the form users read: tables.applications.rows[3][2]. */
export function formatPath(path: readonly PropertyKey[], root = ''): string {
  let out = root;
  for (const key of path) {
    if (typeof key === 'number') out += `[${key}]`;
    else out += out ? `.${String(key)}` : String(key);
  }
  return out || '(root)';
}

import type { Problem } from '../errors.js';

export { InputError, type Problem } from '../errors.js';

/** zod issues to problems; for unions, the deepest branch's issues say most about what was meant. */
export function zodProblems(error: z.ZodError, root = ''): Problem[] {
  const out: Problem[] = [];
  const walk = (issues: readonly z.core.$ZodIssue[], base: PropertyKey[]) => {
    for (const issue of issues) {
      const path = [...base, ...issue.path];
      if (issue.code === 'invalid_union' && issue.errors.length) {
        const best = [...issue.errors].sort((a, b) => depth(b) - depth(a))[0];
        if (depth(best) > 0) {
          walk(best, path);
          continue;
        }
        // Every branch failed at this very field: say what each would have accepted.
        const expected = [...new Set(issue.errors.flat().map((i) => ('values' in i ? i.values.map((v) => JSON.stringify(v)).join(' 或 ') : 'expected' in i ? String(i.expected) : '')).filter(Boolean))];
        if (expected.length) {
          const got = 'input' in issue ? `，实际接收 ${describe(issue.input)}` : '';
          out.push({ path: formatPath(path, root), message: `无效输入：期望 ${expected.join(' 或 ')}${got}` });
          continue;
        }
      }
      out.push({ path: formatPath(path, root), message: issue.message });
    }
  };
  walk(error.issues, []);
  return dedupe(out);
}

function depth(issues: readonly z.core.$ZodIssue[]): number {
  return Math.max(0, ...issues.map((i) => i.path.length));
}

function dedupe(problems: Problem[]): Problem[] {
  const seen = new Set<string>();
  return problems.filter((p) => {
    const k = `${p.path}\u0000${p.message}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** The input as zod's zh-CN messages name it (数字, 数组, 对象 …). */
function describe(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return '数组';
  if (typeof v === 'string') return `文本 ${JSON.stringify(v.length > 40 ? v.slice(0, 40) + '…' : v)}`;
  if (typeof v === 'object') return '对象';
  const kind: Record<string, string> = { number: '数字', boolean: '布尔值', bigint: '大整数', undefined: 'undefined' };
  return `${kind[typeof v] ?? typeof v} ${String(v)}`;
}
