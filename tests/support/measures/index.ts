/** What the measures tests share. */
import { expect } from 'vitest';
import { CatalogueError, parseCatalogue, type CatalogueIssue } from '../../../lib/measures';

/** The issues a catalogue is refused with; fails the test when it is accepted. */
export function issuesOf(raw: unknown): CatalogueIssue[] {
  try {
    parseCatalogue(raw);
  } catch (error) {
    expect(error).toBeInstanceOf(CatalogueError);
    return (error as CatalogueError).issues;
  }
  throw new Error('expected the catalogue to be rejected');
}
