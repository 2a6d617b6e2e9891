import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { setLang } from '@/lib/i18n';
import { fakeHostAccess } from '@/tests/support/permissions';
import { WelcomePage } from './WelcomePage';

const links = {
  importArticles: '/options.html#import',
  restoreBackup: '/library.html#import',
  options: '/options.html',
  privacy: '/privacy.html',
  icon: '/icon/32.png',
};

let root: HTMLElement | undefined;
async function mount(node: ComponentChild) {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root!));
  await settle();
  return root;
}
const settle = () => act(async () => await new Promise((r) => setTimeout(r, 0)));
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  setLang('en');
});
const $ = (el: ParentNode, s: string) => el.querySelector<HTMLElement>(s);

describe('the welcome page', () => {
  it('asks for access to Sina pages with one button when the browser has not granted it', async () => {
    const { access } = fakeHostAccess(false);
    const el = await mount(<WelcomePage access={access} links={links} />);
    expect($(el, '[data-testid="host-access"]')?.dataset.state).toBe('missing');
    expect($(el, '[data-testid="host-access"]')?.textContent).toContain('nothing appears on them');
    act(() => $(el, '[data-testid="host-access-allow"]')!.click());
    await settle();
    expect(access.request).toHaveBeenCalledTimes(1);
    expect($(el, '[data-testid="host-access"]')?.dataset.state).toBe('granted');
    expect($(el, '[data-testid="host-access-allow"]')).toBeNull();
  });

  it('says so when the reader refuses in the browser’s prompt, and follows a grant made elsewhere', async () => {
    const { access, set } = fakeHostAccess(false, false);
    const el = await mount(<WelcomePage access={access} links={links} />);
    act(() => $(el, '[data-testid="host-access-allow"]')!.click());
    await settle();
    expect($(el, '[data-testid="host-access"]')?.dataset.state).toBe('refused');
    expect($(el, '[role="alert"]')?.textContent).toContain('did not allow it');
    set(true);
    await settle();
    expect($(el, '[data-testid="host-access"]')?.dataset.state).toBe('granted');
  });

  it('says what Policy Lens does in three lines, where the panel and the popup are, and offers imports', async () => {
    const { access } = fakeHostAccess(true);
    const el = await mount(<WelcomePage access={access} links={links} shortcut="Alt+Shift+L" />);
    expect(el.querySelectorAll('[data-testid="welcome-what"] li')).toHaveLength(3);
    const where = $(el, '[data-testid="welcome-where"]')!;
    expect(where.textContent).toContain('The panel, at the right of every Sina Finance article');
    expect(where.textContent).toContain('Keyboard shortcut: Alt+Shift+L');
    expect(where.textContent).toContain('The toolbar button');
    expect($(el, '[data-testid="welcome-import-articles"]')?.getAttribute('href')).toBe('/options.html#import');
    expect($(el, '[data-testid="welcome-restore-backup"]')?.getAttribute('href')).toBe('/library.html#import');
    expect([...el.querySelectorAll('a')].some((a) => a.getAttribute('href') === '/privacy.html')).toBe(true);
    // Persistent storage is not asked for here: there is nothing to keep yet.
    expect(el.textContent).not.toContain('Keep my data');
  });

  it('speaks Chinese in the Chinese interface', async () => {
    setLang('zh');
    const { access } = fakeHostAccess(false);
    const el = await mount(<WelcomePage access={access} links={links} />);
    expect($(el, 'h1')?.textContent).toContain('欢迎使用政策透镜');
    expect($(el, '[data-testid="host-access-allow"]')?.textContent).toBe('允许在新浪财经页面上运行');
  });
});
