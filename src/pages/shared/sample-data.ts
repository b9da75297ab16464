// Invented sample data for the pages' tests and screenshots: offers in the
// four languages the extension speaks, with times relative to `now`.

import type { TabStatus } from '../../shared/messages';
import type { OfferContact } from '../../core/types';
import type { BoardOffer, HostOffer } from './backend';

const MIN = 60_000;
const HOUR = 60 * MIN;

const contact = (c: Partial<OfferContact> = {}): OfferContact => ({ dm: false, phones: [], address: null, handles: [], ...c });

export function sampleOffers(now: number): BoardOffer[] {
  const at = (hoursAgo: number) => now - hoursAgo * HOUR;
  const iso = (hoursAgo: number) => new Date(at(hoursAgo)).toISOString();
  return [
    {
      key: 'k-lindevh-kiewit',
      statusId: '1900000000000000101',
      author: 'lindevh',
      text: 'Wij hebben plaats voor 4 personen in Kiewit, met douche en ontbijt. Stuur een DM of bel 0470 12 34 56 #hasselthelpt',
      lang: 'nl',
      kind: 'shelter',
      capacity: 4,
      places: ['Kiewit'],
      contact: contact({ dm: true, phones: ['0470 12 34 56'] }),
      status: 'open',
      postedAt: iso(1.5),
      firstSeenAt: at(1.4),
      lastSeenAt: at(0.1),
      reposts: 10,
      contacted: false,
      taken: false,
    },
    {
      key: 'k-claire-liege',
      statusId: '1900000000000000102',
      author: 'claire_lg',
      text: 'Je peux héberger 2 personnes à Liège ce soir, matelas et café. Écrivez-moi en MP. #PorteOuverte',
      lang: 'fr',
      kind: 'shelter',
      capacity: 2,
      places: ['Liège'],
      contact: contact({ dm: true }),
      status: 'open',
      postedAt: iso(2.2),
      firstSeenAt: at(2),
      lastSeenAt: at(0.5),
      reposts: 4,
      contacted: true,
      taken: false,
    },
    {
      key: 'k-jonas-aachen',
      statusId: '1900000000000000103',
      author: 'jonas_ac',
      text: 'Fahre um 22 Uhr von Hasselt nach Aachen, 3 Plätze frei. Meldet euch per DM! #hasselthelpt',
      lang: 'de',
      kind: 'transport',
      capacity: 3,
      places: ['Hasselt', 'Aachen'],
      contact: contact({ dm: true }),
      status: 'open',
      postedAt: iso(3),
      firstSeenAt: at(2.9),
      lastSeenAt: at(1),
      reposts: 2,
      contacted: false,
      taken: false,
    },
    {
      key: 'k-kiewitcafe-charging',
      statusId: '1900000000000000104',
      author: 'kiewitcafe',
      text: 'Free phone charging and hot soup at the community hall, Kempische Steenweg 12, Hasselt, until midnight #hasselthelpt',
      lang: 'en',
      kind: 'charging',
      capacity: null,
      places: ['Hasselt'],
      contact: contact({ address: 'Kempische Steenweg 12, Hasselt' }),
      status: 'open',
      postedAt: iso(4),
      firstSeenAt: at(3.8),
      lastSeenAt: at(0.3),
      reposts: 23,
      contacted: false,
      taken: false,
    },
    {
      key: 'k-famgenk-closed',
      statusId: '1900000000000000105',
      author: 'famgenk',
      text: 'VOLZET nu, bedankt iedereen! Onze 6 slaapplaatsen in Genk zijn allemaal bezet.',
      lang: 'nl',
      kind: 'shelter',
      capacity: 6,
      places: ['Genk'],
      contact: contact({ handles: ['famgenk'] }),
      status: 'closed',
      postedAt: iso(5),
      firstSeenAt: at(4.5),
      lastSeenAt: at(2),
      reposts: 31,
      contacted: false,
      taken: true,
    },
    {
      key: 'k-herk-room',
      statusId: '1900000000000000106',
      author: 'tom_herk',
      text: 'Spare room in Herk-de-Stad for one person tonight, DM me',
      lang: 'en',
      kind: 'shelter',
      capacity: 1,
      places: ['Herk-de-Stad'],
      contact: contact({ dm: true }),
      status: 'open',
      postedAt: iso(20),
      firstSeenAt: at(19),
      lastSeenAt: at(6),
      reposts: 5,
      contacted: false,
      taken: false,
    },
  ];
}

export function sampleHostOffers(now: number): HostOffer[] {
  const at = (hoursAgo: number) => now - hoursAgo * HOUR;
  const snapshots = [
    { h: 1.4, views: 120, reposts: 3, replies: 1, likes: 5 },
    { h: 1.1, views: 640, reposts: 12, replies: 2, likes: 11 },
    { h: 0.8, views: 1_900, reposts: 29, replies: 5, likes: 22 },
    { h: 0.4, views: 3_350, reposts: 44, replies: 9, likes: 31 },
    { h: 0.1, views: 4_800, reposts: 57, replies: 12, likes: 40 },
  ].map(({ h, ...counts }) => ({ at: at(h), counts }));
  const via: [number, string | null][] = [
    [1.4, null],
    [1.2, 'hasseltinfo'],
    [1.0, 'hasseltinfo'],
    [0.9, 'pukkelhulp'],
    [0.7, 'hasseltinfo'],
    [0.5, null],
    [0.4, 'hasseltinfo'],
    [0.3, 'pukkelhulp'],
    [0.2, 'hasseltinfo'],
    [0.1, null],
  ];
  return [
    {
      key: 'k-lindevh-kiewit',
      statusId: '1900000000000000101',
      author: 'lindevh',
      text: 'Wij hebben plaats voor 4 personen in Kiewit, met douche en ontbijt. Stuur een DM of bel 0470 12 34 56 #hasselthelpt',
      postedAt: new Date(at(1.5)).toISOString(),
      snapshots,
      sightings: via.map(([h, v]) => ({ at: at(h), via: v })),
    },
    {
      key: 'k-lindevh-shower',
      statusId: '1900000000000000107',
      author: 'lindevh',
      text: 'Douche beschikbaar tot 23u in Kiewit, handdoeken liggen klaar. #hasselthelpt',
      postedAt: new Date(at(0.6)).toISOString(),
      snapshots: [{ at: at(0.5), counts: { views: 210, reposts: 4, replies: 0, likes: 6 } }],
      sightings: [{ at: at(0.5), via: null }],
    },
  ];
}

export function sampleTabStatus(now: number, healthy = true): TabStatus {
  return {
    url: 'https://x.com/hashtag/hasselthelpt?src=hashtag_click&f=live',
    active: true,
    hidden: { sympathy: 37, repeat: 112, seen: 0, stale: 4, offtopic: 2 },
    tagged: 311,
    health: { ok: healthy, failing: healthy ? [] : ['tweetText'], checkedAt: now },
  };
}
