import { render } from 'preact';
import { getLang } from '@/lib/i18n';
import type { StoredArticleInsight } from '@/lib/insight/analyze-stored';
import { ReaderPage, type ReaderHighlightDeps } from './ReaderPage';

/** The article id in `reader.html#<id>`, or null. */
export function articleIdFromHash(hash: string): string | null {
  const raw = hash.replace(/^#/, '');
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** Renders the reader page for the id in the hash, again whenever the hash changes. */
export function mountReader(
  el: HTMLElement,
  load: (id: string) => Promise<StoredArticleInsight | null>,
  highlights?: ReaderHighlightDeps,
): void {
  document.documentElement.lang = getLang() === 'zh' ? 'zh-CN' : 'en';
  const show = () => render(<ReaderPage id={articleIdFromHash(location.hash)} load={load} highlights={highlights} />, el);
  window.addEventListener('hashchange', show);
  show();
}
