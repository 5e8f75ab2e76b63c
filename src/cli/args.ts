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
    super('usage', [{ path: '(命令行)', message }]);
    this.name = 'UsageError';
  }
}

/** node:util parseArgs, strict: an unknown flag (`--outt`) or a missing value is a usage error. */
export function parseArgs(argv: string[], options: OptionSpec): Args {
  try {
    const { positionals, values } = nodeParseArgs({ args: argv, options, strict: true, allowPositionals: true });
    return { positionals, values: values as Args['values'] };
  } catch (e) {
    throw new UsageError(parseArgsMessage(e as Error & { code?: string }));
  }
}

/** node:util's parseArgs speaks English; the option it names is taken from its message and said in Chinese. */
function parseArgsMessage(e: Error & { code?: string }): string {
  const opt = /'(-{1,2}[^' ]+)/.exec(e.message)?.[1] ?? '';
  if (e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION')
    return `未知的选项 ${opt}（以 - 开头的文件名请写在 -- 之后）`;
  if (e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE')
    return /does not take an argument/.test(e.message) ? `选项 ${opt} 不带值` : `选项 ${opt} 缺少值`;
  if (e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL') return `多余的参数 ${/'([^']*)'/.exec(e.message)?.[1] ?? ''}`;
  return `命令行参数有误${opt ? `：${opt}` : ''}`;
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
