/**
 * A small Aho–Corasick automaton over UTF-16 code units.
 *
 * Detection runs on every article the reader opens, against every surface form in the catalogue
 * (hundreds of them); scanning the text once, instead of once per alias with indexOf, keeps that
 * linear in the text length whatever the catalogue size.
 */
export interface PatternMatch {
  /** Index of the pattern in the array given to the constructor. */
  pattern: number;
  start: number;
  end: number;
}

export class AhoCorasick {
  private readonly next: Map<number, number>[] = [new Map()];
  private readonly fail: number[] = [0];
  /** Patterns that end at a node, including those reached through suffix (fail) links. */
  private readonly outputs: number[][] = [[]];
  private readonly lengths: number[];

  constructor(patterns: readonly string[]) {
    this.lengths = patterns.map((p) => p.length);
    patterns.forEach((pattern, index) => {
      if (pattern.length === 0) throw new Error(`AhoCorasick: pattern ${index} is empty`);
      let node = 0;
      for (let i = 0; i < pattern.length; i++) {
        const code = pattern.charCodeAt(i);
        let child = this.next[node]!.get(code);
        if (child === undefined) {
          child = this.next.length;
          this.next.push(new Map());
          this.fail.push(0);
          this.outputs.push([]);
          this.next[node]!.set(code, child);
        }
        node = child;
      }
      this.outputs[node]!.push(index);
    });
    this.buildFailLinks();
  }

  private buildFailLinks(): void {
    const queue: number[] = [];
    for (const child of this.next[0]!.values()) queue.push(child);
    for (let head = 0; head < queue.length; head++) {
      const node = queue[head]!;
      for (const [code, child] of this.next[node]!) {
        let f = this.fail[node]!;
        while (f !== 0 && !this.next[f]!.has(code)) f = this.fail[f]!;
        const target = this.next[f]!.get(code);
        this.fail[child] = target !== undefined && target !== child ? target : 0;
        // Merge outputs once here so search never walks the fail chain to report matches.
        this.outputs[child]!.push(...this.outputs[this.fail[child]!]!);
        queue.push(child);
      }
    }
  }

  /** Every occurrence of every pattern, overlapping ones included, in order of their end. */
  search(text: string): PatternMatch[] {
    const found: PatternMatch[] = [];
    this.forEachMatch(text, (pattern, start, end) => found.push({ pattern, start, end }));
    return found;
  }

  /** search without building the list: the detector's hot path calls this on every article. */
  forEachMatch(text: string, visit: (pattern: number, start: number, end: number) => void): void {
    let node = 0;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      while (node !== 0 && !this.next[node]!.has(code)) node = this.fail[node]!;
      node = this.next[node]!.get(code) ?? 0;
      const outputs = this.outputs[node]!;
      for (let k = 0; k < outputs.length; k++) {
        const pattern = outputs[k]!;
        visit(pattern, i + 1 - this.lengths[pattern]!, i + 1);
      }
    }
  }
}
