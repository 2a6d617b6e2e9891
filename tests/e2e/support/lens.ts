/**
 * `useLens(browser)` gives a test file the built extension running in a real browser against the
 * fixture server, and makes any failure readable from a CI log: the browser console is printed and
 * every open page is saved as a screenshot under test-results/e2e/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach } from 'vitest';
import { launchChromium } from '../../../scripts/harness/chromium';
import { launchFirefox } from '../../../scripts/harness/firefox';
import { startFixtureServer, type FixtureServer } from '../../../scripts/harness/fixture-server';
import { extensionDir, ROOT } from '../../../scripts/harness/paths';
import type { BrowserName, LaunchOptions, LensBrowser } from '../../../scripts/harness/types';

export type { AxeViolation, BrowserName, LensBrowser, LensFrame, LensPage } from '../../../scripts/harness/types';

export const RESULTS_DIR = path.join(ROOT, 'test-results', 'e2e');

/** `LENS_BROWSERS=firefox npm run test:e2e` runs one browser only. */
export const BROWSERS: BrowserName[] = (process.env.LENS_BROWSERS ?? 'chromium,firefox')
  .split(',')
  .map((b) => b.trim())
  .filter((b): b is BrowserName => b === 'chromium' || b === 'firefox');

/** Launches `name` with the built extension against `server` (for tests that restart the browser). */
export function launchLens(
  name: BrowserName,
  server: FixtureServer,
  opts: Partial<Pick<LaunchOptions, 'locale' | 'colorScheme' | 'profileDir' | 'extensionDir' | 'grantHostAccess'>> = {},
): Promise<LensBrowser> {
  const launch = name === 'chromium' ? launchChromium : launchFirefox;
  return launch({ extensionDir: extensionDir(name), hosts: server.hosts, port: server.port, ...opts });
}

export function useLens(name: BrowserName, opts: Pick<LaunchOptions, 'locale' | 'colorScheme' | 'grantHostAccess'> = {}) {
  let browser: LensBrowser | undefined;
  let server: FixtureServer | undefined;

  beforeAll(async () => {
    server = await startFixtureServer();
    browser = await launchLens(name, server, opts);
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  beforeEach((ctx) => {
    const firstLine = browser?.consoleLines.length ?? 0;
    ctx.onTestFailed(async () => {
      if (!browser) return;
      const lines = browser.consoleLines.slice(firstLine);
      console.error(`\n--- ${name} console during "${ctx.task.name}" (${lines.length} lines) ---\n${lines.join('\n') || '(empty)'}\n---`);
      mkdirSync(RESULTS_DIR, { recursive: true });
      const slug = `${name}-${ctx.task.name}`.replace(/[^\w\u4e00-\u9fff-]+/g, '-').slice(0, 100);
      let i = 0;
      for (const page of browser.openPages()) {
        const file = path.join(RESULTS_DIR, `${slug}-${i++}.png`);
        await page.screenshot(file).then(
          () => console.error(`screenshot: ${path.relative(ROOT, file)}`),
          (e: Error) => console.error(`screenshot failed: ${e.message}`),
        );
      }
    });
  });

  return {
    get browser(): LensBrowser {
      if (!browser) throw new Error('useLens: the browser is not launched yet (use it inside a test)');
      return browser;
    },
    get server(): FixtureServer {
      if (!server) throw new Error('useLens: the fixture server is not started yet (use it inside a test)');
      return server;
    },
  };
}
