import { describe, expect, it } from 'vitest';
import { parseHandles, profileUrl, tweetUrl } from './links';

describe('tweetUrl', () => {
  it('builds the x.com permalink from a valid handle and id', () => {
    expect(tweetUrl('lindevh', '1900000000000000101')).toBe('https://x.com/lindevh/status/1900000000000000101');
  });

  it('refuses anything that could leave x.com or carry script', () => {
    expect(tweetUrl('javascript:alert(1)//', '1')).toBeNull();
    expect(tweetUrl('a/../../evil.com', '1')).toBeNull();
    expect(tweetUrl('ok', '1?x=<script>')).toBeNull();
    expect(tweetUrl('name_that_is_too_long', '1')).toBeNull();
    expect(tweetUrl(null, '1')).toBeNull();
    expect(tweetUrl('ok', null)).toBeNull();
    expect(profileUrl('a b')).toBeNull();
  });
});

describe('parseHandles', () => {
  it('accepts @, commas, spaces and profile URLs, once each', () => {
    expect(parseHandles('@LindeVH, claire_lg  https://x.com/jonas_ac/status/1 lindevh')).toEqual(['LindeVH', 'claire_lg', 'jonas_ac']);
  });
  it('drops what cannot be a handle', () => {
    expect(parseHandles('@ , <b>x</b> way_too_long_for_a_handle')).toEqual([]);
  });
});
