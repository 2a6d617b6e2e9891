/**
 * The content script's side of the extraction fallback: ask the background to load it into this
 * page's isolated world (lib/contexts/background/extraction-fallback.ts), then take it from where the loaded
 * file leaves it. Loaded once per page; null when it cannot be had (the reader then gets no panel, as
 * before, rather than an error).
 */
import { createClient, type Send } from '../../messages/client';
import type { ExtractionFallback } from '../../sina/extract';
import { FALLBACK_GLOBAL } from '../../sina/fallback-global';

type Holder = { [FALLBACK_GLOBAL]?: ExtractionFallback };

export function extractionFallbackLoader(send: Send): () => Promise<ExtractionFallback | null> {
  const { ask } = createClient(send);
  return async () => {
    const holder = globalThis as Holder;
    if (!holder[FALLBACK_GLOBAL]) {
      const reply = await ask({ type: 'page:load-fallback' });
      if (!reply.ok) {
        console.warn(`[Policy Lens] the extraction fallback could not be loaded: ${reply.error}`);
        return null;
      }
    }
    return holder[FALLBACK_GLOBAL] ?? null;
  };
}
