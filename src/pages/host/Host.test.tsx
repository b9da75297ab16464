// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../extension/_locales/en/messages.json';
import de from '../../../extension/_locales/de/messages.json';
import { useCatalog } from '../shared/i18n';
import { createMemoryBackend, type MemoryData } from '../shared/memory-backend';
import { sampleHostOffers } from '../shared/sample-data';
import { valueOf } from '../shared/test-dom';
import { Host } from './Host';

const NOW = Date.parse('2026-03-01T12:00:00Z');

afterEach(() => {
  cleanup();
  useCatalog(en);
});

function setup(data: MemoryData = { hostOffers: sampleHostOffers(NOW) }) {
  const backend = createMemoryBackend(data);
  render(<Host backend={backend} />);
  return backend;
}

async function ask(handles: string) {
  fireEvent.input(screen.getByRole('textbox', { name: 'Your handle(s) on X' }), { target: { value: handles } });
  fireEvent.click(screen.getByRole('button', { name: 'Show' }));
}

describe('Host page', () => {
  it('says plainly where the numbers come from and that nothing is sent', () => {
    setup();
    const box = screen.getByRole('region', { name: 'Where these numbers come from' });
    expect(box.textContent).toContain('the counts X itself shows');
    expect(box.textContent).toContain('Nothing is sent anywhere');
  });

  it("shows each of the host's offers with its latest counts, a chart and who carried it", async () => {
    const backend = setup();
    await ask('@LindeVH');
    const heading = await screen.findByRole('heading', { name: 'Offers by @LindeVH seen in this browser: 2' });
    expect(heading).toBeTruthy();
    expect(backend.data.hostHandles).toEqual(['LindeVH']);

    const [main] = screen.getAllByRole('article');
    const tiles = within(main!).getAllByRole('definition').map((d) => d.textContent);
    expect(tiles.slice(0, 4)).toEqual(['4,800', '57', '12', '40']);
    const charts = within(main!).getAllByRole('img');
    expect(charts).toHaveLength(4);
    expect(charts[0]!.getAttribute('aria-label')).toMatch(/^Views: from 120 to 4,800, between /);
    expect(charts[0]!.querySelector('polyline')?.getAttribute('points')?.split(' ')).toHaveLength(5);
    expect(within(main!).getByText('Times it came by in timelines read here: 10')).toBeTruthy();
    const via = within(main!).getAllByRole('listitem').map((li) => li.textContent);
    expect(via).toEqual(['Reposted by @hasseltinfo: 5×', 'Your tweet, or a copy of it: 3×', 'Reposted by @pukkelhulp: 2×']);
    expect(within(main!).getByRole('link', { name: 'Reposted by @hasseltinfo' }).getAttribute('href')).toBe('https://x.com/hasseltinfo');
    expect(within(main!).getByRole('link', { name: 'Open on X' }).getAttribute('href')).toBe('https://x.com/lindevh/status/1900000000000000101');
    // The numbers are also there as a table.
    const rows = within(main!).getAllByRole('row');
    expect(rows).toHaveLength(6);
  });

  it('remembers the handles and shows their offers on the next visit', async () => {
    setup({ hostOffers: sampleHostOffers(NOW), hostHandles: ['lindevh'] });
    expect(await screen.findByRole('heading', { name: 'Offers by @lindevh seen in this browser: 2' })).toBeTruthy();
    expect(valueOf(screen.getByRole('textbox', { name: 'Your handle(s) on X' }))).toBe('@lindevh');
  });

  it('says when nothing by these accounts was seen', async () => {
    setup();
    await ask('someone_else, @another');
    expect(await screen.findByRole('heading', { name: 'Offers by @someone_else, @another seen in this browser: 0' })).toBeTruthy();
    expect(screen.getByText(/No offer by these accounts has been seen/)).toBeTruthy();
  });

  it('refuses input without a valid handle and says why', async () => {
    const backend = setup();
    await ask('<script>, @');
    expect(await screen.findByText('Enter at least one handle: 1 to 15 letters, digits or _.')).toBeTruthy();
    expect(screen.getByRole('textbox', { name: 'Your handle(s) on X' }).getAttribute('aria-invalid')).toBe('true');
    expect(backend.data.hostHandles).toEqual([]);
  });

  it('says when there is a single snapshot', async () => {
    setup();
    await ask('lindevh');
    await screen.findAllByRole('article');
    expect(screen.getAllByText(/^One snapshot, /)).toHaveLength(1);
    expect(screen.getAllByText(/^Snapshots from /)).toHaveLength(1);
  });

  it('copes with an offer X showed no counts for', async () => {
    const [main] = sampleHostOffers(NOW);
    setup({ hostOffers: [{ ...main!, snapshots: [], sightings: [] }] });
    await ask('lindevh');
    expect(await screen.findByText('X showed no counts for this tweet yet.')).toBeTruthy();
    expect(screen.getByText('Not seen in a timeline yet.')).toBeTruthy();
  });

  it('speaks German with the German catalogue', async () => {
    useCatalog(de);
    setup();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Wurde mein Angebot gesehen?');
    fireEvent.input(screen.getByRole('textbox', { name: 'Ihr Benutzername (oder mehrere) auf X' }), { target: { value: 'lindevh' } });
    fireEvent.click(screen.getByRole('button', { name: 'Anzeigen' }));
    await waitFor(() => expect(screen.getAllByRole('article')).toHaveLength(2));
    // Numbers follow the language too.
    expect(screen.getAllByRole('definition')[0]?.textContent).toBe('4.800');
  });
});
