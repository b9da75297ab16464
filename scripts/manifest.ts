// The manifest of each browser: manifest/base.json with that browser's
// differences on top and the version from package.json.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const top = resolve(import.meta.dirname, '..');

function readJson(path: string): Record<string, unknown> {
  return JSON.parse(readFileSync(join(top, path), 'utf8')) as Record<string, unknown>;
}

export function manifestFor(browser: 'chrome' | 'firefox'): Record<string, unknown> {
  const pkg = readJson('package.json') as { version: string };
  return { ...readJson('manifest/base.json'), ...readJson(`manifest/${browser}.json`), version: pkg.version };
}
