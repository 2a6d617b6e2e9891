import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ID_MAX, isTextTarget, parseContentRequest } from './content-request';
import { TextTargetSchema } from './contract';

const target = { exact: '救命钱', prefix: '医保基金是群众的“', suffix: '”', start: 10, end: 13 };

describe('parseContentRequest', () => {
  it('takes each request the background sends, with only its own fields', () => {
    const good = [
      { type: 'tab:state' },
      { type: 'tab:reveal', target },
      { type: 'tab:set-open', open: false },
      { type: 'tab:toggle' },
      { type: 'tab:retry' },
      { type: 'tab:highlights-changed', articleKey: '*' },
      { type: 'tab:has-article', articleKey: 'sina:kqcfnaz9077291' },
      { type: 'tab:highlight-selection' },
      { type: 'tab:highlight', id: 'h1' },
      { type: 'tab:reattach', id: 'h1' },
      { type: 'tab:article' },
    ];
    for (const request of good) expect(parseContentRequest({ ...request, extra: '<script>' })).toEqual(request);
    expect(parseContentRequest({ type: 'tab:reveal', target: { ...target, extra: 1 } })).toEqual({ type: 'tab:reveal', target });
  });

  it('refuses anything else', () => {
    const bad: unknown[] = [
      null,
      undefined,
      'tab:state',
      42,
      [],
      [{ type: 'tab:state' }],
      {},
      { type: 'tab:unknown' },
      { type: 'toString' },
      { type: '__proto__' },
      { type: 'tab:set-open', open: 'yes' },
      { type: 'tab:highlight', id: '' },
      { type: 'tab:highlight', id: 'x'.repeat(ID_MAX + 1) },
      { type: 'tab:has-article' },
      { type: 'tab:reveal', target: { ...target, exact: '' } },
      { type: 'tab:reveal', target: { ...target, start: -1 } },
      { type: 'tab:reveal', target: { ...target, end: 1.5 } },
      { type: 'tab:reveal', target: { ...target, prefix: 'x'.repeat(201) } },
    ];
    for (const value of bad) expect(parseContentRequest(value), JSON.stringify(value)).toBeNull();
  });

  it('never throws, and judges targets as the background schema does', () => {
    const text = fc.oneof(fc.string({ maxLength: 12 }), fc.string({ minLength: 195, maxLength: 205 }));
    const num = fc.oneof(fc.integer({ min: -3, max: 1e6 }), fc.double(), fc.constant(Number.NaN));
    const targets = fc.record({ exact: text, prefix: text, suffix: text, start: num, end: num }, { requiredKeys: [] });
    fc.assert(
      fc.property(targets, fc.anything(), (t, junk) => {
        expect(isTextTarget(t)).toBe(TextTargetSchema.safeParse(t).success);
        expect(() => parseContentRequest(junk)).not.toThrow();
      }),
      { numRuns: 2000 },
    );
  });
});
