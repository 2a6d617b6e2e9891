/**
 * The secret that tells the panel frame the content script made from any other frame of panel.html.
 *
 * panel.html must be web-accessible to be framed in the article page, so a page can frame it too
 * (at a URL it guessed or learned) and lay it, transparent, over a decoy: the reader's clicks would
 * then hit Delete or Re-attach in a panel showing the tab's real state. So the background answers
 * a panel framed in a tab only when the request carries that tab's secret:
 *
 * - the content script asks for one when it starts (`frame:secret`, content scripts only);
 * - it puts it in the fragment of the frame's address, which only it and the frame can read (the
 *   frame sits in a closed shadow root; a cross-origin frame's location is unreadable to the page,
 *   and a fragment is never sent anywhere);
 * - the panel sends it with every request (lib/contexts/extension-pages/panel/sources.ts), and the router refuses a framed
 *   extension page whose secret is not one of its tab's (lib/contexts/background/router.ts).
 *
 * Secrets live in `storage.session`: in memory, never written to disk, out of content scripts'
 * reach, and kept while the service worker sleeps. A tab keeps its last few, so a page restored
 * from the back/forward cache with its panel frame still works.
 */

export interface SecretStore {
  get(key: string): Promise<string[] | undefined>;
  set(key: string, value: string[]): Promise<void>;
  remove(key: string): Promise<void>;
}

/** Secrets a tab keeps: this page's and a few earlier ones still in the back/forward cache. */
const KEPT = 8;

const keyOf = (tabId: number) => `frame-secret:${tabId}`;

/** 128 random bits, URL-safe. */
export function newSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares without stopping at the first difference, so timing tells nothing about a guess. */
function same(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

export interface FrameSecrets {
  /** A new secret for the panel frame the content script of `tabId` is about to make. */
  mint(tabId: number): Promise<string>;
  /** Whether `secret` is one of the secrets handed to the content script of `tabId`. */
  check(tabId: number, secret: unknown): Promise<boolean>;
  /** The tab closed. */
  forget(tabId: number): Promise<void>;
}

export function frameSecrets(store: SecretStore): FrameSecrets {
  return {
    async mint(tabId) {
      const secret = newSecret();
      const kept = (await store.get(keyOf(tabId))) ?? [];
      await store.set(keyOf(tabId), [secret, ...kept].slice(0, KEPT));
      return secret;
    },
    async check(tabId, secret) {
      if (typeof secret !== 'string' || secret.length !== 32) return false;
      const kept = (await store.get(keyOf(tabId))) ?? [];
      return kept.some((s) => same(s, secret));
    },
    forget: (tabId) => store.remove(keyOf(tabId)),
  };
}

/** The store in the browser's session storage (cleared when the browser closes). */
export function sessionSecretStore(area: {
  get(key: string): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(key: string): Promise<void>;
}): SecretStore {
  return {
    async get(key) {
      const value = (await area.get(key))[key];
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : undefined;
    },
    set: (key, value) => area.set({ [key]: value }),
    remove: (key) => area.remove(key),
  };
}

/** A store in memory, for tests. */
export function memorySecretStore(): SecretStore {
  const map = new Map<string, string[]>();
  return {
    get: async (key) => map.get(key),
    set: async (key, value) => void map.set(key, value),
    remove: async (key) => void map.delete(key),
  };
}
