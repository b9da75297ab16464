// web-ext lint over dist/firefox: fails on any error, prints warnings.
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';

const r = spawnSync(join('node_modules', '.bin', 'web-ext'), ['lint', '--source-dir', 'dist/firefox', '--self-hosted=false', '--output=json'], {
  encoding: 'utf8',
});
let report: { summary: { errors: number; warnings: number }; errors: { message: string; file?: string }[]; warnings: { message: string; file?: string }[] };
try {
  report = JSON.parse(r.stdout);
} catch {
  console.error(r.stdout, r.stderr);
  process.exit(1);
}
for (const w of report.warnings) console.log(`warning: ${w.message} (${w.file ?? ''})`);
for (const e of report.errors) console.log(`ERROR: ${e.message} (${e.file ?? ''})`);
console.log(`web-ext lint: ${report.summary.errors} errors, ${report.summary.warnings} warnings`);
process.exit(report.summary.errors === 0 ? 0 : 1);
