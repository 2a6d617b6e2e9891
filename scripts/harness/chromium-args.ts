/**
 * What every Chromium the tests, the demo and the bench launch needs to reach the fixture server: Sina
 * hosts mapped to it, every other host sent nowhere (the dozens of ad and analytics scripts on a real
 * Sina page fail at once instead of hanging the page), and the fixture server's self-signed
 * certificate accepted (scripts/harness/tls/). Launch with Playwright's `ignoreHTTPSErrors` too.
 */
export function fixtureServerArgs(hosts: readonly string[], port: number): string[] {
  const rules = [...hosts.map((h) => `MAP ${h} 127.0.0.1:${port}`), 'MAP * ~NOTFOUND'].join(', ');
  // No automatic upgrade of http URLs: the tests that open a page over plain http mean plain http.
  return [
    `--host-resolver-rules=${rules}`,
    '--ignore-certificate-errors',
    '--disable-features=HttpsUpgrades,HttpsFirstBalancedModeAutoEnable',
  ];
}

/** Loads one unpacked extension and nothing else. */
export function extensionArgs(dir: string): string[] {
  return [`--disable-extensions-except=${dir}`, `--load-extension=${dir}`];
}
