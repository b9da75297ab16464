// Numbers, dates and durations in the page's language.

import { uiLanguage } from './i18n';

export function formatNumber(n: number): string {
  return new Intl.NumberFormat(uiLanguage()).format(n);
}

/** Date and time, short; "" when unknown or invalid. */
export function formatTime(t: string | number | null | undefined): string {
  if (t === null || t === undefined || t === '') return '';
  const d = new Date(t);
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(uiLanguage(), { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** ISO string for <time datetime>, "" when invalid. */
export function isoTime(t: string | number | null | undefined): string {
  if (t === null || t === undefined || t === '') return '';
  const d = new Date(t);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString();
}
