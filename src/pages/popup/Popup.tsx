// The toolbar popup: master switch, one switch per filter with what it hid on
// this tab, the crisis hashtags, a warning when the page check fails, links
// to the two pages. Every change is saved at once and reaches open tabs.

import { useEffect, useState } from 'preact/hooks';
import { FILTERS, type FilterName } from '../../core/settings';
import { CORE_FAILING } from '../../shared/messages';
import type { Backend } from '../shared/backend';
import { formatNumber } from '../shared/format';
import { t, type MessageKey } from '../shared/i18n';
import { NumberField } from '../shared/NumberField';
import { Switch } from '../shared/Switch';
import { useStateModule } from '../shared/use-state-module';
import { createPopupState, type PopupState } from './popup-state';

const FILTER_LABEL: Record<FilterName, MessageKey> = {
  sympathy: 'popup_filterSympathy',
  repeat: 'popup_filterRepeat',
  seen: 'popup_filterSeen',
  stale: 'popup_filterStale',
  offtopic: 'popup_filterOfftopic',
};

export function Popup({ backend, pollMs }: { backend: Backend; pollMs?: number }) {
  const state = useStateModule(() => createPopupState(backend, pollMs === undefined ? {} : { pollMs }));
  const s = state.settings.value;
  const [shortcut, setShortcut] = useState<string | null>(null);
  useEffect(() => {
    backend.shortcut().then(setShortcut, () => setShortcut(null));
  }, [backend]);

  if (!s) {
    return (
      <main class="popup">
        <h1>{t('extName')}</h1>
        {state.error.value ? <p role="alert" class="error">{t('common_errorSettings', state.error.value)}</p> : <p>{t('common_loading')}</p>}
      </main>
    );
  }

  return (
    <main class="popup">
      <header class="popup-head">
        <h1>{t('extName')}</h1>
        <Switch checked={s.enabled} onChange={(on) => void state.setEnabled(on)} describedBy="master-help">
          <strong>{t('popup_master')}</strong>
        </Switch>
        <p id="master-help" class="muted small">
          {shortcut ? t('popup_shortcutHelp', shortcut) : t('popup_masterHelp')}
        </p>
      </header>

      {state.error.value && (
        <p role="alert" class="error">
          {t('common_errorSettings', state.error.value)}
        </p>
      )}
      <HealthWarning state={state} />
      <StoreWarning state={state} />
      <TabLine state={state} />

      <fieldset class={s.enabled ? 'filters' : 'filters off'}>
        <legend>{t('popup_filters')}</legend>
        <ul>
          {FILTERS.map((f) => (
            <FilterRow key={f} state={state} name={f} />
          ))}
        </ul>
      </fieldset>

      <Hashtags state={state} />

      <nav class="links" aria-label={t('popup_pages')}>
        <a href="board.html" target="_blank" rel="noopener">
          {t('board_title')}
        </a>
        <a href="host.html" target="_blank" rel="noopener">
          {t('host_title')}
        </a>
      </nav>
    </main>
  );
}

/** The offers store is full: offers seen wait in memory, and the user can make room. */
function StoreWarning({ state }: { state: PopupState }) {
  const trouble = state.status.value?.store;
  if (!trouble) return null;
  return (
    <div role="alert" class="warning">
      <strong>{t('popup_storeTitle')}</strong> {t('popup_storeFull')}
      {trouble.waiting > 0 && <> {t('popup_storeWaiting', formatNumber(trouble.waiting))}</>}
      {trouble.lost > 0 && <> {t('popup_storeLost', formatNumber(trouble.lost))}</>}
    </div>
  );
}

function HealthWarning({ state }: { state: PopupState }) {
  const health = state.status.value?.health;
  if (!health || health.ok) return null;
  // The core could not be built: nothing on the page is sorted, whatever its layout.
  if (health.failing.includes(CORE_FAILING)) {
    return (
      <div role="alert" class="warning">
        <strong>{t('popup_healthTitle')}</strong> {t('popup_coreFailed')}
      </div>
    );
  }
  return (
    <div role="alert" class="warning">
      <strong>{t('popup_healthTitle')}</strong> {t('popup_healthBody')}
      {health.failing.length > 0 && <span class="muted small"> ({health.failing.join(', ')})</span>}
    </div>
  );
}

function TabLine({ state }: { state: PopupState }) {
  const st = state.status.value;
  if (!state.tab.value || !st) return <p class="muted small">{t('popup_noTab')}</p>;
  if (!st.active) return <p class="muted small">{t('popup_tabInactive')}</p>;
  return <p class="muted small">{t('popup_tabActive', formatNumber(st.tagged))}</p>;
}

function FilterRow({ state, name }: { state: PopupState; name: FilterName }) {
  const s = state.settings.value;
  if (!s) return null;
  const hidden = state.status.value?.hidden[name];
  const countId = `hidden-${name}`;
  return (
    <li class="filter-row">
      <Switch checked={s.filters[name]} onChange={(on) => void state.setFilter(name, on)} describedBy={countId}>
        {t(FILTER_LABEL[name])}
      </Switch>
      {name === 'stale' && <StaleHours state={state} />}
      <span id={countId} class="count muted small">
        {hidden === undefined ? '' : t('popup_hiddenCount', formatNumber(hidden))}
      </span>
    </li>
  );
}

function StaleHours({ state }: { state: PopupState }) {
  return (
    <NumberField
      class="stale-hours"
      value={state.settings.value?.staleHours ?? 12}
      min={1}
      max={720}
      label={t('popup_staleHoursLabel')}
      before={t('popup_staleOlderThan')}
      after={t('popup_hours')}
      onCommit={(n) => void state.setStaleHours(n)}
    />
  );
}

function Hashtags({ state }: { state: PopupState }) {
  const s = state.settings.value;
  const [draft, setDraft] = useState('');
  const [invalid, setInvalid] = useState(false);
  if (!s) return null;
  const tag = state.pageTag.value;

  const add = async (e: Event) => {
    e.preventDefault();
    const ok = await state.addHashtag(draft);
    setInvalid(!ok);
    if (ok) setDraft('');
  };

  return (
    <section class="hashtags" aria-labelledby="hashtags-title">
      <h2 id="hashtags-title">{t('popup_hashtags')}</h2>
      {tag &&
        (state.pageTagListed.value && s.enabled ? (
          <p class="small">{t('popup_pageOn', tag)}</p>
        ) : (
          <button type="button" class="primary page-on" onClick={() => void state.enableForPage()}>
            {t('popup_turnOnPage', tag)}
          </button>
        ))}
      {s.hashtags.length === 0 ? (
        <p class="muted small">{t('popup_noHashtags')}</p>
      ) : (
        <ul class="tags">
          {s.hashtags.map((h) => (
            <li key={h}>
              <span>#{h}</span>
              <button type="button" class="remove" aria-label={t('popup_removeHashtag', h)} title={t('popup_removeHashtag', h)} onClick={() => void state.removeHashtag(h)}>
                ×
              </button>
            </li>
          ))}
        </ul>
      )}
      <form class="add-tag" onSubmit={add}>
        <label for="new-tag" class="visually-hidden">
          {t('popup_addHashtagLabel')}
        </label>
        <input
          id="new-tag"
          type="text"
          value={draft}
          placeholder={t('popup_addHashtagPlaceholder')}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'new-tag-error' : undefined}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            setInvalid(false);
          }}
        />
        <button type="submit">{t('popup_add')}</button>
      </form>
      {invalid && (
        <p id="new-tag-error" class="error small">
          {t('popup_hashtagInvalid')}
        </p>
      )}
      <Switch checked={s.everywhere} onChange={(on) => void state.setEverywhere(on)}>
        {t('popup_everywhere')}
      </Switch>
    </section>
  );
}
