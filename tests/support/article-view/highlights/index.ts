/**
 * Test helpers for the in-page UI (test-only). The UI lives in closed shadow roots, which is the
 * point; tests get at them by recording what attachShadow returns.
 */
import { afterEach, beforeEach, vi } from 'vitest';
import { setLang } from '../../../../lib/i18n';

export function captureShadowRoots(): { roots: ShadowRoot[]; rootOf(selector: string): ShadowRoot } {
  const roots: ShadowRoot[] = [];
  const original = Element.prototype.attachShadow;
  vi.spyOn(Element.prototype, 'attachShadow').mockImplementation(function (this: Element, init: ShadowRootInit) {
    const root = original.call(this, init);
    roots.push(root);
    return root;
  });
  return {
    roots,
    /** The part of the UI (its closed shadow root) holding an element that matches `selector`. */
    rootOf(selector) {
      const root = roots.find((r) => r.querySelector(selector) !== null);
      if (!root) throw new Error(`no shadow root holds ${selector}`);
      return root;
    },
  };
}

/**
 * For a test file of one in-page UI part: before each test, Chinese wording, shadow roots recorded and the page's
 * body set to `bodyHtml`; after it, `teardown` (destroy what the test mounted), then mocks, timers, wording and
 * page put back. Returns the recorded shadow roots of the running test.
 */
export function inPageUiTest(bodyHtml: string, teardown: () => void): { rootOf(selector: string): ShadowRoot } {
  let shadow: ReturnType<typeof captureShadowRoots>;
  beforeEach(() => {
    setLang('zh');
    shadow = captureShadowRoots();
    document.body.innerHTML = bodyHtml;
  });
  afterEach(() => {
    teardown();
    vi.restoreAllMocks();
    vi.useRealTimers();
    setLang('en');
    document.body.innerHTML = '';
  });
  return { rootOf: (selector) => shadow.rootOf(selector) };
}

export function key(target: Element, key: string, init: KeyboardEventInit = {}): KeyboardEvent {
  const event = new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true, ...init });
  target.dispatchEvent(event);
  return event;
}

export const flush = () => new Promise((r) => setTimeout(r, 0));

/** Waits until `condition` holds (polling), so timing tests do not depend on the machine's load. */
export async function until(condition: () => boolean, timeoutMs = 2000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > end) throw new Error('until: condition not met in time');
    await new Promise((r) => setTimeout(r, 5));
  }
}
