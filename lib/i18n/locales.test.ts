import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import config from '../../wxt.config';
import { DEFAULT_LOCALE, localeFiles, MANIFEST_LOCALES, MAX_DESCRIPTION } from './locales';

const ROOT = path.resolve(import.meta.dirname, '../..');

type Manifest = Record<string, unknown>;
async function manifestFor(browser: 'chrome' | 'firefox'): Promise<Manifest> {
  const make = config.manifest as (env: {
    browser: string;
    manifestVersion: 3;
    mode: string;
    command: string;
  }) => Manifest | Promise<Manifest>;
  return make({ browser, manifestVersion: 3, mode: 'production', command: 'build' });
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('the localised manifest', () => {
  const files = Object.fromEntries(
    localeFiles().map((f) => [f.relativeDest, JSON.parse(f.contents) as Record<string, { message: string }>]),
  );

  it('writes _locales for English (the default) and Simplified Chinese with the same names', () => {
    expect(Object.keys(files).sort()).toEqual(['_locales/en/messages.json', '_locales/zh_CN/messages.json']);
    expect(DEFAULT_LOCALE in MANIFEST_LOCALES).toBe(true);
    const [a, b] = Object.values(files);
    expect(Object.keys(a!).sort()).toEqual(Object.keys(b!).sort());
    for (const table of Object.values(files))
      for (const [name, { message }] of Object.entries(table)) expect(message.trim(), name).not.toBe('');
  });

  it('keeps each description within the stores’ 132 characters', () => {
    for (const [file, table] of Object.entries(files)) {
      const description = table['manifest_description']!.message;
      expect([...description].length, file).toBeLessThanOrEqual(MAX_DESCRIPTION);
    }
  });

  for (const browser of ['chrome', 'firefox'] as const) {
    it(`gives the ${browser} manifest only __MSG_ names that every locale defines, and icons that exist at their size`, async () => {
      const manifest = await manifestFor(browser);
      const text = JSON.stringify(manifest);
      expect(manifest.default_locale).toBe(DEFAULT_LOCALE);
      expect(manifest.name).toMatch(/^__MSG_\w+__$/);
      expect(manifest.description).toMatch(/^__MSG_\w+__$/);
      const names = [...text.matchAll(/__MSG_(\w+?)__/g)].map((m) => m[1]!);
      expect(names.length).toBeGreaterThanOrEqual(4);
      for (const table of Object.values(files)) for (const name of names) expect(table[name], name).toBeDefined();
      const icons = manifest.icons as Record<string, string>;
      expect(Object.keys(icons).sort((x, y) => +x - +y)).toEqual(['16', '32', '48', '96', '128']);
      for (const [size, file] of Object.entries({
        ...icons,
        ...(manifest.action as { default_icon: Record<string, string> }).default_icon,
      })) {
        expect(pngSize(path.join(ROOT, 'public', file)), file).toEqual([Number(size), Number(size)]);
      }
    });
  }
});
