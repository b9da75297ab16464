// Same-moment comparison of the core's cold cost: a git revision against the
// working tree. Machines here are shared, and a change of a few percent is
// lost in the noise between two separate benchmark runs; here the two sides
// take turns, each pass in a fresh Node process, timed in CPU time (not wall
// time, which other load inflates). Usage:
//   npx tsx scripts/compare-core.ts <git revision> [pairs, default 10]
// A proxy for the page: in Node the core runs without the page's own work in
// between, so its caches stay warmer than in a tab (see docs/performance.md).
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const top = resolve(import.meta.dirname, '..');
const ENTRY = 'bench/lib/core-cold.ts';
/** Copied into the revision's tree too: the same pass on both sides. */
const PASS_FILES = [ENTRY, 'bench/lib/fixture-messages.ts'];

function git(args: string[], cwd = top): string {
  const r = spawnSync('git', args, { cwd, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`git ${args.join(' ')}: ${r.stderr.trim()}`);
  return r.stdout.trim();
}

/** CPU microseconds per message of one cold pass, in a fresh process, in `root`. */
function pass(root: string): number {
  const r = spawnSync(process.execPath, ['--import', 'tsx', ENTRY], { cwd: root, encoding: 'utf8' });
  const v = Number(r.stdout.trim().split('\n').pop());
  if (r.status !== 0 || !Number.isFinite(v)) throw new Error(`${root}: ${r.stderr.trim().slice(0, 500)}`);
  return v;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1] as number;

function main(): void {
  const rev = process.argv[2];
  const pairs = Number(process.argv[3] ?? 10);
  if (!rev || !Number.isInteger(pairs) || pairs < 1) throw new Error('usage: npx tsx scripts/compare-core.ts <git revision> [pairs]');
  const sha = git(['rev-parse', '--verify', `${rev}^{commit}`]);
  const base = mkdtempSync(join(tmpdir(), 'compare-core-'));
  git(['worktree', 'add', '--detach', base, sha]);
  try {
    symlinkSync(join(top, 'node_modules'), join(base, 'node_modules'));
    // The same pass on both sides, whatever the revision holds.
    if (!existsSync(join(base, 'bench/lib'))) throw new Error(`${rev} has no bench/lib/`);
    for (const f of PASS_FILES) copyFileSync(join(top, f), join(base, f));
    const a: number[] = [];
    const b: number[] = [];
    for (let i = 0; i < pairs; i++) {
      // Alternate which side goes first: a slow moment on the machine then falls on both.
      if (i % 2 === 0) {
        a.push(pass(base));
        b.push(pass(top));
      } else {
        b.push(pass(top));
        a.push(pass(base));
      }
    }
    const ratios = a.map((x, i) => (b[i] as number) / x);
    console.log(`core, one cold pass over the bench fixture's distinct tweets, CPU µs per message (${pairs} pairs)`);
    console.log(`  ${sha.slice(0, 7)}       ${a.map((x) => x.toFixed(0)).join(' ')}   median ${median(a).toFixed(1)}`);
    console.log(`  working tree  ${b.map((x) => x.toFixed(0)).join(' ')}   median ${median(b).toFixed(1)}`);
    console.log(`  ratio per pair ${ratios.map((x) => x.toFixed(2)).join(' ')}   median ${median(ratios).toFixed(3)}`);
  } finally {
    git(['worktree', 'remove', '--force', base]);
    rmSync(base, { recursive: true, force: true });
  }
}

main();
