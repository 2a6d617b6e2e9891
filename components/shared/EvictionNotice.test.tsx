import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '@/lib/i18n';
import { EvictionNotice } from './EvictionNotice';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  setLang('en');
});

describe('the eviction notice', () => {
  it('says what happened and points at the last backup, until dismissed', () => {
    root = document.createElement('div');
    document.body.append(root);
    const onDismiss = vi.fn();
    act(() =>
      render(
        <EvictionNotice notice={{ detectedAt: '2026-03-01T00:00:00Z', lastBackupAt: '2026-02-01T08:00:00Z' }} onDismiss={onDismiss} />,
        root!,
      ),
    );
    const alert = root.querySelector('[role="alert"]')!;
    expect(alert.textContent).toContain('emptied');
    expect(alert.textContent).toContain('2026');
    act(() => root!.querySelector('button')!.click());
    expect(onDismiss).toHaveBeenCalled();
  });

  it('says there is no backup to import when there is none, and shows nothing without a notice', () => {
    root = document.createElement('div');
    document.body.append(root);
    act(() =>
      render(<EvictionNotice notice={{ detectedAt: '2026-03-01T00:00:00Z', lastBackupAt: null }} onDismiss={() => undefined} />, root!),
    );
    expect(root.textContent).toContain('no backup');
    act(() => render(<EvictionNotice notice={null} onDismiss={() => undefined} />, root!));
    expect(root.innerHTML).toBe('');
  });
});
