// Localised names of offer kinds, statuses and languages.

import type { OfferKind, OfferStatus } from '../../core/types';
import { t, uiLanguage, type MessageKey } from './i18n';

const KIND: Record<OfferKind, MessageKey> = {
  shelter: 'kind_shelter',
  shower: 'kind_shower',
  transport: 'kind_transport',
  food: 'kind_food',
  charging: 'kind_charging',
  clothes: 'kind_clothes',
  goods: 'kind_goods',
  hands: 'kind_hands',
  other: 'kind_other',
};

const STATUS: Record<OfferStatus, MessageKey> = {
  open: 'status_open',
  closed: 'status_closed',
  stale: 'status_stale',
};

export const kindLabel = (k: OfferKind): string => (KIND[k] ? t(KIND[k]) : k);
export const statusLabel = (s: OfferStatus): string => (STATUS[s] ? t(STATUS[s]) : s);

/** "Nederlands" / "Dutch" for "nl"; the code itself when the browser cannot name it. */
export function languageName(code: string): string {
  try {
    return new Intl.DisplayNames([uiLanguage()], { type: 'language' }).of(code) ?? code;
  } catch {
    return code;
  }
}
