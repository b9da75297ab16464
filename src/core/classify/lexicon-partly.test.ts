import { describe, expect, it } from 'vitest';
import { compileLexicons, compileLexiconsPartly, type LexiconFile } from './lexicon';
import { LEXICON_FILES } from './lexicon-files';

describe('compileLexiconsPartly', () => {
  it('spreads the compilation over steps, and compileLexicons finishes it to the same result', () => {
    const files: LexiconFile[] = [...LEXICON_FILES];
    let steps = 1;
    while (!compileLexiconsPartly(files, 500)) steps++;
    expect(steps).toBeGreaterThan(5);
    const spread = compileLexicons(files);
    const whole = compileLexicons([...LEXICON_FILES]);
    expect(spread.concepts).toEqual(whole.concepts);
    expect(spread.problems).toEqual(whole.problems);
    expect([...spread.exact.keys()]).toEqual([...whole.exact.keys()]);
    expect(spread).toEqual(whole);
  });

  it('lets compileLexicons finish a compilation left half done', () => {
    const files: LexiconFile[] = [...LEXICON_FILES];
    expect(compileLexiconsPartly(files, 100)).toBe(false);
    expect(compileLexicons(files)).toEqual(compileLexicons([...LEXICON_FILES]));
  });
});
