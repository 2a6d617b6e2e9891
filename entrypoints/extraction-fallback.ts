import { FALLBACK_GLOBAL } from '@/lib/sina/fallback-global';
import { readWithReadability } from '@/lib/sina/readability-fallback';

// Injected into an article page's isolated world on its content script's request (lib/contexts/sina-page/fallback.ts).
export default defineUnlistedScript(() => {
  (globalThis as Record<string, unknown>)[FALLBACK_GLOBAL] = readWithReadability;
});
