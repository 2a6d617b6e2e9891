import { useEffect, useMemo, useState } from 'preact/hooks';
import { buildLibraryIndex, createLibraryIndex, type LibraryIndex, type LibraryIndexOptions } from '@/lib/library';
import type { LibraryData } from '@/lib/popup/library-deps';

/**
 * Up to this many highlights the search index is built in the render that needs it (a few ms); above,
 * in slices that leave the page responsive (buildLibraryIndex), while the previous index stays shown.
 */
export const SYNC_INDEX_LIMIT = 2000;

/** The search index of `data`, or null until there is one. */
export function useLibraryIndex(data: LibraryData | null, detectMeasureIds: LibraryIndexOptions['detectMeasureIds']): LibraryIndex | null {
  const large = data !== null && data.highlights.length > SYNC_INDEX_LIMIT;
  const small = useMemo(() => (data && !large ? createLibraryIndex(data.highlights, data.articles, { detectMeasureIds }) : null), [data, large, detectMeasureIds]);
  const [built, setBuilt] = useState<LibraryIndex | null>(null);
  useEffect(() => {
    if (!data || !large) return undefined;
    let current = true;
    void buildLibraryIndex(data.highlights, data.articles, { detectMeasureIds }).then((index) => {
      if (current) setBuilt(index);
    });
    return () => {
      current = false;
    };
  }, [data, large, detectMeasureIds]);
  return large ? built : small;
}
