// `npm run bench`: runs every benchmark in bench/ one after the other (each on
// its own, so they do not compete for the two cores), prints their figures and
// writes them to docs/benchmarks.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join, resolve } from 'node:path';

const top = resolve(import.meta.dirname, '..');
const only = process.argv.slice(2);
const files = readdirSync(join(top, 'bench'))
  .filter((f) => f.endsWith('.ts') && f !== 'run.ts' && !f.endsWith('.test.ts'))
  .filter((f) => !only.length || only.some((o) => f.startsWith(o)))
  .sort();

const sections: string[] = [];
let failed = 0;
for (const f of files) {
  console.log(`\n### bench/${f}`);
  const t0 = Date.now();
  const r = spawnSync(process.execPath, ['--import', 'tsx', join('bench', f)], { cwd: top, encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  process.stdout.write(r.stdout);
  process.stderr.write(r.stderr);
  const secs = ((Date.now() - t0) / 1000).toFixed(0);
  if (r.status !== 0) failed += 1;
  sections.push(
    `## bench/${f}\n\n${r.status === 0 ? '' : `**failed (exit ${r.status})**\n\n`}\`\`\`\n${r.stdout.trim()}\n\`\`\`\n\n(${secs} s)\n`,
  );
}

/** Runs too long for every `npm run bench` (the 50,000-tweet soak...) are pasted under this heading and kept. */
export const KEPT_HEADING = '## Longer runs';

function keptTail(path: string): string {
  if (!existsSync(path)) return '';
  const old = readFileSync(path, 'utf8');
  const at = old.indexOf(`\n${KEPT_HEADING}`);
  return at < 0 ? '' : old.slice(at);
}

if (!only.length) {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const doc = `# Benchmarks

Latest figures, written by \`npm run bench\` (bench/run.ts runs every bench/*.ts in turn). Machines here are shared
and noisy: read the figures as orders of magnitude and compare runs on one machine.

Run on ${new Date().toISOString().slice(0, 10)}, Node ${process.version}, ${cpus().length} x ${cpu}.

${sections.join('\n')}`;
  const path = join(top, 'docs/benchmarks.md');
  writeFileSync(path, doc + keptTail(path));
  console.log('\nwrote docs/benchmarks.md');
}
process.exit(failed ? 1 : 0);
