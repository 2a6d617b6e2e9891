/** The built Chromium extension in a fresh headless profile, for the bench suites that run it on pages. */
import { chromium, type BrowserContext } from 'playwright-core';
import { findBrowser } from '../harness/browsers';
import { extensionArgs, fixtureServerArgs } from '../harness/chromium-args';
import type { FixtureServer } from '../harness/fixture-server';
import { extensionDir } from '../harness/paths';

/** Chromium's arguments for a bench profile: Sina hosts to the fixture server, every other host nowhere. */
function chromiumArgs(server: FixtureServer, extension: string | null): string[] {
  return [
    ...fixtureServerArgs(server.hosts, server.port),
    ...(extension ? extensionArgs(extension) : []),
    '--disable-background-networking',
    '--disable-component-update',
    '--no-first-run',
  ];
}

function launchChromium(server: FixtureServer, extension: string | null, userDataDir = ''): Promise<BrowserContext> {
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: findBrowser('chromium'),
    headless: true,
    // Wide enough that the panel docks open beside the article (panel-layout.ts), as on a desktop.
    viewport: { width: 1280, height: 900 },
    ignoreHTTPSErrors: true,
    args: chromiumArgs(server, extension),
  });
}

/** `userDataDir`: a profile kept across runs ('' for a fresh one, removed on close). */
export async function launchLensChromium(server: FixtureServer, userDataDir = ''): Promise<{ context: BrowserContext; origin: string }> {
  const context = await launchChromium(server, extensionDir('chromium'), userDataDir);
  // The extension is loaded once its worker runs; a page opened before that would get no content script.
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
  return { context, origin: `chrome-extension://${new URL(worker.url()).host}` };
}

/** The same browser and page set-up without the extension: what the page costs on its own. */
export function launchBareChromium(server: FixtureServer): Promise<BrowserContext> {
  return launchChromium(server, null);
}
