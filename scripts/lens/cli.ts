/**
 * The `lens` corpus tool: `npm run lens -- <command> …`. One module per command; add a command by
 * writing it and listing it in COMMANDS.
 */
import { analyze } from './analyze';
import { check } from './check';
import { evalCommand } from './eval';
import type { Command, Io } from './command';
import { UsageError } from './documents';

const COMMANDS: Command[] = [check, analyze, evalCommand];

const HELP = [
  'usage: lens <command> …',
  '',
  ...COMMANDS.map((c) => `  ${c.name.padEnd(10)}${c.summary}`),
  '',
  'lens <command> --help for its usage',
];

/** Runs one command line (without `node lens.ts`) and returns the exit status: 0, 1 (a document refused) or 2 (usage). */
export async function runLens(argv: string[], io: Io): Promise<number> {
  const [name, ...args] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    // Asked for: stdout and success. Given nothing: a usage error.
    for (const line of HELP) name === undefined ? io.err(line) : io.out(line);
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`lens: unknown command "${name}" (commands: ${COMMANDS.map((c) => c.name).join(', ')})`);
    return 2;
  }
  if (args.includes('--help') || args.includes('-h')) {
    io.out(`usage: ${command.usage}`);
    return 0;
  }
  try {
    return await command.run(args, io);
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    io.err(`lens ${name}: ${e.message}`);
    io.err(`usage: ${command.usage}`);
    return 2;
  }
}
