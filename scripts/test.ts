// `npm test`: type-check, lint, unit tests, build, Firefox lint, browser tests
// in Chromium and Firefox. Stops at the first failing stage and ends with one
// summary line "N passed, N failed" counting every test run.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const tmp = mkdtempSync(join(tmpdir(), 'triage-test-'));
let passed = 0;
let failed = 0;
const only = process.argv.slice(2);

function run(name: string, cmd: string, args: string[], env: Record<string, string> = {}): number {
  if (only.length && !only.includes(name)) return 0;
  console.log(`\n=== ${name}: ${cmd} ${args.join(' ')}`);
  const t0 = Date.now();
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  console.log(`=== ${name}: ${r.status === 0 ? 'ok' : `FAILED (exit ${r.status ?? r.signal})`} in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
  return r.status ?? 1;
}

function finish(code: number): never {
  console.log(`\n${passed} passed, ${failed} failed`);
  process.exit(code);
}

function stage(name: string, cmd: string, args: string[], count?: () => { passed: number; failed: number }, env?: Record<string, string>): void {
  const code = run(name, cmd, args, env);
  if (count && (!only.length || only.includes(name))) {
    const c = count();
    passed += c.passed;
    failed += c.failed;
  }
  if (code !== 0) {
    if (!count) failed += 1;
    finish(code);
  }
}

const bin = (name: string) => join('node_modules', '.bin', name);

stage('typecheck', bin('tsc'), ['--noEmit']);
stage('lint', bin('eslint'), ['.']);

const vitestJson = join(tmp, 'vitest.json');
stage('unit', bin('vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`], () => {
  if (!existsSync(vitestJson)) return { passed: 0, failed: 1 };
  const r = JSON.parse(readFileSync(vitestJson, 'utf8')) as { numPassedTests: number; numFailedTests: number };
  return { passed: r.numPassedTests, failed: r.numFailedTests };
});

stage('build', process.execPath, [bin('tsx'), 'scripts/build.ts', '--quiet']);
stage('lint-firefox', process.execPath, [bin('tsx'), 'scripts/lint-firefox.ts']);

const pwJson = join(tmp, 'playwright.json');
stage('e2e-chromium', bin('playwright'), ['test'], () => {
  if (!existsSync(pwJson)) return { passed: 0, failed: 1 };
  const r = JSON.parse(readFileSync(pwJson, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number } };
  return { passed: r.stats.expected + r.stats.flaky, failed: r.stats.unexpected };
}, { PW_JSON: pwJson });

const ffOut = join(tmp, 'firefox.tap');
stage('e2e-firefox', process.execPath, [bin('tsx'), 'scripts/run-tap.ts', ffOut, 'e2e/firefox'], () => {
  if (!existsSync(ffOut)) return { passed: 0, failed: 1 };
  const tap = readFileSync(ffOut, 'utf8');
  const num = (k: string) => Number(new RegExp(`^# ${k} (\\d+)`, 'm').exec(tap)?.[1] ?? 0);
  return { passed: num('pass'), failed: num('fail') + num('cancelled') };
});

finish(0);
