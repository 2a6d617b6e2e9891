/**
 * The corpus on the options page: seeding, importing files, a whole archive folder, its zip, a fork of
 * it and the archiver's feeds (tests/fixtures/archive, built by scripts/fixtures/archive.ts), with a
 * result for every file, duplicates across forks reported as already there, and an import cancelled or
 * cut off by closing its tab leaving every stored article indexed and no partial one.
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { ARCHIVE_FACTS } from '../../scripts/fixtures/archive';
import { compileSeeds } from '../../scripts/lens/compile-seeds';
import { syntheticSeedDocuments } from '../../scripts/bench/suites/seed-format-corpus';
import { readStore } from './support/extension-db';
import { BROWSERS, useLens, type LensPage } from './support/lens';
import { until } from './support/poll';

const FIXTURES = path.resolve(import.meta.dirname, '../fixtures');
const IMPORT_DIR = path.join(FIXTURES, 'import');
const ARCHIVE = path.join(FIXTURES, 'archive');
const SEED_TITLES = ['韩正：医保基金是群众的_救命钱_ 要持续加大监管力度', '国家医保局：全力发挥医保支持疫情防控的作用'];

type Row = { id: string; title: string; origin: string; paragraphs: string[] };
const articles = (page: LensPage) => page.evaluate(readStore, 'articles') as Promise<Row[]>;

/** Runs in an extension page: how many records each store holds (raw IndexedDB, not the extension's code). */
function countStores(): Promise<{ articles: number; heads: number; indexed: number }> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('policy-lens');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const db = open.result;
      const tx = db.transaction(['articles', 'articleHeads', 'docs']);
      const out = { articles: 0, heads: 0, indexed: 0 };
      const count = (store: string, key: keyof typeof out) => {
        const req = tx.objectStore(store).count();
        req.onsuccess = () => (out[key] = req.result);
      };
      count('articles', 'articles');
      count('articleHeads', 'heads');
      count('docs', 'indexed');
      tx.oncomplete = () => {
        db.close();
        resolve(out);
      };
      tx.onerror = () => reject(tx.error);
    };
  });
}

type Summary = {
  finished: boolean;
  imported: number;
  duplicate: number;
  refused: number;
  text: string;
  items: { path: string; status: string; notes: string; reason: string }[];
};

/** Runs in the options page: the import's report as the reader sees it. */
function importReport(): Summary {
  const box = document.querySelector('[data-testid="import-results"]');
  const summary = document.querySelector<HTMLElement>('[data-testid="import-summary"]');
  return {
    finished: box?.getAttribute('data-finished') === 'true',
    imported: Number(summary?.dataset.imported ?? -1),
    duplicate: Number(summary?.dataset.duplicate ?? -1),
    refused: Number(summary?.dataset.refused ?? -1),
    text: summary?.textContent ?? '',
    items: [...document.querySelectorAll<HTMLElement>('[data-testid="import-results"] li')].map((li) => ({
      path: li.querySelector('strong')?.textContent ?? '',
      status: li.dataset.status ?? '',
      notes: li.dataset.notes ?? '',
      reason: li.querySelector('.reason')?.textContent ?? '',
    })),
  };
}

const finished = (page: LensPage) =>
  until(
    'the import to finish',
    () => page.evaluate(importReport),
    (r) => r.finished,
    180_000,
  );

/** Drops `files` (name → text) on the options page's drop zone, as a reader dragging them in. */
async function drop(page: LensPage, files: Record<string, string>): Promise<void> {
  await page.evaluate(async (named) => {
    const dt = new DataTransfer();
    for (const [name, text] of Object.entries(named)) dt.items.add(new File([text], name, { type: 'text/plain' }));
    document
      .querySelector('[data-testid="dropzone"]')!
      .dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
}

/** Every file under `dir`, by its path inside the folder's parent (`hexo-site/source/_posts/x.md`). */
function folderFiles(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (rel: string) => {
    for (const e of readdirSync(path.join(dir, rel), { withFileTypes: true })) {
      const inner = rel ? `${rel}/${e.name}` : e.name;
      if (e.isDirectory()) walk(inner);
      else out[`${path.basename(dir)}/${inner}`] = readFileSync(path.join(dir, inner), 'utf8');
    }
  };
  walk('');
  return out;
}

/**
 * Drops a folder on the drop zone. Neither driver can hand a real directory to an extension page
 * (Playwright's directory upload never fires there in Chromium; Firefox's WebDriver BiDi input.setFiles
 * refuses directories), so the folder arrives as the browsers present a dropped one: a
 * DataTransferItem whose webkitGetAsEntry() is a directory entry, read a few entries at a time, of
 * real File objects.
 */
async function dropFolder(page: LensPage, files: Record<string, string>): Promise<void> {
  await page.evaluate(async (named) => {
    type Node = { name: string; fullPath: string; isFile: boolean; isDirectory: boolean; kids?: Map<string, Node>; file?: File };
    const root: Node = { name: '', fullPath: '', isFile: false, isDirectory: true, kids: new Map() };
    for (const [p, text] of Object.entries(named)) {
      const parts = p.split('/');
      let at = root;
      parts.forEach((part, i) => {
        const fullPath = `/${parts.slice(0, i + 1).join('/')}`;
        if (i === parts.length - 1)
          at.kids!.set(part, { name: part, fullPath, isFile: true, isDirectory: false, file: new File([text], part) });
        else {
          if (!at.kids!.has(part)) at.kids!.set(part, { name: part, fullPath, isFile: false, isDirectory: true, kids: new Map() });
          at = at.kids!.get(part)!;
        }
      });
    }
    const entry = (n: Node): unknown =>
      n.isFile
        ? {
            name: n.name,
            fullPath: n.fullPath,
            isFile: true,
            isDirectory: false,
            file: (ok: (f: File) => void) => setTimeout(() => ok(n.file!)),
          }
        : {
            name: n.name,
            fullPath: n.fullPath,
            isFile: false,
            isDirectory: true,
            createReader() {
              const rest = [...n.kids!.values()].map(entry);
              return { readEntries: (ok: (es: unknown[]) => void) => setTimeout(() => ok(rest.splice(0, 2))) };
            },
          };
    const top = [...root.kids!.values()][0]!;
    const data = { items: [{ kind: 'file', webkitGetAsEntry: () => entry(top) }], files: [] };
    const event = new Event('drop', { bubbles: true, cancelable: true });
    Object.defineProperty(event, 'dataTransfer', { value: data });
    document.querySelector('[data-testid="dropzone"]')!.dispatchEvent(event);
  }, files);
}

const scratch = mkdtempSync(path.join(tmpdir(), 'lens-archive-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** A zip of `count` synthetic posts under `hexo/source/_posts/`, big enough to stop halfway. */
function bigArchive(name: string, count: number, offset: number): string {
  const seeds = compileSeeds(path.join(FIXTURES, '../../seeds')).articles;
  const docs = syntheticSeedDocuments(seeds, count + offset, 4242).slice(offset);
  const zip = zipSync(
    Object.fromEntries(docs.map((d) => [`hexo/source/_posts/${d.name.replace(/\.txt$/, '.md')}`, new TextEncoder().encode(d.text)])),
  );
  const file = path.join(scratch, name);
  writeFileSync(file, zip);
  return file;
}

describe.each(BROWSERS)('corpus in %s', (name) => {
  const lens = useLens(name);
  // The list shows the newest 50 articles: once an import adds later ones, the seeds are further down.
  const options = async () => {
    const page = await lens.browser.openExtensionPage('/options.html');
    await page.waitFor(
      'the seeded corpus list',
      () => Number(document.querySelector<HTMLElement>('[data-testid="corpus-summary"]')?.dataset.total ?? 0) >= 5,
    );
    return page;
  };

  it('seeds the five seed articles into IndexedDB on install', async () => {
    const page = await options();
    const rows = await articles(page);
    expect(rows.filter((r) => r.origin === 'seed')).toHaveLength(5);
    const titles = rows.map((r) => r.title);
    for (const t of SEED_TITLES) expect(titles).toContain(t);
    for (const r of rows) expect(r.paragraphs.length).toBeGreaterThan(0);
    await page.close();
  });

  it('imports two files through the options page and refuses a bad one without changing the corpus', async () => {
    const page = await options();
    const before = await articles(page);

    // A bad file alone: refused with its reason, nothing written.
    await page.setInputFiles('[data-testid="import-input"]', [path.join(IMPORT_DIR, 'missing-title.txt')]);
    const bad = await finished(page);
    expect(bad.items).toHaveLength(1);
    expect(bad.items[0]!.status).toBe('refused');
    expect(bad.items[0]!.reason).toContain('missing-title.txt');
    expect(bad.items[0]!.reason.toLowerCase()).toContain('title');
    expect((await articles(page)).map((r) => r.id).sort()).toEqual(before.map((r) => r.id).sort());

    // Two good files at once.
    await page.setInputFiles('[data-testid="import-input"]', [
      path.join(IMPORT_DIR, 'drg-dip-plan.txt'),
      path.join(IMPORT_DIR, 'cross-province-settlement.txt'),
    ]);
    const two = await finished(page);
    expect(two.items.map((i) => i.status)).toEqual(['imported', 'imported']);
    const after = await articles(page);
    expect(after).toHaveLength(before.length + 2);
    const imported = after
      .filter((r) => r.origin === 'imported')
      .map((r) => r.title)
      .sort();
    expect(imported).toEqual(
      ['国家医保局印发DRG_DIP支付方式改革三年行动计划', '跨省异地就医直接结算扩面提速 门诊费用跨省直接结算覆盖所有统筹地区'].sort(),
    );
    await page.waitFor('the list to show imported rows', () => document.querySelectorAll('tr[data-origin="imported"]').length === 2);

    // The same article again (the same file under another name) is "already there", by drag and drop this time.
    await drop(page, { 'dropped.txt': readFileSync(path.join(IMPORT_DIR, 'drg-dip-plan.txt'), 'utf8') });
    const again = await until(
      'the dropped file result',
      () => page.evaluate(importReport),
      (r) => r.finished && r.items[0]?.path === 'dropped.txt',
    );
    expect(again.items[0]!.status).toBe('duplicate');
    expect((await articles(page)).length).toBe(before.length + 2);

    // An imported article can be removed, after a confirmation; the seeds offer no remove button.
    expect(await page.evaluate(() => document.querySelectorAll('tr[data-origin="seed"] button').length)).toBe(0);
    await page.evaluate(() => (document.querySelector('tr[data-origin="imported"] [data-testid="remove"]') as HTMLButtonElement).click());
    await page.waitFor('the confirmation', () => document.querySelector('[data-testid="confirm-remove-yes"]'));
    await page.evaluate(() => (document.querySelector('[data-testid="confirm-remove-yes"]') as HTMLButtonElement).click());
    await page.waitFor('one imported row left', () => document.querySelectorAll('tr[data-origin="imported"]').length === 1);
    expect((await articles(page)).length).toBe(before.length + 1);
    await page.close();
  });

  it('imports a whole archive folder, then reports its zip, a fork and the feeds as already there', async () => {
    const page = await options();
    const start = await page.evaluate(countStores);

    // The folder, dropped: the Hexo site's posts, its broken one named, the rest of the site passed over.
    await dropFolder(page, folderFiles(path.join(ARCHIVE, 'hexo-site')));
    const site = await finished(page);
    expect([site.imported, site.duplicate, site.refused]).toEqual([ARCHIVE_FACTS.sitePosts, 0, 1]);
    expect(site.items).toHaveLength(ARCHIVE_FACTS.sitePosts + 1);
    expect(site.items.find((i) => i.status === 'refused')?.reason).toContain(`hexo-site/source/_posts/${ARCHIVE_FACTS.siteBroken}`);
    expect(
      site.items
        .filter((i) => i.notes.includes('no-body-text'))
        .map((i) => i.path.split('/').pop())
        .sort(),
    ).toEqual([...ARCHIVE_FACTS.noBodyText].sort());
    expect(site.text).toContain(String(ARCHIVE_FACTS.sitePassedOver));
    const afterSite = await page.evaluate(countStores);
    expect(afterSite.articles).toBe(start.articles + ARCHIVE_FACTS.sitePosts);
    expect(afterSite.heads).toBe(afterSite.articles);
    expect(afterSite.indexed).toBe(afterSite.articles);

    // Its zip: every post already there, by identity.
    await page.setInputFiles('[data-testid="import-input"]', [path.join(ARCHIVE, 'hexo-site.zip')]);
    const zip = await finished(page);
    expect([zip.imported, zip.duplicate, zip.refused]).toEqual([0, ARCHIVE_FACTS.sitePosts, 1]);

    // The site's feed, dropped: already there too.
    await drop(page, { 'atom.xml': readFileSync(path.join(ARCHIVE, 'atom.xml'), 'utf8') });
    const atom = await until(
      'the feed import',
      () => page.evaluate(importReport),
      (r) => r.finished && r.items[0]?.path === 'atom.xml#1',
    );
    expect([atom.imported, atom.duplicate, atom.refused]).toEqual([0, ARCHIVE_FACTS.sitePosts, 0]);

    // A fork: renamed and re-exported posts are the same articles; only its new post is stored.
    await dropFolder(page, folderFiles(path.join(ARCHIVE, 'hexo-site-fork')));
    const fork = await finished(page);
    expect([fork.imported, fork.duplicate, fork.refused]).toEqual([1, ARCHIVE_FACTS.forkPosts - 1, 0]);
    expect(fork.items.find((i) => i.status === 'imported')?.path).toBe(`hexo-site-fork/source/_posts/${ARCHIVE_FACTS.forkNew}`);

    await page.setInputFiles('[data-testid="import-input"]', [path.join(ARCHIVE, 'rss.xml')]);
    const rss = await finished(page);
    expect([rss.imported, rss.duplicate, rss.refused]).toEqual([0, ARCHIVE_FACTS.forkPosts - 1, 0]);

    const end = await page.evaluate(countStores);
    expect(end).toEqual({
      articles: start.articles + ARCHIVE_FACTS.sitePosts + 1,
      heads: start.articles + ARCHIVE_FACTS.sitePosts + 1,
      indexed: start.articles + ARCHIVE_FACTS.sitePosts + 1,
    });
    await page.close();
  });

  it('stops a big import on cancel: what it reports imported is stored and indexed, nothing else', async () => {
    const page = await options();
    const start = await page.evaluate(countStores);
    // Batches of 1,000: cancelled once the first is stored, the one then in hand is finished too.
    await page.setInputFiles('[data-testid="import-input"]', [bigArchive('cancel.zip', 3000, 0)]);
    await page.waitFor(
      'the first stored batch',
      () => document.querySelectorAll('[data-testid="import-results"] li').length > 0,
      undefined,
      120_000,
    );
    await page.evaluate(() => (document.querySelector('[data-testid="import-cancel"]') as HTMLButtonElement).click());
    const report = await finished(page);
    expect(report.text).toMatch(/cancel|取消/i);
    expect(report.imported).toBeGreaterThan(0);
    expect(report.imported).toBeLessThan(3000);
    const end = await page.evaluate(countStores);
    expect(end.articles).toBe(start.articles + report.imported);
    expect(end.heads).toBe(end.articles);
    expect(end.indexed).toBe(end.articles);
    await page.close();
  });

  it('leaves every stored article indexed and no partial one when the tab is closed in the middle of an import', async () => {
    const page = await options();
    const start = await page.evaluate(countStores);
    await page.setInputFiles('[data-testid="import-input"]', [bigArchive('closed.zip', 4000, 3000)]);
    await page.waitFor(
      'a stored batch',
      () => document.querySelectorAll('[data-testid="import-results"] li').length > 0,
      undefined,
      120_000,
    );
    await page.close();
    const again = await options();
    const end = await until(
      'the stores to settle',
      () => again.evaluate(countStores),
      (c) => c.heads === c.articles && c.indexed === c.articles,
    );
    expect(end.articles).toBeGreaterThan(start.articles);
    expect(end.articles).toBeLessThan(start.articles + 4000);
    await again.close();
  });
});
