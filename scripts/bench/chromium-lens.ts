/** The built Chromium extension in a fresh headless profile, for the bench suites that run it on pages. */
import { chromium, type BrowserContext } from 'playwright-core';
import { findBrowser } from '../harness/browsers';
import type { FixtureServer } from '../harness/fixture-server';
import { extensionDir } from '../harness/paths';

export async function launchLensChromium(server: FixtureServer): Promise<{ context: BrowserContext; origin: string }> {
  // Sina hosts go to the fixture server, everything else nowhere: Sina's ad and analytics scripts fail
  // at once instead of keeping the page loading (as in the extraction suite and the e2e harness).
  const rules = [...server.hosts.map((h) => `MAP ${h} 127.0.0.1:${server.port}`), 'MAP * ~NOTFOUND'].join(', ');
  const ext = extensionDir('chromium');
  const context = await chromium.launchPersistentContext('', {
    executablePath: findBrowser('chromium'),
    headless: true,
    // Wide enough that the panel docks open beside the article (panel-layout.ts), as on a desktop.
    viewport: { width: 1280, height: 900 },
    args: [
      `--host-resolver-rules=${rules}`,
      `--disable-extensions-except=${ext}`,
      `--load-extension=${ext}`,
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
    ],
  });
  // The extension is loaded once its worker runs; a page opened before that would get no content script.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { context, origin: `chrome-extension://${new URL(worker.url()).host}` };
}
