/** The options page's corpus actions: list, import files (parse, store, index) and remove. */
import catalogue from 'virtual:policy-lens/measures';
import { parseSeedBytes } from '../corpus/parse-seed';
import { importArticles, listCorpus, removeArticle } from '../db/articles';
import { lensDB } from '../db/schema';
import { removeFromIndex } from '../related';
import { indexStoredArticle } from './indexer';
import type { CorpusActions } from '../../components/options/OptionsPage';

export function corpusActions(): CorpusActions {
  const db = lensDB();
  return {
    list: () => listCorpus(db),
    importFiles: (files, onProgress) =>
      importArticles(db, files, {
        parse: (bytes, file) => parseSeedBytes(bytes, { file, origin: 'imported' }),
        onProgress,
        index: (article) => indexStoredArticle(db, article, catalogue).then(() => undefined),
      }),
    remove: (id) => removeArticle(db, id, (removed) => removeFromIndex(db, removed)),
  };
}
