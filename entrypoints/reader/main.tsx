// reader.html#<articleId>: a corpus article, read straight from the extension's IndexedDB.
import catalogue from 'virtual:policy-lens/measures';
import '@/components/shared/base.css';
import '@/components/panel/panel.css';
import '@/components/reader/reader.css';
import { mountReader } from '@/components/reader/mount';
import { lensDB } from '@/lib/db/schema';
import { analyzeStoredArticle } from '@/lib/insight/analyze-stored';
import { HIGHLIGHTS_CHANGED } from '@/lib/messages/broadcasts';
import { onBroadcast, runtimeSend } from '@/lib/messages/client';

const db = lensDB();
mountReader(document.getElementById('app')!, (id) => analyzeStoredArticle(db, id, { catalogue }), {
  send: runtimeSend,
  onChanged: (listener) => onBroadcast(HIGHLIGHTS_CHANGED, (message) => listener(message.articleKey)),
});
