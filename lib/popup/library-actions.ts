/**
 * The library's LibraryDeps on the real extension: reads IndexedDB directly (extension pages share the
 * extension's origin) with Dexie liveQuery, writes highlights only through the background (so every
 * open tab repaints), imports and wipes on the database here and then tells the background, which
 * tells the tabs.
 */
import { liveQuery } from 'dexie';
import { readInPages } from '../db/read-in-pages';
import type { HighlightRecord, LensDB } from '../db/schema';
import { readColorRenames } from '../highlights/color-settings';
import { t, type Lang } from '../i18n';
import { WordedError } from '../i18n/worded-error';
import { indexStoredArticle } from '../insight/indexer';
import { checkImportSize, createBackup, importLibraryFile, serializeBackup, wipeLibrary, type LibraryArticle } from '../library';
import { CATEGORY_LABELS, MEASURE_CATEGORIES, compileCatalogue, detectMeasures, type Catalogue } from '../measures';
import type { Reply } from '../messages/contract';
import { removeFromIndex } from '../related';
import type { LibraryData, LibraryDeps, MeasureOption } from './library-deps';

const CORPUS_PREFIX = 'corpus:';
const BROADCAST_GRACE_MS = 300;

/**
 * Every highlight, the heads of the corpus articles they belong to (what the list shows and filters on:
 * bodies stay in the database), and the colour names, in one read transaction (so liveQuery re-runs
 * it when any of them changes). Heads are fetched by the keys the highlights name (`corpus:<id>` or
 * the Sina key), not the whole corpus.
 */
export async function loadLibrary(db: LensDB): Promise<LibraryData> {
  return db.transaction('r', db.highlights, db.articleHeads, db.settings, async () => {
    const highlights = await readInPages(db.highlights, (h) => h.id);
    const ids = new Set<string>();
    const keys = new Set<string>();
    for (const h of highlights) {
      if (h.articleKey.startsWith(CORPUS_PREFIX)) ids.add(h.articleKey.slice(CORPUS_PREFIX.length));
      else keys.add(h.articleKey);
    }
    const byId = await db.articleHeads.bulkGet([...ids]);
    const byKey = keys.size > 0 ? await db.articleHeads.where('key').anyOf([...keys]).toArray() : [];
    const articles = new Map<string, LibraryArticle>();
    for (const a of [...byId, ...byKey]) if (a) articles.set(a.id, a);
    return { highlights, articles: [...articles.values()], colorRenames: await readColorRenames(db) };
  });
}

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
  send(message: unknown): Promise<unknown>;
  catalogue: Catalogue;
  lang: Lang;
  /**
   * The background's "highlights changed" broadcast. liveQuery already sees writes made by the
   * background (Dexie signals them across the extension's contexts); this re-reads on the broadcast
   * too, so a missed signal never leaves the list stale.
   */
  onHighlightsChanged?(listener: () => void): () => void;
  /** How long liveQuery may take to report a change the background announced (tests shorten it). */
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
  const grace = w.broadcastGraceMs ?? BROADCAST_GRACE_MS;
  // Compiled on the first quote that needs it (a highlight outside the corpus, under a measure filter).
  let compiled: ReturnType<typeof compileCatalogue> | undefined;

  const call = async <T>(message: Record<string, unknown>): Promise<T> => {
    const reply = (await send(message)) as Reply<T> | undefined;
    if (!reply) throw new Error(t('panel.noAnswer'));
    if (!reply.ok) throw new WordedError(reply.error, reply.code);
    return reply.value;
  };
  /** After an import or a wipe: the background refreshes its corpus view and every tab its highlights. */
  const announce = async () => {
    await Promise.all([send({ type: 'corpus:changed' }), send({ type: 'highlights:changed-all' })]).catch(() => undefined);
  };

  return {
    watch(onData, onError) {
      const fail = (e: unknown) => onError(e as Error);
      let lastEmit = -Infinity;
      const subscription = liveQuery(() => loadLibrary(db)).subscribe({
        next: (data) => {
          lastEmit = Date.now();
          onData(data);
        },
        error: fail,
      });
      // The broadcast and liveQuery's own signal arrive close together, in either order: re-read only
      // when liveQuery reported nothing around the broadcast, so a change costs one rebuild, not two.
      const timers = new Set<ReturnType<typeof setTimeout>>();
      const stop = w.onHighlightsChanged?.(() => {
        const heard = Date.now();
        const timer = setTimeout(() => {
          timers.delete(timer);
          if (lastEmit < heard - grace) void loadLibrary(db).then(onData, fail);
        }, grace);
        timers.add(timer);
      });
      return () => {
        subscription.unsubscribe();
        stop?.();
        for (const timer of timers) clearTimeout(timer);
      };
    },
    update: (id, patch) => call<HighlightRecord>({ type: 'highlights:update', id, patch }),
    remove: (id) => call<HighlightRecord | null>({ type: 'highlights:delete', id }),
    restore: (record) => call<HighlightRecord>({ type: 'highlights:restore', record }),
    async open(highlightId) {
      await call<{ tabId: number }>({ type: 'library:open', highlightId });
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
      const report = await importLibraryFile(db, { name: file.name, bytes }, { index: (article) => indexStoredArticle(db, article, catalogue) });
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
