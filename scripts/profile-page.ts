// Where the content script's time goes in the page: a CPU profile of the page
// benchmark's scroll (the 1,000-tweet virtualised fixture, scrolled to the end),
// with the extension built without name mangling so that functions keep their
// names. Prints the extension's sampled time per function, its own ("self",
// native calls it makes shown as [name] in caller) and with what it calls
// ("total"). The sampler adds its own overhead: read shares, not milliseconds.
// Usage: npx tsx scripts/profile-page.ts [rounds, default 2] [rows, default 50]
// It builds twice (names kept for the profile, then the normal build again).
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DIST_CHROME, launchWithExtension, routeNetwork } from '../e2e/harness/extension';
import { renderTimelinePage } from '../e2e/fixtures/render';
import { generateTimeline } from '../e2e/fixtures/tweets';
import { scrollToEnd } from '../bench/lib/scroll';

const top = resolve(import.meta.dirname, '..');
const rounds = Number(process.argv[2] ?? 2);
const rows = Number(process.argv[3] ?? 50);
if (!(Number.isInteger(rounds) && rounds > 0 && Number.isInteger(rows) && rows > 0)) {
  console.error('usage: npx tsx scripts/profile-page.ts [rounds, a whole number > 0] [rows, a whole number > 0]');
  process.exit(2);
}

function build(keepNames: boolean): void {
  const env = { ...process.env, ...(keepNames ? { TRIAGE_KEEP_NAMES: '1' } : {}) };
  const r = spawnSync(process.execPath, [join(top, 'node_modules/.bin/tsx'), join(top, 'scripts/build.ts'), '--quiet'], { stdio: ['ignore', 2, 2], env });
  if (r.status !== 0) throw new Error('build failed');
}

/** The parts of a DevTools CPU profile read here (Profiler.stop). */
interface Node {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}
interface Profile {
  nodes: Node[];
  samples?: number[];
  timeDeltas?: number[];
}
const isOurs = (n: Node) => n.callFrame.url.startsWith('chrome-extension://');
const where = (n: Node) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url.split('/').pop()}:${n.callFrame.lineNumber + 1}:${n.callFrame.columnNumber + 1}`;

/** Adds the profile's samples that have one of our frames on their stack to `self` and `total` (µs). */
function tally(profile: Profile, self: Map<string, number>, total: Map<string, number>): number {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, Node>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n);
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  let ours = 0;
  for (let i = 0; i < samples.length; i++) {
    // A sample's time is the gap to the next one.
    const us = deltas[i + 1] ?? 0;
    const leaf = byId.get(samples[i] as number);
    if (!leaf) continue;
    let nearest: Node | undefined;
    const counted = new Set<string>();
    for (let n: Node | undefined = leaf; n; n = parent.get(n.id)) {
      if (!isOurs(n)) continue;
      nearest ??= n;
      const k = where(n);
      if (!counted.has(k)) {
        counted.add(k);
        total.set(k, (total.get(k) ?? 0) + us);
      }
    }
    if (!nearest) continue;
    ours += us;
    const k = nearest === leaf ? where(leaf) : `[${leaf.callFrame.functionName || '(native)'}] in ${nearest.callFrame.functionName || '(anonymous)'}`;
    self.set(k, (self.get(k) ?? 0) + us);
  }
  return ours;
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'triage-named-'));
  try {
    build(true);
    cpSync(DIST_CHROME, dir, { recursive: true });
  } finally {
    // dist/ never stays the build with names kept.
    build(false);
  }
  const html = renderTimelinePage(generateTimeline(1000), { uiLang: 'en', virtual: true, pageSize: 50 });
  const self = new Map<string, number>();
  const total = new Map<string, number>();
  let ours = 0;
  try {
    for (let round = 0; round < rounds; round++) {
      const { context, profile } = await launchWithExtension({ dir });
      try {
        await routeNetwork(context, (url) => (url.pathname === '/hashtag/hasselthelpt' ? html : null));
        const page = context.pages()[0] ?? (await context.newPage());
        await page.goto('https://x.com/hashtag/hasselthelpt?f=live');
        await page.waitForSelector('[data-testid="cellInnerDiv"] > [data-triage]', { timeout: 15_000 });
        await page.waitForTimeout(300);
        const cdp = await context.newCDPSession(page);
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        await cdp.send('Profiler.start');
        await scrollToEnd(page);
        const { profile: p } = await cdp.send('Profiler.stop');
        ours += tally(p as Profile, self, total);
      } finally {
        await context.close();
        rmSync(profile, { recursive: true, force: true });
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const list = (m: Map<string, number>) =>
    [...m]
      .sort((a, b) => b[1] - a[1])
      .slice(0, rows)
      .map(([k, us]) => `${(us / 1000).toFixed(1).padStart(8)} ms ${((100 * us) / ours).toFixed(1).padStart(5)}%  ${k}`)
      .join('\n');
  console.log(`Extension time sampled while scrolling the 1,000-tweet fixture to the end, ${rounds} round(s): ${(ours / 1000).toFixed(1)} ms`);
  console.log(`\nSelf (a native call is shown as [name] in the function of ours that made it)\n${list(self)}`);
  console.log(`\nTotal (with what it calls)\n${list(total)}`);
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
