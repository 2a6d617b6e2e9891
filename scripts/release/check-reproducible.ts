/**
 * `npm run zip:check` — the Firefox build made from the sources zip is the one in the Firefox zip, file
 * for file and byte for byte, as addons.mozilla.org's reviewers require: unpack the sources zip into an
 * empty folder, `npm ci`, `npx wxt build -b firefox` there, compare. Run `npm run zip` first (it does).
 *
 *   npm run zip:check [-- --keep]   --keep leaves the unpacked folder for a look
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import JSZip from 'jszip';
import { ROOT } from '../harness/paths';
import { compareTrees, type Tree } from './compare-trees';

const { version } = JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string };
const zipPath = (kind: string) => path.join(ROOT, '.output', `policy-lens-${version}-${kind}.zip`);

async function readZip(file: string): Promise<Tree> {
  const zip = await JSZip.loadAsync(readFileSync(file));
  const tree: Tree = new Map();
  for (const entry of Object.values(zip.files)) if (!entry.dir) tree.set(entry.name, await entry.async('nodebuffer'));
  return tree;
}

function readDir(dir: string, base = dir, tree: Tree = new Map()): Tree {
  for (const name of readdirSync(dir)) {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) readDir(full, base, tree);
    else tree.set(path.relative(base, full).split(path.sep).join('/'), readFileSync(full));
  }
  return tree;
}

async function main() {
  const { values } = parseArgs({ options: { keep: { type: 'boolean', default: false } } });
  const sources = await readZip(zipPath('sources'));
  const submitted = await readZip(zipPath('firefox'));
  const dir = mkdtempSync(path.join(os.tmpdir(), 'policy-lens-sources-'));
  try {
    for (const [name, bytes] of sources) {
      mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
      writeFileSync(path.join(dir, name), bytes);
    }
    console.log(`Unpacked ${sources.size} source files into ${dir}; npm ci, then wxt build -b firefox there…`);
    // Quiet unless it fails: the build's warnings are the same as in the main checkout.
    const run = (cmd: string, args: string[]) => {
      try {
        execFileSync(cmd, args, { cwd: dir, stdio: 'pipe', encoding: 'utf8' });
      } catch (error) {
        const e = error as { stdout?: string; stderr?: string };
        throw new Error(`${cmd} ${args.join(' ')} failed in ${dir}:\n${e.stdout ?? ''}${e.stderr ?? ''}`, { cause: error });
      }
    };
    run('npm', ['ci', '--no-audit', '--no-fund']);
    run('npx', ['wxt', 'build', '-b', 'firefox']);
    const rebuilt = readDir(path.join(dir, '.output', 'firefox-mv3'));
    const diff = compareTrees(submitted, rebuilt);
    if (diff.length > 0) {
      console.error(`The Firefox build from the sources zip differs from ${path.relative(ROOT, zipPath('firefox'))}:`);
      for (const line of diff) console.error(`  ${line}`);
      process.exitCode = 1;
      return;
    }
    console.log(
      `Identical: the ${rebuilt.size} files built from the sources zip are byte for byte those of ${path.relative(ROOT, zipPath('firefox'))}.`,
    );
  } finally {
    if (values.keep) console.log(`Kept ${dir}`);
    else rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: Error) => {
  console.error(`zip:check failed: ${error.message}`);
  process.exit(1);
});
