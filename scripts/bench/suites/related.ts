/**
 * Related-article queries on a synthetic 10,000-article corpus: Policy Lens's IndexedDB index against
 * MiniSearch given the same documents and the same tokenizer (normalisation + character bigrams + the
 * same stop list), side by side in one run.
 *
 * Not like for like, and the table says so: ours reads every query from IndexedDB (fake-indexeddb in
 * Node, an in-memory but spec-faithful implementation that structured-clones every row read), while
 * MiniSearch answers from a JavaScript object in memory — and in the extension that object would have
 * to be rebuilt (or deserialised) each time the background worker wakes.
 */
import 'fake-indexeddb/auto';
import MiniSearch from 'minisearch';
import { openLensDB } from '../../../lib/db/schema';
import { measureCounts, topicsOf } from '../../../lib/insight/related';
import { detectMeasures } from '../../../lib/measures';
import { loadCatalogueFile } from '../../../lib/measures/load-catalogue';
import { indexArticles, queryRelated, RELATED_PARAMS, type RelatedQuery } from '../../../lib/related';
import { tokenize } from '../../../lib/related/tokenize';
import { round, summarize } from '../stats';
import { peersLeftOut, type Row, type Suite } from '../types';
import { generateCorpus, prng, type SyntheticArticle } from './related-corpus';

/** BENCH_RELATED_ARTICLES overrides the corpus size for a quick run; the reported figure uses 10,000. */
const ARTICLES = Number(process.env.BENCH_RELATED_ARTICLES ?? 10_000);
const QUERIES = 200;
/**
 * MiniSearch builds one result set per query term and merges them, so a whole article as the query
 * (~700 distinct bigrams) costs seconds at this corpus size: it runs on the first queries only.
 */
const FULL_TEXT_QUERIES = 5;
const BATCH = 500;
const LIMIT = 10;

type Sample = 'indexed' | 'held out';
type Method = {
  name: string;
  /** Articles in the index (asked by id), or held out of it (a page not in the corpus). */
  sample: Sample;
  queries: number;
  reads: 'IndexedDB' | 'memory';
  run(a: SyntheticArticle): Promise<string[]>;
};

export const relatedSuite: Suite = {
  id: 'related',
  async run({ root, log, peers }) {
    log(`generating ${ARTICLES} + ${QUERIES} held-out synthetic articles…`);
    const generated = generateCorpus(ARTICLES + QUERIES, root);
    const corpus = generated.slice(0, ARTICLES);
    const catalogue = loadCatalogueFile();
    const topics = new Map(generated.map((a) => [a.id, topicsOf(measureCounts(detectMeasures(a.text, catalogue), a.title, catalogue), catalogue)]));
    const topicOf = new Map(generated.map((a) => [a.id, a.topic]));
    const chars = corpus.reduce((n, a) => n + a.text.length, 0);

    log('indexing into IndexedDB (fake-indexeddb)…');
    const db = openLensDB(`bench-related-${Date.now()}`);
    let t0 = performance.now();
    for (let i = 0; i < corpus.length; i += BATCH) {
      const batch = corpus.slice(i, i + BATCH);
      await indexArticles(db, batch.map((a) => ({ article: { id: a.id, title: a.title, text: a.text }, ...topics.get(a.id)! })));
    }
    const oursBuild = performance.now() - t0;
    const termRows = await db.terms.count();
    const blocks = await db.postings.toArray();
    const postings = blocks.reduce((n, r) => n + r.weights.length, 0);
    log(`  ${round(oursBuild / 1000, 1)} s, ${termRows} term rows, ${blocks.length} postings blocks, ${postings} postings`);

    const miniSearch = new MiniSearch<SyntheticArticle>({
      fields: ['title', 'text'],
      storeFields: [],
      tokenize: (text) => tokenize(text),
      processTerm: (term) => term, // tokenize already folded it
      searchOptions: { combineWith: 'OR' },
    });
    let miniBuild = 0;
    if (peers) {
      log('indexing into MiniSearch…');
      t0 = performance.now();
      miniSearch.addAll(corpus);
      miniBuild = performance.now() - t0;
      log(`  ${round(miniBuild / 1000, 1)} s`);
    }

    // Count the terms rows and postings blocks our queries read, where they read them.
    let rowsRead = 0;
    const termsGet = db.terms.bulkGet.bind(db.terms);
    db.terms.bulkGet = ((keys: string[]) => {
      rowsRead += keys.length;
      return termsGet(keys);
    }) as typeof db.terms.bulkGet;
    const postingsGet = db.postings.bulkGet.bind(db.postings);
    db.postings.bulkGet = ((keys: [string, number][]) => {
      rowsRead += keys.length;
      return postingsGet(keys);
    }) as typeof db.postings.bulkGet;

    const ours = (q: (a: SyntheticArticle) => RelatedQuery) => async (a: SyntheticArticle) =>
      (await queryRelated(db, q(a), { limit: LIMIT })).map((h) => h.id);
    const mini = (queryOf: Map<string, string>) => async (a: SyntheticArticle) =>
      miniSearch
        .search(queryOf.get(a.id)!)
        .map((r) => String(r.id))
        .filter((id) => id !== a.id)
        .slice(0, LIMIT);

    const rand = prng(7);
    const samples: Record<Sample, SyntheticArticle[]> = {
      indexed: Array.from({ length: QUERIES }, () => corpus[Math.floor(rand() * corpus.length)]!),
      'held out': generated.slice(ARTICLES),
    };
    // MiniSearch's query strings, prepared outside the timed runs. Each distinct term once: MiniSearch
    // would otherwise build a result set per repetition.
    const fullText = new Map([...samples.indexed, ...samples['held out']].map((a) => [a.id, [...new Set(tokenize(`${a.title}\n${a.text}`))].join(' ')]));
    const storedTopTerms = new Map<string, string>();
    // Its key terms (features without a prefix: words, measures and threads have one).
    for (const a of samples.indexed) storedTopTerms.set(a.id, (await db.docs.get(a.id))!.features.flatMap(([t]) => (t.includes(':') ? [] : [t])).join(' '));

    const SAME_TERMS = `MiniSearch, query = our ${RELATED_PARAMS.keyTerms} key terms (BM25, OR)`;
    const REFERENCE = { indexed: 'MiniSearch, query = all distinct terms (BM25, OR)', 'held out': 'MiniSearch, page not in corpus, all distinct terms' };
    const allMethods: Method[] = [
      {
        name: 'Policy Lens, by id (stored key terms + topics)',
        sample: 'indexed',
        queries: QUERIES,
        reads: 'IndexedDB',
        run: ours((a) => ({ id: a.id, title: a.title, text: a.text, ...topics.get(a.id)! })),
      },
      { name: SAME_TERMS, sample: 'indexed', queries: QUERIES, reads: 'memory', run: mini(storedTopTerms) },
      { name: REFERENCE.indexed, sample: 'indexed', queries: FULL_TEXT_QUERIES, reads: 'memory', run: mini(fullText) },
      {
        name: 'Policy Lens, page not in corpus (text + measures)',
        sample: 'held out',
        queries: QUERIES,
        reads: 'IndexedDB',
        run: ours((a) => ({ title: a.title, text: a.text, ...topics.get(a.id)! })),
      },
      {
        name: 'Policy Lens, page not in corpus, text only (no measures)',
        sample: 'held out',
        queries: QUERIES,
        reads: 'IndexedDB',
        run: ours((a) => ({ title: a.title, text: a.text, measures: {} })),
      },
      { name: REFERENCE['held out'], sample: 'held out', queries: FULL_TEXT_QUERIES, reads: 'memory', run: mini(fullText) },
    ];
    // MiniSearch is the peer: without --peers only Policy Lens's own queries run.
    const methods = allMethods.filter((m) => peers || m.reads === 'IndexedDB');

    const results = new Map<string, string[][]>();
    const table: Row[] = [];
    for (const method of methods) {
      log(`querying: ${method.name}…`);
      const sample = samples[method.sample].slice(0, method.queries);
      // Warm up the JIT, except where a single query takes seconds.
      if (method.queries === QUERIES) for (const a of sample.slice(0, 3)) await method.run(a);
      const times: number[] = [];
      const lists: string[][] = [];
      rowsRead = 0;
      for (const a of sample) {
        const start = performance.now();
        lists.push(await method.run(a));
        times.push(performance.now() - start);
      }
      results.set(method.name, lists);
      const { median, p95 } = summarize(times);
      log(`  median ${median} ms, p95 ${p95} ms`);
      table.push({
        method: method.name,
        queries: `${sample.length} ${method.sample}`,
        reads: method.reads,
        'build s': round((method.reads === 'IndexedDB' ? oursBuild : miniBuild) / 1000, 1),
        'query median ms': median,
        'query p95 ms': p95,
        'rows read/query': method.reads === 'IndexedDB' ? Math.round(rowsRead / sample.length) : null,
        'same topic@10': round(mean(lists.map((list, i) => list.filter((id) => topicOf.get(id) === sample[i]!.topic).length / LIMIT)), 2),
      });
    }
    // Agreement with MiniSearch's BM25 rankings, on the queries both ran.
    const sameTerms = results.get(SAME_TERMS) ?? [];
    if (peers) methods.forEach((method, m) => {
      const reference = results.get(REFERENCE[method.sample])!;
      const lists = results.get(method.name)!;
      table[m]!['overlap@10 vs MiniSearch all terms'] = round(mean(lists.slice(0, reference.length).map((list, i) => overlap(list, reference[i]!))), 2);
      table[m]!['overlap@10 vs MiniSearch same terms'] =
        method.sample === 'indexed' ? round(mean(lists.map((list, i) => overlap(list, sameTerms[i]!))), 2) : null;
    });

    return {
      title: `Related articles: ${ARTICLES.toLocaleString('en')} synthetic articles (${Math.round(chars / ARTICLES)} chars on average), top ${LIMIT}`,
      columns: [
        'method',
        'queries',
        'reads',
        'build s',
        'query median ms',
        'query p95 ms',
        'rows read/query',
        'same topic@10',
        ...(peers ? ['overlap@10 vs MiniSearch same terms', 'overlap@10 vs MiniSearch all terms'] : []),
      ],
      rows: table,
      notes: [
        'Policy Lens reads every query from IndexedDB (fake-indexeddb in Node: each row read is structured-cloned); MiniSearch searches an in-memory object, which the extension would have to rebuild or deserialise whenever its background worker restarts.',
        `Policy Lens index: ${termRows.toLocaleString('en')} term rows, ${blocks.length.toLocaleString('en')} postings blocks holding ${postings.toLocaleString('en')} postings (${RELATED_PARAMS.keyTerms} key terms per article), written ${BATCH} articles per transaction. "rows read" counts terms rows and postings blocks (plus 1 meta and, by id, 1 docs row).`,
        ...(peers
          ? [
              'Same tokenizer for both (NFKC + lower-case, Han bigrams, ASCII words, same stop list). MiniSearch ranks by BM25 over every term; Policy Lens by cosines over each article’s key terms, policy words, measures and threads (lib/related/query.ts).',
              `MiniSearch's cost grows with the number of query terms (one result set per term, then merged): a whole article as the query (its distinct terms) runs on the first ${FULL_TEXT_QUERIES} queries only, and "overlap vs all terms" compares on those. "Same terms": MiniSearch asked with the very terms Policy Lens stored for the article, so the overlap shows what scoring alone changes.`,
              'Overlaps are low even between the two MiniSearch queries: the generator writes hundreds of near-interchangeable articles per topic, so which ten of them come first is close to a tie.',
            ]
          : [peersLeftOut('MiniSearch (BM25) with the same tokenizer and documents')]),
        '"same topic@10": share of the top 10 whose main topic (known to the generator) is the query\'s, a check that favours neither ranker. "held out": generated like the rest but not indexed, queried by text as a page not in the corpus.',
      ],
    };
  },
};

function mean(xs: number[]): number {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : 0;
}

function overlap(a: readonly string[], b: readonly string[]): number {
  const set = new Set(b);
  return a.filter((id) => set.has(id)).length / Math.max(1, Math.min(LIMIT, b.length));
}
