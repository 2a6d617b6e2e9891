/** The options page's corpus actions: list, import files (parse, store, index) and remove. */
import { liveQuery } from 'dexie';
import catalogue from 'virtual:policy-lens/measures';
import { parseSeedDocument } from '../corpus/parse-seed';
import { importArticles, listCorpus, removeArticle, restoreArticle } from '../db/articles';
import { READ_CAP } from '../db/read-cap';
import { lensDB } from '../db/schema';
import { getSetting, setSetting } from '../db/settings';
import { removeFromIndex } from '../related';
import { indexStoredArticle } from './indexer';
import type { CorpusActions } from '../../components/options/OptionsPage';

export function corpusActions(): CorpusActions {
  const db = lensDB();
  return {
    watch(onRows, onError) {
      const subscription = liveQuery(() => listCorpus(db)).subscribe({ next: onRows, error: onError });
      return () => subscription.unsubscribe();
    },
    importFiles: (files, onProgress) =>
      importArticles(db, files, {
        parse: (bytes, file) => parseSeedDocument(bytes, { file, origin: 'imported' }),
        onProgress,
        index: (article) => indexStoredArticle(db, article, catalogue).then(() => undefined),
      }),
    remove: (id) => removeArticle(db, id, (removed) => removeFromIndex(db, removed)),
    restore: (article) => restoreArticle(db, article, (a) => indexStoredArticle(db, a, catalogue)).then(() => undefined),
    readCap: READ_CAP,
    getAddRead: () => getSetting(db, 'corpus.addRead'),
    setAddRead: (on) => setSetting(db, 'corpus.addRead', on),
  };
}
