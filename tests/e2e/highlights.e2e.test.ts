/**
 * Highlighting while reading, in the built extension on Sina pages: select text with the mouse and
 * pick a colour in the toolbar, write the note in the panel, reload and find both again; the mobile
 * page of the same article shares them; an edited version of the page re-anchors what it still has
 * and orphans what changed (figures included) rather than guessing; an orphan re-attaches to new
 * text; a body whose text arrives late gets its highlights once it does; two tabs on one article
 * see each other's changes at once.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, fixture } from '../../scripts/harness/fixture-server';
import { readStore } from './support/extension-db';
import {
  highlightPhrase,
  listedHighlights,
  paintedBox,
  paintedTexts,
  panelFrame,
  phrasePoints,
  selectPhrase,
  tintOf,
  waitForTint,
  writeNote,
  type ListedHighlight,
} from './support/highlights';
import { BROWSERS, useLens, type LensFrame, type LensPage } from './support/lens';
import { readyPanel } from './support/panel';
import { until } from './support/poll';

type StoredHighlight = {
  id: string;
  articleKey: string;
  title: string;
  url: string;
  color: string;
  note: string;
  quote: { exact: string; prefix: string; suffix: string };
  position: { start: number; end: number };
};

const fixtureHtml = (name: string) => readFileSync(path.join(FIXTURES_DIR, fixture(name).file), 'utf8');

const listed = (panel: LensFrame, what: string, ok: (items: ListedHighlight[]) => boolean) =>
  until(what, () => panel.evaluate(listedHighlights), ok);
/** The highlights anchored on a page, by colour (its panel's list). */
const painted = (page: LensPage, what: string, ok: (texts: Record<string, string[]>) => boolean) =>
  until(what, () => paintedTexts(page), ok);

describe.each(BROWSERS)('highlights in %s', (name) => {
  const lens = useLens(name);
  const open = async (fixtureName: string) => {
    const page = await lens.browser.openPage(lens.server.urlOf(fixture(fixtureName)));
    await readyPanel(page);
    return page;
  };
  const stored = async (articleKey: string) => {
    const options = await lens.browser.openExtensionPage('/options.html');
    const rows = ((await options.evaluate(readStore, 'highlights')) as StoredHighlight[]).filter((h) => h.articleKey === articleKey);
    await options.close();
    return rows;
  };

  it('keeps a highlight made by selection, with the note written in the panel, across a reload and on the mobile page', async () => {
    const PHRASE = '医保基金是群众的“救命钱”';
    const NOTE = '监管：零容忍，发现一起查处一起';
    const page = await open('seed-000-desktop');
    await highlightPhrase(page, PHRASE);

    const [record] = await stored('sina:kqcfnaz9077291');
    expect(record).toMatchObject({ articleKey: 'sina:kqcfnaz9077291', color: 'yellow', note: '', quote: { exact: PHRASE } });
    expect(record!.title).toContain('韩正');
    expect(record!.position.end - record!.position.start).toBe(PHRASE.length);
    // The selection is gone once highlighted, so the reader sees the colour.
    expect(await page.evaluate(() => getSelection()?.isCollapsed)).toBe(true);

    let panel = await panelFrame(page);
    await listed(
      panel,
      'the new highlight in the panel',
      (items) => items.length === 1 && items[0]!.status === 'anchored' && items[0]!.quote === PHRASE,
    );
    expect(await panel.evaluate(writeNote, { id: record!.id, note: NOTE })).toBe(true);
    await listed(panel, 'the note in the panel', (items) => items[0]?.note === NOTE);
    expect((await stored('sina:kqcfnaz9077291'))[0]!.note).toBe(NOTE);
    // Painted in its colour over the text, as the reader sees it.
    await waitForTint(page, PHRASE, 'yellow');

    // A click on the highlight opens its popover beside it.
    const points = (await page.evaluate(phrasePoints, PHRASE))!;
    const middle = { x: (points.from.x + points.to.x) / 2, y: points.from.y };
    await page.click(middle);
    await page.waitFor('the note popover', paintedBox, { around: middle });
    await page.press('Escape');

    await page.reload();
    await readyPanel(page);
    panel = await panelFrame(page);
    await listed(
      panel,
      'the highlight after the reload',
      (items) => items.length === 1 && items[0]!.status === 'anchored' && items[0]!.note === NOTE,
    );
    const texts = await painted(page, 'the highlight after the reload', (t) => t.yellow?.includes(PHRASE) ?? false);
    expect(texts.yellow).toEqual([PHRASE]);
    await waitForTint(page, PHRASE, 'yellow', 'the highlight painted after the reload');
    await page.close();

    // The mobile URL of the same article is the same article: same highlight, same note.
    const mobile = await open('seed-000-mobile');
    await painted(mobile, 'the highlight on the mobile page', (t) => t.yellow?.includes(PHRASE) ?? false);
    await waitForTint(mobile, PHRASE, 'yellow', 'the highlight painted on the mobile page');
    await listed(
      await panelFrame(mobile),
      'the highlight in the mobile page panel',
      (items) => items.length === 1 && items[0]!.note === NOTE,
    );
    await mobile.close();
  });

  it('re-anchors on an edited page what is still there, orphans what changed, and re-attaches an orphan', async () => {
    const f = fixture('seed-001-desktop');
    const KEPT = '推广三明医改经验为抓手';
    const FIGURES = '2021年全国医改工作电视电话会议7月20日在京召开';
    const DELETED = '加快构建分级诊疗体系';
    const NEW_TEXT = '促进就医秩序更趋合理';
    const page = await open('seed-001-desktop');
    for (const phrase of [KEPT, FIGURES, DELETED]) await highlightPhrase(page, phrase);
    const before = await stored('sina:ksbwqzt4701953');
    expect(before.map((h) => h.quote.exact).sort()).toEqual([KEPT, FIGURES, DELETED].sort());

    // The same URL now serves an edited article: a paragraph inserted at the top, the meeting's date
    // corrected, a sentence deleted, punctuation changed, two paragraphs swapped.
    const original = fixtureHtml('seed-001-desktop');
    let edited = original
      .replace(
        '<div class="article" id="artibody" data-sudaclick="blk_content">',
        '$&\n<p>　　（本文已更新）新华社北京7月20日电 记者 王某某。</p>',
      )
      .replace('7月20日在京召开', '7月21日在京召开')
      .replace('加快构建分级诊疗体系，', '')
      .replace('，坚持以人民健康为中心', ', 坚持以人民健康为中心');
    const paragraphs = [...edited.matchAll(/<p[^>]*>　　(?:2021年全国医改|国务院副总理)[^]*?<\/p>/g)].map((m) => m[0]);
    expect(paragraphs).toHaveLength(2);
    edited = edited.replace(paragraphs[0]!, '\u0000').replace(paragraphs[1]!, paragraphs[0]!).replace('\u0000', paragraphs[1]!);
    expect(edited).not.toBe(original);
    lens.server.route(f.url, edited);
    try {
      await page.reload();
      await readyPanel(page);
      const panel = await panelFrame(page);
      const items = await listed(
        panel,
        'the highlights placed or orphaned',
        (list) => list.length === 3 && list.every((h) => h.status !== 'pending'),
      );
      const byQuote = Object.fromEntries(items.map((h) => [h.quote, h]));
      expect(byQuote[KEPT]!.status).toBe('anchored');
      expect(byQuote[FIGURES]!.status).toBe('orphan');
      expect(byQuote[DELETED]!.status).toBe('orphan');
      // Never the look-alike: the sentence with the other date is not painted.
      const texts = await paintedTexts(page);
      expect(texts.yellow).toEqual([KEPT]);
      await waitForTint(page, KEPT, 'yellow');
      expect(await tintOf(page, '2021年全国医改工作电视电话会议7月21日在京召开')).toBe('none');
      expect(await panel.evaluate(() => document.querySelector('[data-testid="orphans"]')?.textContent ?? '')).toMatch(/figures|数字/);

      // Re-attach the deleted sentence's highlight to other text the reader selects.
      const orphanId = byQuote[DELETED]!.id;
      await selectPhrase(page, NEW_TEXT);
      await panel.evaluate(
        (id) => document.querySelector<HTMLButtonElement>(`[data-id="${id}"] [data-testid="reattach"]`)?.click(),
        orphanId,
      );
      await listed(panel, 'the re-attached highlight', (list) =>
        list.some((h) => h.id === orphanId && h.status === 'anchored' && h.quote === NEW_TEXT),
      );
      await painted(page, 'the re-attached highlight', (t) => t.yellow?.includes(NEW_TEXT) ?? false);
      await waitForTint(page, NEW_TEXT, 'yellow', 'the re-attached highlight painted');
      const after = await stored('sina:ksbwqzt4701953');
      expect(after.find((h) => h.id === orphanId)!.quote.exact).toBe(NEW_TEXT);
      // The orphan with the changed figures is kept, quote and all, for the reader to decide.
      expect(after.find((h) => h.quote.exact === FIGURES)).toBeDefined();
    } finally {
      lens.server.route(f.url, original);
      await page.close();
    }
  });

  it('paints a highlight whose text arrives after the page read the body', async () => {
    const f = fixture('seed-001-late');
    const LATE = '促进就医秩序更趋合理';
    const page = await open('seed-001-late');
    await highlightPhrase(page, LATE);

    // Now the page shows its first paragraphs, and the rest ("展开全文") 2.5 s later.
    const original = fixtureHtml('seed-001-late');
    const staged = original.replace(
      'el.innerHTML = LATE_BODY_HTML;',
      `var cut = LATE_BODY_HTML.lastIndexOf('<p', LATE_BODY_HTML.indexOf('孙春兰指出'));
       el.innerHTML = LATE_BODY_HTML.slice(0, cut);
       setTimeout(function () { el.insertAdjacentHTML('beforeend', LATE_BODY_HTML.slice(cut)); }, 2500);`,
    );
    expect(staged).not.toBe(original);
    lens.server.route(f.url, staged);
    try {
      await page.reload();
      await readyPanel(page);
      // While the text is missing the highlight is listed, not painted somewhere else.
      const early = await paintedTexts(page);
      expect(early.yellow ?? []).not.toContain('');
      await painted(page, 'the late highlight', (t) => t.yellow?.includes(LATE) ?? false);
      await waitForTint(page, LATE, 'yellow', 'the late highlight painted');
      await listed(await panelFrame(page), 'the late highlight anchored', (items) => items.length === 1 && items[0]!.status === 'anchored');
    } finally {
      lens.server.route(f.url, original);
      await page.close();
    }
  });

  it('shows changes from one tab in another tab on the same article at once', async () => {
    const PHRASE = '合理确定、动态调整公立医院薪酬水平';
    const NOTE = '薪酬：动态调整';
    const a = await open('seed-002-desktop');
    const b = await open('seed-002-desktop');
    await a.bringToFront();
    await highlightPhrase(a, PHRASE);
    await painted(b, 'the highlight from the other tab', (t) => t.yellow?.includes(PHRASE) ?? false);
    const panelB = await panelFrame(b);
    const [item] = await listed(panelB, 'the other tab’s highlight in this panel', (items) => items.length === 1);

    // A note written in tab B's panel reaches tab A's panel.
    await panelB.evaluate(writeNote, { id: item!.id, note: NOTE });
    await listed(await panelFrame(a), 'the note from the other tab', (items) => items[0]?.note === NOTE);

    // Deleted in tab A's panel: gone from tab B's page and panel.
    await (
      await panelFrame(a)
    ).evaluate((id) => document.querySelector<HTMLButtonElement>(`[data-id="${id}"] [data-testid="highlight-delete"]`)?.click(), item!.id);
    await painted(b, 'the highlight gone from the other tab', (t) => !(t.yellow ?? []).includes(PHRASE));
    await listed(panelB, 'the panel emptied', (items) => items.length === 0);
    expect(await stored('sina:kqciyzk0276134')).toEqual([]);

    // Undo in tab A's panel brings it back everywhere.
    await (await panelFrame(a)).evaluate(() => document.querySelector<HTMLButtonElement>('[data-testid="undo"] button')?.click());
    await painted(b, 'the highlight restored in the other tab', (t) => t.yellow?.includes(PHRASE) ?? false);
    await b.bringToFront();
    await waitForTint(b, PHRASE, 'yellow', 'the restored highlight painted in the other tab');
    await a.close();
    await b.close();
  });
});
