/**
 * A hostile Sina page: its own script runs first (before the content script) and tries every way it
 * has to read what the panel shows and what the reader highlighted. It patches the DOM prototypes the
 * lens might use, watches for elements added to the page, reads into their shadow roots and frames,
 * listens to every postMessage, messages the frame, calls the extension runtime, fetches the panel
 * page, samples CSS highlights, computed styles, hit tests, animations and the document's text,
 * recording everything into `window.__lensLeak`. The tests then compare that record with what the
 * panel shows and what the reader did: nothing the page did not already contain may have reached it.
 * Then the page tries to steer: it rewrites its address to another stored article's before the
 * content script reads it, frames panel.html itself (at the address it can learn), and sends
 * synthetic clicks onto highlighted text.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, FIXTURES_DIR } from '../../scripts/harness/fixture-server';
import { readStore, type StoreName } from './support/extension-db';
import { BROWSERS, useLens, type LensPage } from './support/lens';
import { highlightPhrase, listedHighlights, paintedBox, panelFrame, phrasePoints, selectPhrase, waitForTint } from './support/highlights';
import { isPanel, readyPanel } from './support/panel';
import { until } from './support/poll';

const HOSTILE_SCRIPT = String.raw`
(function () {
  var leak = (window.__lensLeak = {
    initialText: '', attachShadowCalls: [], frameSrcs: [], appended: [], messages: [], hosts: [], highlights: [], probes: [], keys: [], upgraded: [],
  });
  var text = function (v) { try { return typeof v === 'string' ? v : JSON.stringify(v); } catch (e) { return String(v); } };
  // 1. Prototype patches, in place before any extension code runs on this page.
  var attach = Element.prototype.attachShadow;
  Element.prototype.attachShadow = function (init) {
    leak.attachShadowCalls.push({ tag: this.tagName, mode: init && init.mode });
    return attach.call(this, Object.assign({}, init, { mode: 'open' }));
  };
  var src = Object.getOwnPropertyDescriptor(HTMLIFrameElement.prototype, 'src');
  Object.defineProperty(HTMLIFrameElement.prototype, 'src', {
    configurable: true,
    get: function () { return src.get.call(this); },
    set: function (v) { leak.frameSrcs.push(String(v)); src.set.call(this, v); },
  });
  var append = Element.prototype.append;
  Element.prototype.append = function () {
    for (var i = 0; i < arguments.length; i++) leak.appended.push(text(arguments[i] && (arguments[i].outerHTML || arguments[i].textContent)));
    return append.apply(this, arguments);
  };
  // 2a. Every keystroke and text input anywhere in this document, heard first (capture phase on window).
  ['keydown', 'keypress', 'keyup', 'beforeinput', 'input', 'compositionend'].forEach(function (type) {
    window.addEventListener(type, function (e) { leak.keys.push(e.key || e.data || ''); }, true);
  });
  // 2. Every postMessage this window hears.
  window.addEventListener('message', function (e) { leak.messages.push({ origin: e.origin, data: text(e.data) }); }, true);
  // 3. Every element added outside <head> and <body> or with a custom name, and what its shadow root shows.
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) {
        if (n.nodeType === 1 && (n.parentNode === document.documentElement && n !== document.head && n !== document.body || n.tagName.indexOf('-') > 0)) {
          leak.hosts.push({ tag: n.tagName, shadowRoot: String(n.shadowRoot), attributes: n.getAttributeNames() });
        }
      });
    });
  }).observe(document, { childList: true, subtree: true });
  // 3b. Custom elements defined before the lens runs, in case it uses one of these names: their own
  // attachInternals() would hand them even a closed shadow root attached later.
  ['policy-lens-panel', 'policy-lens-toolbar', 'policy-lens-note', 'policy-lens-undo'].forEach(function (name) {
    customElements.define(name, class extends HTMLElement {
      constructor() { super(); leak.upgraded.push(name); try { this.__internals = this.attachInternals(); } catch (e) {} }
    });
  });
  leak.secretsToFind = [];
  // 4. CSS highlights, sampled all the time (the lens flashed mentions with one once).
  setInterval(function () {
    if (!window.CSS || !CSS.highlights) return;
    CSS.highlights.forEach(function (hl, name) { hl.forEach(function (range) { leak.highlights.push({ name: name, text: range.toString() }); }); });
  }, 40);
  document.addEventListener('DOMContentLoaded', function () {
    leak.initialText = document.documentElement.textContent;
    leak.initialStyleElements = document.querySelectorAll('style, link[rel=stylesheet]').length;
  });

  // 5. The active probe, run by the test once the panel is showing its analysis.
  window.__lensProbe = async function () {
    var out = { frames: [], runtime: null, runtimeReply: null, fetched: [], extensionUrls: [] };
    var added = Array.prototype.filter.call(document.documentElement.children, function (c) { return c !== document.head && c !== document.body; });
    var host = added[0] || null;
    out.added = added.map(function (c) { return c.tagName + ' ' + c.getAttributeNames().join(','); });
    out.hostFound = !!host;
    out.htmlAttributes = document.documentElement.getAttributeNames();
    out.ids = Array.prototype.map.call(document.querySelectorAll('[id*="policy" i], [id*="lens" i], [class*="policy-lens" i]'), function (e) { return e.tagName + '#' + e.id; });
    out.styleElements = document.querySelectorAll('style, link[rel=stylesheet]').length;
    out.hash = location.hash;
    out.found = typeof window.find === 'function' ? leak.secretsToFind.map(function (t) { return window.find(t, false, false, true); }) : [];
    out.internalsRoots = leak.upgraded.length;
    out.shadowRoot = host ? String(host.shadowRoot) : 'no host';
    out.iframesInDom = document.querySelectorAll('iframe').length;
    for (var i = 0; i < window.frames.length; i++) {
      var f = window.frames[i], r = {};
      try { r.href = f.location.href; } catch (e) { r.hrefError = e.name; }
      try { r.text = f.document.documentElement.textContent; } catch (e) { r.docError = e.name; }
      try { f.postMessage({ type: 'panel:state' }, '*'); r.posted = true; } catch (e) { r.postError = e.name; }
      out.frames.push(r);
    }
    out.extensionUrls = performance.getEntriesByType('resource').map(function (e) { return e.name; }).filter(function (n) { return /extension:/.test(n); });
    // WXT's content-script bootstrap announces itself with a postMessage naming the extension's id:
    // a Chrome id gives the panel page's URL (it is web-accessible, so it can be fetched).
    leak.messages.forEach(function (m) {
      var id = /"type":"([a-p]{32}):/.exec(m.data);
      if (id) out.extensionUrls.push('chrome-extension://' + id[1] + '/panel.html');
    });
    var rt = window.chrome && window.chrome.runtime;
    out.runtime = rt && rt.sendMessage ? 'sendMessage' : 'none';
    out.browserGlobal = typeof window.browser;
    if (rt && rt.sendMessage) {
      var ids = out.extensionUrls.map(function (u) { return new URL(u).host; });
      for (var j = 0; j < ids.length; j++) {
        out.runtimeReply = await new Promise(function (resolve) {
          try { rt.sendMessage(ids[j], { type: 'panel:state' }, function (reply) { resolve(text(reply)); }); } catch (e) { resolve('threw ' + e.name); }
          setTimeout(function () { resolve('no reply'); }, 1000);
        });
      }
    }
    for (var k = 0; k < out.extensionUrls.length; k++) {
      try { out.fetched.push(await (await fetch(out.extensionUrls[k])).text()); } catch (e) { out.fetched.push('fetch failed: ' + e.name); }
    }
    await new Promise(function (r) { setTimeout(r, 300); });
    out.innerText = document.documentElement.innerText;
    out.textContent = document.documentElement.textContent;
    leak.probes.push(out);
    return out;
  };
  // 5b. Everything the page can measure that painting could change: registered highlights, the
  // added element's geometry and scroll size, computed styles of the article, hit tests over the
  // article's text, running animations, the selection.
  window.__lensSnapshot = function () {
    var body = document.querySelector('#artibody');
    var added = Array.prototype.filter.call(document.documentElement.children, function (c) { return c !== document.head && c !== document.body; });
    var host = added[0];
    var r = host ? host.getBoundingClientRect() : null;
    var styles = [];
    body.querySelectorAll('*').forEach(function (el) {
      var cs = getComputedStyle(el);
      styles.push(el.tagName + cs.backgroundColor + cs.textDecorationLine + cs.color + cs.outlineStyle + cs.boxShadow);
    });
    var hits = [];
    var rect = body.getBoundingClientRect();
    for (var y = Math.max(0, rect.top); y < Math.min(innerHeight, rect.bottom); y += 9) {
      for (var x = rect.left; x < rect.right; x += 23) {
        var els = document.elementsFromPoint(x, y);
        if (els.some(function (e) { return e === host; })) hits.push([x, y]);
      }
    }
    var reg = [];
    if (window.CSS && CSS.highlights) CSS.highlights.forEach(function (hl, name) { hl.forEach(function (range) { reg.push(name + ':' + range.toString()); }); });
    return {
      registered: reg,
      added: added.map(function (c) { return c.tagName + ' ' + c.getAttributeNames().join(','); }),
      host: r && host ? [r.left, r.top, r.width, r.height, host.scrollWidth, host.scrollHeight, host.clientWidth, host.clientHeight, String(host.shadowRoot)] : null,
      styles: styles.join('|').length + ':' + styles.join('|').split('').reduce(function (h, c) { return (h * 31 + c.charCodeAt(0)) | 0; }, 7),
      hostHitsOverArticle: hits,
      animations: document.getAnimations ? document.getAnimations().length : -1,
      selection: String(getSelection()),
      head: document.head.children.length,
      bodyHtmlLength: document.body.innerHTML.length,
    };
  };
  // 6. Swap the panel's frame for a look-alike (a parent may navigate its child frames).
  window.__lensHijack = function () {
    for (var i = 0; i < window.frames.length; i++) {
      try { window.frames[i].location.replace(location.origin + '/fake-panel.html'); } catch (e) { leak.probes.push({ hijackError: e.name }); }
    }
  };
})();
`;

type Probe = {
  hostFound: boolean;
  shadowRoot: string;
  added: string[];
  htmlAttributes: string[];
  ids: string[];
  styleElements: number;
  hash: string;
  found: boolean[];
  frames: { href?: string; hrefError?: string; text?: string; docError?: string }[];
  iframesInDom: number;
  runtime: string;
  runtimeReply: string | null;
  browserGlobal: string;
  extensionUrls: string[];
};
type Leak = {
  initialText: string;
  attachShadowCalls: unknown[];
  frameSrcs: string[];
  appended: string[];
  messages: { origin: string; data: string }[];
  hosts: { tag: string; shadowRoot: string; attributes: string[] }[];
  highlights: { name: string; text: string }[];
  keys: string[];
  upgraded: string[];
  secretsToFind: string[];
  initialStyleElements: number;
};
type Snapshot = {
  registered: string[];
  added: string[];
  host: unknown[] | null;
  styles: string;
  hostHitsOverArticle: [number, number][];
  animations: number;
  selection: string;
  head: number;
  bodyHtmlLength: number;
};

const probeOf = (page: LensPage) =>
  page.evaluate(() => (window as unknown as { __lensProbe(): Promise<Probe> }).__lensProbe()) as Promise<Probe>;
const leakOf = (page: LensPage) => page.evaluate(() => (window as unknown as { __lensLeak: Leak }).__lensLeak) as Promise<Leak>;
const snapshotOf = (page: LensPage) => page.evaluate(() => (window as unknown as { __lensSnapshot(): Snapshot }).__lensSnapshot());

describe.each(BROWSERS)('a hostile page in %s', (name) => {
  const lens = useLens(name);
  const openHostile = async (fixtureName: string, opts: { before?: string; at?: string } = {}) => {
    const seed = fixture(fixtureName);
    const html = readFileSync(path.join(FIXTURES_DIR, seed.file), 'utf8').replace(
      '<head>',
      `<head>\n<script>${HOSTILE_SCRIPT}${opts.before ?? ''}</script>`,
    );
    const url = opts.at ?? seed.url;
    lens.server.route(url, html);
    return lens.browser.openPage(lens.server.urlOf({ ...seed, url }));
  };
  const stored = async (store: StoreName) => {
    const options = await lens.browser.openExtensionPage('/options.html');
    await options.waitFor('the corpus to be seeded', () => document.querySelectorAll('tr[data-origin="seed"]').length === 5);
    const rows = await options.evaluate(readStore, store);
    await options.close();
    return rows as Record<string, unknown>[];
  };

  it('gets nothing of what the panel shows, and finds nothing that names Policy Lens', async () => {
    const page = await openHostile('seed-000-desktop');
    expect(await page.evaluate(() => typeof (window as unknown as { __lensProbe?: unknown }).__lensProbe)).toBe('function');

    // Make the panel show everything it can: analysis, an expanded timeline, a revealed mention.
    const panel = await readyPanel(page);
    await panel.evaluate(() => {
      document.querySelectorAll<HTMLButtonElement>('[data-testid="timeline-toggle"]').forEach((b) => b.click());
      document.querySelector<HTMLButtonElement>('[data-measure-id="anti-fraud-crackdown"] [data-testid="measure-reveal"]')!.click();
    });
    // The reader sees the mention flash; the page's highlight registry never holds it.
    // The panel says the mention was found and shown (panel.e2e sees it flash); the page's highlight
    // registry, sampled every 40 ms throughout, never holds it.
    await panel.waitFor('the mention shown', () => /1 of 4/.test(document.querySelector('[data-testid="announce"]')?.textContent ?? ''));
    await new Promise((r) => setTimeout(r, 500));
    const secrets = await panel.evaluate(() => {
      const texts = (sel: string) =>
        [...document.querySelectorAll(sel)].map((e) => (e.textContent ?? '').trim()).filter((t) => t.length >= 6);
      return [
        ...texts('[data-testid="related"] a'),
        ...texts('[data-testid="timeline"] blockquote'),
        ...texts('[data-testid="timeline"] a'),
        ...texts('[data-testid="corpus-status"]'),
        ...texts('.gloss'),
        ...texts('.reason'),
        ...texts('h2'),
      ];
    });
    const probe = await probeOf(page);
    const leak = await leakOf(page);

    // Only what the page did not contain itself counts as a secret (its own title is not one).
    expect(leak.initialText.length).toBeGreaterThan(1000);
    const sensitive = [...new Set(secrets)].filter((s) => !leak.initialText.includes(s));
    expect(sensitive.length).toBeGreaterThan(10);
    expect(sensitive.some((s) => s.includes('Related articles'))).toBe(true);

    // The lens's own DOM calls never went through the page's patched prototypes (isolated world / Xrays).
    expect(leak.attachShadowCalls).toEqual([]);
    expect(leak.frameSrcs).toEqual([]);
    // One element was added: a plain <div> with no attribute, its shadow root closed. No custom
    // element the page defined in advance was ever created (its attachInternals would open it).
    expect(leak.hosts).toEqual([{ tag: 'DIV', shadowRoot: 'null', attributes: [] }]);
    expect(leak.upgraded).toEqual([]);
    expect(probe.hostFound).toBe(true);
    expect(probe.shadowRoot).toBe('null');
    expect(probe.added).toEqual(['DIV ']);
    // No marker on <html>, no id, class or style element, nothing in the address.
    expect(probe.htmlAttributes).toEqual([]);
    expect(probe.ids).toEqual([]);
    expect(probe.styleElements).toBe(leak.initialStyleElements);
    expect(probe.hash).toBe('');
    // The frame is not even in window.frames (a frame in a shadow tree is not a document-tree child),
    // so the page has no handle on it to read, message or navigate.
    expect(probe.frames).toEqual([]);
    expect(probe.iframesInDom).toBe(0);
    // No postMessage ever named the extension (WXT's content-script context used to post its id),
    // and no runtime answers a web page.
    expect(leak.messages.filter((m) => /extension:|wxt|content-script/.test(m.origin + m.data))).toEqual([]);
    expect(probe.extensionUrls).toEqual([]);
    expect(probe.runtime).toBe('none');
    expect(probe.runtimeReply).toBeNull();
    expect(probe.browserGlobal).toBe('undefined');
    // The flash was never in the page's CSS.highlights.
    expect(leak.highlights).toEqual([]);

    // And nowhere in all it gathered is anything the panel shows.
    const everything = JSON.stringify({ probe, leak: { ...leak, initialText: '' } });
    for (const s of sensitive) expect(everything.includes(s), `the page got "${s}"`).toBe(false);

    // Trying to swap the frame for a look-alike finds nothing to swap: the panel is still there.
    await page.evaluate(() => (window as unknown as { __lensHijack(): void }).__lensHijack());
    const after = await readyPanel(page);
    expect(await after.evaluate(() => location.pathname)).toBe('/panel.html');
    await page.close();
  });

  it('learns nothing about which passages the reader highlighted', async () => {
    const PHRASE = '稳步有序扩大集中带量采购覆盖面';
    const page = await openHostile('seed-000-desktop');
    await readyPanel(page);
    // Everything the page can measure, before the reader highlights anything...
    await page.evaluate(phrasePoints, PHRASE);
    const before = await snapshotOf(page);
    await highlightPhrase(page, PHRASE);
    const panel = await panelFrame(page);
    await until(
      'the highlight listed as anchored',
      () => panel.evaluate(listedHighlights),
      (items) => items.some((h) => h.quote === PHRASE && h.status === 'anchored'),
    );
    // ...and after, with the highlight painted where the reader sees it.
    await waitForTint(page, PHRASE, 'yellow');
    await page.evaluate(phrasePoints, PHRASE);
    const after = await snapshotOf(page);
    expect(after.registered).toEqual([]);
    expect(after.hostHitsOverArticle).toEqual([]);
    expect(after.animations).toBe(0);
    expect(after.selection).toBe('');
    expect(after).toEqual({ ...before, selection: '' });
    const leak = await leakOf(page);
    expect(leak.highlights).toEqual([]);
    await page.close();
  });

  it('hears none of a note the reader writes, cannot read it once written, and cannot open it with a synthetic click', async () => {
    const PHRASE = '把更多药品和耗材纳入采购范围';
    const NOTE = 'secret-note-42: ask the bureau';
    const page = await openHostile('seed-000-desktop');
    await readyPanel(page);
    // "Add note" spans the toolbar's bottom row, under the colours.
    const { to } = await selectPhrase(page, PHRASE);
    await page.waitFor('the selection toolbar', paintedBox, { around: to });
    const box = (await page.evaluate(paintedBox, { around: to }))!;
    await page.click({ x: (box.left + box.right) / 2, y: box.bottom - 8 });
    // The highlight is made, and the note box opens in the panel with the keyboard focus in it.
    const panel = await panelFrame(page);
    await panel.waitFor('the note box focused in the panel', () => document.activeElement?.getAttribute('data-testid') === 'note-input');
    await page.type(NOTE);
    await page.press('Control+Enter');
    await panel.waitFor(
      'the note saved',
      (n) => [...document.querySelectorAll('[data-testid="highlight-note"]')].some((e) => e.textContent === n),
      NOTE,
    );
    await waitForTint(page, PHRASE, 'yellow');

    // A synthetic click on the highlighted text (isTrusted false) opens nothing.
    const points = (await page.evaluate(phrasePoints, PHRASE))!;
    const middle = { x: (points.from.x + points.to.x) / 2, y: points.from.y };
    await page.evaluate((at) => {
      const target = document.elementFromPoint(at.x, at.y)!;
      for (const type of ['pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click']) {
        target.dispatchEvent(new MouseEvent(type, { bubbles: true, composed: true, clientX: at.x, clientY: at.y }));
      }
    }, middle);
    await new Promise((r) => setTimeout(r, 800));
    expect(await page.evaluate(paintedBox, { around: middle })).toBeNull();

    // The reader's own click opens the popover, which says there is a note but never shows it.
    await page.click(middle);
    await page.waitFor('the note popover', paintedBox, { around: middle });
    await page.evaluate((note) => (window as unknown as { __lensLeak: Leak }).__lensLeak.secretsToFind.push(note, 'secret-note-42'), NOTE);
    const probe = await probeOf(page);
    const leak = await leakOf(page);
    // Not one keystroke of the note reached the page's listeners.
    expect(leak.keys.join('')).not.toContain('secret');
    expect(leak.keys.filter((k) => k.length === 1)).toEqual([]);
    // Nor can the page read the note anywhere, nor find its text among what is drawn (window.find).
    expect(probe.found.every((f) => f === false)).toBe(true);
    expect(JSON.stringify({ probe, leak: { ...leak, initialText: '', secretsToFind: [] } })).not.toContain('secret-note');
    expect(leak.highlights).toEqual([]);
    await page.close();
  });

  it('gets neither the highlights nor the analysis of another stored article by rewriting its address first', async () => {
    // The reader highlighted a passage of article B (seed-002) on its own page.
    const B = fixture('seed-002-desktop');
    const PHRASE_B = '合理确定、动态调整公立医院薪酬水平';
    const real = await lens.browser.openPage(lens.server.urlOf(B));
    await readyPanel(real);
    await highlightPhrase(real, PHRASE_B);
    const bRecord = (await stored('articles')).find((r) => r.key === 'sina:kqciyzk0276134')!;
    await real.close();

    // Page A (seed-000's address) carries B's highlighted paragraph, and rewrites its address to B's
    // before any extension code runs.
    const A = fixture('seed-000-desktop');
    const bParagraph = /<p[^>]*>[^<]*合理确定、动态调整公立医院薪酬水平[^]*?<\/p>/.exec(
      readFileSync(path.join(FIXTURES_DIR, B.file), 'utf8'),
    )![0];
    const html = readFileSync(path.join(FIXTURES_DIR, A.file), 'utf8')
      .replace(
        '<head>',
        `<head>\n<script>${HOSTILE_SCRIPT}history.replaceState(null, '', ${JSON.stringify(new URL(B.url).pathname)});</script>`,
      )
      .replace('<div class="article" id="artibody" data-sudaclick="blk_content">', `$&\n${bParagraph}`);
    lens.server.route(A.url, html);
    const page = await lens.browser.openPage(lens.server.urlOf(A));
    expect(await page.evaluate(() => location.pathname)).toBe(new URL(B.url).pathname);
    const panel = await readyPanel(page);
    // The panel is about the page the browser loaded (A's address), not B.
    const corpusId = await panel.evaluate(
      () => document.querySelector('[data-testid="corpus-status"]')?.getAttribute('data-corpus-id') ?? null,
    );
    expect(corpusId).not.toBe(bRecord.id);
    const aRecord = (await stored('articles')).find((r) => r.key === 'sina:kqcfnaz9077291')!;
    expect(corpusId).toBe(aRecord.id);
    // Only A's own highlights (from the tests above), never B's.
    await panel.waitFor('the highlights loaded', () => document.querySelector('[data-testid="highlights"]') !== null);
    await new Promise((r) => setTimeout(r, 1000));
    expect((await panel.evaluate(listedHighlights)).map((h) => h.quote)).not.toContain(PHRASE_B);
    // B's highlight is not painted on the copy of its paragraph, and B's stored article is untouched.
    expect(await waitForTint(page, PHRASE_B, 'none')).toBe('none');
    const bAfter = (await stored('articles')).find((r) => r.key === 'sina:kqciyzk0276134')!;
    expect(bAfter).toEqual(bRecord);
    expect((await stored('highlights')).filter((h) => (h.quote as { exact: string }).exact === PHRASE_B).map((h) => h.articleKey)).toEqual([
      'sina:kqciyzk0276134',
    ]);
    await page.close();
  });

  it('cannot use a panel it frames itself: the frame gets no state and its clicks change nothing', async () => {
    const PHRASE = '解决好药品和耗材配送问题';
    const page = await openHostile('seed-000-desktop');
    await readyPanel(page);
    await highlightPhrase(page, PHRASE);
    const item = (await (await panelFrame(page)).evaluate(listedHighlights)).find((h) => h.quote === PHRASE);
    expect(item).toBeDefined();
    // The panel's frame shows the page nothing of its address. Suppose the page learned it anyway:
    // the address the frame ended at (the test reads it from the real frame), and the address the
    // extension itself loads it from (the test asks an extension page).
    const real = await panelFrame(page);
    const realHref = await real.evaluate(() => location.href);
    const framedAt = realHref.replace(/#.*$/, '');
    const ext = await lens.browser.openExtensionPage('/options.html');
    const loadable = await ext.evaluate(() =>
      (globalThis as unknown as { chrome: { runtime: { getURL(p: string): string } } }).chrome.runtime.getURL('/panel.html'),
    );
    await ext.close();
    const fetched = await page.evaluate(
      async (urls) => {
        const out: string[] = [];
        for (const u of urls)
          out.push(
            await fetch(u).then(
              (r) => `ok ${r.status}`,
              (e: Error) => `failed ${e.name}`,
            ),
          );
        return out;
      },
      [framedAt],
    );
    if (name === 'chromium') {
      // Chrome serves panel.html to pages only from a per-session address (use_dynamic_url), a random
      // GUID where the extension's fixed id would be: chrome-extension://<id>/panel.html, the address
      // a page could know from the store, refuses it.
      expect(loadable).toMatch(/^chrome-extension:\/\/[0-9a-f-]{36}\/panel\.html$/);
      expect(framedAt).toMatch(/^chrome-extension:\/\/[a-p]{32}\/panel\.html$/);
      expect(fetched[0]).toMatch(/^failed/);
    } else {
      // Firefox has no use_dynamic_url and no fixed address either: its moz-extension:// host is a
      // random UUID of this install.
      expect(loadable).toBe(framedAt);
      expect(loadable).toMatch(/^moz-extension:\/\/[0-9a-f-]{36}\/panel\.html$/);
    }

    // The page frames the panel at the address it can load, with no secret and with a made-up one.
    await page.evaluate((src) => {
      for (const hash of ['', '#0123456789abcdef0123456789abcdef']) {
        const f = document.createElement('iframe');
        f.src = src + hash;
        f.style.cssText = 'position:fixed;left:0;top:0;width:400px;height:600px;opacity:0.01';
        document.body.append(f);
      }
    }, loadable);
    for (const hash of ['', '0123456789abcdef0123456789abcdef']) {
      const framed = await page.frame('the panel the page framed', (h) => isPanel(h) && h.replace(/^[^#]*#?/, '') === hash, 20_000);
      await framed.waitFor('the framed panel to settle', () => document.querySelector('[data-testid="panel"]') !== null);
      await new Promise((r) => setTimeout(r, 1000));
      const seen = await framed.evaluate(() => ({
        status: document.querySelector('[data-testid="panel"]')?.getAttribute('data-status'),
        text: document.body.textContent ?? '',
        highlights: document.querySelectorAll('[data-testid="highlight"]').length,
      }));
      expect(seen.status).toBe('none');
      expect(seen.highlights).toBe(0);
      expect(seen.text).not.toContain(PHRASE);
      // What its Delete, Re-attach or collapse would send is refused: nothing changes.
      const replies = await framed.evaluate(async (id) => {
        const g = globalThis as unknown as {
          browser?: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
          chrome: { runtime: { sendMessage(m: unknown): Promise<unknown> } };
        };
        const send = (m: unknown) => (g.browser ?? g.chrome).runtime.sendMessage(m);
        const frame = location.hash.slice(1);
        return [
          await send({ type: 'highlights:delete', id, frame }),
          await send({ type: 'highlights:update', id, patch: { note: 'clickjacked' }, frame }),
          await send({ type: 'panel:reattach', id, frame }),
          await send({ type: 'panel:set-open', open: false, frame }),
          await send({ type: 'panel:state', frame }),
        ];
      }, item!.id);
      for (const r of replies) expect(r).toMatchObject({ ok: false, error: expect.stringContaining('not made by Policy Lens') });
    }
    const [after] = (await stored('highlights')).filter((h) => h.id === item!.id);
    expect(after).toMatchObject({ id: item!.id, note: '' });
    // The real panel still works, and the reader's highlight is still there.
    const stillReal = await page.frame('the real panel', (h) => h === realHref);
    expect((await stillReal.evaluate(listedHighlights)).map((h) => h.id)).toContain(item!.id);
    await page.close();
  });
});
