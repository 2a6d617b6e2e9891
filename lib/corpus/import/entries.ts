/**
 * What a whole-archive import reads: files the reader chose or dropped (one by one, a folder, a zip),
 * each known by its path before a byte of it is read. Which of them are posts, which feeds, which zips,
 * and which are the rest of an archive (its theme, its config, its images) that an import passes over.
 */

/** One file an import may read: its path as the reader sees it, its size, and how to read it (after the size is checked). */
export type ImportEntry = { path: string; size: number; read(): Promise<Uint8Array> };

/** Seed-format posts: Hexo's Markdown files and the seeds' own `.txt`. */
const POST_FILE = /\.(md|markdown|txt)$/i;
/** The feed files archivers and static-site generators write. */
const FEED_FILE = /(^|\/)(atom|rss|feed)\.xml$/i;
const ZIP_FILE = /\.zip$/i;
/** Never posts, whatever they hold: version control, dependencies, Hexo's templates and themes. */
const NEVER = /(^|\/)(\.[^/]+|node_modules|scaffolds|themes)\//;

export type Classified = {
  posts: ImportEntry[];
  feeds: ImportEntry[];
  zips: ImportEntry[];
  /** Files that are neither: an archive's config, theme, images. Counted, not reported one by one. */
  passedOver: number;
};

/**
 * An archive with a Hexo `_posts` folder is imported from there (its `about/index.md` and generated
 * `public/atom.xml` are not posts of its own); otherwise every post file is. A file the reader chose on
 * its own (no folder in its path) is taken at its word: a `.xml` is a feed, a `.txt` or `.md` a post.
 */
export function classifyEntries(entries: readonly ImportEntry[]): Classified {
  const out: Classified = { posts: [], feeds: [], zips: [], passedOver: 0 };
  const hasPostsFolder = entries.some((e) => /(^|\/)_posts\//.test(e.path) && POST_FILE.test(e.path));
  for (const e of entries) {
    const alone = !e.path.includes('/');
    if (e.path.endsWith('/') || (!alone && NEVER.test(e.path))) out.passedOver++;
    else if (ZIP_FILE.test(e.path)) out.zips.push(e);
    else if (POST_FILE.test(e.path) && (alone || !hasPostsFolder || /(^|\/)_posts\//.test(e.path))) out.posts.push(e);
    else if ((alone && /\.xml$/i.test(e.path)) || (!hasPostsFolder && FEED_FILE.test(e.path))) out.feeds.push(e);
    else out.passedOver++;
  }
  // Name order, as a file manager lists them: a report reads in the order the archive does.
  const byPath = (a: ImportEntry, b: ImportEntry) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0);
  out.posts.sort(byPath);
  out.feeds.sort(byPath);
  return out;
}
