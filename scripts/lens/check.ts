/** `lens check <files or folders>`: validates documents, one line per file. */
import { ARTICLE_NOTE_TEXT } from '../../lib/corpus/article';
import type { Command } from './command';
import { parseCommandArgs } from './command';
import { expandPaths, parseDocuments } from './documents';

export const check: Command = {
  name: 'check',
  summary: 'validate seed-format documents (folders: every *.txt and *.md inside)',
  usage: 'lens check <files or folders>…',
  run(args, io) {
    const { positionals } = parseCommandArgs(args, {});
    const results = parseDocuments(expandPaths(positionals, io.cwd), io.cwd);
    for (const r of results) {
      if (!r.ok) io.out(`FAIL ${r.error.message}`);
      else io.out(`ok   ${r.file}  ${r.article.title}${r.notes.map((n) => `  (note: ${ARTICLE_NOTE_TEXT[n]})`).join('')}`);
    }
    const refused = results.filter((r) => !r.ok).length;
    // The tally goes to stderr so stdout stays exactly one line per file.
    io.err(`${results.length} checked: ${results.length - refused} ok, ${refused} refused`);
    return refused ? 1 : 0;
  },
};
