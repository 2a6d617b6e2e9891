import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { createHighlightController, type HighlightController } from '@/lib/contexts/article-view/highlights/controller';
import type { LensState } from '@/lib/messages/tab-state';
import { highlightClient } from '@/lib/contexts/article-view/highlights/client';
import type { Send } from '@/lib/messages/client';
import { ALL_ARTICLES } from '@/lib/messages/contract';
import { findText, scrollToRange } from '@/lib/contexts/article-view/reveal';
import type { StoredArticle } from '@/lib/db/schema';
import type { ArticleInsight } from '@/lib/insight/analyze';
import type { StoredArticleInsight } from '@/lib/insight/analyze-stored';
import { formatDate, t } from '@/lib/i18n';
import type { PanelSource } from '@/lib/contexts/extension-pages/panel/sources';
import { displayTitle } from '@/lib/text/display-title';
import { PanelApp } from '../panel/PanelApp';
import { describeError } from '@/lib/i18n/errors';

/** How the reader page reaches the reader's highlights (through the background, like a tab does). */
export type ReaderHighlightDeps = {
  send: Send;
  /** The background's notice that an article's highlights changed; returns the unsubscribe. */
  onChanged(listener: (articleKey: string) => void): () => void;
};

type Props = {
  /** The corpus article id from the page's hash, or null when none was given. */
  id: string | null;
  load(id: string): Promise<StoredArticleInsight | null>;
  /** Absent in tests of the page alone: highlighting is then off. */
  highlights?: ReaderHighlightDeps;
};

type View =
  | { status: 'loading' }
  | { status: 'none' }
  | { status: 'missing' }
  | { status: 'error'; error: string }
  | { status: 'ready'; article: StoredArticle; insight: ArticleInsight };

/**
 * The reader page: a corpus article as plain text (each paragraph a text node, never parsed HTML, so
 * nothing in a stored article can run or load), with the same panel beside it.
 */
export function ReaderPage({ id, load, highlights }: Props) {
  const [view, setView] = useState<View>({ status: 'loading' });
  useEffect(() => {
    if (!id) {
      setView({ status: 'none' });
      return;
    }
    let current = true;
    setView({ status: 'loading' });
    load(id).then(
      (found) => current && setView(found ? { status: 'ready', ...found } : { status: 'missing' }),
      (error: Error) => current && setView({ status: 'error', error: describeError(error) }),
    );
    return () => {
      current = false;
    };
  }, [id, load]);

  useEffect(() => {
    document.title = view.status === 'ready' ? `${displayTitle(view.article.title)} — ${t('appName')}` : t('reader.title');
  }, [view]);

  if (view.status !== 'ready') {
    return (
      <main class="reader-message" data-testid="reader" data-status={view.status}>
        <h1>{t('reader.title')}</h1>
        <p role={view.status === 'loading' ? 'status' : 'alert'}>
          {view.status === 'loading' && t('reader.loading')}
          {view.status === 'none' && t('reader.noArticle')}
          {view.status === 'missing' && t('reader.notFound')}
          {view.status === 'error' && t('reader.error', view.error)}
        </p>
        {(view.status === 'missing' || view.status === 'none') && (
          <p>
            <a href="/options.html">{t('reader.openCorpus')}</a>
          </p>
        )}
      </main>
    );
  }
  return <ReaderArticle article={view.article} insight={view.insight} highlights={highlights} />;
}

function ReaderArticle({
  article,
  insight,
  highlights,
}: {
  article: StoredArticle;
  insight: ArticleInsight;
  highlights: ReaderHighlightDeps | undefined;
}) {
  const body = useRef<HTMLDivElement>(null);
  const controller = useRef<HighlightController | null>(null);
  const listeners = useRef(new Set<() => void>());
  // A corpus article that came from a Sina page shares that page's highlights (same key).
  const articleKey = article.key ?? insight.key;
  const api = useMemo(() => (highlights ? highlightClient(highlights.send) : null), [highlights]);

  useEffect(() => {
    if (!highlights || !api || !body.current) return;
    const c = createHighlightController({
      doc: document,
      body: body.current,
      article: { key: articleKey, url: article.url ?? location.href, title: article.title },
      api,
      onChange: () => listeners.current.forEach((l) => l()),
    });
    controller.current = c;
    // Opened from the library to show one highlight (reader.html?highlight=<id>#<article>).
    const asked = new URLSearchParams(location.search).get('highlight');
    void c.load().then(() => asked && c.reveal(asked));
    const off = highlights.onChanged((key) => {
      if (key === articleKey || key === ALL_ARTICLES) void c.refresh();
    });
    return () => {
      off();
      c.destroy();
      controller.current = null;
    };
  }, [highlights, api, articleKey, article]);

  const source = useMemo<PanelSource>(() => {
    const state: LensState = {
      status: 'ready',
      article: { key: insight.key, title: article.title, publishedAt: article.date, source: article.source || null, url: article.url },
      insight,
    };
    return {
      load: async () => (controller.current ? { ...state, highlights: controller.current.view() } : state),
      reveal: async (target) => {
        if (controller.current) return controller.current.revealText(target);
        const range = body.current ? findText(body.current, target) : null;
        if (range) scrollToRange(range);
        return range !== null;
      },
      subscribe: (onChange) => {
        listeners.current.add(onChange);
        return () => listeners.current.delete(onChange);
      },
      ...(api && {
        highlights: {
          show: async (id) => controller.current?.reveal(id) ?? false,
          update: api.update,
          remove: api.remove,
          restore: api.restore,
          reattach: async (id) => {
            if (!controller.current) throw new Error(t('highlights.selection.no-article'));
            return controller.current.reattach(id);
          },
        },
      }),
    };
  }, [article, insight, api]);

  return (
    <div class="reader" data-testid="reader" data-status="ready" data-article-id={article.id}>
      <main class="reader-article" aria-labelledby="reader-title">
        <article>
          <header>
            <h1 id="reader-title" lang="zh-CN" data-testid="reader-title">
              {displayTitle(article.title)}
            </h1>
            <p class="meta">
              <time dateTime={article.date}>{formatDate(article.date)}</time>
              {article.source && <span lang="zh-CN"> · {article.source}</span>}
              {article.editor && <span lang="zh-CN"> · {article.editor}</span>}
            </p>
            <p class="note">
              {t('reader.copyNote')}{' '}
              {article.url && (
                <a href={article.url} rel="noreferrer" data-testid="reader-original">
                  {t('reader.openOriginal')}
                </a>
              )}
            </p>
          </header>
          {/* A '\n' text node between paragraphs makes the body's text exactly the stored text, so the
              panel's offsets (paragraphs joined by '\n') land where they should. */}
          <div class="reader-body" ref={body} lang="zh-CN" data-testid="reader-body" aria-label={t('reader.article')}>
            {article.paragraphs.map((p, i) => [i > 0 ? '\n' : null, <p key={i}>{p}</p>])}
          </div>
        </article>
      </main>
      <div class="reader-panel">
        <PanelApp source={source} landmark="aside" />
      </div>
    </div>
  );
}
