/**
 * A measure's timeline: the latest corpus articles that mention it, and how many do in all.
 */
import type { LensDB, StoredArticle } from '../db/schema';
import { countMentioning } from '../related';

/**
 * Timelines show the latest articles only: in a corpus of 10,000 a common measure has thousands, and
 * reading and sending them all made the panel wait seconds (scripts/bench/suites/load.ts).
 */
export const TIMELINE_LIMIT = 20;

export type Timeline = { entries: StoredArticle[]; total: number };

/**
 * For each measure, the latest TIMELINE_LIMIT corpus articles (but `selfId`) that mention it, oldest
 * first, and how many there are. One bounded request per measure, all in flight at once: the first
 * TIMELINE_LIMIT + 1 keys of the measure's range in the article heads' `mentions` index (newest first,
 * lib/db/article-heads.ts). The count comes from the related-articles index (countMentioning). Walking
 * the date and measure indexes, or counting a measure's range, took 1–4 s at 10,000 articles in
 * Chromium. Whole records are read only for the entries shown (for the sentence that mentions it).
 */
export async function latestMentioning(
  db: LensDB,
  measureIds: readonly string[],
  selfId: string | undefined,
): Promise<Map<string, Timeline>> {
  if (measureIds.length === 0) return new Map();
  const measures = [...new Set(measureIds)];
  return db.transaction('r', [db.articleHeads, db.articles, db.terms, db.docs], async () => {
    const [indexedSelf, counts, latest] = await Promise.all([
      selfId === undefined ? undefined : db.docs.get(selfId),
      countMentioning(db, measures),
      Promise.all(
        measures.map(
          // One more than shown, in case the article itself is among them.
          (m) =>
            db.articleHeads
              .where('mentions')
              .between([m, -Infinity], [m, Infinity], true, true)
              .limit(TIMELINE_LIMIT + 1)
              .primaryKeys() as Promise<string[]>,
        ),
      ),
    ]);
    const picked = measures.map((measureId, i) => {
      const ids = latest[i]!.filter((id) => id !== selfId).slice(0, TIMELINE_LIMIT);
      const counted = counts.get(measureId)! - (indexedSelf?.measureIds.includes(measureId) ? 1 : 0);
      // At least what is shown: an article just stored is listed before the index counts it.
      return { measureId, ids, total: Math.max(counted, ids.length) };
    });
    const wanted = [...new Set(picked.flatMap((p) => p.ids))];
    const records = new Map((await db.articles.bulkGet(wanted)).flatMap((a) => (a ? [[a.id, a] as const] : [])));
    return new Map(
      picked.map(({ measureId, ids, total }) => [measureId, { entries: ids.reverse().flatMap((id) => records.get(id) ?? []), total }]),
    );
  });
}
