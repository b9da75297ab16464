// Runs node's test runner over every *.test.ts below a folder (one file at a
// time: each starts a browser), echoing the TAP output and saving it to a file.
import { spawnSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const [out, dir] = process.argv.slice(2);
if (!out || !dir) {
  console.error('usage: run-tap OUT_FILE DIR');
  process.exit(2);
}
const files = readdirSync(dir).filter((f) => f.endsWith('.test.ts')).map((f) => join(dir, f));
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-concurrency=1', '--test-reporter=tap', ...files], {
  encoding: 'utf8',
  maxBuffer: 64 * 1024 * 1024,
});
process.stdout.write(r.stdout);
process.stderr.write(r.stderr);
writeFileSync(out, r.stdout);
process.exit(r.status ?? 1);
