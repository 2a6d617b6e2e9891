/** Two sets of files (path → bytes) compared: what one lacks, what differs. */
export type Tree = Map<string, Buffer>;

/** One line per difference, sorted by path; empty when the trees are identical. */
export function compareTrees(expected: Tree, actual: Tree): string[] {
  const out: string[] = [];
  for (const name of [...new Set([...expected.keys(), ...actual.keys()])].sort()) {
    const a = expected.get(name);
    const b = actual.get(name);
    if (!b) out.push(`${name}: only in the submitted zip`);
    else if (!a) out.push(`${name}: only in the rebuild`);
    else if (!a.equals(b)) out.push(`${name}: differs (${a.length} bytes submitted, ${b.length} rebuilt)`);
  }
  return out;
}
