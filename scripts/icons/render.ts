/**
 * `npm run icons` — renders the one icon source, assets/icon.svg, to the PNG sizes the browsers and
 * stores use (public/icon/{16,32,48,96,128}.png), with the Chromium the tests already drive: no
 * rasteriser to download, and the same renderer the toolbar uses.
 *
 *   npm run icons                 write the PNGs
 *   npm run icons -- --preview F  also save a sheet of every size on a light and a dark toolbar to F
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { findBrowser } from '../harness/browsers';
import { ROOT } from '../harness/paths';

export const ICON_SOURCE = path.join(ROOT, 'assets/icon.svg');
export const ICON_SIZES = [16, 32, 48, 96, 128] as const;
export const iconFile = (size: number) => path.join(ROOT, 'public/icon', `${size}.png`);

const dataUrl = (svg: string) => `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`;

async function main() {
  const { values } = parseArgs({ options: { preview: { type: 'string' } } });
  const svg = readFileSync(ICON_SOURCE, 'utf8');
  const browser = await chromium.launch({ executablePath: findBrowser('chromium'), headless: true });
  try {
    mkdirSync(path.dirname(iconFile(16)), { recursive: true });
    for (const size of ICON_SIZES) {
      // Device scale 1 and an <img> of exactly the size: the SVG is rasterised once at that size,
      // as a browser does for the toolbar, not scaled down from a larger bitmap.
      const page = await browser.newPage({ viewport: { width: size, height: size }, deviceScaleFactor: 1 });
      await page.setContent(
        `<style>html,body{margin:0;background:transparent}img{display:block}</style><img src="${dataUrl(svg)}" width="${size}" height="${size}">`,
      );
      await page.locator('img').evaluate((img: HTMLImageElement) => img.decode());
      writeFileSync(iconFile(size), await page.screenshot({ omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } }));
      await page.close();
      console.log(`${path.relative(ROOT, iconFile(size))} (${size}×${size})`);
    }
    if (values.preview) {
      // What a reader sees: each PNG at its own size (and 16 px magnified 4×) on light and dark bars.
      const row = (bg: string) =>
        `<div style="background:${bg};padding:12px;display:flex;gap:16px;align-items:center">` +
        ICON_SIZES.map((s) => `<img src="${dataUrl('')}" data-size="${s}" width="${s}" height="${s}">`).join('') +
        `<img data-size="16" width="64" height="64" style="image-rendering:pixelated"></div>`;
      const page = await browser.newPage({ viewport: { width: 560, height: 330 } });
      await page.setContent(`<body style="margin:0">${row('#f1f3f4')}${row('#202124')}${row('#35363a')}</body>`);
      await page.evaluate(
        (pngs: Record<string, string>) => {
          for (const img of document.querySelectorAll<HTMLImageElement>('img[data-size]')) img.src = pngs[img.dataset.size!]!;
        },
        Object.fromEntries(ICON_SIZES.map((s) => [s, `data:image/png;base64,${readFileSync(iconFile(s)).toString('base64')}`])),
      );
      await page.waitForFunction(() => [...document.images].every((i) => i.complete));
      await page.screenshot({ path: path.resolve(values.preview), fullPage: true });
      console.log(`preview: ${values.preview}`);
    }
  } finally {
    await browser.close();
  }
}

if (process.argv[1] === import.meta.filename) {
  main().catch((error: Error) => {
    console.error(`icons failed: ${error.message}`);
    process.exit(1);
  });
}
