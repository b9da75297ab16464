// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/preact';
import { afterEach, describe, expect, it } from 'vitest';
import en from '../../../extension/_locales/en/messages.json';
import fr from '../../../extension/_locales/fr/messages.json';
import { CORE_FAILING } from '../../shared/messages';
import { useCatalog } from '../shared/i18n';
import { createMemoryBackend, type MemoryData } from '../shared/memory-backend';
import { sampleTabStatus } from '../shared/sample-data';
import { description, isChecked, valueOf } from '../shared/test-dom';
import { Popup } from './Popup';

const NOW = Date.parse('2026-03-01T12:00:00Z');
const onHashtagPage = (): MemoryData => ({
  tab: { id: 7, url: 'https://x.com/hashtag/hasselthelpt?f=live' },
  status: sampleTabStatus(NOW),
});

afterEach(() => {
  cleanup();
  useCatalog(en);
});

async function setup(data: MemoryData = onHashtagPage()) {
  const backend = createMemoryBackend(data);
  render(<Popup backend={backend} pollMs={20} />);
  await screen.findByRole('switch', { name: 'Filter crisis hashtags' });
  return backend;
}

describe('Popup', () => {
  it('shows the master switch and one labelled switch per filter, from the stored settings', async () => {
    await setup({ ...onHashtagPage(), settings: { version: 1, enabled: false, filters: { seen: true } } });
    expect(isChecked(screen.getByRole('switch', { name: 'Filter crisis hashtags' }))).toBe(false);
    for (const name of ['Sympathy-only messages', 'Repeats of a message already shown', 'Offers seen on an earlier visit', 'Stale offers', 'Off-topic, spam and ads']) {
      expect(screen.getByRole('switch', { name })).toBeTruthy();
    }
    expect(isChecked(screen.getByRole('switch', { name: 'Offers seen on an earlier visit' }))).toBe(true);
    expect(isChecked(screen.getByRole('switch', { name: 'Off-topic, spam and ads' }))).toBe(false);
  });

  it('saves a change at once', async () => {
    const backend = await setup();
    fireEvent.click(screen.getByRole('switch', { name: 'Filter crisis hashtags' }));
    await waitFor(() => expect(backend.data.settings.enabled).toBe(false));
    fireEvent.click(screen.getByRole('switch', { name: 'Off-topic, spam and ads' }));
    await waitFor(() => expect(backend.data.settings.filters.offtopic).toBe(true));
    fireEvent.click(screen.getByRole('switch', { name: 'Sympathy-only messages' }));
    await waitFor(() => expect(backend.data.settings.filters.sympathy).toBe(false));
    expect(isChecked(screen.getByRole('switch', { name: 'Sympathy-only messages' }))).toBe(false);
  });

  it('shows how many tweets each filter hid on this tab, and follows new reports', async () => {
    const backend = await setup();
    const repeat = screen.getByRole('switch', { name: 'Repeats of a message already shown' });
    await waitFor(() => expect(description(repeat)).toBe('112 hidden'));
    expect(description(screen.getByRole('switch', { name: 'Sympathy-only messages' }))).toBe('37 hidden');
    expect(screen.getByText('Tweets sorted on this tab: 311')).toBeTruthy();
    backend.external({ status: { ...sampleTabStatus(NOW), hidden: { sympathy: 40, repeat: 120, seen: 1, stale: 4, offtopic: 2 } } });
    await waitFor(() => expect(description(repeat)).toBe('120 hidden'));
  });

  it('sets the stale limit in hours', async () => {
    const backend = await setup();
    const hours = screen.getByRole('spinbutton', { name: 'Hours after which an offer is stale' });
    expect(valueOf(hours)).toBe('12');
    fireEvent.input(hours, { target: { value: '6' } });
    fireEvent.change(hours, { target: { value: '6' } });
    await waitFor(() => expect(backend.data.settings.staleHours).toBe(6));
    fireEvent.input(hours, { target: { value: 'abc' } });
    fireEvent.change(hours, { target: { value: 'abc' } });
    await waitFor(() => expect(valueOf(hours)).toBe('6'));
    expect(backend.data.settings.staleHours).toBe(6);
  });

  it('adds and removes hashtags', async () => {
    const backend = await setup();
    const field = screen.getByRole('textbox', { name: 'Hashtag to add' });
    fireEvent.input(field, { target: { value: '#Watersnood ' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    await waitFor(() => expect(backend.data.settings.hashtags).toContain('Watersnood'));
    expect(await screen.findByText('#Watersnood')).toBeTruthy();
    expect(valueOf(field)).toBe('');

    fireEvent.input(field, { target: { value: '###' } });
    fireEvent.click(screen.getByRole('button', { name: 'Add' }));
    expect(await screen.findByText('Type a hashtag made of letters, digits or _.')).toBeTruthy();
    expect(field.getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Remove #BostonHelp' }));
    await waitFor(() => expect(backend.data.settings.hashtags).not.toContain('BostonHelp'));
    expect(screen.queryByText('#BostonHelp')).toBeNull();
  });

  it('turns the filters on for the current page', async () => {
    const backend = await setup({
      settings: { version: 1, enabled: false, hashtags: ['hasselthelpt'] },
      tab: { id: 3, url: 'https://x.com/search?q=%23Hochwasser&f=live' },
      status: { ...sampleTabStatus(NOW), url: 'https://x.com/search?q=%23Hochwasser&f=live', active: false },
    });
    expect(await screen.findByText('The filters do not act on this page. Add its hashtag to filter it.')).toBeTruthy();
    fireEvent.click(await screen.findByRole('button', { name: 'Turn on for #Hochwasser' }));
    await waitFor(() => expect(backend.data.settings.hashtags).toEqual(['hasselthelpt', 'Hochwasser']));
    expect(backend.data.settings.enabled).toBe(true);
    expect(await screen.findByText('Filtering is on for #Hochwasser.')).toBeTruthy();
  });

  it('warns when the page check fails', async () => {
    await setup({ ...onHashtagPage(), status: sampleTabStatus(NOW, false) });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Page check failed.');
    expect(alert.textContent).toContain('tweetText');
  });

  it('says so when sorting could not start on a page in scope, instead of calling the page unfiltered', async () => {
    const status = { ...sampleTabStatus(NOW), tagged: 0, health: { ok: false, failing: [CORE_FAILING], checkedAt: NOW } };
    await setup({ ...onHashtagPage(), status });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('The sorting could not start on this tab');
    expect(alert.textContent).not.toContain('layout');
    expect(screen.queryByText('The filters do not act on this page. Add its hashtag to filter it.')).toBeNull();
  });

  it('says when offers are not being saved (a full disk), and how many wait', async () => {
    const store = { error: 'The browser has no room left for the offers store...', quota: true, waiting: 5000, lost: 1200, since: NOW };
    await setup({ ...onHashtagPage(), status: { ...sampleTabStatus(NOW), store } });
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Offers are not being saved.');
    expect(alert.textContent).toContain('keep offers for fewer days');
    expect(alert.textContent).toContain('5,000 sightings wait in memory');
    expect(alert.textContent).toContain('1,200 more were too many to keep');
  });

  it('shows no warning and no counts away from x.com', async () => {
    await setup({ tab: { id: 1, url: '' }, status: null });
    expect(await screen.findByText('Open a crisis hashtag on x.com to see what is hidden there.')).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
    expect(screen.queryByText(/hidden$/)).toBeNull();
  });

  it('follows a change made elsewhere (the keyboard shortcut, another window)', async () => {
    const backend = await setup();
    const master = screen.getByRole('switch', { name: 'Filter crisis hashtags' });
    expect(isChecked(master)).toBe(true);
    backend.external({ settings: { ...backend.data.settings, enabled: false } });
    await waitFor(() => expect(isChecked(master)).toBe(false));
  });

  it('tells the shortcut and links to both pages', async () => {
    await setup();
    expect(await screen.findByText(/Shortcut: Alt\+Shift\+H/)).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Pages' });
    expect(within(nav).getByRole('link', { name: 'Offers board' }).getAttribute('href')).toBe('board.html');
    expect(within(nav).getByRole('link', { name: 'Was my offer seen?' }).getAttribute('href')).toBe('host.html');
  });

  it('keeps what is stored when saving fails, and says so', async () => {
    const backend = createMemoryBackend(onHashtagPage());
    backend.setSettings = async () => {
      throw new Error('QUOTA_BYTES quota exceeded');
    };
    render(<Popup backend={backend} />);
    const master = await screen.findByRole('switch', { name: 'Filter crisis hashtags' });
    fireEvent.click(master);
    expect(await screen.findByText(/QUOTA_BYTES quota exceeded/)).toBeTruthy();
    await waitFor(() => expect(isChecked(master)).toBe(true));
    expect(backend.data.settings.enabled).toBe(true);
  });

  it('speaks French with the French catalogue', async () => {
    useCatalog(fr);
    const backend = createMemoryBackend(onHashtagPage());
    render(<Popup backend={backend} />);
    expect(await screen.findByRole('switch', { name: 'Filtrer les hashtags de crise' })).toBeTruthy();
    expect(screen.getByRole('switch', { name: 'Messages de simple soutien' })).toBeTruthy();
  });
});
