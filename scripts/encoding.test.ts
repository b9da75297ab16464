import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { encodingProblem, findEncodingProblems } from './encoding';

describe('encoding check of the build', () => {
  it('accepts ASCII and refuses invalid UTF-8 and noncharacters', () => {
    expect(encodingProblem(Buffer.from('const a = "\\uffff";'))).toBeNull();
    expect(encodingProblem(Buffer.from([0x61, 0xff, 0x62]))).toBe('not valid UTF-8');
    expect(encodingProblem(Buffer.from('a\uffffb', 'utf8'))).toMatch(/noncharacter U\+FFFF/);
    expect(encodingProblem(Buffer.from('a\ufdd0b', 'utf8'))).toMatch(/noncharacter U\+FDD0/);
  });

  it('finds a non-ASCII script in a built folder but allows UTF-8 in JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'enc-'));
    writeFileSync(join(dir, 'ok.js'), 'let x = 1;');
    writeFileSync(join(dir, 'messages.json'), '{"a":"complet, à bientôt"}');
    writeFileSync(join(dir, 'bad.js'), 'let x = "é";');
    expect(findEncodingProblems(dir)).toEqual([`${join(dir, 'bad.js')}: not ASCII`]);
  });
});
