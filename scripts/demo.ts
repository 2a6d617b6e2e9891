/**
 * `npm run demo` — builds the extension, serves a Sina Finance article page made from a seed under its
 * real URL, and opens a browser with Policy Lens loaded on it.
 *
 *   npm run demo                                  Chromium, in a window
 *   npm run demo -- --firefox                     Firefox
 *   npm run demo -- --headless --screenshot FILE  no display needed: saves a screenshot and exits
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { ensureBrowsers } from './harness/browsers';
import { launchChromium } from './harness/chromium';
import { launchFirefox } from './harness/firefox';
import { fixture, startFixtureServer } from './harness/fixture-server';
import { extensionDir, ROOT } from './harness/paths';

const DEMO_FIXTURE = 'seed-000-desktop';

async function main() {
  const { values } = parseArgs({
    options: {
      firefox: { type: 'boolean', default: false },
      headless: { type: 'boolean', default: false },
      screenshot: { type: 'string' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('usage: npm run demo [-- --firefox] [-- --headless --screenshot FILE]');
    return;
  }
  const name = values.firefox ? 'firefox' : 'chromium';
  let headless = values.headless;
  if (!headless && !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY) {
    console.log('No display found: running headless. Add --screenshot FILE to see the result.');
    headless = true;
  }

  ensureBrowsers([name]);
  console.log(`Building the ${name} extension…`);
  execFileSync('npx', ['wxt', 'build', '-b', name === 'chromium' ? 'chrome' : 'firefox'], { cwd: ROOT, stdio: 'inherit' });

  const server = await startFixtureServer();
  const browser = await (name === 'chromium' ? launchChromium : launchFirefox)({
    extensionDir: extensionDir(name),
    hosts: server.hosts,
    port: server.port,
    headless,
    locale: 'zh-CN',
  });
  const url = server.urlOf(fixture(DEMO_FIXTURE));
  console.log(`Opening ${url}`);
  const page = await browser.openPage(url);
  const panel = await page.frame('the Policy Lens panel', (href) => /^(chrome|moz)-extension:\/\/[^/]+\/panel\.html/.test(href), 20_000);
  console.log('Policy Lens recognised the article.');
  await panel.waitFor(
    'the panel to show its analysis',
    () => document.querySelector('[data-testid="panel"]')?.getAttribute('data-status') === 'ready',
    undefined,
    20_000,
  );
  const measures = await panel.evaluate(() => document.querySelectorAll('[data-measure-id]').length);
  console.log(`The panel shows ${measures} policy measures and the related articles.`);

  if (values.screenshot) {
    // Fonts loaded and two frames painted in the panel and the page: an out-of-process frame (the panel)
    // may otherwise be photographed stale, still showing its loading state.
    for (const doc of [panel, page]) {
      await doc.waitFor('fonts', () => document.fonts.status === 'loaded');
      await doc.evaluate(() => new Promise<void>((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve()))));
    }
    const file = path.resolve(values.screenshot);
    await page.screenshot(file);
    console.log(`Screenshot saved to ${file}`);
  }
  if (headless) {
    await browser.close();
    await server.close();
    return;
  }
  console.log('The browser stays open: close it or press Ctrl+C to end the demo.');
  const stop = async () => {
    await browser.close().catch(() => {});
    await server.close();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  await browser.closed;
  await stop();
}

main().catch((error: Error) => {
  console.error(`demo failed: ${error.message}`);
  process.exit(1);
});
