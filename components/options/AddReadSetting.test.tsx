import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { setLang } from '@/lib/i18n';
import { AddReadSetting } from './AddReadSetting';

let root: HTMLElement | undefined;
async function mount(on: boolean, setAddRead = vi.fn(async () => undefined)) {
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<AddReadSetting actions={{ getAddRead: async () => on, setAddRead }} />, root!);
  });
  return { el: root, setAddRead };
}
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  setLang('en');
});

describe('the "add what I read" setting', () => {
  it('says exactly which articles join: policy ones, by a measure or by their wording, and every one highlighted', async () => {
    for (const [lang, label, help] of [
      [
        'en',
        'medical-insurance policy articles',
        [
          'a policy measure of the catalogue is found in it',
          'wording is the language of medical-insurance policy',
          'an article you highlight always joins',
        ],
      ],
      ['zh', '医保政策文章', ['文中出现目录中的政策措施', '医保政策用语', '你高亮过的文章总会加入']],
    ] as const) {
      setLang(lang);
      const { el } = await mount(true);
      expect(el.querySelector('label')?.textContent).toContain(label);
      const text = el.querySelector('#add-read-help')?.textContent ?? '';
      for (const part of help) expect(text).toContain(part);
      render(null, root!);
      root!.remove();
    }
  });

  it('shows the stored value and saves a change', async () => {
    const { el, setAddRead } = await mount(true);
    const box = el.querySelector<HTMLInputElement>('[data-testid="setting-add-read"]')!;
    expect(box.checked).toBe(true);
    await act(async () => {
      box.click();
    });
    expect(setAddRead).toHaveBeenCalledWith(false);
  });
});
