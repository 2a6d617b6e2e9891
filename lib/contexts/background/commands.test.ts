import { describe, expect, it, vi } from 'vitest';
import { handleCommand, HIGHLIGHT_COMMAND, TOGGLE_PANEL_COMMAND, type CommandDeps } from './commands';

function deps(active: number | null = 3): CommandDeps & { toTab: ReturnType<typeof vi.fn> } {
  return { activeTabId: vi.fn(async () => active ?? undefined), toTab: vi.fn(async () => false) };
}

describe('keyboard commands', () => {
  it('toggles the panel of the tab the browser names', async () => {
    const d = deps();
    expect(await handleCommand(TOGGLE_PANEL_COMMAND, { id: 9 }, d)).toBe(false);
    expect(d.toTab).toHaveBeenCalledWith(9, { type: 'tab:toggle' });
    expect(d.activeTabId).not.toHaveBeenCalled();
  });

  it('highlights the selection of the tab', async () => {
    const d = deps();
    d.toTab.mockResolvedValueOnce({ ok: true, value: { id: 'h1' } });
    expect(await handleCommand(HIGHLIGHT_COMMAND, { id: 5 }, d)).toEqual({ ok: true, value: { id: 'h1' } });
    expect(d.toTab).toHaveBeenCalledWith(5, { type: 'tab:highlight-selection' });
  });

  it('falls back to the active tab when the browser names none', async () => {
    const d = deps(4);
    await handleCommand(TOGGLE_PANEL_COMMAND, undefined, d);
    expect(d.toTab).toHaveBeenCalledWith(4, { type: 'tab:toggle' });
  });

  it('does nothing for other commands, without a tab, or on a page without the lens', async () => {
    const d = deps(null);
    expect(await handleCommand('something-else', { id: 1 }, d)).toBeUndefined();
    expect(await handleCommand(TOGGLE_PANEL_COMMAND, undefined, d)).toBeUndefined();
    expect(await handleCommand(TOGGLE_PANEL_COMMAND, { id: -1 }, d)).toBeUndefined();
    expect(d.toTab).not.toHaveBeenCalled();
    const noLens = deps();
    noLens.toTab.mockRejectedValueOnce(new Error('Could not establish connection. Receiving end does not exist.'));
    expect(await handleCommand(TOGGLE_PANEL_COMMAND, { id: 2 }, noLens)).toBeUndefined();
  });
});
