import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const STORE = path.resolve(import.meta.dirname, '../../docs/store');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1'), file).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('docs/store (made by npm run store:screenshots)', () => {
  const pngs = readdirSync(STORE).filter((f) => f.endsWith('.png'));

  it('has the three screenshots in both languages at 1280×800', () => {
    for (const what of ['1-panel', '2-note', '3-library']) {
      for (const lang of ['zh', 'en']) {
        const file = `screenshot-${what}-${lang}.png`;
        expect(pngs, file).toContain(file);
        expect(pngSize(path.join(STORE, file)), file).toEqual([1280, 800]);
      }
    }
  });

  it('has the 440×280 promo tile', () => {
    expect(pngSize(path.join(STORE, 'promo-440x280.png'))).toEqual([440, 280]);
  });

  it('has the listing in both languages, each naming the single purpose and every permission', () => {
    for (const file of ['listing.en.md', 'listing.zh_CN.md']) {
      const text = readFileSync(path.join(STORE, file), 'utf8');
      for (const word of ['storage', 'contextMenus', 'sidePanel', 'PRIVACY.md', 'data_collection_permissions'])
        expect(text, `${file}: ${word}`).toContain(word);
    }
  });
});
