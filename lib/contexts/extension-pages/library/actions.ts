/**
 * The library's LibraryDeps on the real extension: reads IndexedDB directly (extension pages share the
 * extension's origin) through the library feed (library-feed.ts), writes highlights only through the background (so every
 * open tab repaints), imports and wipes on the database here and then tells the background, which
 * tells the tabs.
 */
import type { LensDB } from '../../../db/schema';
import type { Lang } from '../../../i18n';
import { indexStoredArticle } from '../../../insight/indexer';
import { checkImportSize, createBackup, importLibraryFile, serializeBackup, wipeLibrary } from '../../../library';
import { CATEGORY_LABELS, MEASURE_CATEGORIES, compileCatalogue, detectMeasures, type Catalogue } from '../../../measures';
import { createClient, type Send } from '../../../messages/client';
import { removeFromIndex } from '../../../related';
import type { LibraryDeps, MeasureOption } from '../../../library/deps';
import { watchLibrary } from '../../../library/feed';

export { loadLibrary } from '../../../library/feed';

/** The measure filter's choices: catalogue order within category order, named in the interface language. */
export function measureOptions(catalogue: Catalogue, lang: Lang): MeasureOption[] {
  const rank = new Map<string, number>(MEASURE_CATEGORIES.map((c, i) => [c, i]));
  return catalogue.measures
    .map((m, i) => ({ m, i }))
    .sort((a, b) => (rank.get(a.m.category) ?? 99) - (rank.get(b.m.category) ?? 99) || a.i - b.i)
    .map(({ m }) => ({
      id: m.id,
      label: lang === 'zh' ? m.name : m.gloss,
      category: m.category,
      categoryLabel: CATEGORY_LABELS[m.category][lang],
    }));
}

export type LibraryWiring = {
  db: LensDB;
  /** browser.runtime.sendMessage. */
  send(message: unknown): ReturnType<Send>;
  catalogue: Catalogue;
  lang: Lang;
  /**
   * The background's "highlights changed" broadcast, naming the article (or ALL_ARTICLES). Dexie
   * already signals the background's writes across the extension's contexts; the article named is
   * read again on the broadcast too, so a missed signal never leaves the list stale (library-feed.ts).
   */
  onHighlightsChanged?(listener: (articleKey: string) => void): () => void;
  /** How long after a broadcast its article is read again (tests shorten it). */
  broadcastGraceMs?: number;
  /** After a successful open: the popup closes itself, the full page stays. */
  afterOpen?(): void;
  /** A full backup was made (its time is remembered outside IndexedDB, for an eviction notice). */
  onBackup?(at: Date): Promise<void>;
  openPage?(section?: 'import'): void;
  highlightShortcut?(): Promise<string | undefined>;
};

export function createLibraryDeps(w: LibraryWiring): LibraryDeps {
  const { db, send, catalogue } = w;
  // Compiled on the first quote that needs it (a highlight outside the corpus, under a measure filter).
  let compiled: ReturnType<typeof compileCatalogue> | undefined;

  const { ask, request } = createClient(send);
  /**
   * After an import or a wipe: every tab reloads its highlights. (The background keeps no view of the
   * corpus to refresh: it reads IndexedDB for each answer.) A tab that misses it is stale, not wrong.
   */
  const announce = async () => void (await ask({ type: 'highlights:changed-all' }));

  return {
    watch: (onData, onError) =>
      watchLibrary(db, onData, onError, {
        ...(w.onHighlightsChanged && { onHighlightsChanged: w.onHighlightsChanged }),
        ...(w.broadcastGraceMs !== undefined && { broadcastGraceMs: w.broadcastGraceMs }),
      }),
    update: (id, patch) => request({ type: 'highlights:update', id, patch }),
    remove: (id) => request({ type: 'highlights:delete', id }),
    restore: (record) => request({ type: 'highlights:restore', record }),
    async open(highlightId) {
      await request({ type: 'library:open', highlightId });
      w.afterOpen?.();
    },
    async backup(at) {
      const text = serializeBackup(await createBackup(db, { now: () => at }));
      await w.onBackup?.(at);
      return text;
    },
    async importFile(file) {
      // Before reading: a 2 GB file picked by mistake is refused without loading it.
      checkImportSize(file.name, file.size);
      const bytes = new Uint8Array(await file.arrayBuffer());
      const report = await importLibraryFile(
        db,
        { name: file.name, bytes },
        { index: (article) => indexStoredArticle(db, article, catalogue) },
      );
      await announce();
      return report;
    },
    async wipe() {
      const result = await wipeLibrary(db, { unindex: (id) => removeFromIndex(db, id) });
      await announce();
      return result;
    },
    measures: measureOptions(catalogue, w.lang),
    detectMeasureIds: (text) => detectMeasures(text, (compiled ??= compileCatalogue(catalogue))).map((hit) => hit.measureId),
    ...(w.highlightShortcut && { highlightShortcut: w.highlightShortcut }),
    ...(w.openPage && { openPage: w.openPage }),
  };
}
