/** A stored highlight for database and router tests: by default a one-character quote at the start of an article. */
import type { HighlightRecord } from '../../../lib/db/schema';

export function makeHighlight(id: string, articleKey: string, overrides: Partial<HighlightRecord> = {}): HighlightRecord {
  return {
    id,
    articleKey,
    url: 'https://finance.sina.com.cn/x/2021-01-01/doc-ix.shtml',
    title: 't',
    quote: { type: 'TextQuoteSelector', exact: 'e', prefix: '', suffix: '' },
    position: { type: 'TextPositionSelector', start: 0, end: 1 },
    color: 'yellow',
    note: '',
    tags: [],
    createdAt: '2024-01-01T00:00:00.000Z',
    updatedAt: '2024-01-01T00:00:00.000Z',
    ...overrides,
  };
}
