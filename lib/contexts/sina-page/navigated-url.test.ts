import { describe, expect, it } from 'vitest';
import { navigatedUrl } from './navigated-url';

const at = (entries: { name: string }[]) =>
  ({ performance: { getEntriesByType: (type: string) => (type === 'navigation' ? entries : []) } }) as unknown as Window;

describe('the address the browser navigated to', () => {
  it('is the navigation entry’s, not what the page rewrote its location to', () => {
    const view = at([{ name: 'https://finance.sina.com.cn/a/doc-ia.shtml' }]);
    expect(navigatedUrl(view)).toBe('https://finance.sina.com.cn/a/doc-ia.shtml');
  });

  it('is unknown without a navigation entry', () => {
    expect(navigatedUrl(at([]))).toBeNull();
    expect(navigatedUrl({} as Window)).toBeNull();
  });
});
