// What the host page shows for one offer, computed from the snapshots of
// counts and the sightings the store kept. Pure.

import type { TweetCounts } from '../../core/types';
import type { HostOffer } from '../shared/backend';

export const METRICS = ['views', 'reposts', 'replies', 'likes'] as const;
export type Metric = (typeof METRICS)[number];

export interface Point {
  at: number;
  value: number;
}

export interface ViaCount {
  /** Account whose native repost carried the offer; null without one (the host's tweet, a copy or a quote). */
  via: string | null;
  count: number;
  lastAt: number;
}

export interface HostSummary {
  latest: Partial<Record<Metric, number>>;
  series: Record<Metric, Point[]>;
  /** Time range covered by the snapshots; null when there are none. */
  span: { from: number; to: number } | null;
  timesSeen: number;
  via: ViaCount[];
  firstSeen: number | null;
  lastSeen: number | null;
}

function value(counts: TweetCounts, m: Metric): number | undefined {
  const v = counts[m];
  return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : undefined;
}

export function summarise(offer: HostOffer): HostSummary {
  const snaps = offer.snapshots.filter((s) => Number.isFinite(s.at)).sort((a, b) => a.at - b.at);
  const series = { views: [], reposts: [], replies: [], likes: [] } as Record<Metric, Point[]>;
  const latest: Partial<Record<Metric, number>> = {};
  for (const s of snaps) {
    for (const m of METRICS) {
      const v = value(s.counts, m);
      if (v === undefined) continue;
      series[m].push({ at: s.at, value: v });
      latest[m] = v;
    }
  }
  const first = snaps[0];
  const last = snaps[snaps.length - 1];

  const byVia = new Map<string, ViaCount>();
  for (const s of offer.sightings) {
    const key = s.via === null ? '' : s.via.toLowerCase();
    const v = byVia.get(key);
    if (v) {
      v.count += 1;
      v.lastAt = Math.max(v.lastAt, s.at);
    } else byVia.set(key, { via: s.via, count: 1, lastAt: s.at });
  }
  const via = [...byVia.values()].sort((a, b) => b.count - a.count || b.lastAt - a.lastAt);
  let firstSeen: number | null = null;
  let lastSeen: number | null = null;
  for (const { at } of offer.sightings) {
    if (!Number.isFinite(at)) continue;
    firstSeen = firstSeen === null ? at : Math.min(firstSeen, at);
    lastSeen = lastSeen === null ? at : Math.max(lastSeen, at);
  }

  return {
    latest,
    series,
    span: first && last ? { from: first.at, to: last.at } : null,
    timesSeen: offer.sightings.length,
    via,
    firstSeen,
    lastSeen,
  };
}
