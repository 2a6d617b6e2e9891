import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mountPanelHost, type PanelHost } from './panel-host';

const label = {
  tab: 'Policy Lens',
  open: 'Show the Policy Lens panel',
  close: 'Collapse the Policy Lens panel',
  frame: 'Policy Lens panel',
};
let host: PanelHost | undefined;
// happy-dom does not load frames, and says so loudly for each one: keep the src as a plain attribute.
const nativeSrc = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'src')!;
beforeEach(() => {
  Object.defineProperty(HTMLIFrameElement.prototype, 'src', {
    configurable: true,
    get(this: HTMLIFrameElement) {
      return this.getAttribute('data-src') ?? '';
    },
    set(this: HTMLIFrameElement, v: string) {
      this.setAttribute('data-src', v);
      this.setAttribute('srcdoc', '');
    },
  });
});
afterEach(() => {
  Object.defineProperty(HTMLIFrameElement.prototype, 'src', nativeSrc);
  host?.destroy();
  host = undefined;
});

function mount(open: boolean, articleRight: () => number) {
  const onToggle = vi.fn();
  host = mountPanelHost(document, { src: 'chrome-extension://lens/panel.html', open, label, onToggle, articleRight });
  return { onToggle, el: [...document.documentElement.children].find((c) => c !== document.head && c !== document.body)! };
}

describe('the in-page panel host', () => {
  it('hides its insides from the page behind a closed shadow root on a plain element that names nothing', () => {
    const { el } = mount(true, () => 300);
    expect(el.tagName).toBe('DIV');
    expect(el.attributes).toHaveLength(0);
    expect(el.shadowRoot).toBeNull();
    expect(document.querySelectorAll('iframe')).toHaveLength(0);
  });

  it('opens beside an article that leaves room, without touching the page', () => {
    mount(true, () => 300);
    expect(host!.isOpen()).toBe(true);
    expect(document.documentElement.style.marginRight).toBe('');
  });

  it('narrows the page when that frees the article, and restores it when collapsed or removed', () => {
    // The article sits under the panel until the page is narrowed by the panel's width.
    const right = () => (document.documentElement.style.marginRight ? 500 : window.innerWidth - 10);
    const { onToggle } = mount(true, right);
    expect(host!.isOpen()).toBe(true);
    expect(document.documentElement.style.marginRight).toBe('380px');
    expect(host!.toggle()).toBe(false);
    expect(onToggle).toHaveBeenLastCalledWith(false);
    expect(document.documentElement.style.marginRight).toBe('');
    expect(host!.setOpen(true)).toBe(true);
    host!.destroy();
    host = undefined;
    expect(document.documentElement.style.marginRight).toBe('');
    // Not even an empty style attribute is left on <html>.
    expect(document.documentElement.hasAttribute('style')).toBe(false);
  });

  it('stays a tab when the article would be covered, until the reader opens it', () => {
    const { onToggle } = mount(true, () => window.innerWidth - 10);
    expect(host!.isOpen()).toBe(false);
    expect(onToggle).not.toHaveBeenCalled();
    expect(host!.toggle()).toBe(true);
    expect(onToggle).toHaveBeenLastCalledWith(true);
  });

  it('stays collapsed when the reader left it so', () => {
    mount(false, () => 300);
    expect(host!.isOpen()).toBe(false);
  });
});
