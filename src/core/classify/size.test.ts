import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

const top = resolve(import.meta.dirname, '../../..');

describe('classifier data size', () => {
  it('keeps model, lexicons and cue texts small enough for the content script', () => {
    const files = ['data/model/triage-model.json', 'data/cues.json', ...['universal', 'official', 'en', 'nl', 'fr', 'de', 'es', 'it'].map((l) => `data/lexicons/${l}.json`)];
    const all = Buffer.concat(files.map((f) => readFileSync(resolve(top, f))));
    // 250 KB for code and data together; the code itself is about 15 KB gzipped.
    expect(gzipSync(all, { level: 9 }).length).toBeLessThan(220 * 1024);
  });
});
