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
};
