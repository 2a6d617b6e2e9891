import { useCallback, useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { LensState } from '@/lib/messages/tab-state';
import type { MeasureInsight } from '@/lib/insight/analyze';
import type { PanelSource } from '@/lib/contexts/extension-pages/panel/sources';
import { t } from '@/lib/i18n';
import { PANEL_ANALYSIS_MARK } from '@/lib/contexts/extension-pages/timing-marks';
import type { HighlightActions } from './HighlightList';
import { Panel } from './Panel';

type Notice = { kind: 'ok' | 'error'; text: string; undo?: () => void } | null;

/** Shows what a PanelSource says, keeps it fresh, and turns the reader's clicks into source calls. */
export function PanelApp({ source, landmark }: { source: PanelSource; landmark?: 'main' | 'aside' }) {
  const [state, setState] = useState<LensState | null | undefined>(undefined);
  const [notice, setNotice] = useState<Notice>(null);
  const latest = useRef(0);

  const refresh = useCallback(async () => {
    // Loads can overlap (tab switches): only the last one asked for may set the state.
    const ticket = ++latest.current;
    const next = await source.load().catch(() => null);
    if (next?.status === 'ready' && performance.getEntriesByName(PANEL_ANALYSIS_MARK).length === 0) performance.mark(PANEL_ANALYSIS_MARK);
    if (ticket === latest.current) setState(next);
  }, [source]);

  useEffect(() => {
    void refresh();
    return source.subscribe(() => void refresh());
  }, [source, refresh]);

  const reveal = async (measure: MeasureInsight, index: number) => {
    const m = measure.mentions[index];
    if (!m) return;
    const found = await source.reveal(m.target).catch(() => false);
    setNotice(
      found
        ? { kind: 'ok', text: t('panel.showingMention', index + 1, measure.mentions.length, measure.name) }
        : { kind: 'error', text: t('panel.notFoundInPage') },
    );
  };

  const highlights = source.highlights;
  const highlightActions = useMemo<HighlightActions | undefined>(
    () =>
      highlights && {
        show: async (id) => {
          const found = await highlights.show(id);
          if (!found) setNotice({ kind: 'error', text: t('panel.notFoundInPage') });
          return found;
        },
        saveNote: async (id, note, baseNote) => {
          const saved = await highlights.update(id, { note, ...(baseNote !== undefined && { baseNote }) });
          // Saved elsewhere while this editor was open: the background kept both versions.
          if (saved.note !== note) setNotice({ kind: 'error', text: t('highlights.note.conflict') });
          else setNotice({ kind: 'ok', text: t('panel.highlights.saved') });
        },
        recolor: async (id, color) => void (await highlights.update(id, { color })),
        remove: async (id) => {
          const removed = await highlights.remove(id);
          if (removed)
            setNotice({
              kind: 'ok',
              text: t('highlights.undo.deleted'),
              undo: () => void highlights.restore(removed).then(() => setNotice(null)),
            });
        },
        reattach: async (id) => {
          await highlights.reattach(id);
          setNotice({ kind: 'ok', text: t('panel.highlights.reattached') });
        },
      },
    [highlights],
  );

  if (state === undefined) {
    return (
      <p class="status" role="status" data-testid="panel-starting">
        {t('panel.loading')}
      </p>
    );
  }
  return (
    <>
      <Panel
        landmark={landmark}
        state={state}
        onReveal={(m, i) => void reveal(m, i)}
        onCollapse={source.collapse ? () => void source.collapse?.() : undefined}
        onRetry={source.retry ? () => void source.retry?.().then(refresh) : undefined}
        highlightActions={highlightActions}
      />
      {/* Announces each jump for screen readers; a failure is shown to everyone. */}
      <p class="visually-hidden" role="status" data-testid="announce">
        {notice?.kind === 'ok' ? notice.text : ''}
      </p>
      {notice?.undo && (
        <div class="notice toast" data-testid="undo">
          <span>{notice.text}</span>
          <button type="button" class="primary" onClick={notice.undo}>
            {t('highlights.undo.action')}
          </button>
        </div>
      )}
      {notice?.kind === 'error' && (
        <p class="notice error" role="alert" data-testid="notice">
          {notice.text}
        </p>
      )}
    </>
  );
}
