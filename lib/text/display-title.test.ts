import { describe, expect, it } from 'vitest';
import { displayTitle } from './display-title';
import { normalizeTitle } from './normalize';

describe('displayTitle', () => {
  it('shows the quotes a seed title lost', () => {
    expect(displayTitle('韩正：医保基金是群众的_救命钱_ 要持续加大监管力度')).toBe('韩正：医保基金是群众的“救命钱” 要持续加大监管力度');
    expect(displayTitle('_两个允许_落地 _腾笼换鸟_')).toBe('“两个允许”落地 “腾笼换鸟”');
  });

  it('leaves titles without a pair alone', () => {
    for (const t of ['国家医保局：累计追回医保基金约506亿元', '医保_改革', 'a_ b_c', '']) expect(displayTitle(t)).toBe(t);
  });

  it('still matches the same article', () => {
    const seed = '韩正：医保基金是群众的_救命钱_ 要持续加大监管力度';
    expect(normalizeTitle(displayTitle(seed))).toBe(normalizeTitle(seed));
  });
});
