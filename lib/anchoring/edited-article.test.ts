/**
 * The anchoring bench's edited article as a test: 200 highlights on a 100 KiB 医保 round-up, after
 * 457 edits (rewording, punctuation, paragraphs added and dropped, highlighted passages deleted,
 * look-alike paragraphs with other figures). No highlight may land in a wrong place, and the right
 * places found must not fall below what the matcher found before the look-alike rule for context.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compileSeeds } from '../../scripts/lens/compile-seeds';
import { buildArticle, editArticle, judge, pickHighlights } from '../../tests/support/anchoring/edited-article';
import { matchQuote } from './match-quote';
import { prepareText } from './normalize';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the edited 100 KiB article of the anchoring bench', () => {
  const paragraphs = buildArticle(compileSeeds(path.join(ROOT, 'seeds'), ROOT).articles.flatMap((a) => a.paragraphs));
  const original = paragraphs.join('\n');
  const highlights = pickHighlights(original, paragraphs);
  const edited = editArticle(original, paragraphs, highlights);

  it('puts none of its 200 highlights in a wrong place, and finds at least 162 of the 166 passages still there', () => {
    const prepared = prepareText(edited.text);
    const verdicts = { right: 0, wrong: [] as string[], orphan: 0 };
    for (const h of highlights) {
      const r = matchQuote(prepared, { quote: h.quote, position: h.position });
      const v = judge(r.status === 'anchored' ? r : null, edited.truth.get(h.id) ?? null);
      if (v === 'wrong') verdicts.wrong.push(`${h.id} (${edited.fates.get(h.id)}): “${h.quote.exact}”`);
      else verdicts[v] += 1;
    }
    const present = [...edited.truth.values()].filter((t) => t !== null).length;
    expect(present).toBe(166);
    expect(verdicts.wrong).toEqual([]);
    expect(verdicts.right).toBeGreaterThanOrEqual(162);
  });
});
