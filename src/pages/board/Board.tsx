// Offers board: every distinct offer seen, newest first, with filters, text
// search, the user's marks, export of the current view, and the store's
// retention, backup and restore.

import { OFFER_KINDS, type OfferKind, type OfferStatus } from '../../core/types';
import type { Backend } from '../shared/backend';
import { Contact } from '../shared/contact';
import { formatNumber, formatTime, isoTime } from '../shared/format';
import { t } from '../shared/i18n';
import { kindLabel, languageName, statusLabel } from '../shared/labels';
import { profileUrl, tweetUrl } from '../shared/links';
import { storeErrorText } from '../shared/store-error';
import { useStateModule } from '../shared/use-state-module';
import type { ViewOffer } from './board-filter';
import { createBoardState, type BoardState } from './board-state';
import { StoredOffers } from './StoredOffers';

const STATUSES: OfferStatus[] = ['open', 'closed', 'stale'];

export function Board({ backend, now }: { backend: Backend; now?: () => number }) {
  const state = useStateModule(() => createBoardState(backend, now ? { now } : {}));
  const view = state.view.value;
  const shown = view.slice(0, state.limit.value);

  return (
    <main class="page board">
      <header>
        <h1>{t('board_title')}</h1>
        <p class="muted">{t('board_intro')}</p>
      </header>

      <Filters state={state} />

      <div class="toolbar">
        <p class="summary" role="status" aria-live="polite">
          {state.loading.value ? t('common_loading') : t('board_count', formatNumber(view.length), formatNumber(state.offers.value.length))}
        </p>
        <div class="export" role="group" aria-label={t('board_export')}>
          <button type="button" disabled={view.length === 0} onClick={() => state.exportView('csv')}>
            {t('board_exportCsv')}
          </button>
          <button type="button" disabled={view.length === 0} onClick={() => state.exportView('json')}>
            {t('board_exportJson')}
          </button>
        </div>
      </div>

      {state.error.value && (
        <p role="alert" class="error">
          {t('common_errorStore', storeErrorText(state.error.value))}
        </p>
      )}
      {state.markError.value && (
        <p role="alert" class="error">
          {t('board_errorMark', storeErrorText(state.markError.value))}
        </p>
      )}

      {!state.loading.value && state.offers.value.length === 0 && <p class="empty">{t('board_emptyStore')}</p>}
      {!state.loading.value && state.offers.value.length > 0 && view.length === 0 && <p class="empty">{t('board_emptyView')}</p>}

      <ol class="offers">
        {shown.map((o) => (
          <OfferItem key={o.key} offer={o} state={state} />
        ))}
      </ol>
      {view.length > shown.length && (
        <button type="button" class="more" onClick={() => state.showMore()}>
          {t('board_showMore', formatNumber(view.length - shown.length))}
        </button>
      )}
      <StoredOffers state={state} />
      <footer class="muted small">{t('common_localOnly')}</footer>
    </main>
  );
}

function Filters({ state }: { state: BoardState }) {
  const f = state.filter.value;
  return (
    <form class="filters-bar" role="search" aria-label={t('board_filters')} onSubmit={(e) => e.preventDefault()}>
      <label class="field grow">
        <span>{t('board_search')}</span>
        <input type="search" value={f.q} placeholder={t('board_searchPlaceholder')} onInput={(e) => state.setFilter({ q: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span>{t('board_kind')}</span>
        <select value={f.kind} onChange={(e) => state.setFilter({ kind: e.currentTarget.value as OfferKind | '' })}>
          <option value="">{t('board_any')}</option>
          {OFFER_KINDS.map((k) => (
            <option key={k} value={k}>
              {kindLabel(k)}
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('board_place')}</span>
        <select value={f.place} onChange={(e) => state.setFilter({ place: e.currentTarget.value })}>
          <option value="">{t('board_any')}</option>
          {state.places.value.map((p) => (
            <option key={p.value} value={p.value}>
              {p.value} ({formatNumber(p.count)})
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('board_language')}</span>
        <select value={f.lang} onChange={(e) => state.setFilter({ lang: e.currentTarget.value })}>
          <option value="">{t('board_any')}</option>
          {state.langs.value.map((l) => (
            <option key={l.value} value={l.value}>
              {languageName(l.value)} ({formatNumber(l.count)})
            </option>
          ))}
        </select>
      </label>
      <label class="field">
        <span>{t('board_status')}</span>
        <select value={f.status} onChange={(e) => state.setFilter({ status: e.currentTarget.value as OfferStatus | '' })}>
          <option value="">{t('board_any')}</option>
          {STATUSES.map((s) => (
            <option key={s} value={s}>
              {statusLabel(s)}
            </option>
          ))}
        </select>
      </label>
      <label class="check">
        <input type="checkbox" checked={f.hideTaken} onChange={(e) => state.setFilter({ hideTaken: e.currentTarget.checked })} />
        <span>{t('board_hideTaken')}</span>
      </label>
      <button type="button" onClick={() => state.clearFilter()}>
        {t('board_clear')}
      </button>
    </form>
  );
}

function OfferItem({ offer: o, state }: { offer: ViewOffer; state: BoardState }) {
  const url = tweetUrl(o.author, o.statusId);
  const profile = profileUrl(o.author);
  const titleId = `offer-${o.key.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  return (
    <li>
      <article class={`offer status-${o.effective}${o.taken ? ' taken' : ''}`} aria-labelledby={titleId}>
        <header class="offer-head">
          <h2 id={titleId} class="offer-title">
            <span class="kind">{kindLabel(o.kind)}</span>
            {o.author && (
              <>
                {' · '}
                {profile ? (
                  <a href={profile} target="_blank" rel="noopener noreferrer">
                    @{o.author}
                  </a>
                ) : (
                  <span>@{o.author}</span>
                )}
              </>
            )}
          </h2>
          <span class={`badge status ${o.effective}`}>{statusLabel(o.effective)}</span>
          {o.contacted && <span class="badge mark">{t('board_markedContacted')}</span>}
          {o.taken && <span class="badge mark">{t('board_markedTaken')}</span>}
        </header>
        <p class="text" lang={o.lang ?? undefined} dir="auto">
          {o.text}
        </p>
        <dl class="facts">
          <div>
            <dt>{t('board_firstPosted')}</dt>
            <dd>
              <time dateTime={isoTime(o.postedAt ?? o.firstSeenAt)}>{formatTime(o.postedAt ?? o.firstSeenAt)}</time>
            </dd>
          </div>
          <div>
            <dt>{t('board_reposts')}</dt>
            <dd>{formatNumber(o.reposts)}</dd>
          </div>
          <div>
            <dt>{t('board_places')}</dt>
            <dd>{o.places.length ? o.places.join(', ') : <span class="muted">{t('board_unknown')}</span>}</dd>
          </div>
          <div>
            <dt>{t('board_capacity')}</dt>
            <dd>{o.capacity === null ? <span class="muted">{t('board_unknown')}</span> : formatNumber(o.capacity)}</dd>
          </div>
          <div class="wide">
            <dt>{t('board_contact')}</dt>
            <dd>
              <Contact contact={o.contact} />
            </dd>
          </div>
        </dl>
        <div class="actions">
          {url ? (
            <a class="open" href={url} target="_blank" rel="noopener noreferrer">
              {t('board_openTweet')}
            </a>
          ) : (
            <span class="muted small">{t('board_noLink')}</span>
          )}
          <button type="button" aria-pressed={o.contacted} onClick={() => void state.mark(o.key, 'contacted', !o.contacted)}>
            {o.contacted && <span aria-hidden="true">✓ </span>}
            {t('board_markContacted')}
          </button>
          <button type="button" aria-pressed={o.taken} onClick={() => void state.mark(o.key, 'taken', !o.taken)}>
            {o.taken && <span aria-hidden="true">✓ </span>}
            {t('board_markTaken')}
          </button>
        </div>
      </article>
    </li>
  );
}
