import { existsSync } from 'node:fs';
import path from 'node:path';
import type { BrowserName } from './types';

export const ROOT = path.resolve(import.meta.dirname, '../..');

/** The built, unpacked extension for a browser; refuses clearly when there is no build yet. */
export function extensionDir(name: BrowserName): string {
  const dir = path.join(ROOT, '.output', name === 'chromium' ? 'chrome-mv3' : 'firefox-mv3');
  if (!existsSync(path.join(dir, 'manifest.json'))) {
    throw new Error(`${path.relative(ROOT, dir)} has no built extension: run \`npm run build\` first (npm test does).`);
  }
  return dir;
}
