/** `lens analyze` without --json: a short readable summary per file, and what happened to --corpus files. */
import type { ImportResult } from '../../lib/db/articles';
import type { DocumentAnalysis, SavedPageAnalysis } from './analyze';
import type { Io } from './command';

const LEAD_PREVIEW = 60;
/** Related articles listed in the summary (--json gives every one). */
const RELATED_SHOWN = 5;

export function printDocument(r: DocumentAnalysis, io: Io): void {
  if (!r.ok) {
    io.out(`FAIL ${r.error}`);
    return;
  }
  const paragraphs = r.paragraphs ?? [];
  const lead = paragraphs[0] ?? '';
  io.out(r.file);
  io.out(`  title       ${r.title}`);
  io.out(`  id          ${r.id}`);
  io.out(`  date        ${r.date}`);
  io.out(`  source      ${r.source || '(none)'}`);
  io.out(`  editor      ${r.editor ?? '(none)'}`);
  io.out(`  paragraphs  ${paragraphs.length} (${paragraphs.join('\n').length} characters)`);
  io.out(`  lead        ${lead.length > LEAD_PREVIEW ? `${lead.slice(0, LEAD_PREVIEW)}…` : lead}`);
  printInsight(r, io);
}

export function printSavedPage(page: SavedPageAnalysis, io: Io): void {
  if (!page.recognized) {
    io.out(`FAIL ${page.file}: not an article page (${page.reason})`);
    return;
  }
  io.out(`ok   ${page.file}  ${page.key}  ${page.title}  (${page.paragraphs.length} paragraphs)`);
  printInsight(page, io);
}

function printInsight(r: Pick<DocumentAnalysis, 'same' | 'sameBy' | 'measures' | 'related'>, io: Io): void {
  io.out(`  same        ${r.same ? `${r.same} (by ${r.sameBy})` : '(not in the corpus)'}`);
  const measures = r.measures ?? [];
  const named = measures.map((m) => `${m.name} ×${m.mentions.length}`).join('，');
  io.out(`  measures    ${measures.length}${measures.length ? `: ${named}` : ''}`);
  const related = r.related ?? [];
  if (!related.length) io.out('  related     (none)');
  related
    .slice(0, RELATED_SHOWN)
    .forEach((a, i) => io.out(`  ${i ? '           ' : 'related    '} ${a.score.toFixed(2)}  ${a.title}  ${a.id}`));
  if (related.length > RELATED_SHOWN) io.out(`              … ${related.length - RELATED_SHOWN} more (--json lists them)`);
}

/**
 * Reports each --corpus file that was refused (the parser's `file:line: reason`) on stderr, so --json
 * output stays one JSON document, then a tally. Returns whether any was refused.
 */
export function printImports(imports: ImportResult[], io: Io): boolean {
  if (!imports.length) return false;
  let refused = 0;
  let duplicates = 0;
  for (const r of imports) {
    if (r.status === 'refused') {
      refused++;
      io.err(`lens analyze: --corpus file refused: ${r.reason}`);
    } else if (r.status === 'duplicate') duplicates++;
  }
  const added = imports.length - refused - duplicates;
  io.err(
    `--corpus: ${imports.length} file${imports.length === 1 ? '' : 's'}: ${added} added, ${duplicates} already in the corpus, ${refused} refused`,
  );
  return refused > 0;
}
