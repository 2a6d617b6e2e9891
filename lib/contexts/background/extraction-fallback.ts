/**
 * Loads the extraction fallback (Readability, entrypoints/extraction-fallback.ts) into one tab's
 * top frame, on its content script's request: into the content script's own isolated world, where
 * the page cannot see it, and only on the rare page whose body no known Sina template holds. Every
 * other article page never evaluates those 30 KB. No page can load it: only this extension's content
 * script on a Sina article page may ask (lib/contexts/background/router.ts), and the file is not web-accessible.
 */
export const FALLBACK_FILE = '/extraction-fallback.js' as const;

export type InjectScript = (target: { tabId: number; frameIds: number[] }, files: [typeof FALLBACK_FILE]) => Promise<unknown>;

export async function loadExtractionFallback(tabId: number, inject: InjectScript): Promise<true> {
  await inject({ tabId, frameIds: [0] }, [FALLBACK_FILE]);
  return true;
}
