import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { InputError } from '../model/errors.js';

/** Reads JSON or YAML (by extension; '-' is standard input, JSON or YAML). */
export function readData(path: string): unknown {
  const text = path === '-' ? readFileSync(0, 'utf8') : readText(path);
  const ext = path === '-' ? '' : extname(path).toLowerCase();
  try {
    if (ext === '.json') return JSON.parse(text);
    return parseYaml(text, { maxAliasCount: 100 }); // YAML is a superset of JSON
  } catch (e) {
    throw new InputError([{ path: path === '-' ? '(stdin)' : path, message: `cannot be parsed: ${(e as Error).message.split('\n')[0]}` }], 'Unreadable input');
  }
}

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw new InputError([{ path, message: `cannot be read (${(e as NodeJS.ErrnoException).code ?? 'error'})` }], 'Unreadable input');
  }
}

export function outputBase(input: string): string {
  return input === '-' ? 'report' : basename(input, extname(input));
}

/** Writes all outputs or none: each goes to a temporary name first and is renamed when all are written. */
export function writeAll(dir: string, files: { name: string; data: Uint8Array }[]): string[] {
  mkdirSync(dir, { recursive: true });
  const temps: string[] = [];
  try {
    for (const f of files) {
      const tmp = join(dir, `.${f.name}.${process.pid}.part`);
      writeFileSync(tmp, f.data);
      temps.push(tmp);
    }
  } catch (e) {
    for (const t of temps) rmSync(t, { force: true });
    throw e;
  }
  return files.map((f, i) => {
    const final = join(dir, f.name);
    renameSync(temps[i], final);
    return final;
  });
}
