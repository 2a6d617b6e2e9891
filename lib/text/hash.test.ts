import { describe, expect, it } from 'vitest';
import { fnv1a64 } from './hash';

describe('fnv1a64', () => {
  it('matches the published FNV-1a 64 test vectors', () => {
    // From the FNV reference test suite (isthe.com/chongo/tech/comp/fnv).
    expect(fnv1a64('')).toBe('cbf29ce484222325');
    expect(fnv1a64('a')).toBe('af63dc4c8601ec8c');
    expect(fnv1a64('foobar')).toBe('85944171f73967e8');
  });

  it('hashes the UTF-8 bytes of Chinese text, always as 16 hex digits', () => {
    const h = fnv1a64('医保基金');
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(h).not.toBe(fnv1a64('医保基全'));
  });
});
