/** Entry point of the `lens` corpus tool: `npx tsx scripts/lens.ts <command> …` (`npm run lens -- …`). */
import { runLens } from './lens/cli';

process.exitCode = await runLens(process.argv.slice(2), {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  cwd: process.cwd(),
});
