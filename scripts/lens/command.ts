/** What every `lens` command is, and the small argument parser they share. */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError } from './documents';

/** Where a command writes; tests pass their own to capture the output. */
export type Io = { out(line: string): void; err(line: string): void; cwd: string };

export type Command = {
  name: string;
  /** One line for `lens help`. */
  summary: string;
  /** `lens <name> …`, printed with usage errors and for --help. */
  usage: string;
  /** Returns the exit status: 0 done, 1 some document refused; usage errors throw UsageError (status 2). */
  run(args: string[], io: Io): number | Promise<number>;
};

type Options = NonNullable<ParseArgsConfig['options']>;

/** node:util parseArgs, strict, with positionals; its errors become UsageErrors. */
export function parseCommandArgs<O extends Options>(args: string[], options: O) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (e) {
    throw new UsageError((e as Error).message);
  }
}
