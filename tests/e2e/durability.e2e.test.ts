/**
 * What the reader's notes survive: three tabs highlighting and editing one article at once, a browser
 * restart on the same profile, and an update of the extension (a new version starting on that
 * profile and upgrading the database the previous one wrote) — no highlight or note is lost. Extension pages refuse to run injected script or to fetch
 * from the network (their content security policy).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixture, startFixtureServer, type FixtureServer } from '../../scripts/harness/fixture-server';
import { extensionDir as builtExtension } from '../../scripts/harness/paths';
import { previousRelease, PREVIOUS_RELEASE } from '../../scripts/harness/previous-release';
import { LATEST_VERSION } from '../../lib/db/schema';
import { readStore, storedSchema } from './support/extension-db';
import { highlightPhrase, listedHighlights, paintedTexts, panelFrame, writeNote, type ListedHighlight } from './support/highlights';
import { BROWSERS, launchLens, useLens, type LensFrame, type LensPage } from './support/lens';
import { readyPanel } from './support/panel';
import { until } from './support/poll';

type Stored = { id: string; articleKey: string; note: string; color: string; quote: { exact: string } };

/** The highlights anchored on a page, by colour (its panel's list). */
const painted = (page: LensPage) => paintedTexts(page);
const listed = (panel: LensFrame): Promise<ListedHighlight[]> => panel.evaluate(listedHighlights);

describe.each(BROWSERS)('durability in %s', (name) => {
  describe('one browser', () => {
    const lens = useLens(name);
    const stored = async () => {
      const page = await lens.browser.openExtensionPage('/options.html');
      const rows = (await page.evaluate(readStore, 'highlights')) as Stored[];
      await page.close();
      return rows;
    };

    it('loses no write when three tabs highlight and edit one article at once', async () => {
      const phrases = ['充分肯定了我国疫情防控工作', '深刻认识抗疫斗争的复杂性', '全力发挥医保支持疫情防控的作用'];
      const tabs: LensPage[] = [];
      for (let i = 0; i < 3; i++) {
        const page = await lens.browser.openPage(lens.server.urlOf(fixture('seed-003-desktop')));
        await readyPanel(page);
        tabs.push(page);
      }
      await Promise.all(tabs.map((tab, i) => highlightPhrase(tab, phrases[i]!)));
      let rows = await until('three highlights stored', stored, (r) => r.length === 3);
      const byPhrase = new Map(rows.map((r) => [r.quote.exact, r.id]));

      // Each tab writes a note on its own highlight and recolours the next one, all at once.
      const panels = await Promise.all(tabs.map((t) => panelFrame(t)));
      await Promise.all(
        panels.map(async (panel, i) => {
          await until(
            'the three highlights in the panel',
            () => listed(panel),
            (l) => l.length === 3,
          );
          const next = byPhrase.get(phrases[(i + 1) % 3]!)!;
          await Promise.all([
            panel.evaluate(writeNote, { id: byPhrase.get(phrases[i]!)!, note: `笔记 ${i}` }),
            panel.evaluate((id) => {
              const select = document.querySelector<HTMLSelectElement>(`[data-id="${id}"] [data-testid="highlight-color"]`)!;
              select.value = 'green';
              select.dispatchEvent(new Event('change', { bubbles: true }));
            }, next),
          ]);
        }),
      );
      rows = await until('every note and colour stored', stored, (r) => r.every((h) => h.note !== '' && h.color === 'green'));
      expect(rows.map((h) => h.note).sort()).toEqual(['笔记 0', '笔记 1', '笔记 2']);
      // Every tab shows every change.
      for (const [i, tab] of tabs.entries()) {
        await until(
          `tab ${i} painting all three in green`,
          () => painted(tab),
          (t) => (t.green ?? []).length === 3,
        );
        await until(
          `tab ${i}'s panel listing the notes`,
          () => listed(panels[i]!),
          (l) => l.filter((h) => h.note.startsWith('笔记')).length === 3,
        );
      }
      for (const tab of tabs) await tab.close();
    });

    // Firefox's event page cannot be stopped from WebDriver BiDi; the restart below covers it there.
    it.runIf(name === 'chromium')('loses nothing when the background service worker stops between and during writes', async () => {
      const PHRASE = '医保基金是群众的“救命钱”';
      // The other tests of this browser store highlights too: only this article's count here.
      const mine = async () => (await stored()).filter((r) => r.articleKey === 'sina:kqcfnaz9077291');
      const page = await lens.browser.openPage(lens.server.urlOf(fixture('seed-000-desktop')));
      await readyPanel(page);
      await highlightPhrase(page, PHRASE);
      const [row] = await until('the highlight stored', mine, (r) => r.length === 1);

      // Stopped after the write: the next write wakes it and lands.
      await lens.browser.stopBackground!();
      const panel = await panelFrame(page);
      await panel.evaluate(writeNote, { id: row!.id, note: '停了也在' });
      await until('the note stored after the stop', mine, (r) => r[0]?.note === '停了也在');

      // Stopped while a write is on its way: either it landed or the panel still holds the note to
      // save again; never a half-written record. Saving again after the restart must land.
      const writing = panel.evaluate(writeNote, { id: row!.id, note: '停在半路' }).catch(() => undefined);
      await lens.browser.stopBackground!();
      await writing;
      const after = (await mine())[0]!;
      expect(['停了也在', '停在半路']).toContain(after.note);
      expect(after.quote.exact).toBe(PHRASE);
      await panel.evaluate(writeNote, { id: row!.id, note: '停在半路' });
      await until('the note stored once the worker is back', mine, (r) => r.length === 1 && r[0]!.note === '停在半路');

      // A reload after another stop: the highlight is painted and its note listed.
      await lens.browser.stopBackground!();
      await page.reload();
      await readyPanel(page);
      await until(
        'the highlight painted after the stop',
        () => painted(page),
        (t) => t.yellow?.includes(PHRASE) ?? false,
      );
      await until(
        'the note listed after the stop',
        async () => listed(await panelFrame(page)),
        (l) => l.length === 1 && l[0]!.note === '停在半路',
      );
      await page.close();
    });

    it('runs no script injected into an extension page (content security policy)', async () => {
      const page = await lens.browser.openExtensionPage('/options.html');
      const result = await page.evaluate(async () => {
        const w = window as unknown as { __injected?: number };
        const s = document.createElement('script');
        s.textContent = 'window.__injected = 1';
        document.head.append(s);
        const img = document.createElement('img');
        img.setAttribute('onerror', 'window.__injected = 2');
        img.src = 'data:,not-an-image';
        document.body.append(img);
        let fetched = true;
        try {
          await fetch('https://finance.sina.com.cn/');
        } catch {
          fetched = false;
        }
        await new Promise((r) => setTimeout(r, 300));
        return { injected: w.__injected ?? 0, fetched };
      });
      // (eval cannot be tested from here: the drivers run this code through the debugger, which the
      // policy does not govern.)
      expect(result).toEqual({ injected: 0, fetched: false });
      await page.close();
    });
  });

  describe('restarts', () => {
    let server: FixtureServer;
    let work: string;
    beforeAll(async () => {
      server = await startFixtureServer();
      work = mkdtempSync(path.join(tmpdir(), `lens-restart-${name}-`));
    });
    afterAll(async () => {
      await server.close();
      rmSync(work, { recursive: true, force: true });
    });

    it('keeps highlights and notes across a browser restart and an extension update that upgrades the database', async () => {
      const PHRASE = '医保基金是群众的“救命钱”';
      const NOTE = '重启之后还在';
      const url = server.urlOf(fixture('seed-000-desktop'));
      // The extension at a fixed place, so the browser sees the same extension each launch and an
      // update when its version changes. First the previous release, with the schema before the
      // latest (scripts/harness/previous-release.ts).
      const profileDir = path.join(work, 'profile');
      const extensionDir = path.join(work, 'extension');
      const previous = previousRelease(name);
      cpSync(previous, extensionDir, { recursive: true });
      rmSync(previous, { recursive: true, force: true });
      let browser = await launchLens(name, server, { profileDir, extensionDir });
      try {
        const page = await browser.openPage(url);
        await readyPanel(page);
        await highlightPhrase(page, PHRASE);
        const panel = await panelFrame(page);
        const [item] = await until(
          'the highlight in the panel',
          () => listed(panel),
          (l) => l.length === 1,
        );
        await panel.evaluate(writeNote, { id: item!.id, note: NOTE });
        await until(
          'the note saved',
          () => listed(panel),
          (l) => l[0]?.note === NOTE,
        );
      } finally {
        await browser.close();
      }

      // The same profile again: the highlight is painted and its note listed.
      browser = await launchLens(name, server, { profileDir, extensionDir });
      try {
        const page = await browser.openPage(url);
        await readyPanel(page);
        await until(
          'the highlight painted after the restart',
          () => painted(page),
          (t) => t.yellow?.includes(PHRASE) ?? false,
        );
        await until(
          'the note after the restart',
          async () => listed(await panelFrame(page)),
          (l) => l.length === 1 && l[0]!.note === NOTE,
        );
        const options = await browser.openExtensionPage('/options.html');
        expect(await options.evaluate(storedSchema)).toMatchObject({ version: PREVIOUS_RELEASE.schema });
      } finally {
        await browser.close();
      }

      // An update: the current build, a newer version, starts on the same profile and upgrades the database.
      rmSync(extensionDir, { recursive: true });
      cpSync(builtExtension(name), extensionDir, { recursive: true });
      const manifestFile = path.join(extensionDir, 'manifest.json');
      const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as { version: string };
      writeFileSync(manifestFile, JSON.stringify({ ...manifest, version: `${manifest.version}.1` }));
      // Chromium keeps running the background script it cached for an unpacked extension whose files
      // changed on disk (the previous release's, here); a real update replaces it. Without its cache
      // the new background starts, as after an update from the store.
      if (name === 'chromium') rmSync(path.join(profileDir, 'Default', 'Service Worker'), { recursive: true, force: true });
      browser = await launchLens(name, server, { profileDir, extensionDir });
      try {
        const page = await browser.openPage(url);
        await readyPanel(page);
        await until(
          'the highlight painted after the update',
          () => painted(page),
          (t) => t.yellow?.includes(PHRASE) ?? false,
        );
        await until(
          'the note after the update',
          async () => listed(await panelFrame(page)),
          (l) => l.length === 1 && l[0]!.note === NOTE,
        );

        // The upgrade ran on what the previous release stored: the popup's list, which reads the
        // version 3 article heads, names the article's source, known only from the stored article.
        const options = await browser.openExtensionPage('/options.html');
        expect(await options.evaluate(storedSchema)).toMatchObject({ version: LATEST_VERSION });
        const [highlight] = (await options.evaluate(readStore, 'highlights')) as Stored[];
        const articles = (await options.evaluate(readStore, 'articles')) as { key?: string; source: string }[];
        const source = articles.find((a) => a.key === highlight!.articleKey)?.source;
        expect(source).toBeTruthy();
        // The v4 upgrade emptied the v3 related index (df and postings in one row); the background
        // refilled it in the v4 layout from the stored articles.
        const indexed = async () => ({
          articles: (await options.evaluate(readStore, 'articles')).length,
          docs: (await options.evaluate(readStore, 'docs')).length,
          postings: (await options.evaluate(readStore, 'postings')).length,
        });
        await until('the related index refilled', indexed, (c) => c.docs === c.articles && c.postings > 0);
        expect((await options.evaluate(storedSchema)).stores).toContain('postings');
        const popup = await browser.openExtensionPage('/popup.html');
        await popup.waitFor(
          'the note in the popup',
          (note) => [...document.querySelectorAll('[data-testid="library-note"]')].some((n) => n.textContent === note),
          NOTE,
        );
        expect(await popup.evaluate(() => document.querySelector('[data-testid="library-group-source"]')?.textContent ?? '')).toBe(source);
        await popup.close();

        // The browser empties the database behind the reader's back (an eviction takes the sentinel
        // record with everything else; here only the sentinel goes, which is what the check reads).
        await options.evaluate(
          () =>
            new Promise<void>((resolve, reject) => {
              const open = indexedDB.open('policy-lens');
              open.onerror = () => reject(open.error);
              open.onsuccess = () => {
                const tx = open.result.transaction('meta', 'readwrite');
                tx.objectStore('meta').delete('sentinel');
                tx.oncomplete = () => (open.result.close(), resolve());
                tx.onerror = () => reject(tx.error);
              };
            }),
        );
      } finally {
        await browser.close();
      }

      // Next start: the background notices, and the options page tells the reader.
      browser = await launchLens(name, server, { profileDir, extensionDir });
      try {
        const options = await browser.openExtensionPage('/options.html');
        await options.waitFor(
          'the eviction notice',
          () => document.querySelector('[data-testid="eviction-notice"]') !== null,
          undefined,
          20_000,
        );
        expect(await options.evaluate(() => document.querySelector('[data-testid="eviction-notice"]')?.textContent ?? '')).toContain(
          'emptied',
        );
      } finally {
        await browser.close();
      }
    });
  });
});
