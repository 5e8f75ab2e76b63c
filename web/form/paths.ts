/** Data paths as problems and labels write them ('tables.applications.denied.inquiry[1]', 'family[2].name'). */
export type Key = string | number;

export function parsePath(path: string): Key[] {
  const out: Key[] = [];
  for (const m of path.matchAll(/([^.[\]]+)|\[(\d+|\*)\]/g)) out.push(m[1] !== undefined ? m[1] : m[2] === '*' ? '*' : Number(m[2]));
  return out;
}

export function pathString(keys: Key[]): string {
  return keys.map((k, i) => (typeof k === 'number' || k === '*' ? `[${k}]` : i ? `.${k}` : k)).join('');
}

export function getAt(data: unknown, path: string | Key[]): any {
  const keys = typeof path === 'string' ? parsePath(path) : path;
  return keys.reduce<any>((o, k) => (o !== null && typeof o === 'object' ? o[k] : undefined), data);
}

/** Sets a value, creating the objects and arrays on the way (an array where the next key is an index). */
export function setAt(data: Record<string, any>, path: string | Key[], value: unknown): void {
  const keys = typeof path === 'string' ? parsePath(path) : path;
  let o: any = data;
  keys.slice(0, -1).forEach((k, i) => {
    if (o[k] === null || typeof o[k] !== 'object') o[k] = typeof keys[i + 1] === 'number' ? [] : {};
    o = o[k];
  });
  const last = keys[keys.length - 1];
  if (value === undefined && !Array.isArray(o)) delete o[last];
  else o[last] = value;
}

/**
 * Leaves a value out, where leaving it out is possible without moving others: an object key, or the last
 * element of an array. Returns whether it did.
 */
export function omitAt(data: unknown, path: string): boolean {
  const keys = parsePath(path);
  const parent = getAt(data, keys.slice(0, -1));
  const last = keys[keys.length - 1];
  if (Array.isArray(parent)) {
    if (last !== parent.length - 1) return false;
    parent.pop();
    // an array whose every element was computed (a total row) is left out as a whole
    const grand = getAt(data, keys.slice(0, -2));
    if (!parent.length && grand && typeof grand === 'object' && !Array.isArray(grand)) delete grand[keys[keys.length - 2]];
    return true;
  }
  if (parent && typeof parent === 'object' && last in parent) {
    delete parent[last];
    return true;
  }
  return false;
}

/** 'family[2].name' → 'family[*].name', for label lookups of repeatable rows. */
export const starred = (path: string) => path.replace(/\[\d+\]/g, '[*]');
