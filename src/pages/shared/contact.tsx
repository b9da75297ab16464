// How to reach the author of an offer. Phone numbers and handles become links
// only when they are made of the characters they may contain.

import { Fragment } from 'preact';
import type { OfferContact } from '../../core/types';
import { t } from './i18n';
import { profileUrl } from './links';

const PHONE = /^\+?[0-9][0-9 ().\-/]{4,24}$/;

export function telUrl(phone: string): string | null {
  return PHONE.test(phone.trim()) ? `tel:${phone.replace(/[^0-9+]/g, '')}` : null;
}

export function Contact({ contact }: { contact: OfferContact }) {
  const parts = [
    ...contact.phones.map((p) => {
      const href = telUrl(p);
      return href ? (
        <a key={`p${p}`} href={href}>
          {p}
        </a>
      ) : (
        <span key={`p${p}`}>{p}</span>
      );
    }),
    ...contact.handles.map((h) => {
      const href = profileUrl(h.replace(/^@/, ''));
      return href ? (
        <a key={`h${h}`} href={href} target="_blank" rel="noopener noreferrer">
          @{h.replace(/^@/, '')}
        </a>
      ) : (
        <span key={`h${h}`}>{h}</span>
      );
    }),
    ...(contact.address ? [<span key="addr">{contact.address}</span>] : []),
    ...(contact.dm ? [<span key="dm">{t('board_contactDm')}</span>] : []),
  ];
  if (!parts.length) return <span class="muted">{t('board_contactNone')}</span>;
  return (
    <span class="contact">
      {parts.map((p, i) => (
        <Fragment key={i}>
          {i > 0 && ', '}
          {p}
        </Fragment>
      ))}
    </span>
  );
}
