/** A small argv parser: positionals, --flag, --key value and --key=value; repeated keys collect. */
export interface Args {
  positionals: string[];
  flags: Map<string, string[]>;
}

export class UsageError extends Error {}

export function parseArgs(argv: string[], valued: Set<string>): Args {
  const positionals: string[] = [];
  const flags = new Map<string, string[]>();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a === '-' || !a.startsWith('-')) {
      positionals.push(a);
      continue;
    }
    const eq = a.indexOf('=');
    const key = (eq > 0 ? a.slice(0, eq) : a).replace(/^-+/, '');
    let value = eq > 0 ? a.slice(eq + 1) : 'true';
    if (eq < 0 && valued.has(key)) {
      if (i + 1 >= argv.length) throw new UsageError(`--${key} needs a value`);
      value = argv[++i];
    }
    flags.set(key, [...(flags.get(key) ?? []), value]);
  }
  return { positionals, flags };
}

export function one(args: Args, key: string): string | undefined {
  const v = args.flags.get(key);
  return v ? v[v.length - 1] : undefined;
}
