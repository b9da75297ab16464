// Builds the unpacked extensions dist/chrome and dist/firefox and a zip of each.
// Pass 1: pages + background (ES modules sharing chunks). Pass 2: the content
// script alone as one classic IIFE script. Pass 3: the core (core.js), which
// the background runs next to it on pages in scope, and its data.
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { zipSync } from 'fflate';
import { build } from 'vite';
import { findEncodingProblems } from './encoding';
import { manifestFor } from './manifest';

const top = resolve(import.meta.dirname, '..');
const dist = join(top, 'dist');
const staging = join(dist, '.build');
const pkg = JSON.parse(readFileSync(join(top, 'package.json'), 'utf8')) as { version: string };
/** Largest content.js accepted (about 35 KB: the core, some 65 KB more, and its data, 450 KB, stay out of it). */
const MAX_CONTENT_BYTES = 60 * 1024;
/** Largest core.js accepted (about 65 KB of code: the data stays in core-data.json). */
const MAX_CORE_BYTES = 150 * 1024;

function filesBelow(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const p = join(dir, name);
    return statSync(p).isDirectory() ? filesBelow(p) : [p];
  });
}

async function main(): Promise<void> {
  const quiet = process.argv.includes('--quiet');
  const logLevel = quiet ? 'warn' : 'info';
  rmSync(dist, { recursive: true, force: true });
  await build({ configFile: join(top, 'vite.config.ts'), mode: 'production', logLevel });
  await build({ configFile: join(top, 'vite.config.ts'), mode: 'content', logLevel });
  await build({ configFile: join(top, 'vite.config.ts'), mode: 'core', logLevel });

  for (const browser of ['chrome', 'firefox'] as const) {
    const out = join(dist, browser);
    mkdirSync(out, { recursive: true });
    cpSync(staging, out, { recursive: true });
    cpSync(join(top, 'extension/icons'), join(out, 'icons'), { recursive: true });
    cpSync(join(top, 'extension/_locales'), join(out, '_locales'), { recursive: true });
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifestFor(browser), null, 2) + '\n');

    const problems = findEncodingProblems(out);
    if (problems.length) throw new Error(`${browser}: files Chrome would refuse:\n${problems.join('\n')}`);

    const files: Record<string, Uint8Array> = {};
    for (const f of filesBelow(out)) files[relative(out, f).split('\\').join('/')] = readFileSync(f);
    writeFileSync(join(dist, `hashtag-triage-${browser}-${pkg.version}.zip`), zipSync(files, { level: 9, mtime: new Date('2026-01-01') }));
    console.log(`built dist/${browser}/ and dist/hashtag-triage-${browser}-${pkg.version}.zip`);
  }
  rmSync(staging, { recursive: true, force: true });
  for (const f of ['content.js', 'core.js', 'core-data.json']) if (!existsSync(join(dist, 'chrome', f))) throw new Error(`${f} missing from the build`);
  // Every x.com page compiles content.js: the core belongs in core.js, its data in core-data.json (see vite.config.ts).
  const sizeCheck = (file: string, max: number, hint: string) => {
    const bytes = statSync(join(dist, 'chrome', file)).size;
    if (bytes > max) throw new Error(`${file} is ${Math.round(bytes / 1024)} KB (at most ${max / 1024}): ${hint}`);
  };
  sizeCheck('content.js', MAX_CONTENT_BYTES, 'has the core or its data gone into it?');
  sizeCheck('core.js', MAX_CORE_BYTES, 'has data gone into it?');
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.message : err);
  process.exit(1);
});
