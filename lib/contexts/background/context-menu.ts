/**
 * The context-menu item "Highlight with Policy Lens", shown only for a selection on a Sina article
 * page (the content script's own URL patterns), and only in the top frame, where the article is. A
 * click sends the tab's content script the same message as the keyboard shortcut.
 */
import { t } from '../../i18n';
import type { ContentRequest } from '../../messages/contract';
import { ARTICLE_MATCHES } from '../../sina/match-patterns';

export const HIGHLIGHT_MENU_ID = 'policy-lens-highlight';

type CreateProperties = { id: string; title: string; contexts: ['selection']; documentUrlPatterns: string[] };

export type MenuApi = {
  create(props: CreateProperties): unknown;
  removeAll(): Promise<void>;
};

/** Creates the item (again: on install and update the browser keeps none from before). */
export async function createHighlightMenu(menus: MenuApi): Promise<void> {
  await menus.removeAll();
  menus.create({ id: HIGHLIGHT_MENU_ID, title: t('highlights.menu'), contexts: ['selection'], documentUrlPatterns: [...ARTICLE_MATCHES] });
}

export type MenuClick = { menuItemId: string | number; frameId?: number };

/** A click on the item: ask the tab's content script to highlight its selection. */
export async function onHighlightMenu(
  info: MenuClick,
  tab: { id?: number } | undefined,
  toTab: (tabId: number, message: ContentRequest) => Promise<unknown>,
): Promise<unknown> {
  if (info.menuItemId !== HIGHLIGHT_MENU_ID || tab?.id === undefined || tab.id < 0) return undefined;
  // A selection inside a frame of the page (an ad, the panel) is not article text.
  if (info.frameId !== undefined && info.frameId !== 0) return undefined;
  return toTab(tab.id, { type: 'tab:highlight-selection' }).catch(() => undefined);
}
