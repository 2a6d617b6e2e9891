/**
 * The index rows one write touches, read once per transaction, changed in memory and written back
 * together: the `terms` rows (df and last block) of the article's terms, and the `postings` blocks of
 * its top terms. Layout in index-store.ts.
 */
import type { LensDB, PostingBlock, TermStats } from '../db/schema';
import { pack, unpack, type Postings } from './postings';

/**
 * Most postings a block holds. A new article rewrites the last block of each of its ~130 keys,
 * so a block's size bounds what one write copies (structured clone, disk); a query reads every block
 * of its terms, so small blocks mean many rows to read. 256 postings (about 4 KB) keeps both small:
 * see `npm run bench -- index`.
 */
export const POSTING_BLOCK = 256;

type Packed = Pick<PostingBlock, 'ids' | 'weights'>;
type Block = { term: string; block: number; packed: Packed | null; postings: Postings | null };

const blockKey = (term: string, block: number) => `${term}\u0000${block}`;
const EMPTY = (): Postings => ({ ids: [], weights: [] });

export class IndexRows {
  private readonly stats = new Map<string, TermStats>();
  private readonly dirtyStats = new Set<string>();
  private readonly blocks = new Map<string, Block>();
  private readonly dirtyBlocks = new Set<string>();

  constructor(private readonly db: LensDB) {}

  async loadStats(keys: Iterable<string>): Promise<void> {
    const missing = [...new Set(keys)].filter((k) => !this.stats.has(k));
    if (!missing.length) return;
    const found = await this.db.terms.bulkGet(missing);
    found.forEach((row) => {
      if (row) this.stats.set(row.term, { term: row.term, df: row.df, ...(row.tail !== undefined && { tail: row.tail }) });
    });
  }

  /** Blocks to change: loaded if stored, empty if not. */
  async loadBlocks(refs: Iterable<[term: string, block: number]>): Promise<void> {
    const wanted = new Map<string, [string, number]>();
    for (const [term, block] of refs) {
      const key = blockKey(term, block);
      if (!this.blocks.has(key)) wanted.set(key, [term, block]);
    }
    const keys = [...wanted.values()];
    const found = keys.length ? await this.db.postings.bulkGet(keys) : [];
    keys.forEach(([term, block], i) => {
      const row = found[i];
      this.blocks.set(blockKey(term, block), { term, block, packed: row ?? null, postings: row ? null : EMPTY() });
    });
  }

  df(key: string): number {
    return this.stats.get(key)?.df ?? 0;
  }

  tail(key: string): number | undefined {
    return this.stats.get(key)?.tail;
  }

  changeDf(key: string, delta: number): void {
    const stat = this.stat(key);
    stat.df += delta;
  }

  /** Appends a posting to the term's last block (a new one when that is full); the block used. */
  append(key: string, id: string, weight: number): number {
    const stat = this.stat(key);
    let tail = stat.tail ?? 0;
    let postings = this.postings(key, tail);
    if (postings.ids.length >= POSTING_BLOCK) {
      tail++;
      this.blocks.set(blockKey(key, tail), { term: key, block: tail, packed: null, postings: EMPTY() });
      postings = this.postings(key, tail);
    }
    stat.tail = tail;
    postings.ids.push(id);
    postings.weights.push(weight);
    return tail;
  }

  remove(key: string, block: number, id: string): void {
    const postings = this.postings(key, block);
    const at = postings.ids.indexOf(id);
    if (at < 0) return;
    postings.ids.splice(at, 1);
    postings.weights.splice(at, 1);
  }

  async flush(): Promise<void> {
    const putStats: TermStats[] = [];
    const dropStats: string[] = [];
    for (const key of this.dirtyStats) {
      const stat = this.stats.get(key)!;
      if (stat.df > 0) putStats.push(stat);
      else dropStats.push(key);
    }
    const putBlocks: PostingBlock[] = [];
    const dropBlocks: [string, number][] = [];
    for (const key of this.dirtyBlocks) {
      const b = this.blocks.get(key)!;
      const packed = b.packed ?? pack(b.postings ?? EMPTY());
      if (packed.ids) putBlocks.push({ term: b.term, block: b.block, ...packed });
      else dropBlocks.push([b.term, b.block]);
    }
    await this.db.terms.bulkPut(putStats);
    if (dropStats.length) await this.db.terms.bulkDelete(dropStats);
    await this.db.postings.bulkPut(putBlocks);
    if (dropBlocks.length) await this.db.postings.bulkDelete(dropBlocks);
    this.dirtyStats.clear();
    this.dirtyBlocks.clear();
  }

  private stat(key: string): TermStats {
    let stat = this.stats.get(key);
    if (!stat) this.stats.set(key, (stat = { term: key, df: 0 }));
    this.dirtyStats.add(key);
    return stat;
  }

  /** A loaded block's postings, unpacked for change. */
  private postings(term: string, block: number): Postings {
    const key = blockKey(term, block);
    let b = this.blocks.get(key);
    if (!b) {
      // Never read: only a term's first block (no tail yet) or a block the caller just started.
      const tail = this.stats.get(term)?.tail;
      if (tail !== undefined && block <= tail) {
        throw new Error(`related index: block ${block} of ${JSON.stringify(term)} changed before it was read`);
      }
      this.blocks.set(key, (b = { term, block, packed: null, postings: EMPTY() }));
    }
    b.postings ??= b.packed ? unpack(b.packed) : EMPTY();
    b.packed = null;
    this.dirtyBlocks.add(key);
    return b.postings;
  }
}
