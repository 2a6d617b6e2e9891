/**
 * Which highlight a tab the library opened is to show. Once this was a `#policy-lens=<id>` fragment
 * on the Sina address, which every page script could read before the content script took it out:
 * it told the page that Policy Lens is installed and that the reader came from their notes. Now
 * the background keeps it, in `storage.session` (it survives the worker sleeping while the page
 * loads), and hands it once to the content script of that tab, if it shows that article.
 */
export interface PendingReveal {
  highlightId: string;
  articleKey: string;
}

export interface RevealStore {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}

const keyOf = (tabId: number) => `reveal:${tabId}`;

export function pendingReveals(area: RevealStore) {
  return {
    /** The library opened `tabId` to show this highlight. */
    remember: (tabId: number, reveal: PendingReveal) => area.set({ [keyOf(tabId)]: reveal }),
    /** The highlight to show in `tabId`, if it was asked for this article; asked once only. */
    async take(tabId: number, articleKey: string): Promise<string | null> {
      const value = (await area.get(keyOf(tabId)))[keyOf(tabId)] as Partial<PendingReveal> | undefined;
      if (!value) return null;
      await area.remove(keyOf(tabId));
      return value.articleKey === articleKey && typeof value.highlightId === 'string' ? value.highlightId : null;
    },
    forget: (tabId: number) => area.remove(keyOf(tabId)),
  };
}

/** An area in memory, for tests. */
export function memoryArea(): RevealStore {
  const map = new Map<string, unknown>();
  return {
    get: async (key) => (map.has(key) ? { [key]: map.get(key) } : {}),
    set: async (items) => void Object.entries(items).forEach(([k, v]) => map.set(k, v)),
    remove: async (key) => void map.delete(key),
  };
}
