/**
 * Whether Policy Lens may run on Sina article pages, and asking for it. Firefox does not grant a
 * Manifest V3 extension its hosts at install: until the reader allows them, a Sina article shows
 * nothing at all. Chrome grants them at install, but the reader may withhold them ("on click"). Both
 * answer `permissions.contains` for the content script's own match patterns and let the extension
 * request them again, with one click of the reader's.
 */
import { ARTICLE_MATCHES } from '../../../sina/match-patterns';

export type HostAccess = {
  /** True when the content script may run on every Sina article pattern. */
  has(): Promise<boolean>;
  /**
   * Asks the browser (it may prompt). Call it first thing in the click handler, before any await:
   * browsers accept the request only during the reader's gesture. Resolves to whether it is granted.
   */
  request(): Promise<boolean>;
  /** Calls `onChange` when the reader grants or withdraws access anywhere (the browser's menu too). */
  watch(onChange: () => void): () => void;
};

type PermissionsApi = {
  contains(p: { origins: string[] }): Promise<boolean>;
  request(p: { origins: string[] }): Promise<boolean>;
  onAdded: { addListener(cb: () => void): void; removeListener(cb: () => void): void };
  onRemoved: { addListener(cb: () => void): void; removeListener(cb: () => void): void };
};

export function hostAccess(api: PermissionsApi, origins: readonly string[] = ARTICLE_MATCHES): HostAccess {
  const wanted = { origins: [...origins] };
  return {
    has: () => api.contains(wanted),
    request: () => api.request(wanted),
    watch(onChange) {
      const cb = () => onChange();
      api.onAdded.addListener(cb);
      api.onRemoved.addListener(cb);
      return () => {
        api.onAdded.removeListener(cb);
        api.onRemoved.removeListener(cb);
      };
    },
  };
}

/** The extension's own permissions API as a HostAccess. */
export function browserHostAccess(): HostAccess {
  return hostAccess(browser.permissions as unknown as PermissionsApi);
}
