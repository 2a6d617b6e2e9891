/**
 * Finds the real browsers the tests and the demo drive, and installs Debian's packages when they are
 * missing and we may (root with apt). Nothing is downloaded from anywhere else.
 */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export type BrowserKind = 'chromium' | 'firefox';

const CANDIDATES: Record<BrowserKind, { env: string; paths: string[]; apt: string }> = {
  chromium: { env: 'CHROMIUM_PATH', paths: ['/usr/bin/chromium', '/usr/bin/chromium-browser'], apt: 'chromium' },
  firefox: { env: 'FIREFOX_PATH', paths: ['/usr/bin/firefox-esr', '/usr/bin/firefox'], apt: 'firefox-esr' },
};

export function findBrowser(kind: BrowserKind): string {
  const c = CANDIDATES[kind];
  const fromEnv = process.env[c.env];
  if (fromEnv && existsSync(fromEnv)) return fromEnv;
  const found = c.paths.find((p) => existsSync(p));
  if (found) return found;
  throw new Error(
    `${kind} is not installed. Install it with: sudo apt-get install -y ${c.apt}` + ` (or set ${c.env} to the browser's executable).`,
  );
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;
const hasApt = () => existsSync('/usr/bin/apt-get');

/** Makes sure every browser in `kinds` is present; installs Debian packages as root, else explains. */
// A CJK font, so Chinese renders in screenshots instead of boxes.
const CJK_FONTS = ['/usr/share/fonts/truetype/wqy/wqy-microhei.ttc', '/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc'];

export function ensureBrowsers(kinds: BrowserKind[], log: (line: string) => void = console.log): void {
  const missing = kinds.filter((k) => {
    try {
      findBrowser(k);
      return false;
    } catch {
      return true;
    }
  });
  const packages = missing.map((k) => CANDIDATES[k].apt);
  const noFont = !CJK_FONTS.some((f) => existsSync(f));
  if (noFont) packages.push('fonts-wqy-microhei');
  if (packages.length === 0) return;
  if (missing.length === 0 && (!isRoot() || !hasApt())) {
    log('No CJK font found: Chinese will render as boxes in screenshots (apt-get install fonts-wqy-microhei).');
    return;
  }
  if (!isRoot() || !hasApt()) {
    throw new Error(
      `Missing browser(s): ${missing.join(', ')}. Install them with:\n  sudo apt-get update && sudo apt-get install -y ${packages.join(' ')}`,
    );
  }
  log(`Installing ${packages.join(' ')} with apt-get…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
}

// `tsx scripts/browsers.ts chromium firefox` installs what is missing (used by .ci/run and npm test).
if (import.meta.url === `file://${process.argv[1]}`) {
  const kinds = (process.argv.slice(2).length ? process.argv.slice(2) : ['chromium', 'firefox']) as BrowserKind[];
  try {
    ensureBrowsers(kinds);
    for (const k of kinds) console.log(`${k}: ${findBrowser(k)}`);
  } catch (error) {
    console.error((error as Error).message);
    process.exit(1);
  }
}
