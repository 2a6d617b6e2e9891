/**
 * What a page cannot do to what the reader keeps, and what two places editing at once cannot lose
 * (issue 16 items 1 and 7), in the built extension in a real browser:
 * - a page that copies a stored article's headline and `article:published_time` with another body
 *   is stored apart: the stored record is intact (read from IndexedDB directly) and the reader page
 *   still shows the original text, with the reader's highlight in place;
 * - a highlight made in the reader page moves to the article's Sina key once its Sina page is
 *   opened, and shows on both;
 * - one note saved in two tabs keeps both versions, and the second tab says so.
 */
import { describe, expect, it } from 'vitest';
import { fixture } from '../../scripts/harness/fixture-server';
import { copiedPage } from './support/copied-pages';
import { readStore } from './support/extension-db';
import { highlightPhrase, listedHighlights, panelFrame, type ListedHighlight } from './support/highlights';
import { BROWSERS, useLens, type LensFrame, type LensPage } from './support/lens';
import { readyPanel } from './support/panel';
import { until } from './support/poll';

type Article = { id: string; key?: string; url?: string; title: string; text: string; paragraphs: string[]; origin: string; file?: string };
type Highlight = { id: string; articleKey: string; url: string; note: string; quote: { exact: string } };

const SEPARATOR = '——— 另一处保存的笔记 · saved elsewhere ———';

/** Another article's body under seed 000's headline and time: the same topic, none of its text. */
const COPIED_BODY = [
  '本报讯 记者从市医保局获悉，今年以来全市共检查定点医药机构1200余家，追回医保资金3000万元。',
  '下一步，市医保局将持续开展打击欺诈骗保专项整治行动，畅通举报渠道，对查实的违法违规行为依法严肃处理。',
  '广大参保群众如发现欺诈骗保线索，可拨打12393医保服务热线进行举报，经查实的将按规定给予奖励。',
];

describe.each(BROWSERS)('integrity in %s', (name) => {
  const lens = useLens(name);

  const store = async <T>(table: 'articles' | 'articleHeads' | 'highlights'): Promise<T[]> => {
    const page = await lens.browser.openExtensionPage('/options.html');
    const rows = (await page.evaluate(readStore, table)) as T[];
    await page.close();
    return rows;
  };
  const seeded = async (file: string): Promise<Article> => {
    const rows = await until(
      'the seeds stored',
      () => store<Article>('articles'),
      (r) => r.filter((a) => a.origin === 'seed').length === 5,
    );
    return rows.find((a) => a.file === file)!;
  };
  const openReader = async (id: string): Promise<LensPage> => {
    const reader = await lens.browser.openExtensionPage(`/reader.html#${id}`);
    await reader.waitFor(
      'the reader page to render the article',
      () => document.querySelector('[data-testid="reader"]')?.getAttribute('data-status') === 'ready',
      undefined,
      20_000,
    );
    await reader.waitFor(
      'the reader panel',
      () => document.querySelector('[data-testid="panel"]')?.getAttribute('data-status') === 'ready',
      undefined,
      20_000,
    );
    return reader;
  };
  const readerListed = (reader: LensPage) => reader.evaluate(listedHighlights) as Promise<ListedHighlight[]>;

  it('stores a page that copies a stored article’s title and time with another body apart: the stored record is intact and the reader page still shows the original', async () => {
    const seed = await seeded(fixture('seed-000-desktop').seed!);
    // A highlight made on the stored text in the reader page, before the copying page is visited.
    const reader = await openReader(seed.id);
    const phrase = seed.paragraphs[1]!.trim().slice(6, 20);
    await highlightPhrase(reader, phrase);
    await reader.close();
    const before = (await store<Article>('articles')).find((a) => a.id === seed.id)!;
    const headBefore = (await store<{ id: string }>('articleHeads')).find((h) => h.id === seed.id);

    const copy = copiedPage('seed-000-desktop', 'kcopied00000001', COPIED_BODY);
    lens.server.route(copy.url, copy.html);
    const page = await lens.browser.openPage(lens.server.urlOf(copy.url));
    const panel = await readyPanel(page);
    const stored = await until(
      'the copying page stored',
      () => store<Article>('articles'),
      (rows) => rows.some((a) => a.key === copy.key),
    );
    // The page's own record, under an id of its own, holds the page's body.
    const apart = stored.find((a) => a.key === copy.key)!;
    expect(apart.id).not.toBe(seed.id);
    expect(apart.paragraphs).toEqual(COPIED_BODY);
    expect(await panel.evaluate(() => document.querySelector('[data-testid="corpus-status"]')?.getAttribute('data-corpus-id'))).toBe(
      apart.id,
    );
    // The seed's record and its heads row are exactly as they were, and it did not take the page's URL.
    expect(stored.find((a) => a.id === seed.id)).toEqual(before);
    expect((await store<{ id: string }>('articleHeads')).find((h) => h.id === seed.id)).toEqual(headBefore);
    expect(before.url).toBeUndefined();
    await page.close();

    // The reader page shows the original text, with the highlight on it.
    const again = await openReader(seed.id);
    expect(await again.evaluate(() => document.querySelector('[data-testid="reader-body"]')?.textContent)).toBe(before.text);
    const listed = await until(
      'the highlight in the reader panel',
      () => readerListed(again),
      (l) => l.length === 1,
    );
    expect(listed[0]).toMatchObject({ status: 'anchored' });
    expect(listed[0]!.quote).toContain(phrase.slice(0, 8));
    await again.close();
  });

  it('moves a reader-page highlight to the article’s Sina key when its Sina page is opened, and shows it on both', async () => {
    const f = fixture('seed-002-desktop');
    const seed = await seeded(f.seed!);
    expect(seed.key).toBeUndefined();
    const reader = await openReader(seed.id);
    const phrase = seed.paragraphs[2]!.trim().slice(4, 18);
    await highlightPhrase(reader, phrase);
    const [made] = await until(
      'the highlight stored',
      () => store<Highlight>('highlights'),
      (r) => r.some((h) => h.quote.exact === phrase),
    ).then((r) => r.filter((h) => h.quote.exact === phrase));
    expect(made!.articleKey).toBe(`corpus:${seed.id}`);
    await reader.close();

    const page = await lens.browser.openPage(lens.server.urlOf(f));
    await readyPanel(page);
    const key = `sina:${f.url.match(/doc-i([a-z0-9]+)\.shtml/)![1]}`;
    const moved = await until(
      'the highlight moved to the Sina key',
      () => store<Highlight>('highlights'),
      (r) => r.find((h) => h.id === made!.id)?.articleKey === key,
    );
    expect(moved.find((h) => h.id === made!.id)!.url).toBe(f.url);
    // On the Sina page: listed and anchored in its panel.
    const panel: LensFrame = await panelFrame(page);
    await until(
      'the highlight in the Sina page’s panel',
      () => panel.evaluate(listedHighlights),
      (l) => l.some((h) => h.id === made!.id && h.status === 'anchored'),
    );
    await page.close();

    // And still in the reader page, which now shows the article's highlights under its Sina key.
    const back = await openReader(seed.id);
    await until(
      'the highlight in the reader panel',
      () => readerListed(back),
      (l) => l.some((h) => h.id === made!.id && h.status === 'anchored'),
    );
    await back.close();
  });

  it('keeps both versions of a note saved in two tabs at once, and the tab that saved second says so', async () => {
    const f = fixture('seed-004-desktop');
    const tabs = [await lens.browser.openPage(lens.server.urlOf(f)), await lens.browser.openPage(lens.server.urlOf(f))];
    await Promise.all(tabs.map((t) => readyPanel(t)));
    const phrase = '累计追回医保基金';
    await highlightPhrase(tabs[0]!, phrase);
    const [h] = await until(
      'the highlight stored',
      () => store<Highlight>('highlights'),
      (r) => r.some((x) => x.quote.exact === phrase),
    ).then((r) => r.filter((x) => x.quote.exact === phrase));
    const panels = await Promise.all(tabs.map((t) => panelFrame(t)));

    // Both tabs open the note editor on the same (empty) note.
    for (const panel of panels) {
      await until(
        'the highlight in the panel',
        () => panel.evaluate(listedHighlights),
        (l) => l.some((x) => x.id === h!.id),
      );
      await panel.evaluate(
        (id) => document.querySelector<HTMLButtonElement>(`[data-testid="highlight"][data-id="${id}"] [data-testid="note-edit"]`)!.click(),
        h!.id,
      );
      await panel.waitFor(
        'the note editor',
        (id) => document.querySelector(`[data-testid="highlight"][data-id="${id}"] [data-testid="note-input"]`),
        h!.id,
      );
    }
    const type = (panel: LensFrame, note: string) =>
      panel.evaluate(
        ({ id, note: text }) => {
          const box = document.querySelector<HTMLTextAreaElement>(`[data-testid="highlight"][data-id="${id}"] [data-testid="note-input"]`)!;
          box.value = text;
          box.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: text }));
        },
        { id: h!.id, note },
      );
    const save = (panel: LensFrame) =>
      panel.evaluate(
        (id) => document.querySelector<HTMLButtonElement>(`[data-testid="highlight"][data-id="${id}"] [data-testid="note-save"]`)!.click(),
        h!.id,
      );

    // The second tab saves first; the first tab's editor, still open, keeps what it typed.
    await type(panels[1]!, '第二个标签页的笔记');
    await type(panels[0]!, '第一个标签页的笔记');
    await save(panels[1]!);
    await until(
      'the second tab’s note stored',
      () => store<Highlight>('highlights'),
      (r) => r.find((x) => x.id === h!.id)?.note === '第二个标签页的笔记',
    );
    await save(panels[0]!);
    const both = `第二个标签页的笔记\n\n${SEPARATOR}\n第一个标签页的笔记`;
    await until(
      'both notes stored',
      () => store<Highlight>('highlights'),
      (r) => r.find((x) => x.id === h!.id)?.note === both,
    );
    // The tab that saved second says both were kept; both panels list the note with both versions.
    await panels[0]!.waitFor('the conflict notice', () =>
      /saved elsewhere|另一处保存/.test(document.querySelector('[data-testid="notice"]')?.textContent ?? ''),
    );
    for (const panel of panels)
      await until(
        'both versions listed',
        () => panel.evaluate(listedHighlights),
        (l) => l.find((x) => x.id === h!.id)?.note === both,
      );
    for (const tab of tabs) await tab.close();
  });
});
