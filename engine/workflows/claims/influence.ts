import { isoDay, parseIsoDay } from '../../core/dates.js';
import { leaveOneGroupOut } from '../../measure/stats/leave-one-group-out.js';
import { quantileSorted } from '../../measure/stats/quantile-sorted.js';
import type { InfluenceRow } from '../../formats/claims-folder.js';
import type { EventInference } from './event-inference.js';

/** The first day of the FOMC-decision era (the target series starts): the subperiods' split. */
export const FOMC_ERA = '1982-09-27';

/**
 * How much a timing claim's mean rests on single cycles and on one era: the mean small − large
 * over all events, their median, the mean without each independent group of overlapping events
 * (leave-one-group-out, the jackknife's replicates), and the means of the events dated before
 * and from FOMC_ERA. `change` is each estimate minus the mean over all events.
 */
export function influenceRows(inf: EventInference, base: Pick<InfluenceRow, 'claim' | 'part' | 'universe'>): InfluenceRow[] {
  const spreads = inf.rows.map((r) => r.spread);
  const all = inf.mean;
  const row = (kind: InfluenceRow['kind'], label: string, n: number, groups: number, estimate: number): InfluenceRow => ({
    ...base,
    kind,
    label,
    n,
    groups,
    estimate,
    change: estimate - all,
  });
  const out = [row('all', 'all events', inf.n, inf.G, all)];
  const sorted = Float64Array.from(spreads.filter(Number.isFinite)).sort();
  if (sorted.length) out.push(row('median', 'median event', inf.n, inf.G, quantileSorted(sorted, 0.5)));
  const datesOf = (g: number) => inf.rows.filter((_, i) => inf.groupOf[i] === g).map((r) => isoDay(r.eventDate));
  for (const left of leaveOneGroupOut(spreads, inf.groupOf)) {
    const dates = datesOf(left.group);
    out.push(
      row(
        'without',
        `without ${dates.length > 1 ? `${dates[0]} … ${dates[dates.length - 1]} (${dates.length} events)` : dates[0]}`,
        left.n,
        inf.G - 1,
        left.mean,
      ),
    );
  }
  const split = parseIsoDay(FOMC_ERA);
  for (const [kind, label, keep] of [
    ['before', `before ${FOMC_ERA}`, (d: number) => d < split],
    ['from', `from ${FOMC_ERA}`, (d: number) => d >= split],
  ] as const) {
    const idx = inf.rows.map((r, i) => (keep(r.eventDate) && Number.isFinite(r.spread) ? i : -1)).filter((i) => i >= 0);
    if (!idx.length) continue;
    const mean = idx.reduce((s, i) => s + spreads[i], 0) / idx.length;
    out.push(row(kind, label, idx.length, new Set(idx.map((i) => inf.groupOf[i])).size, mean));
  }
  return out;
}
