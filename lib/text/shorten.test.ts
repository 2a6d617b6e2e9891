import { describe, expect, it } from 'vitest';
import { shorten } from './shorten';

describe('shorten', () => {
  it('puts text on one line and cuts it with an ellipsis at the limit', () => {
    expect(shorten('  医保基金\n\n是群众的   “救命钱”  ', 40)).toBe('医保基金 是群众的 “救命钱”');
    expect(shorten('医保基金是群众的救命钱', 5)).toBe('医保基金…');
    expect(shorten('医保基金', 4)).toBe('医保基金');
  });
});
