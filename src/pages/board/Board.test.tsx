// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import en from '../../../extension/_locales/en/messages.json';
import nl from '../../../extension/_locales/nl/messages.json';
import { QUOTA_MESSAGE } from '../../store/result';
import { useCatalog } from '../shared/i18n';
import { createMemoryBackend, type MemoryData } from '../shared/memory-backend';
import { sampleOffers } from '../shared/sample-data';
import { Board } from './Board';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const now = () => NOW;

let downloads: { name: string; text: string; type: string }[] = [];

beforeEach(() => {
  downloads = [];
  const blobs = new Map<string, Blob>();
  vi.spyOn(URL, 'createObjectURL').mockImplementation((b: Blob | MediaSource) => {
    const url = `blob:test/${blobs.size}`;
    blobs.set(url, b as Blob);
    return url;
  });
  vi.spyOn(URL, 'revokeObjectURL').mockImplementation(() => undefined);
  vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function (this: HTMLAnchorElement) {
    const blob = blobs.get(this.href);
    if (blob) void blob.text().then((text) => downloads.push({ name: this.download, text, type: blob.type }));
  });
});

afterEach(() => {
  cleanup();
  vi.restoreAllMocks();
  useCatalog(en);
});

async function setup(data: MemoryData = { offers: sampleOffers(NOW) }) {
  const backend = createMemoryBackend(data);
  render(<Board backend={backend} now={now} />);
  await screen.findByText(/^Offers shown:/);
  return backend;
}

const items = () => screen.queryAllByRole('article');
const authors = () => items().map((a) => within(a).getByRole('heading').textContent);

describe('Board', () => {
  it('lists every offer, newest first, with its details', async () => {
    await setup();
    expect(screen.getByText('Offers shown: 6 of 6')).toBeTruthy();
    expect(authors()).toEqual([
      'Shelter, bed · @lindevh',
      'Shelter, bed · @claire_lg',
      'Transport, ride · @jonas_ac',
      'Phone charging · @kiewitcafe',
      'Shelter, bed · @famgenk',
      'Shelter, bed · @tom_herk',
    ]);
    const first = items()[0]!;
    expect(within(first).getByText('Open')).toBeTruthy();
    expect(within(first).getByText('Kiewit')).toBeTruthy();
    expect(within(first).getByText('10')).toBeTruthy(); // reposts seen
    expect(within(first).getByText('4')).toBeTruthy(); // capacity
    expect(within(first).getByRole('link', { name: '0470 12 34 56' }).getAttribute('href')).toBe('tel:0470123456');
    expect(within(first).getByRole('link', { name: 'Open on X' }).getAttribute('href')).toBe('https://x.com/lindevh/status/1900000000000000101');
    expect(within(items()[4]!).getByText('Closed')).toBeTruthy();
    expect(within(items()[5]!).getByText('Stale')).toBeTruthy();
  });

  it('filters by kind, place, language and status, and searches text', async () => {
    await setup();
    const select = (name: string, value: string) => fireEvent.change(screen.getByRole('combobox', { name }), { target: { value } });
    select('Kind', 'transport');
    await waitFor(() => expect(authors()).toEqual(['Transport, ride · @jonas_ac']));
    select('Kind', '');
    select('Place', 'Hasselt');
    await waitFor(() => expect(items()).toHaveLength(2));
    select('Place', '');
    select('Language', 'fr');
    await waitFor(() => expect(authors()).toEqual(['Shelter, bed · @claire_lg']));
    select('Language', '');
    select('Status', 'stale');
    await waitFor(() => expect(authors()).toEqual(['Shelter, bed · @tom_herk']));
    fireEvent.click(screen.getByRole('button', { name: 'Clear filters' }));
    await waitFor(() => expect(items()).toHaveLength(6));

    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'liege' } });
    await waitFor(() => expect(authors()).toEqual(['Shelter, bed · @claire_lg']));
    fireEvent.input(screen.getByRole('searchbox', { name: 'Search' }), { target: { value: 'nothing like this' } });
    expect(await screen.findByText('No offer matches these filters.')).toBeTruthy();
  });

  it('marks an offer as contacted or taken and keeps the mark in the store', async () => {
    const backend = await setup();
    const first = items()[0]!;
    const contacted = within(first).getByRole('button', { name: 'Contacted' });
    expect(contacted.getAttribute('aria-pressed')).toBe('false');
    fireEvent.click(contacted);
    await waitFor(() => expect(backend.data.offers.find((o) => o.key === 'k-lindevh-kiewit')?.contacted).toBe(true));
    await waitFor(() => expect(within(items()[0]!).getByRole('button', { name: 'Contacted' }).getAttribute('aria-pressed')).toBe('true'));
    fireEvent.click(within(items()[0]!).getByRole('button', { name: 'Taken' }));
    await waitFor(() => expect(backend.data.offers.find((o) => o.key === 'k-lindevh-kiewit')?.taken).toBe(true));

    fireEvent.click(screen.getByRole('checkbox', { name: 'Hide taken' }));
    await waitFor(() => expect(items()).toHaveLength(4));
  });

  it('says in the UI language that a mark could not be saved on a full disk, and keeps the list', async () => {
    useCatalog(nl);
    const backend = createMemoryBackend({ offers: sampleOffers(NOW) });
    render(<Board backend={backend} now={now} />);
    await screen.findByText(/^Getoond aanbod:/);
    backend.markOffer = async () => {
      throw new Error(QUOTA_MESSAGE);
    };
    fireEvent.click(within(items()[0]!).getAllByRole('button')[0]!);
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Kon de markering niet bewaren');
    expect(alert.textContent).toContain('De browser heeft geen ruimte meer');
    expect(alert.textContent).not.toContain('no room left');
    expect(alert.textContent).not.toContain('niet lezen');
    expect(items()).toHaveLength(6);
  });

  it('exports the current view as CSV and JSON', async () => {
    await setup();
    fireEvent.change(screen.getByRole('combobox', { name: 'Kind' }), { target: { value: 'shelter' } });
    await waitFor(() => expect(items()).toHaveLength(4));
    fireEvent.click(screen.getByRole('button', { name: 'Export CSV' }));
    fireEvent.click(screen.getByRole('button', { name: 'Export JSON' }));
    await waitFor(() => expect(downloads).toHaveLength(2));
    const [csv, json] = downloads;
    expect(csv?.name).toBe('offers-2026-03-01-12-00.csv');
    expect(csv?.type).toContain('text/csv');
    expect(csv?.text.trim().split('\r\n')).toHaveLength(5);
    expect(csv?.text).not.toContain('jonas_ac');
    const parsed = JSON.parse(json?.text ?? '') as { offers: { key: string; status: string }[] };
    expect(parsed.offers.map((o) => o.key)).toEqual(['k-lindevh-kiewit', 'k-claire-liege', 'k-famgenk-closed', 'k-herk-room']);
    // The export says what the board shows: the old offer is stale.
    expect(parsed.offers[3]?.status).toBe('stale');
  });

  it('renders tweet text as text and links only to validated addresses', async () => {
    const [o] = sampleOffers(NOW);
    const hostile = {
      ...o!,
      key: 'evil',
      author: 'x"><img src=x onerror=alert(1)>',
      text: '<img src=x onerror="alert(1)"><script>alert(2)</script> bed in Genk',
      statusId: '1 onmouseover=alert(1)',
      contact: { dm: false, phones: ['javascript:alert(1)'], address: null, handles: ['evil.com/x'] },
    };
    const { container } = render(<Board backend={createMemoryBackend({ offers: [hostile] })} now={now} />);
    expect(await screen.findByText(/<script>alert\(2\)<\/script> bed in Genk/)).toBeTruthy();
    expect(container.querySelector('img, script')).toBeNull();
    const hrefs = [...container.querySelectorAll('a')].map((a) => a.getAttribute('href'));
    expect(hrefs.filter((h) => h && !h.startsWith('https://x.com/') && !h.startsWith('tel:'))).toEqual([]);
    expect(screen.getByText('No link to the tweet')).toBeTruthy();
  });

  it('says when nothing was seen yet, and reloads when the store changes', async () => {
    const backend = await setup({ offers: [] });
    expect(screen.getByText(/No offers seen yet/)).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Export CSV' }).hasAttribute('disabled')).toBe(true);
    backend.external({ offers: sampleOffers(NOW).slice(0, 2) });
    await waitFor(() => expect(items()).toHaveLength(2));
  });

  it('shows a store error without losing the page', async () => {
    const backend = createMemoryBackend({ offers: sampleOffers(NOW) });
    backend.listOffers = async () => {
      throw new Error('database is closed');
    };
    render(<Board backend={backend} now={now} />);
    expect((await screen.findByRole('alert')).textContent).toContain('database is closed');
    expect(screen.getByRole('search', { name: 'Filter offers' })).toBeTruthy();
  });

  it('renders the first hundred and more on demand', async () => {
    const base = sampleOffers(NOW)[0]!;
    const many = Array.from({ length: 130 }, (_, i) => ({ ...base, key: `k${i}`, firstSeenAt: NOW - i * 1000, postedAt: null }));
    await setup({ offers: many });
    expect(items()).toHaveLength(100);
    fireEvent.click(screen.getByRole('button', { name: 'Show more (30 left)' }));
    await waitFor(() => expect(items()).toHaveLength(130));
  });
});

describe('Board: stored in this browser', () => {
  const file = (text: string) => new File([text], 'backup.json', { type: 'application/json' });
  const pick = (f: File) => {
    const input = document.querySelector<HTMLInputElement>('input[type="file"]')!;
    Object.defineProperty(input, 'files', { value: [f], configurable: true });
    fireEvent.change(input);
  };

  it('backs the whole store up to a file that restores into an empty store', async () => {
    await setup();
    fireEvent.click(screen.getByRole('button', { name: 'Back up everything (JSON)' }));
    await screen.findByText('Backup saved: 6 offers with their sightings and counts.');
    await waitFor(() => expect(downloads).toHaveLength(1));
    expect(downloads[0]!.name).toMatch(/^hashtag-triage-backup-2026-03-01-12-00\.json$/);
    const backup = downloads[0]!.text;
    cleanup();

    const empty = await setup({ offers: [] });
    pick(file(backup));
    await screen.findByText('Backup restored: 6 offers added, 0 already stored were merged. Nothing stored was lost.');
    expect(empty.data.offers).toHaveLength(6);
    await screen.findByText('Offers shown: 6 of 6');
  });

  it('says which restored offers the next clean-up removes, as they were last seen longer ago than offers are kept', async () => {
    const old = sampleOffers(NOW).map((o, i) => (i < 2 ? { ...o, lastSeenAt: NOW - 40 * 86_400_000 } : o));
    await setup({ offers: old });
    fireEvent.click(screen.getByRole('button', { name: 'Back up everything (JSON)' }));
    await waitFor(() => expect(downloads).toHaveLength(1));
    const backup = downloads[0]!.text;
    cleanup();
    await setup({ offers: [] });
    pick(file(backup));
    const notice = await screen.findByText(/^Backup restored: 6 offers added/);
    expect(notice.textContent).toContain('2 of them were last seen more than 30 days ago');
  });

  it('refuses a broken file with a clear message and keeps every stored offer', async () => {
    const backend = await setup();
    pick(file('{"format": "something else", "offers": 3'));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toBe('Not done: Import refused: the file is not valid JSON. Nothing was changed.');
    expect(backend.data.offers).toHaveLength(6);
    expect(screen.getByText('Offers shown: 6 of 6')).toBeTruthy();
  });

  it('keeps offers for the number of days the user sets, and ignores an impossible number', async () => {
    const backend = await setup();
    const days = screen.getByRole('spinbutton', { name: 'Days to keep offers not seen again' }) as HTMLInputElement;
    await waitFor(() => expect(days.value).toBe('30'));
    fireEvent.input(days, { target: { value: '7' } });
    fireEvent.change(days, { target: { value: '7' } });
    await waitFor(() => expect(backend.data.settings.retentionDays).toBe(7));
    fireEvent.input(days, { target: { value: '-4' } });
    fireEvent.change(days, { target: { value: '-4' } });
    await waitFor(() => expect(days.value).toBe('7'));
    expect(backend.data.settings.retentionDays).toBe(7);
  });
});
