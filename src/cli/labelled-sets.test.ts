// The project's labelled sets (examples for training and testing, check sets for checking only) are
// data a person edits by hand: each line must read back as the evaluation expects.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LABELS } from '../core/types';
import { REPO_ROOT } from './shared-data';

const SETS = ['data/examples', 'data/check', 'data/check2'];
const LANGS = ['nl', 'fr', 'de', 'en'];

function filesOf(dir: string): string[] {
  return readdirSync(join(REPO_ROOT, dir))
    .filter((f) => f.endsWith('.jsonl'))
    .map((f) => join(dir, f));
}

describe.each(SETS)('%s', (dir) => {
  const files = filesOf(dir);

  it('has a file per language', () => {
    for (const lang of LANGS) expect(files.some((f) => f.endsWith(`${lang}.jsonl`))).toBe(true);
  });

  it('holds one labelled message per line, ids and texts unique', () => {
    const ids = new Set<string>();
    const texts = new Set<string>();
    for (const file of files) {
      const lang = /(nl|fr|de|en)\.jsonl$/.exec(file)?.[1];
      readFileSync(join(REPO_ROOT, file), 'utf8')
        .split('\n')
        .forEach((line, i) => {
          if (line.trim() === '') return;
          const where = `${file}:${i + 1}`;
          const row = JSON.parse(line) as Record<string, unknown>;
          expect(typeof row.id, where).toBe('string');
          expect(ids.has(row.id as string), `${where} repeats id ${String(row.id)}`).toBe(false);
          ids.add(row.id as string);
          expect(typeof row.text === 'string' && row.text.trim() !== '', where).toBe(true);
          expect(texts.has(row.text as string), `${where} repeats a text`).toBe(false);
          texts.add(row.text as string);
          expect(row.lang, where).toBe(lang);
          expect(LABELS as readonly unknown[], where).toContain(row.label);
          // Only sympathy can be sympathy only.
          if (row.sympathy_only === true) expect(row.label, where).toBe('sympathy');
        });
    }
    expect(ids.size).toBeGreaterThan(100);
  });
});
