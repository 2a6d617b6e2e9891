/** Loads the committed fixture pages (tests/fixtures) as parsed documents for unit tests. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FixtureEntry } from '../../../scripts/fixtures/build';

const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures');

export const fixturePages: FixtureEntry[] = JSON.parse(readFileSync(join(FIXTURES, 'pages.json'), 'utf8')) as FixtureEntry[];

export function fixture(name: string): FixtureEntry {
  const f = fixturePages.find((p) => p.name === name);
  if (!f) throw new Error(`no fixture ${name}`);
  return f;
}

export function fixtureHtml(name: string): string {
  return readFileSync(join(FIXTURES, fixture(name).file), 'utf8');
}

/**
 * happy-dom logs an error for every `<link rel=stylesheet>` it is not allowed to fetch; Sina pages
 * have several. Treating disabled loads as successes keeps test output readable. No-op elsewhere.
 */
function quietHappyDom(): void {
  const api = (globalThis as { happyDOM?: { settings?: { handleDisabledFileLoadingAsSuccess?: boolean } } }).happyDOM;
  if (api?.settings) api.settings.handleDisabledFileLoadingAsSuccess = true;
}

export function fixtureDoc(name: string): Document {
  quietHappyDom();
  return new DOMParser().parseFromString(fixtureHtml(name), 'text/html');
}

/** The late page's body as its inline script would insert it (scripts do not run in parsed documents). */
export function lateBodyHtml(name: string): string {
  const m = /var LATE_BODY_HTML = (".*?");\n/s.exec(fixtureHtml(name));
  if (!m?.[1]) throw new Error(`${name}: no LATE_BODY_HTML`);
  return JSON.parse(m[1].replace(/<\\\//g, '</').replace(/<\\!--/g, '<!--')) as string;
}
