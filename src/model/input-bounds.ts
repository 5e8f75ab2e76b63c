import { InputError } from '../errors.js';
import { type Limits, limitExceeded } from '../limits.js';
import { formatPath } from './errors.js';

/**
 * Checks raw input before zod or any recursive code sees it, without recursing itself (a 100,000-deep
 * array must not overflow the stack here either):
 * - nesting deeper than `maxNesting` (a 1,000-level header tree) is refused at its path;
 * - a cycle (a YAML alias inside its own anchor, or a cyclic JS object) is refused at its path;
 * - the size with every shared value counted each time it is used — what a YAML alias expands to and
 *   what layout would have to process — is bounded by `maxInputBytes`, so 99 aliases of a 300,000-character
 *   paragraph are refused in milliseconds instead of laid out for a minute.
 */
export function checkInputBounds(input: unknown, limits: Pick<Limits, 'maxNesting' | 'maxInputBytes'>): void {
  if (input === null || typeof input !== 'object') return;
  interface Frame {
    obj: object;
    key: string | number;
    entries: [string | number, unknown][];
    i: number;
    size: number;
  }
  const sizes = new Map<object, number>(); // finished subtrees: a shared one adds its size again without a walk
  const open = new Set<object>();
  const stack: Frame[] = [];
  let expanded = 0;
  const path = (extra?: string | number) => formatPath([...stack.slice(1).map((f) => f.key), ...(extra === undefined ? [] : [extra])]);
  const grow = (n: number, at: string | number) => {
    expanded += n;
    if (expanded > limits.maxInputBytes)
      throw limitExceeded('maxInputBytes', limits.maxInputBytes, undefined, path(at), '数据展开（含 YAML 别名的每次引用）后的大小');
  };
  const push = (obj: object, key: string | number) => {
    open.add(obj);
    const entries: [string | number, unknown][] = Array.isArray(obj) ? obj.map((v, i) => [i, v]) : Object.entries(obj);
    stack.push({ obj, key, entries, i: 0, size: 0 });
  };
  push(input, '');
  while (stack.length) {
    const f = stack[stack.length - 1];
    if (f.i >= f.entries.length) {
      stack.pop();
      open.delete(f.obj);
      sizes.set(f.obj, f.size + 1);
      if (stack.length) stack[stack.length - 1].size += f.size + 1;
      continue;
    }
    const [k, v] = f.entries[f.i++];
    if (v !== null && typeof v === 'object') {
      const known = sizes.get(v);
      if (known !== undefined) {
        f.size += known;
        grow(known, k);
        continue;
      }
      if (open.has(v)) throw new InputError([{ path: path(k), message: '引用了包含它自身的数据（循环的 YAML 别名或对象），无法展开' }]);
      if (stack.length >= limits.maxNesting) throw limitExceeded('maxNesting', limits.maxNesting, undefined, path(k));
      grow(1, k);
      push(v, k);
    } else {
      const n = typeof v === 'string' ? v.length : 1;
      f.size += n;
      grow(n, k);
    }
  }
}
