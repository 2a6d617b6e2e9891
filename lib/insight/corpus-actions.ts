/** The options page's corpus actions: list, import (files, folders, zips, feeds: in a worker) and remove. */
import { liveQuery } from 'dexie';
import { startImport } from '../corpus/import/client';
import { countCorpus, listCorpus, removeArticle } from '../db/articles';
import { lensDB } from '../db/schema';
import { getSetting, setSetting } from '../db/settings';
import { removeFromIndex } from '../related';
import type { CorpusActions } from '../../components/options/OptionsPage';

export function corpusActions(): CorpusActions {
  const db = lensDB();
  return {
    watch(limit, onView, onError) {
      const subscription = liveQuery(async () => ({ rows: await listCorpus(db, limit), counts: await countCorpus(db) })).subscribe({ next: onView, error: onError });
      return () => subscription.unsubscribe();
    },
    startImport,
    remove: (id) => removeArticle(db, id, (removed) => removeFromIndex(db, removed)),
    getAddRead: () => getSetting(db, 'corpus.addRead'),
    setAddRead: (on) => setSetting(db, 'corpus.addRead', on),
  };
}
