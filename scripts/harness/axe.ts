/**
 * Accessibility checks with axe-core, injected into a page or frame and run there. Chromium pages use
 * @axe-core/playwright (chromium.ts); frames, and everything in Firefox, use this: the same axe-core
 * build, evaluated in the frame, then `axe.run` on its document.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: string[] };

const require = createRequire(import.meta.url);
let source: string | undefined;
/** axe-core's browser build (a dependency of @axe-core/playwright). */
export function axeSource(): string {
  source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
  return source;
}

type AxeResultLike = { violations: { id: string; impact?: string | null; help: string; nodes: { target: unknown[] }[] }[] };

export function toViolations(results: AxeResultLike): AxeViolation[] {
  return results.violations.map((v) => ({
    id: v.id,
    impact: v.impact ?? null,
    help: v.help,
    nodes: v.nodes.map((n) => n.target.map(String).join(' ')),
  }));
}

/** Runs in the frame after axeSource() was evaluated there. */
export function runAxeInPage(): Promise<AxeResultLike> {
  const axe = (globalThis as unknown as { axe: { run(ctx: Document, opts: object): Promise<AxeResultLike> } }).axe;
  return axe
    .run(document, { resultTypes: ['violations'] })
    .then((r) => JSON.parse(JSON.stringify({ violations: r.violations })) as AxeResultLike);
}
