import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { t } from '@/lib/i18n';
import { debounce } from '@/lib/library/debounce';
import { isComposingKey } from '@/lib/text/composition';

type Props = {
  /** The text searched when the bar appears. */
  initial: string;
  onSearch(text: string): void;
};

/**
 * Search as you type: the query runs once typing pauses (lib/library/debounce.ts). While an input method
 * composes (pinyin letters before the reader picks 医保), nothing is searched: only the characters
 * chosen count. Enter searches at once; Esc clears.
 */
export function SearchBar({ initial, onSearch }: Props) {
  const [draft, setDraft] = useState(initial);
  const composing = useRef(false);
  const search = useMemo(() => debounce(onSearch), [onSearch]);
  useEffect(() => () => search.cancel(), [search]);

  const changed = (text: string) => {
    setDraft(text);
    if (!composing.current) search(text);
  };
  const clear = () => {
    setDraft('');
    search.cancel();
    onSearch('');
  };

  return (
    <div class="search-bar" role="search">
      <label class="visually-hidden" for="library-search">
        {t('library.search.label')}
      </label>
      <input
        id="library-search"
        type="search"
        data-testid="library-search"
        value={draft}
        placeholder={t('library.search.placeholder')}
        autoComplete="off"
        spellcheck={false}
        onInput={(e) => changed((e.currentTarget as HTMLInputElement).value)}
        onCompositionStart={() => (composing.current = true)}
        onCompositionEnd={(e) => {
          // Chrome sends the last `input` before compositionend, Firefox after: search from here in both.
          composing.current = false;
          changed((e.currentTarget as HTMLInputElement).value);
        }}
        onKeyDown={(e) => {
          if (isComposingKey(e)) return;
          if (e.key === 'Enter') search.flush();
          if (e.key === 'Escape' && draft !== '') {
            // Esc empties the box rather than closing the popup.
            e.preventDefault();
            e.stopPropagation();
            clear();
          }
        }}
      />
      {draft !== '' && (
        <button
          type="button"
          class="icon"
          data-testid="library-search-clear"
          aria-label={t('library.search.clear')}
          title={t('library.search.clear')}
          onClick={clear}
        >
          ×
        </button>
      )}
    </div>
  );
}
