import AxeBuilder from '@axe-core/playwright';
import { chromium, type BrowserContext, type Frame, type Page } from 'playwright-core';
import { axeSource, runAxeInPage, toViolations } from './axe';
import { findFrame } from './frames';
import type { LaunchOptions, LensBrowser, LensFrame, LensPage } from './types';
import { findBrowser } from './browsers';
import { extensionArgs, fixtureServerArgs } from './chromium-args';

function wrapFrame(frame: Frame): LensFrame {
  return {
    evaluate: (fn, arg) => frame.evaluate(fn as never, arg) as never,
    async waitFor(what, fn, arg, timeoutMs = 15_000) {
      try {
        await frame.waitForFunction(fn as never, arg, { timeout: timeoutMs, polling: 100 });
      } catch (error) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`, { cause: error });
      }
    },
    async axe() {
      await frame.evaluate(axeSource());
      return toViolations(await frame.evaluate(runAxeInPage));
    },
  };
}

function wrap(page: Page): LensPage {
  return {
    frame: async (what, matches, timeoutMs) =>
      wrapFrame(await findFrame(() => page.frames().filter((f) => f !== page.mainFrame()), what, matches, timeoutMs)),
    evaluate: (fn, arg) => page.evaluate(fn as never, arg) as never,
    async waitFor(what, fn, arg, timeoutMs = 15_000) {
      try {
        await page.waitForFunction(fn as never, arg, { timeout: timeoutMs, polling: 100 });
      } catch (error) {
        throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`, { cause: error });
      }
    },
    setInputFiles: (selector, paths) => page.setInputFiles(selector, paths),
    goto: async (url) => {
      await page.goto(url, { waitUntil: 'domcontentloaded' });
    },
    reload: async () => {
      await page.reload({ waitUntil: 'domcontentloaded' });
    },
    bringToFront: () => page.bringToFront(),
    press: (keys) => page.keyboard.press(keys),
    type: (text) => page.keyboard.type(text),
    async drag(from, to) {
      await page.mouse.move(from.x, from.y);
      await page.mouse.down();
      // Two steps: headless Chromium answers each move only at its next frame (about 1 s apart here once
      // the page holds an extension frame), and two moves are enough to extend a selection.
      await page.mouse.move(to.x, to.y, { steps: 2 });
      await page.mouse.up();
    },
    click: (at) => page.mouse.click(at.x, at.y),
    setViewport: (width, height) => page.setViewportSize({ width, height }),
    axe: async () => toViolations(await new AxeBuilder({ page }).analyze()),
    screenshot: async (file) => {
      await page.screenshot({ path: file, fullPage: false });
    },
    capture: async (clip) => new Uint8Array(await page.screenshot({ clip, animations: 'allow', caret: 'initial' })),
    close: () => page.close(),
  };
}

export async function launchChromium(opts: LaunchOptions): Promise<LensBrowser> {
  const context: BrowserContext = await chromium.launchPersistentContext(opts.profileDir ?? '', {
    executablePath: findBrowser('chromium'),
    headless: opts.headless ?? true,
    locale: opts.locale ?? 'en-US',
    colorScheme: opts.colorScheme ?? 'light',
    viewport: { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
    args: [
      ...extensionArgs(opts.extensionDir),
      ...fixtureServerArgs(opts.hosts, opts.port),
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  const extensionId = new URL(worker.url()).host;

  const consoleLines: string[] = [];
  const pages = new Map<Page, LensPage>();
  const track = (page: Page) => {
    page.on('console', (m) => consoleLines.push(`[chromium ${m.type()}] ${page.url()}: ${m.text()}`));
    page.on('pageerror', (e) => consoleLines.push(`[chromium pageerror] ${page.url()}: ${e.message}`));
    page.on('close', () => pages.delete(page));
    const lens = wrap(page);
    pages.set(page, lens);
    return lens;
  };
  context.on('page', track);
  for (const page of context.pages()) track(page);

  const open = async (url: string) => {
    const page = await context.newPage();
    const lens = pages.get(page) ?? track(page);
    await lens.goto(url);
    return lens;
  };

  return {
    name: 'chromium',
    extensionDir: opts.extensionDir,
    openPage: open,
    openExtensionPage: (path) => open(`chrome-extension://${extensionId}${path.startsWith('/') ? path : `/${path}`}`),
    async waitForPage(prefix, timeoutMs = 15_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const page = context.pages().find((p) => p.url().startsWith(prefix));
        if (page) {
          const lens = pages.get(page) ?? track(page);
          await page.waitForLoadState('domcontentloaded');
          return lens;
        }
        await new Promise((r) => setTimeout(r, 100));
      }
      throw new Error(`chromium: no tab at ${prefix} after ${timeoutMs} ms`);
    },
    openPages: () => [...pages.values()],
    consoleLines,
    closed: new Promise((resolve) => context.on('close', () => resolve())),
    close: () => context.close(),
    async stopBackground() {
      // DevTools' "Stop" for service workers, from a page of the extension's origin (the domain sees
      // that origin's workers). Playwright reports no 'close' for an extension worker: the version's
      // running status says when it is gone.
      const origin = `chrome-extension://${extensionId}/`;
      const opened = context.pages().find((p) => p.url().startsWith(origin));
      const page = opened ?? (await context.newPage());
      if (!opened) await page.goto(`${origin}options.html`);
      const cdp = await context.newCDPSession(page);
      try {
        type Versions = { versions: { scriptURL: string; runningStatus: string }[] };
        const stopped = new Promise<void>((resolve) =>
          cdp.on('ServiceWorker.workerVersionUpdated', (e: Versions) => {
            if (e.versions.some((v) => v.scriptURL.startsWith(origin) && v.runningStatus === 'stopped')) resolve();
          }),
        );
        await cdp.send('ServiceWorker.enable');
        await cdp.send('ServiceWorker.stopAllWorkers');
        await stopped;
      } finally {
        await cdp.detach();
        if (!opened) await page.close();
      }
    },
  };
}
