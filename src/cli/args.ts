import { parseArgs as nodeParseArgs, type ParseArgsConfig } from 'node:util';
import { CjkReportError } from '../errors.js';

export type OptionSpec = NonNullable<ParseArgsConfig['options']>;

export interface Args {
  positionals: string[];
  values: Record<string, string | boolean | string[] | undefined>;
}

/** A wrong command line: exit 2 with the usage text. */
export class UsageError extends CjkReportError {
  constructor(message: string) {
    super('usage', [{ path: '(command line)', message }]);
    this.name = 'UsageError';
  }
}

/** node:util parseArgs, strict: an unknown flag (`--outt`) or a missing value is a usage error. */
export function parseArgs(argv: string[], options: OptionSpec): Args {
  try {
    const { positionals, values } = nodeParseArgs({ args: argv, options, strict: true, allowPositionals: true });
    return { positionals, values: values as Args['values'] };
  } catch (e) {
    throw new UsageError((e as Error).message.replace(/\s*To specify a positional argument.*$/s, ''));
  }
}

export function one(args: Args, key: string): string | undefined {
  const v = args.values[key];
  return typeof v === 'string' ? v : undefined;
}

export function flag(args: Args, key: string): boolean {
  return args.values[key] === true;
}

export function many(args: Args, key: string): string[] {
  const v = args.values[key];
  return Array.isArray(v) ? v : typeof v === 'string' ? [v] : [];
}
