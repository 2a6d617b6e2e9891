import puppeteer, { type Browser, type Frame, type Page } from 'puppeteer-core';
import { axeSource, runAxeInPage, toViolations } from './axe';
import { findFrame } from './frames';
import { createHash, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { LaunchOptions, LensBrowser, LensFrame, LensPage } from './types';
import { findBrowser } from './browsers';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function wrapFrame(frame: Frame): LensFrame {
  return {
    evaluate: (fn, arg) => frame.evaluate(fn as never, arg) as never,
    async waitFor(what, fn, arg, timeoutMs = 15_000) {
      try {
        await frame.waitForFunction(fn as never, { timeout: timeoutMs, polling: 100 }, arg);
      } catch (error) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`, { cause: error });
      }
    },
    axe: () => axeIn(frame),
  };
}

async function axeIn(frame: Frame) {
  await frame.evaluate(axeSource());
  return toViolations(await frame.evaluate(runAxeInPage));
}

/** `Shift+Tab` → Shift held while Tab is pressed. */
async function pressKeys(page: Page, keys: string) {
  const parts = keys.split('+') as import('puppeteer-core').KeyInput[];
  const key = parts.pop()!;
  for (const m of parts) await page.keyboard.down(m);
  await page.keyboard.press(key);
  for (const m of parts.reverse()) await page.keyboard.up(m);
}

function wrap(page: Page): LensPage {
  return {
    frame: async (what, matches, timeoutMs) =>
      wrapFrame(await findFrame(() => page.frames().filter((f) => f !== page.mainFrame()), what, matches, timeoutMs)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(what, fn, arg, timeoutMs = 15_000) {
      try {
        await page.waitForFunction(fn as never, { timeout: timeoutMs, polling: 100 }, arg);
      } catch (error) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`, { cause: error });
      }
    },
    async setInputFiles(selector, paths) {
      const input = await page.$(selector);
      if (!input) throw new Error(`no element matches ${selector}`);
      await (input as import('puppeteer-core').ElementHandle<HTMLInputElement>).uploadFile(...paths);
    },
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
    },
    reload: async () => {
      if (!(await page.evaluate(() => location.protocol).catch(() => '')).startsWith('moz-extension')) {
        await page.reload({ waitUntil: 'domcontentloaded' });
        return;
      }
      // BiDi may not navigate extension pages: reload from inside, then wait for the new document.
      await page.evaluate(() => {
        (window as unknown as { __lensOld?: boolean }).__lensOld = true;
        setTimeout(() => location.reload(), 0);
      });
      const deadline = Date.now() + 15_000;
      while (Date.now() < deadline) {
        const fresh = await page
          .evaluate(() => !(window as unknown as { __lensOld?: boolean }).__lensOld && document.readyState !== 'loading')
          .catch(() => false);
        if (fresh) return;
        await sleep(100);
      }
      throw new Error(`firefox: ${page.url()} did not reload within 15 s`);
    },
    bringToFront: () => page.bringToFront(),
    press: (keys) => pressKeys(page, keys),
    type: (text) => page.keyboard.type(text),
    async drag(from, to) {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      // Two steps, as in chromium.ts: enough to extend a selection, and quick.
      await page.mouse.move(to.x, to.y, { steps: 2 });
      await page.mouse.up();
    },
    click: (at) => page.mouse.click(at.x, at.y),
    setViewport: (width, height) => page.setViewport({ width, height }),
    axe: () => axeIn(page.mainFrame()),
    screenshot: async (file) => {
      await page.screenshot({ path: file as `${string}.png` });
    },
    capture: async (clip) => {
      // Over BiDi puppeteer takes the clip in document coordinates; the contract is the viewport's.
      const scroll = await page.evaluate(() => ({ x: scrollX, y: scrollY }));
      return new Uint8Array(await page.screenshot({ clip: { ...clip, x: clip.x + scroll.x, y: clip.y + scroll.y }, type: 'png' }));
    },
    close: () => page.close(),
  };
}

/** A UUID that is the same for the same profile directory. */
function uuidFor(profileDir: string): string {
  const h = createHash('sha256').update(profileDir).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

function geckoId(extensionDir: string): string {
  const manifest = JSON.parse(readFileSync(path.join(extensionDir, 'manifest.json'), 'utf8'));
  return manifest.browser_specific_settings.gecko.id as string;
}

export async function launchFirefox(opts: LaunchOptions): Promise<LensBrowser> {
  // A fixed internal UUID makes moz-extension:// URLs predictable for this run, and the same across
  // launches on one kept profile, where the extension's IndexedDB lives under that UUID.
  const uuid = opts.profileDir ? uuidFor(opts.profileDir) : randomUUID();
  const locale = opts.locale ?? 'en-US';
  const browser: Browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: findBrowser('firefox'),
    headless: opts.headless ?? true,
    defaultViewport: { width: 1280, height: 900 },
    // The fixture server's self-signed certificate (scripts/harness/tls/).
    acceptInsecureCerts: true,
    ...(opts.profileDir && { userDataDir: opts.profileDir }),
    extraPrefsFirefox: {
      // A temporary add-on is removed when Firefox quits; on a kept profile its data must stay for the
      // next launch (a browser restart), as it does for an installed add-on.
      'extensions.webextensions.keepStorageOnUninstall': Boolean(opts.profileDir),
      'extensions.webextensions.keepUuidOnUninstall': Boolean(opts.profileDir),
      'network.dns.localDomains': opts.hosts.join(','),
      // No automatic upgrade of http URLs: the tests that open a page over plain http mean plain http.
      'dom.security.https_first': false,
      'dom.security.https_first_schemeless': false,
      // Firefox MV3 asks before a content script may run; a test profile grants the manifest's hosts
      // unless the test plays a new reader (grantHostAccess: false), who allows them from the extension.
      'extensions.originControls.grantByDefault': opts.grantHostAccess ?? true,
      'extensions.webextOptionalPermissionPrompts': false,
      'extensions.webextensions.uuids': JSON.stringify({ [geckoId(opts.extensionDir)]: uuid }),
      // Every host but the fixtures' goes to a closed local port, so the dozens of ad and analytics
      // scripts on a Sina page fail at once instead of waiting on DNS (Chromium: MAP * ~NOTFOUND).
      'network.proxy.type': 1,
      'network.proxy.http': '127.0.0.1',
      'network.proxy.http_port': 9,
      'network.proxy.ssl': '127.0.0.1',
      'network.proxy.ssl_port': 9,
      'network.proxy.no_proxies_on': opts.hosts.join(','),
      'intl.locale.requested': locale,
      // prefers-color-scheme for web content and extension pages: 0 dark, 1 light.
      'layout.css.prefers-color-scheme.content-override': opts.colorScheme === 'dark' ? 0 : 1,
      'ui.systemUsesDarkTheme': opts.colorScheme === 'dark' ? 1 : 0,
      'intl.accept_languages': locale,
    },
  });

  const consoleLines: string[] = [];
  const pages = new Map<Page, LensPage>();
  const track = (page: Page) => {
    const existing = pages.get(page);
    if (existing) return existing;
    page.on('console', (m) => consoleLines.push(`[firefox ${m.type()}] ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[firefox pageerror] ${String((e as Error).message ?? e)}`));
    page.on('close', () => pages.delete(page));
    const lens = wrap(page);
    pages.set(page, lens);
    return lens;
  };

  await browser.installExtension(opts.extensionDir);
  const origin = `moz-extension://${uuid}`;

  // WebDriver BiDi may not navigate a tab to moz-extension:// URLs, and web pages may not either.
  // The extension opens its own welcome tab on install; that tab opens the other extension pages with
  // tabs.create (a window.open tab is invisible to BiDi's page list).
  const hrefOf = (page: Page) => page.evaluate(() => location.href).catch(() => '');
  const findPage = async (prefix: string | string[], exclude: Set<Page>, timeoutMs = 15_000) => {
    const prefixes = typeof prefix === 'string' ? [prefix] : prefix;
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      for (const page of await browser.pages()) {
        if (exclude.has(page)) continue;
        const href = await hrefOf(page);
        if (prefixes.some((p) => href.startsWith(p))) return page;
      }
      await sleep(100);
    }
    throw new Error(`firefox: no tab at ${prefixes.join(' or ')} after ${timeoutMs} ms`);
  };
  // The welcome tab (welcome.html; the release before 0.1.0 opened options.html#welcome).
  const welcome = await findPage([`${origin}/welcome.html`, `${origin}/options.html`], new Set());

  return {
    name: 'firefox',
    extensionDir: opts.extensionDir,
    async openPage(url) {
      const page = await browser.newPage();
      const lens = track(page);
      await lens.goto(url);
      return lens;
    },
    async openExtensionPage(extPath) {
      const url = `${origin}${extPath.startsWith('/') ? extPath : `/${extPath}`}`;
      const before = new Set(await browser.pages());
      await welcome.evaluate(async (u) => {
        // Runs in the extension page, where the WebExtension API is the global `browser`.
        const ext = (globalThis as unknown as { browser: { tabs: { create(o: { url: string }): Promise<unknown> } } }).browser;
        await ext.tabs.create({ url: u });
      }, url);
      const page = await findPage(url.split('#')[0]!, before);
      const lens = track(page);
      await lens.waitFor('the extension page to load', () => document.readyState !== 'loading');
      return lens;
    },
    async waitForPage(prefix, timeoutMs = 15_000) {
      const page = await findPage(prefix, new Set(pages.keys()), timeoutMs);
      const lens = track(page);
      await lens.waitFor('the page to load', () => document.readyState !== 'loading');
      return lens;
    },
    openPages: () => [...pages.values()],
    consoleLines,
    closed: new Promise((resolve) => browser.on('disconnected', () => resolve())),
    close: () => browser.close(),
  };
}
