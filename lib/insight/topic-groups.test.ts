import { describe, expect, it } from 'vitest';
import { loadCatalogueFile } from '../measures/load-catalogue';
import { THREADED_MEASURES, threadOf } from './topic-groups';

describe('policy threads', () => {
  const catalogue = loadCatalogueFile();

  it('place every measure of the catalogue on a thread, and name no measure the catalogue lacks', () => {
    const ids = new Set(catalogue.measures.map((m) => m.id));
    expect(catalogue.measures.filter((m) => !THREADED_MEASURES.has(m.id)).map((m) => m.id)).toEqual([]);
    expect([...THREADED_MEASURES].filter((id) => !ids.has(id))).toEqual([]);
  });

  it('group the measures of one story, finer than the catalogue categories', () => {
    expect(threadOf('anti-fraud-crackdown', 'fund-supervision')).toBe(threadOf('smart-monitoring', 'fund-supervision'));
    expect(threadOf('nrdl-negotiation', 'insurance-coverage')).not.toBe(threadOf('maternity-insurance', 'insurance-coverage'));
    // A measure no thread lists falls back to its category.
    expect(threadOf('a-new-measure', 'public-health')).toBe('category-public-health');
  });
});
