import { useEffect, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';

type Props = { shown: number; total: number; onMore(): void };

/**
 * The end of the rendered page of highlights (lib/library/paging.ts): the next page loads when this
 * comes near the bottom of the window, or when the reader presses the button (keyboard, or a browser
 * without IntersectionObserver).
 */
export function MoreSentinel({ shown, total, onMore }: Props) {
  const button = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const el = button.current;
    if (!el || typeof IntersectionObserver === 'undefined') return;
    // A new observer per page: it reports the current state at once, so a window tall enough to show
    // the sentinel again after a page loads keeps loading until the window is full.
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) onMore();
      },
      { rootMargin: '0px 0px 400px 0px' },
    );
    observer.observe(el);
    return () => observer.disconnect();
  }, [shown, onMore]);
  return (
    <div class="library-more">
      <button type="button" ref={button} data-testid="library-more" data-shown={shown} onClick={onMore}>
        {t('library.more', shown, total)}
      </button>
    </div>
  );
}
