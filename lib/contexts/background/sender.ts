/**
 * Who sent a message. Only three kinds of sender are ever answered: this extension's own pages, the
 * panel framed in an article tab (an extension page in a frame of a web page: the router asks it for
 * its tab's frame secret, lib/contexts/background/frame-secret.ts, since a page may frame panel.html too), and
 * this extension's content script running in a tab on a Sina article URL. Web pages cannot message
 * the extension at all (no externally_connectable), but a message still says where it came from, and
 * a content script's tab may have navigated; checking costs nothing. A content script counts only on an
 * https article page, as the manifest injects it: a page served over plain http is anyone's on the way.
 */
import { parseArticleUrl } from '../../sina/url';

export type SenderInfo = { id?: string; url?: string; tab?: { id?: number }; frameId?: number };

export type SenderKind =
  | { kind: 'extension-page'; tabId?: number }
  | { kind: 'framed-page'; tabId: number }
  | { kind: 'content-script'; tabId: number; url: string };

export function classifySender(sender: SenderInfo, extensionId: string, extensionOrigin: string): SenderKind | null {
  if (sender.id !== extensionId || !sender.url) return null;
  if (sender.url.startsWith(extensionOrigin)) {
    // In a frame of a tab: only the panel is web-accessible, so this is a panel.html some page framed.
    if (sender.tab?.id !== undefined && sender.frameId !== undefined && sender.frameId !== 0)
      return { kind: 'framed-page', tabId: sender.tab.id };
    return { kind: 'extension-page', tabId: sender.tab?.id };
  }
  if (sender.tab?.id !== undefined && sender.frameId === 0 && sender.url.startsWith('https://') && parseArticleUrl(sender.url)) {
    return { kind: 'content-script', tabId: sender.tab.id, url: sender.url };
  }
  return null;
}
