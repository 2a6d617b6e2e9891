/** Finds a child frame by its location: drivers may report extension frames as about:blank. */

export async function findFrame<F extends { evaluate: (fn: () => string) => Promise<string> }>(
  frames: () => F[],
  what: string,
  matches: (href: string) => boolean,
  timeoutMs = 15_000,
): Promise<F> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    for (const f of frames()) {
      const href = await f.evaluate(() => location.href).catch(() => '');
      if (matches(href)) return f;
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
}
