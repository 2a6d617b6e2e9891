/**
 * A bench suite measures one thing and returns rows; `run.ts` prints each suite as a table and writes
 * every suite into bench/results.json. A peer measured in the same run goes in the same table, so the
 * comparison is side by side and on the same machine.
 */
export type Row = Record<string, string | number | null>;

export type SuiteResult = {
  title: string;
  /** Column order for the printed table; every row has these keys. */
  columns: string[];
  rows: Row[];
  notes?: string[];
};

export type Suite = {
  /** Key in bench/results.json; stable across runs so results can be compared. */
  id: string;
  run(ctx: BenchContext): Promise<SuiteResult | SuiteResult[]>;
};

export type BenchContext = {
  root: string;
  log(line: string): void;
  /**
   * Measure the peers and baselines too (`npm run bench -- --peers`). Off by default so a plain
   * `npm run bench` is quick: a suite then measures only Policy Lens and says in a note what the flag adds.
   */
  peers: boolean;
};

/** The note a suite adds when it left its peer out. */
export function peersLeftOut(what: string): string {
  return `Peer left out: ${what} is measured beside it with \`npm run bench -- --peers\`.`;
}
