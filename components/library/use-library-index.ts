import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import { buildLibraryIndex, createLibraryIndex, type LibraryIndex, type LibraryIndexOptions } from '@/lib/library';
import type { LibraryData } from '@/lib/library/deps';

/**
 * Up to this many new or changed highlights the index is brought up to date in the render that needs
 * it (a few ms: an edit, a first screen); above (everything read after the first screen, an import),
 * it is built in slices that leave the page responsive, while the previous index stays shown.
 */
export const SYNC_INDEX_LIMIT = 2000;

/** An index and the data it answers for (which may lag the latest data while a large change is folded). */
export type IndexedLibrary = { index: LibraryIndex; of: LibraryData };

/**
 * The search index of `data`, kept up to date with it: each change folds only the highlights it
 * brought (LibraryIndex.update; the feed keeps unchanged records as the same objects). Null until
 * there is one.
 */
export function useLibraryIndex(
  data: LibraryData | null,
  detectMeasureIds: LibraryIndexOptions['detectMeasureIds'],
): IndexedLibrary | null {
  const shown = useRef<IndexedLibrary | null>(null);
  const quick = useMemo((): IndexedLibrary | null => {
    if (!data) return null;
    const previous = shown.current?.index;
    const index = previous
      ? previous.update(data.highlights, data.articles, SYNC_INDEX_LIMIT)
      : data.highlights.length <= SYNC_INDEX_LIMIT
        ? createLibraryIndex(data.highlights, data.articles, { detectMeasureIds })
        : null;
    return index && { index, of: data };
  }, [data, detectMeasureIds]);
  const [built, setBuilt] = useState<IndexedLibrary | null>(null);
  useEffect(() => {
    if (!data || quick) return undefined;
    let current = true;
    void buildLibraryIndex(data.highlights, data.articles, { detectMeasureIds }, undefined, shown.current?.index).then((index) => {
      if (current) setBuilt({ index, of: data });
    });
    return () => {
      current = false;
    };
  }, [data, quick, detectMeasureIds]);
  const result = quick ?? (built && built.of === data ? built : shown.current);
  useEffect(() => {
    shown.current = result;
  });
  return result;
}
