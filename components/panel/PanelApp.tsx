import { useCallback, useEffect, useState } from 'preact/hooks';
import type { LensState } from '@/lib/content/state';
import type { MeasureInsight } from '@/lib/insight/analyze';
import type { Reply } from '@/lib/messages/contract';
import { t } from '@/lib/i18n';
import { Panel } from './Panel';

type Props = {
  send(message: unknown): Promise<unknown>;
  /** Subscribes to "what the panel shows changed" notices from content scripts. */
  onStateChanged(callback: () => void): void;
};

/** Fetches the tab's lens state through the background and keeps it fresh. */
export function PanelApp({ send, onStateChanged }: Props) {
  const [state, setState] = useState<LensState | null | undefined>(undefined);
  const [notice, setNotice] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    const reply = (await send({ type: 'panel:state' }).catch(() => undefined)) as Reply<LensState | null> | undefined;
    setState(reply?.ok ? reply.value : null);
  }, [send]);

  useEffect(() => {
    void refresh();
    onStateChanged(() => void refresh());
  }, [refresh, onStateChanged]);

  const reveal = async (measure: MeasureInsight, index: number) => {
    const m = measure.mentions[index];
    if (!m) return;
    const reply = (await send({ type: 'panel:reveal', target: m.target })) as Reply<boolean> | undefined;
    setNotice(reply?.ok && reply.value ? null : t('panel.notFoundInPage'));
  };

  if (state === undefined) return <p class="status" role="status">{t('panel.loading')}</p>;
  return (
    <>
      <Panel state={state} onReveal={(m, i) => void reveal(m, i)} />
      {notice && (
        <p class="status" role="alert">
          {notice}
        </p>
      )}
    </>
  );
}
