// "Was my offer seen?": for hosts. For each of their offers this browser has
// displayed: the counts X showed over time, how often and via which accounts
// it came by, and a small chart. Says where the numbers come from.

import { useState } from 'preact/hooks';
import type { Backend, HostOffer } from '../shared/backend';
import { formatNumber, formatTime, isoTime } from '../shared/format';
import { t } from '../shared/i18n';
import { profileUrl, tweetUrl } from '../shared/links';
import { storeErrorText } from '../shared/store-error';
import { useStateModule } from '../shared/use-state-module';
import { Chart } from './Chart';
import { summarise, type ViaCount } from './host-stats';
import { createHostState, type HostState } from './host-state';

export function Host({ backend }: { backend: Backend }) {
  const state = useStateModule(() => createHostState(backend));
  return (
    <main class="page host">
      <header>
        <h1>{t('host_title')}</h1>
        <p class="muted">{t('host_intro')}</p>
      </header>
      <section class="provenance" aria-labelledby="provenance-title">
        <h2 id="provenance-title">{t('host_sourceTitle')}</h2>
        <p>{t('host_source1')}</p>
        <p>{t('host_source2')}</p>
        <p>
          <strong>{t('host_sourcePrivacy')}</strong>
        </p>
      </section>
      <HandleForm state={state} />
      {state.error.value && (
        <p role="alert" class="error">
          {t('common_errorStore', storeErrorText(state.error.value))}
        </p>
      )}
      <Results state={state} />
      <footer class="muted small">{t('common_localOnly')}</footer>
    </main>
  );
}

function HandleForm({ state }: { state: HostState }) {
  const [draft, setDraft] = useState<string | null>(null);
  const [invalid, setInvalid] = useState(false);
  const value = draft ?? state.handles.value.map((h) => `@${h}`).join(' ');
  const submit = async (e: Event) => {
    e.preventDefault();
    const ok = await state.show(value);
    setInvalid(!ok);
    if (ok) setDraft(null);
  };
  return (
    <form class="handles" onSubmit={submit}>
      <label class="field grow" for="handles">
        <span>{t('host_handlesLabel')}</span>
      </label>
      <div class="row">
        <input
          id="handles"
          type="text"
          value={value}
          placeholder={t('host_handlesPlaceholder')}
          autocomplete="off"
          spellcheck={false}
          aria-invalid={invalid}
          aria-describedby={invalid ? 'handles-help handles-error' : 'handles-help'}
          onInput={(e) => {
            setDraft(e.currentTarget.value);
            setInvalid(false);
          }}
        />
        <button type="submit" class="primary">
          {t('host_show')}
        </button>
      </div>
      <p id="handles-help" class="muted small">
        {t('host_handlesHelp')}
      </p>
      {invalid && (
        <p id="handles-error" class="error small">
          {t('host_handlesInvalid')}
        </p>
      )}
    </form>
  );
}

function Results({ state }: { state: HostState }) {
  const handles = state.handles.value;
  if (state.loading.value && !state.searched.value) return <p role="status">{t('common_loading')}</p>;
  if (!state.searched.value) return null;
  const offers = [...state.offers.value].sort((a, b) => latestSeen(b) - latestSeen(a));
  return (
    <section class="results" aria-labelledby="results-title" aria-busy={state.loading.value}>
      <h2 id="results-title">
        {t('host_found', handles.map((h) => `@${h}`).join(', '), formatNumber(offers.length))}
      </h2>
      {offers.length === 0 && <p class="empty">{t('host_none')}</p>}
      <ol class="host-offers">
        {offers.map((o) => (
          <HostOfferItem key={o.key} offer={o} />
        ))}
      </ol>
    </section>
  );
}

const latestSeen = (o: HostOffer) => o.sightings.reduce((m, s) => Math.max(m, s.at), 0);

function HostOfferItem({ offer }: { offer: HostOffer }) {
  const summary = summarise(offer);
  const url = tweetUrl(offer.author, offer.statusId);
  return (
    <li>
      <article class="host-offer">
        <p class="text" dir="auto">
          {offer.text}
        </p>
        <p class="meta muted small">
          {offer.postedAt && (
            <>
              {t('host_posted')} <time dateTime={isoTime(offer.postedAt)}>{formatTime(offer.postedAt)}</time>
              {' · '}
            </>
          )}
          {url ? (
            <a href={url} target="_blank" rel="noopener noreferrer">
              {t('board_openTweet')}
            </a>
          ) : (
            t('board_noLink')
          )}
        </p>
        <Chart summary={summary} />
        <Sightings times={summary.timesSeen} via={summary.via} first={summary.firstSeen} last={summary.lastSeen} />
      </article>
    </li>
  );
}

function Sightings({ times, via, first, last }: { times: number; via: ViaCount[]; first: number | null; last: number | null }) {
  if (times === 0) return <p class="muted small">{t('host_notSeen')}</p>;
  return (
    <div class="sightings">
      <h3>{t('host_cameBy', formatNumber(times))}</h3>
      {first !== null && last !== null && (
        <p class="muted small">{t('host_seenBetween', formatTime(first), formatTime(last))}</p>
      )}
      <ul>
        {via.map((v) => (
          <li key={v.via ?? ''}>
            {v.via === null ? (
              t('host_viaOwn')
            ) : (
              <ViaAccount handle={v.via} />
            )}
            {': '}
            <strong>{t('host_times', formatNumber(v.count))}</strong>
          </li>
        ))}
      </ul>
    </div>
  );
}

function ViaAccount({ handle }: { handle: string }) {
  const href = profileUrl(handle);
  const text = t('host_viaAccount', handle);
  return href ? (
    <a href={href} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  ) : (
    <span>{text}</span>
  );
}
