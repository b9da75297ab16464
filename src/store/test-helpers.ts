// Builders shared by the store tests.
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import type { SightingInput } from '../shared/messages';
import { openStore, type TriageDB } from './schema';

let n = 0;
const open: TriageDB[] = [];

export function freshStore(): TriageDB {
  const db = openStore(`test-store-${process.pid}-${++n}-${Math.random().toString(36).slice(2)}`);
  open.push(db);
  return db;
}

export async function closeStores(): Promise<void> {
  for (const db of open.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
}

export const T0 = Date.parse('2011-08-18T20:00:00Z');
export const MIN = 60_000;

export function sighting(over: Partial<SightingInput> = {}): SightingInput {
  return {
    key: 'k1',
    statusId: '1001',
    author: 'Lies_V',
    reposter: null,
    text: 'Slaapplaats voor 2 in Hasselt, bel 0470 12 34 56',
    lang: 'nl',
    label: 'offer',
    postedAt: '2011-08-18T19:00:00Z',
    seenAt: T0,
    offer: {
      kind: 'shelter',
      capacity: 2,
      places: ['Hasselt'],
      contact: { dm: false, phones: ['0470 12 34 56'], address: null, handles: [] },
      status: 'open',
      postedAt: '2011-08-18T19:00:00Z',
    },
    counts: { reposts: 10, views: 1000 },
    ...over,
  };
}
