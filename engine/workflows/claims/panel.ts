import { deriveSeed } from '../../core/random.js';
import { isoDay } from '../../core/dates.js';
import { clusterMean } from '../../measure/stats/clustered-regression.js';
import { shiftVerdict } from './shift-verdict.js';
import { wildClusterBootstrap } from '../../measure/stats/wild-cluster-bootstrap.js';
import { MIN_EVENTS } from '../../measure/analytics/event-study.js';
import { shiftedSum, windowSpan, type ShiftWindow } from './calendar-shift.js';
import type { ClaimDraft } from './draft.js';
import { intervalWords, pctText, pText, ptsText } from './format.js';
import { verdictWords } from './verdict.js';

/** Days within which first cuts anywhere form one global easing episode. */
export const EPISODE_DAYS = 183;

/** One sample's events of one kind at one horizon, with the window its placebo shifts inside. */
export interface PanelSample {
  /** Claim sample id (e.g. `europe-ecb`) and the region whose small − large series it uses (`us` for the US samples). */
  id: string;
  region: string;
  window: ShiftWindow;
  /** Entry dates (days) of the events with a complete window, and their forward spreads. */
  entries: number[];
  spreads: number[];
}

/** The pooled test of one event kind over several samples. */
export interface PanelResult {
  n: number;
  /** Samples and distinct regions pooled. */
  samples: number;
  regions: number;
  /** Global episodes (see panelEpisodes) and the coarser groups of any overlapping windows anywhere. */
  episodes: number;
  overlapGroups: number;
  /** Mean over events of (spread − its sample's mean over random dates), its interval, the joint rotation p, the MDE. */
  excess: number;
  ciLow: number;
  ciHigh: number;
  p: number;
  shifts: number;
  mde: number;
  /** The episode view of the excess: wild cluster bootstrap-t p over the episodes, and the cluster-robust t's p on G − 1 df. */
  episodeP: number;
  episodePT: number;
  /** Mean spread over the events itself against 0 (question (a), context), over the same episodes. */
  mean: number;
  aheadP: number;
  aheadCiLow: number;
  aheadCiHigh: number;
  period: string;
}

/** Union–find root with path halving. */
function root(parent: Int32Array, i: number): number {
  while (parent[i] !== i) i = parent[i] = parent[parent[i]];
  return i;
}

/**
 * Groups of events that are not independent, numbered 0 … G − 1 in date order: events link when
 * their entry dates are within `linkDays` of each other in any region (a global easing episode:
 * banks cutting together share world shocks) or, within one region, when their forward windows
 * of `horizonMonths` overlap (they share the same small − large returns). `linkDays = horizon`
 * and every region treated as one give the coarsest grouping (any overlapping windows anywhere).
 */
export function panelEpisodes(
  events: readonly { date: number; region: string }[],
  horizonMonths: number,
  linkDays = EPISODE_DAYS,
  anyRegionWindow = false,
): Int32Array {
  const order = events.map((_, i) => i).sort((a, b) => events[a].date - events[b].date);
  const parent = Int32Array.from(events, (_, i) => i);
  const windowDays = Math.round(horizonMonths * 30.44);
  for (let a = 0; a < order.length; a++) {
    for (let b = a + 1; b < order.length; b++) {
      const ea = events[order[a]],
        eb = events[order[b]];
      const gap = eb.date - ea.date;
      if (gap > Math.max(linkDays, windowDays)) break;
      const same = anyRegionWindow || ea.region === eb.region;
      if (gap <= linkDays || (same && gap < windowDays)) parent[root(parent, order[a])] = root(parent, order[b]);
    }
  }
  const id = new Map<number, number>();
  const out = new Int32Array(events.length);
  for (const i of order) {
    const r = root(parent, i);
    if (!id.has(r)) id.set(r, id.size);
    out[i] = id.get(r)!;
  }
  return out;
}

/**
 * The pooled test of a timing claim over several regions' samples (in the spirit of a panel
 * event study with calendar-time dependence: e.g. Kolari & Pynnönen 2010, Rev. Financial
 * Studies 23): the statistic is the mean over all events of the spread after the event minus
 * its own sample's mean over every eligible entry date (each region against its own random
 * dates). Its null distribution shifts every sample's events by one common number of calendar
 * days, each wrapping inside its own window, for every day of the longest window: events that
 * fall together (banks cutting in the same crisis, two banks of one region) stay together, so
 * the cross-region dependence is in the null as it is in the data. p is exact over the
 * enumerated shifts; the interval inverts the test (placeboExcess). Beside it, the episode view:
 * a wild cluster bootstrap-t over global episodes (see panelEpisodes), for the reader who wants
 * the effective n as independent clusters. Fewer than 5 events or episodes: no test.
 */
export function pooledTest(samples: readonly PanelSample[], horizonMonths: number, options: { draws: number; seed: number }): PanelResult {
  const used = samples.filter((s) => s.entries.length > 0);
  const events = used.flatMap((s) => s.entries.map((date, i) => ({ date, region: s.region, x: s.spreads[i] - s.window.center, spread: s.spreads[i] })));
  const n = events.length;
  const groups = panelEpisodes(events, horizonMonths);
  const G = n ? Math.max(...groups) + 1 : 0;
  const overlapGroups = n ? Math.max(...panelEpisodes(events, horizonMonths, Math.round(horizonMonths * 30.44), true)) + 1 : 0;
  const mean = n ? events.reduce((a, e) => a + e.spread, 0) / n : NaN;
  const excessObs = n ? events.reduce((a, e) => a + e.x, 0) / n : NaN;
  const dates = events.map((e) => e.date);
  const period = n ? `${isoDay(Math.min(...dates))} to ${isoDay(Math.max(...dates))}` : '';
  const base = { n, samples: used.length, regions: new Set(used.map((s) => s.region)).size, episodes: G, overlapGroups, mean, period };
  if (n < MIN_EVENTS || G < MIN_EVENTS) {
    const none = { ciLow: NaN, ciHigh: NaN, p: NaN, shifts: 0, mde: NaN, episodeP: NaN, episodePT: NaN, aheadP: NaN, aheadCiLow: NaN, aheadCiHigh: NaN };
    return { ...base, excess: excessObs, ...none };
  }
  // the joint calendar rotation, every day of the longest window
  const span = Math.max(...used.map((s) => windowSpan(s.window)));
  const distribution = new Float64Array(span);
  for (let delta = 0; delta < span; delta++) {
    let sum = 0;
    for (const s of used) sum += shiftedSum(s.window, s.entries, delta) - s.entries.length * s.window.center;
    distribution[delta] = sum / n;
  }
  // the episode view
  const sums = new Float64Array(G),
    raw = new Float64Array(G),
    counts = new Float64Array(G);
  events.forEach((e, i) => {
    sums[groups[i]] += e.x;
    raw[groups[i]] += e.spread;
    counts[groups[i]]++;
  });
  const wcb = wildClusterBootstrap(clusterMean(sums, counts), { draws: options.draws, seed: deriveSeed(options.seed, `panel/${horizonMonths}`) });
  const ahead = wildClusterBootstrap(clusterMean(raw, counts), { draws: options.draws, seed: deriveSeed(options.seed, `panel-ahead/${horizonMonths}`) });
  return {
    ...base,
    ...shiftVerdict(distribution),
    episodeP: wcb.p,
    episodePT: wcb.pT,
    aheadP: ahead.p,
    aheadCiLow: ahead.ciLow,
    aheadCiHigh: ahead.ciHigh,
  };
}

/** The fields a pooled row needs besides the result. */
export interface PooledRowBase {
  claim: number;
  part: string;
  label: string;
  /** Pseudo-sample id (`pooled-ex-us`, `pooled-all`) and what was pooled, in words. */
  universe: string;
  what: string;
  scope: string;
  horizon: number;
}

/** A claims row from a pooled test: the same null and rule as the single-sample timing rows. */
export function pooledDraft(r: PanelResult, b: PooledRowBase): ClaimDraft {
  const tested = Number.isFinite(r.p);
  const [from, to] = r.period ? r.period.split(' to ') : ['', ''];
  const row: ClaimDraft['row'] = {
    claim: b.claim,
    part: b.part,
    headline: true,
    label: b.label,
    universe: b.universe,
    from,
    to,
    role: 'pooled',
    null: `${b.what} are no better for small caps than random dates in any region: the mean over all events of the ${b.horizon}-month small − large minus its own region's mean over every eligible entry date is 0`,
    n: r.n,
    nUnit: 'events',
    groups: r.episodes,
    groupUnit: `episodes (first cuts within ${EPISODE_DAYS} days anywhere, or overlapping windows in one region; ${r.overlapGroups} groups if any overlapping windows anywhere count as one)`,
    estimate: r.excess,
    unit: `return points over ${b.horizon} months, above random dates`,
    ciLow: r.ciLow,
    ciHigh: r.ciHigh,
    ciMethod: tested
      ? 'joint rotation interval: excess ± the 95th percentile of |shifted mean − centre| over every common calendar shift'
      : 'none (too few episodes)',
    p: r.p,
    pMethod: tested
      ? `joint rotation placebo: every sample's events shifted by the same number of days (each wrapping in its own window), all ${r.shifts.toLocaleString('en-US')} shifts; exact, two-sided. Episode view: wild cluster bootstrap-t over ${r.episodes} episodes p ${pText(r.episodeP)}, cluster-robust t on ${r.episodes - 1} df p ${pText(r.episodePT)}`
      : 'none',
    mde: r.mde,
    direction: 1,
    note: tested
      ? `${r.samples} samples in ${r.regions} regions (${b.scope}); samples of one region share one small − large series`
      : 'too few events or episodes to test',
    ahead: {
      estimate: r.mean,
      ciLow: r.aheadCiLow,
      ciHigh: r.aheadCiHigh,
      p: r.aheadP,
      method: tested ? `wild cluster bootstrap-t over ${r.episodes} episodes (Webb weights), interval by test inversion` : 'none',
    },
  };
  const say: ClaimDraft['say'] = (verdict, pVerdict, adjusted) => {
    const counted = `${r.n} ${b.what} in ${r.regions} regions (${r.episodes} episodes)`;
    if (!tested) return `${counted}: too few to test.`;
    const lead = `Pooled ${b.scope}, after ${counted} small caps ${r.mean >= 0 ? 'beat' : 'trailed'} large caps by ${pctText(Math.abs(r.mean)).slice(1)} on average over ${b.horizon} months`;
    const test = `the excess over each region's random dates, ${ptsText(r.excess)} ${intervalWords(r.ciLow, r.ciHigh)}, has joint rotation p ${pText(r.p)}${adjusted ? ` (Holm ${pText(pVerdict)})` : ''}`;
    const episodes =
      verdict !== 'not shown' && !(r.episodeP < 0.05)
        ? ` — but its ${r.n} ${b.what} fall in ${r.episodes} global episodes, and the episode bootstrap does not reject (p ${pText(r.episodeP)})`
        : `; episode bootstrap p ${pText(r.episodeP)}`;
    const tail = verdict === 'not shown' ? `${episodes}; not shown — uninformative below ${ptsText(r.mde, false)}` : `; ${verdictWords(verdict)}${episodes}`;
    return `${lead}: ${test}${tail}.`;
  };
  return { row, say };
}
