import { afterEach, describe, expect, it } from 'vitest';
import { pageUi } from './page-ui';

const added = () => [...document.documentElement.children].filter((c) => c !== document.head && c !== document.body);

afterEach(() => {
  for (const el of added()) el.remove();
});

describe('the page’s one Policy Lens host', () => {
  it('is one plain <div> with no attribute and a closed shadow root, however many parts it holds', () => {
    const ui = pageUi(document);
    const a = ui.part('.a {}');
    const b = pageUi(document).part('.b {}');
    expect(added()).toEqual([ui.host]);
    expect(ui.host.tagName).toBe('DIV');
    expect(ui.host.attributes).toHaveLength(0);
    expect(ui.host.shadowRoot).toBeNull();
    expect(a.root).not.toBe(b.root);
    expect(a.root.mode).toBe('closed');
  });

  it('keeps events from inside away from the page’s bubbling listeners, and knows them for its own', () => {
    const ui = pageUi(document);
    const { root } = ui.part('');
    const button = document.createElement('button');
    root.append(button);
    const heard: Event[] = [];
    document.addEventListener('click', (e) => heard.push(e));
    const mine: boolean[] = [];
    root.addEventListener('click', (e) => mine.push(ui.owns(e)));
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    expect(heard).toEqual([]);
    expect(mine).toEqual([true]);
    expect(ui.owns(new MouseEvent('click'))).toBe(false);
  });

  it('comes back if the page removed it', () => {
    const first = pageUi(document).host;
    first.remove();
    const second = pageUi(document).host;
    expect(second).not.toBe(first);
    expect(second.isConnected).toBe(true);
  });
});
