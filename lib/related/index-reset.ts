/**
 * The schema v4 upgrade of the related index. Up to v3 a `terms` row held a term's df and all its
 * postings; v4 keeps only df (and the last block's number) there and the postings in blocks of their
 * own table. The v3 rows cannot be carried over as they are: their weights are those of the old
 * scoring, and the article vectors in `docs` know no blocks. So the upgrade empties the index, in the
 * upgrade's own transaction, and the background refills it from the stored articles (with the measure
 * catalogue, which the upgrade does not have) in batches: lib/insight/index-queue.ts `recover`.
 * Highlights, notes, settings and the articles themselves are not touched.
 */
import type { Transaction } from 'dexie';
import { RELATED_META_KEYS } from './meta-keys';

export async function emptyRelatedIndex(tx: Transaction): Promise<void> {
  await tx.table('terms').clear();
  await tx.table('docs').clear();
  await tx.table('meta').bulkDelete([...RELATED_META_KEYS]);
}
