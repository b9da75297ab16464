// A tile per count (views, reposts, replies, likes) with its latest value and
// a small line over a shared time axis: inline SVG drawn by Preact, each with
// its own scale because views are orders of magnitude above the rest. A table
// of the same numbers follows for screen readers and anyone who prefers figures.

import { formatNumber, formatTime } from '../shared/format';
import { t, type MessageKey } from '../shared/i18n';
import { METRICS, type HostSummary, type Metric, type Point } from './host-stats';

export const METRIC_LABEL: Record<Metric, MessageKey> = {
  views: 'host_views',
  reposts: 'host_reposts',
  replies: 'host_replies',
  likes: 'host_likes',
};

const W = 220;
const H = 64;
const PAD = 6;

/** SVG coordinates of the points: x by time over [from, to], y from 0 to the series maximum. */
export function plot(points: Point[], from: number, to: number): { x: number; y: number }[] {
  const max = Math.max(1, ...points.map((p) => p.value));
  const span = to - from;
  return points.map((p) => ({
    x: span > 0 ? PAD + ((p.at - from) / span) * (W - 2 * PAD) : W / 2,
    y: H - PAD - (p.value / max) * (H - 2 * PAD),
  }));
}

function Spark({ metric, points, from, to }: { metric: Metric; points: Point[]; from: number; to: number }) {
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return <span class="muted small no-counts">{t('host_noCounts')}</span>;
  const xy = plot(points, from, to);
  const summary = t('host_chartSummary', t(METRIC_LABEL[metric]), formatNumber(first.value), formatNumber(last.value), formatTime(first.at), formatTime(last.at));
  return (
    <svg class="spark" viewBox={`0 0 ${W} ${H}`} role="img" aria-label={summary}>
      <line x1={PAD} y1={H - PAD} x2={W - PAD} y2={H - PAD} class="axis" />
      {xy.length > 1 && <polyline points={xy.map((p) => `${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')} class="line" />}
      {xy.map((p, i) => (
        <circle key={i} cx={p.x.toFixed(1)} cy={p.y.toFixed(1)} r={3} class="dot" />
      ))}
    </svg>
  );
}

/** One tile per count: the latest value X showed, and its line over time. */
export function Chart({ summary }: { summary: HostSummary }) {
  const span = summary.span;
  return (
    <div class="chart">
      <dl class="tiles">
        {METRICS.map((m) => (
          <div key={m} class={`tile ${m}`}>
            <dt>{t(METRIC_LABEL[m])}</dt>
            <dd>
              <span class="value">{summary.latest[m] === undefined ? '–' : formatNumber(summary.latest[m])}</span>
              {span && <Spark metric={m} points={summary.series[m]} from={span.from} to={span.to} />}
            </dd>
          </div>
        ))}
      </dl>
      {span ? (
        <>
          <p class="muted small axis-note">
            {span.from === span.to ? t('host_chartOne', formatTime(span.from)) : t('host_chartRange', formatTime(span.from), formatTime(span.to))}
          </p>
          <SnapshotTable summary={summary} />
        </>
      ) : (
        <p class="muted small">{t('host_noSnapshots')}</p>
      )}
    </div>
  );
}

function SnapshotTable({ summary }: { summary: HostSummary }) {
  const times = [...new Set(METRICS.flatMap((m) => summary.series[m].map((p) => p.at)))].sort((a, b) => a - b);
  const at = (m: Metric, time: number) => summary.series[m].find((p) => p.at === time)?.value;
  return (
    <details class="numbers">
      <summary>{t('host_showNumbers', formatNumber(times.length))}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{t('host_when')}</th>
            {METRICS.map((m) => (
              <th key={m} scope="col">
                {t(METRIC_LABEL[m])}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {times.map((time) => (
            <tr key={time}>
              <th scope="row">{formatTime(time)}</th>
              {METRICS.map((m) => {
                const v = at(m, time);
                return <td key={m}>{v === undefined ? '–' : formatNumber(v)}</td>;
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
