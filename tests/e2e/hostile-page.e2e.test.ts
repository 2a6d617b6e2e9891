/**
 * A hostile Sina page: its own script runs first (before the content script) and tries every way it
 * has to read what the panel shows. It patches the DOM prototypes the lens might use, watches for the
 * panel's host element, reads into its shadow root and frame, listens to every postMessage, messages
 * the frame, calls the extension runtime, fetches the panel page, samples CSS highlights and reads the
 * document's text, recording everything into `window.__lensLeak`. The test then compares that record
 * with what the panel shows: nothing the page did not already contain may have reached it.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fixture, FIXTURES_DIR } from '../../scripts/harness/fixture-server';
import { BROWSERS, useLens } from './support/lens';
import { paintedBox, panelFrame, phrasePoints, selectPhrase } from './support/highlights';
import { readyPanel } from './support/panel';

const HOSTILE_SCRIPT = String.raw`
(function () {
  var leak = (window.__lensLeak = {
    initialText: '', attachShadowCalls: [], frameSrcs: [], appended: [], messages: [], hosts: [], highlights: [], probes: [], keys: [],
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
  // 3. Every custom element added to the page, and what its shadow root shows.
  new MutationObserver(function (records) {
    records.forEach(function (r) {
      r.addedNodes.forEach(function (n) {
        if (n.nodeType === 1 && n.tagName.indexOf('-') > 0) leak.hosts.push({ tag: n.tagName, shadowRoot: String(n.shadowRoot) });
      });
    });
  }).observe(document, { childList: true, subtree: true });
  // 4. CSS highlights, sampled all the time (the lens flashes mentions with one).
  setInterval(function () {
    if (!window.CSS || !CSS.highlights) return;
    CSS.highlights.forEach(function (hl, name) { hl.forEach(function (range) { leak.highlights.push({ name: name, text: range.toString() }); }); });
  }, 40);
  document.addEventListener('DOMContentLoaded', function () { leak.initialText = document.documentElement.textContent; });

  // 5. The active probe, run by the test once the panel is showing its analysis.
  window.__lensProbe = async function () {
    var out = { frames: [], runtime: null, runtimeReply: null, fetched: [], extensionUrls: [] };
    var host = document.querySelector('policy-lens-panel');
    out.hostFound = !!host;
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
  frames: { href?: string; hrefError?: string; text?: string; docError?: string }[];
  iframesInDom: number;
  runtime: string;
  runtimeReply: string | null;
  browserGlobal: string;
};
type Leak = {
  initialText: string;
  attachShadowCalls: unknown[];
  frameSrcs: string[];
  appended: string[];
  messages: { origin: string; data: string }[];
  hosts: { tag: string; shadowRoot: string }[];
  highlights: { name: string; text: string }[];
  keys: string[];
};

describe.each(BROWSERS)('a hostile page in %s', (name) => {
  const lens = useLens(name);
  const openHostile = async (fixtureName: string) => {
    const seed = fixture(fixtureName);
    const html = readFileSync(path.join(FIXTURES_DIR, seed.file), 'utf8').replace('<head>', `<head>\n<script>${HOSTILE_SCRIPT}</script>`);
    lens.server.route(seed.url, html);
    return lens.browser.openPage(lens.server.urlOf(seed));
  };

  it('gets nothing of what the panel shows', async () => {
    const page = await openHostile('seed-000-desktop');
    expect(await page.evaluate(() => typeof (window as unknown as { __lensProbe?: unknown }).__lensProbe)).toBe('function');

    // Make the panel show everything it can: analysis, an expanded timeline, a revealed mention.
    const panel = await readyPanel(page);
    await panel.evaluate(() => {
      document.querySelectorAll<HTMLButtonElement>('[data-testid="timeline-toggle"]').forEach((b) => b.click());
      document.querySelector<HTMLButtonElement>('[data-measure-id="anti-fraud-crackdown"] [data-testid="measure-reveal"]')!.click();
    });
    await page.waitFor('the page script to see the flash', () => (window as unknown as { __lensLeak: Leak }).__lensLeak.highlights.length > 0);
    const secrets = await panel.evaluate(() => {
      const texts = (sel: string) => [...document.querySelectorAll(sel)].map((e) => (e.textContent ?? '').trim()).filter((t) => t.length >= 6);
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
    const probe = (await page.evaluate(() => (window as unknown as { __lensProbe(): Promise<Probe> }).__lensProbe())) as Probe;
    const leak = (await page.evaluate(() => (window as unknown as { __lensLeak: Leak }).__lensLeak)) as Leak;

    // Only what the page did not contain itself counts as a secret (its own title is not one).
    expect(leak.initialText.length).toBeGreaterThan(1000);
    const sensitive = [...new Set(secrets)].filter((s) => !leak.initialText.includes(s));
    expect(sensitive.length).toBeGreaterThan(10);
    expect(sensitive.some((s) => s.includes('Related articles'))).toBe(true);

    // The lens's own DOM calls never went through the page's patched prototypes (isolated world / Xrays).
    expect(leak.attachShadowCalls).toEqual([]);
    expect(leak.frameSrcs).toEqual([]);
    // The host element is visible to the page, its closed shadow root is not.
    expect(leak.hosts.map((h) => h.tag)).toContain('POLICY-LENS-PANEL');
    expect(leak.hosts.every((h) => h.shadowRoot === 'null')).toBe(true);
    expect(probe.hostFound).toBe(true);
    expect(probe.shadowRoot).toBe('null');
    // The frame is not even in window.frames (a frame in a shadow tree is not a document-tree child),
    // so the page has no handle on it to read, message or navigate.
    expect(probe.frames).toEqual([]);
    expect(probe.iframesInDom).toBe(0);
    // No postMessage ever came from the extension, and no runtime answers a web page.
    expect(leak.messages.filter((m) => /extension:/.test(m.origin))).toEqual([]);
    expect(probe.runtime).toBe('none');
    expect(probe.runtimeReply).toBeNull();
    expect(probe.browserGlobal).toBe('undefined');
    // Highlights hold only the page's own text.
    for (const h of leak.highlights) expect(leak.initialText).toContain(h.text);

    // And nowhere in all it gathered is anything the panel shows.
    const everything = JSON.stringify({ probe, leak: { ...leak, initialText: '' } });
    for (const s of sensitive) expect(everything.includes(s), `the page got "${s}"`).toBe(false);

    // Trying to swap the frame for a look-alike finds nothing to swap: the panel is still there.
    await page.evaluate(() => (window as unknown as { __lensHijack(): void }).__lensHijack());
    const after = await readyPanel(page);
    expect(await after.evaluate(() => location.pathname)).toBe('/panel.html');
    await page.close();
  });

  it('hears none of a note the reader writes, and cannot read it once written', async () => {
    const PHRASE = '稳步有序扩大集中带量采购覆盖面';
    const NOTE = 'secret-note-42: ask the bureau';
    const page = await openHostile('seed-000-desktop');
    await readyPanel(page);
    // "Add note" spans the toolbar's bottom row, under the colours.
    const { to } = await selectPhrase(page, PHRASE);
    await page.waitFor('the selection toolbar', paintedBox, { tag: 'policy-lens-toolbar', around: to });
    const box = (await page.evaluate(paintedBox, { tag: 'policy-lens-toolbar', around: to }))!;
    await page.click({ x: (box.left + box.right) / 2, y: box.bottom - 8 });
    // The highlight is made, and the note box opens in the panel with the keyboard focus in it.
    const panel = await panelFrame(page);
    await panel.waitFor('the note box focused in the panel', () => document.activeElement?.getAttribute('data-testid') === 'note-input');
    await page.type(NOTE);
    await page.press('Control+Enter');
    await panel.waitFor('the note saved', (n) => [...document.querySelectorAll('[data-testid="highlight-note"]')].some((e) => e.textContent === n), NOTE);

    // The note shows in the page too, in the highlight's popover (a closed shadow root).
    const points = (await page.evaluate(phrasePoints, PHRASE))!;
    const middle = { x: (points.from.x + points.to.x) / 2, y: points.from.y };
    await page.click(middle);
    await page.waitFor('the note popover', paintedBox, { tag: 'policy-lens-note', around: middle });
    const probe = await page.evaluate(() => (window as unknown as { __lensProbe(): Promise<Probe> }).__lensProbe());
    const leak = (await page.evaluate(() => (window as unknown as { __lensLeak: Leak }).__lensLeak)) as Leak;
    // Not one keystroke of the note reached the page's listeners.
    expect(leak.keys.join('')).not.toContain('secret');
    expect(leak.keys.filter((k) => k.length === 1)).toEqual([]);
    // Nor can the page read the note anywhere.
    expect(JSON.stringify({ probe, leak: { ...leak, initialText: '' } })).not.toContain('secret-note');
    await page.close();
  });
});
