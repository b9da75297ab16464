import { describe, expect, it } from 'vitest';
import { CSV_COLUMNS } from '../../store/export';
import { neutraliseCell, offersToCsv, offersToJson } from './export';
import { sampleOffers } from './sample-data';

const NOW = Date.parse('2026-03-01T12:00:00Z');

/** A small RFC 4180 reader, to check the writer from the outside. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}

describe('neutraliseCell', () => {
  it('prefixes cells a spreadsheet would run as formulas', () => {
    for (const bad of ['=1+1', '+32 470', '-2', '@SUM(A1)', '\t=x', '\r=x']) expect(neutraliseCell(bad)).toBe(`'${bad}`);
    expect(neutraliseCell('Kiewit')).toBe('Kiewit');
    expect(neutraliseCell('')).toBe('');
  });
});

describe('offersToCsv', () => {
  it('writes a header and one row per offer that read back to the same values', () => {
    const offers = sampleOffers(NOW);
    const rows = parseCsv(offersToCsv(offers));
    expect(rows).toHaveLength(offers.length + 1);
    const header = rows[0] ?? [];
    const col = (name: string) => header.indexOf(name);
    const first = rows[1] ?? [];
    expect(first[col('author')]).toBe('lindevh');
    expect(first[col('text')]).toBe(offers[0]?.text);
    expect(first[col('url')]).toBe('https://x.com/lindevh/status/1900000000000000101');
    expect(first[col('capacity')]).toBe('4');
    expect(first[col('dm')]).toBe('yes');
  });

  it("has the store's columns, with the tweet's link before its text", () => {
    const header = parseCsv(offersToCsv(sampleOffers(NOW)))[0] ?? [];
    expect(header).toEqual([...CSV_COLUMNS.slice(0, -1), 'url', 'text']);
  });

  it('neutralises formulas, quotes commas, quotes and line breaks', () => {
    const [o] = sampleOffers(NOW);
    if (!o) throw new Error('no sample');
    const evil = { ...o, text: '=HYPERLINK("http://evil","click"), then\nmore', author: '@x', places: ['+1', 'a,b'] };
    const rows = parseCsv(offersToCsv([evil]));
    const header = rows[0] ?? [];
    const row = rows[1] ?? [];
    expect(row[header.indexOf('text')]).toBe(`'${evil.text}`);
    expect(row[header.indexOf('author')]).toBe("'@x");
    expect(row[header.indexOf('places')]).toBe("'+1; a,b");
    expect(row[header.indexOf('url')]).toBe('');
  });
});

describe('offersToJson', () => {
  it('round-trips the offers with a format tag and links', () => {
    const offers = sampleOffers(NOW);
    const parsed = JSON.parse(offersToJson(offers, new Date(NOW))) as { format: string; exportedAt: string; offers: { key: string; url: string | null }[] };
    expect(parsed.format).toBe('hashtag-triage-board-view');
    expect(parsed.exportedAt).toBe('2026-03-01T12:00:00.000Z');
    expect(parsed.offers.map((o) => o.key)).toEqual(offers.map((o) => o.key));
    expect(parsed.offers[0]?.url).toBe('https://x.com/lindevh/status/1900000000000000101');
  });
});
