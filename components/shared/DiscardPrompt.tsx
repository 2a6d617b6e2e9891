import { useEffect, useId, useRef } from 'preact/hooks';
import { t } from '@/lib/i18n';

/**
 * "Discard the unsaved note?" under a note box whose reader pressed Esc or Cancel with changes: keeping
 * is the default (focused, and Esc again keeps), discarding takes a deliberate click.
 */
export function DiscardPrompt({ onKeep, onDiscard }: { onKeep(): void; onDiscard(): void }) {
  const keep = useRef<HTMLButtonElement>(null);
  const question = useId();
  useEffect(() => keep.current?.focus(), []);
  return (
    <div
      class="discard-prompt"
      role="group"
      aria-labelledby={question}
      data-testid="discard-prompt"
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          onKeep();
        }
      }}
    >
      <p id={question}>{t('drafts.question')}</p>
      <button type="button" class="primary" ref={keep} data-testid="draft-keep" onClick={onKeep}>
        {t('drafts.keep')}
      </button>
      <button type="button" class="link danger" data-testid="draft-discard" onClick={onDiscard}>
        {t('drafts.discard')}
      </button>
    </div>
  );
}
