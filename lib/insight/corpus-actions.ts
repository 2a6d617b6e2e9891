/** The options page's corpus actions: list, import (files, folders, zips, feeds: in workers), remove and restore. */
import { liveQuery } from 'dexie';
import catalogue from 'virtual:policy-lens/measures';
import { startImport } from '../corpus/import/client';
import { countCorpus, listCorpus, removeArticle, restoreArticle } from '../db/articles';
import { READ_CAP, readUsage } from '../db/read-cap';
import { lensDB } from '../db/schema';
import { getSetting, setSetting } from '../db/settings';
import { removeFromIndex } from '../related';
import { indexStoredArticle } from './indexer';
import type { CorpusActions } from './corpus-contract';

export function corpusActions(): CorpusActions {
  const db = lensDB();
  return {
    watch(limit, onView, onError) {
      const view = async () => {
        const [rows, counts, usage] = await Promise.all([listCorpus(db, limit), countCorpus(db), readUsage(db)]);
        return { rows, counts, read: { articles: usage.articles, chars: usage.chars } };
      };
      const subscription = liveQuery(view).subscribe({ next: onView, error: onError });
      return () => subscription.unsubscribe();
    },
    startImport,
    remove: (id) => removeArticle(db, id, (removed) => removeFromIndex(db, removed)),
    restore: (article) => restoreArticle(db, article, (a) => indexStoredArticle(db, a, catalogue)).then(() => undefined),
    readCap: READ_CAP,
    getAddRead: () => getSetting(db, 'corpus.addRead'),
    setAddRead: (on) => setSetting(db, 'corpus.addRead', on),
  };
}
