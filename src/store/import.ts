// Import of a JSON export: the whole file is validated before anything is
// written, then merged in one transaction (all or nothing). Merging never
// loses what is stored: times widen, counts keep the larger, "closed" and the
// user's marks stick, stored text and details stay.

import type { StoredOffer, StoredSighting, StoredSnapshot } from './records';
import { safely, type StoreResult } from './result';
import type { TriageDB } from './schema';
import { validateExport } from './validate';

export interface ImportSummary {
  offersAdded: number;
  offersMerged: number;
  sightingsAdded: number;
  snapshotsAdded: number;
  /** Offers of the file last seen before `keepSince`: the next clean-up removes them (0 without `keepSince`). */
  outsideRetention: number;
}

/** Only the known fields, so nothing foreign rides along into the database. */
function cleanOffer(o: StoredOffer): StoredOffer {
  const d = o.details;
  return {
    key: o.key,
    statusId: o.statusId,
    author: o.author ? o.author.replace(/^@/, '').toLowerCase() : null,
    text: o.text,
    lang: o.lang,
    details: {
      kind: d.kind,
      capacity: d.capacity,
      places: [...d.places],
      contact: { dm: d.contact.dm, phones: [...d.contact.phones], address: d.contact.address, handles: [...d.contact.handles] },
      status: d.status,
      postedAt: d.postedAt,
    },
    status: o.status === 'closed' ? 'closed' : 'open',
    firstPostedAt: o.firstPostedAt,
    firstSeenAt: o.firstSeenAt,
    lastSeenAt: o.lastSeenAt,
    repostsSeen: o.repostsSeen,
    sightings: o.sightings,
    contacted: o.contacted,
    taken: o.taken,
  };
}

export function mergeOffer(stored: StoredOffer, incoming: StoredOffer): StoredOffer {
  const posted = [stored.firstPostedAt, incoming.firstPostedAt].filter((t): t is number => t !== null);
  const closed = stored.status === 'closed' || incoming.status === 'closed';
  return {
    ...stored,
    statusId: stored.statusId ?? incoming.statusId,
    author: stored.author ?? incoming.author,
    status: closed ? 'closed' : 'open',
    details: closed ? { ...stored.details, status: 'closed' } : stored.details,
    firstPostedAt: posted.length ? Math.min(...posted) : null,
    firstSeenAt: Math.min(stored.firstSeenAt, incoming.firstSeenAt),
    lastSeenAt: Math.max(stored.lastSeenAt, incoming.lastSeenAt),
    repostsSeen: Math.max(stored.repostsSeen, incoming.repostsSeen),
    sightings: Math.max(stored.sightings, incoming.sightings),
    contacted: stored.contacted || incoming.contacted,
    taken: stored.taken || incoming.taken,
  };
}

/** `keepSince`: the retention cut-off (epoch ms), to tell how many restored offers the next clean-up removes. */
export async function importJson(db: TriageDB, text: string, keepSince?: number): Promise<StoreResult<ImportSummary>> {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return { ok: false, quota: false, error: `Import refused: the file is not valid JSON (${e instanceof Error ? e.message : String(e)}). Nothing was changed.` };
  }
  const checked = validateExport(data);
  if (!checked.ok) {
    const [first, ...rest] = checked.problems;
    const more = rest.length ? ` (and ${rest.length} more: ${rest.slice(0, 3).join('; ')}${rest.length > 3 ? '; ...' : ''})` : '';
    return { ok: false, quota: false, error: `Import refused: ${first}${more}. Nothing was changed.` };
  }
  const env = checked.value;
  const result = await safely(() =>
    db.transaction('rw', db.offers, db.sightings, db.snapshots, async () => {
      const incoming = env.offers.map(cleanOffer);
      const stored = await db.offers.bulkGet(incoming.map((o) => o.key));
      let merged = 0;
      const rows = incoming.map((o, i) => {
        const s = stored[i];
        if (!s) return o;
        merged += 1;
        return mergeOffer(s, o);
      });
      await db.offers.bulkPut(rows);

      const sightKey = (s: Omit<StoredSighting, 'id'>) => `${s.key}\u0001${s.seenAt}\u0001${s.statusId ?? ''}\u0001${s.via ?? ''}`;
      const sightKeys = [...new Set(env.sightings.map((s) => s.key))];
      const have = new Set((sightKeys.length ? await db.sightings.where('key').anyOf(sightKeys).toArray() : []).map(sightKey));
      const newSightings: StoredSighting[] = [];
      for (const s of env.sightings) {
        const k = sightKey(s);
        if (have.has(k)) continue;
        have.add(k);
        newSightings.push({ key: s.key, statusId: s.statusId, seenAt: s.seenAt, via: s.via ? s.via.toLowerCase() : null });
      }
      await db.sightings.bulkAdd(newSightings);

      const snapKey = (s: Omit<StoredSnapshot, 'id'>) => `${s.statusId}\u0001${s.at}`;
      const snapIds = [...new Set(env.snapshots.map((s) => s.statusId))];
      const haveSnaps = new Set((snapIds.length ? await db.snapshots.where('statusId').anyOf(snapIds).toArray() : []).map(snapKey));
      const newSnaps: StoredSnapshot[] = [];
      for (const s of env.snapshots) {
        const k = snapKey(s);
        if (haveSnaps.has(k)) continue;
        haveSnaps.add(k);
        newSnaps.push({ statusId: s.statusId, at: s.at, counts: { ...s.counts } });
      }
      await db.snapshots.bulkAdd(newSnaps);
      const outsideRetention = keepSince === undefined ? 0 : rows.filter((o) => o.lastSeenAt < keepSince).length;
      return { offersAdded: rows.length - merged, offersMerged: merged, sightingsAdded: newSightings.length, snapshotsAdded: newSnaps.length, outsideRetention };
    }),
  );
  if (!result.ok) return { ...result, error: `Import failed and was undone, nothing was changed. ${result.error}` };
  return result;
}
