// reader.html#<articleId>: a corpus article, read straight from the extension's IndexedDB.
import catalogue from 'virtual:policy-lens/measures';
import '@/components/shared/base.css';
import '@/components/panel/panel.css';
import '@/components/reader/reader.css';
import { mountReader } from '@/components/reader/mount';
import { lensDB } from '@/lib/db/schema';
import { analyzeStoredArticle } from '@/lib/insight/analyze-stored';
import { HIGHLIGHTS_CHANGED } from '@/lib/messages/contract';

const db = lensDB();
mountReader(document.getElementById('app')!, (id) => analyzeStoredArticle(db, id, { catalogue }), {
  send: (message) => browser.runtime.sendMessage(message),
  onChanged: (listener) => {
    const cb = (message: unknown, sender: { id?: string }) => {
      const m = message as { type?: unknown; articleKey?: unknown } | null;
      if (sender.id === browser.runtime.id && m?.type === HIGHLIGHTS_CHANGED && typeof m.articleKey === 'string') listener(m.articleKey);
    };
    browser.runtime.onMessage.addListener(cb);
    return () => browser.runtime.onMessage.removeListener(cb);
  },
});
