// "Stored in this browser": how long offers are kept, a backup of the whole
// store to a file, and restoring one. A refused file changes nothing and the
// user is told why.

import { useRef } from 'preact/hooks';
import { formatNumber } from '../shared/format';
import { t } from '../shared/i18n';
import { NumberField } from '../shared/NumberField';
import { storeErrorText } from '../shared/store-error';
import type { BoardState, StoreNotice } from './board-state';

const MIN_DAYS = 1;
const MAX_DAYS = 3650;

export function StoredOffers({ state }: { state: BoardState }) {
  const fileInput = useRef<HTMLInputElement>(null);
  return (
    <section class="stored" aria-labelledby="stored-title">
      <h2 id="stored-title">{t('board_storedTitle')}</h2>
      <RetentionDays state={state} />
      <div class="stored-actions">
        <button type="button" disabled={state.busy.value} onClick={() => void state.backup()}>
          {t('board_backup')}
        </button>
        <button type="button" disabled={state.busy.value} onClick={() => fileInput.current?.click()}>
          {t('board_restore')}
        </button>
        <input
          ref={fileInput}
          type="file"
          accept=".json,application/json"
          hidden
          aria-label={t('board_restore')}
          onChange={(e) => {
            const input = e.currentTarget;
            const file = input.files?.[0];
            // Cleared so that picking the same file again runs again.
            input.value = '';
            if (file) void state.restore(file);
          }}
        />
      </div>
      <Notice notice={state.storeNotice.value} />
      {state.settingsError.value && (
        <p role="alert" class="error">
          {t('common_errorSettings', state.settingsError.value)}
        </p>
      )}
    </section>
  );
}

function Notice({ notice }: { notice: StoreNotice | null }) {
  if (!notice) return <p role="status" aria-live="polite" class="notice" />;
  if (notice.kind === 'failed') {
    return (
      <p role="alert" class="error">
        {t('board_storeFailed', storeErrorText(notice.error))}
      </p>
    );
  }
  const text =
    notice.kind === 'restored'
      ? t('board_restored', formatNumber(notice.added), formatNumber(notice.merged)) +
        (notice.old > 0 ? ` ${t('board_restoredOld', formatNumber(notice.old), formatNumber(notice.days))}` : '')
      : t('board_backedUp', formatNumber(notice.offers));
  return (
    <p role="status" aria-live="polite" class="notice">
      {text}
    </p>
  );
}

function RetentionDays({ state }: { state: BoardState }) {
  return (
    <NumberField
      class="retention"
      value={state.retentionDays.value}
      min={MIN_DAYS}
      max={MAX_DAYS}
      label={t('board_keepForLabel')}
      before={t('board_keepFor')}
      after={t('board_days')}
      onCommit={(n) => void state.setRetentionDays(n)}
    />
  );
}
