import { forwardSpreads, lastBarOnOrBefore, MIN_EVENTS, overlapClusters, type EventInput, type EventRow } from '../../measure/analytics/event-study.js';
import { deriveSeed } from '../../core/random.js';
import { clusterMean } from '../../measure/stats/clustered-regression.js';
import { normalQuantile } from '../../measure/metrics/normal.js';
import { minimumDetectableEffect } from '../../measure/stats/minimum-detectable-effect.js';
import { placeboExcess, type PlaceboExcess } from '../../measure/stats/placebo-interval.js';
import { rotationTest } from '../../measure/stats/rotation-test.js';
import { signTest } from '../../measure/stats/sign-test.js';
import { noClusterInference, wildClusterBootstrap, type ClusterInference } from '../../measure/stats/wild-cluster-bootstrap.js';

/** Options of {@link eventInference}. */
export interface EventInferenceOptions {
  draws: number;
  seed: number;
  /** `event`: every event counts once (default); `group`: every group of overlapping events counts once. */
  weighting?: 'event' | 'group';
  /** Keep the placebo distribution (for charts). */
  keepPlacebo?: boolean;
  /** Forward spreads by horizon, shared between calls on one market. */
  forward?: Map<number, Float64Array>;
  /** Compute question (a), the wild cluster bootstrap of the mean against 0 (default true; the specification curves need only (b)). */
  ahead?: boolean;
}

/** Both questions of a timing claim on one set of events at one horizon. */
export interface EventInference {
  event: string;
  horizonMonths: number;
  weighting: 'event' | 'group';
  /** Events, and independent groups of them (events whose windows overlap form one group). */
  n: number;
  G: number;
  /** Mean small − large over the events (or over the groups' means), and the mean small and large returns. */
  mean: number;
  smallMean: number;
  largeMean: number;
  /** Events with small ahead; groups whose mean has small ahead; the exact sign test on groups (ties dropped). */
  hits: number;
  groupsAhead: number;
  signP: number;
  /** (a) small ahead? The mean against 0, cluster-robust with G − 1 df and wild cluster bootstrap-t. */
  ahead: ClusterInference;
  /** (b) because of the event? The same mean over random eligible entry dates: its centre, the excess over it, p. */
  center: number;
  excess: PlaceboExcess;
  placeboP: number;
  placeboEligible: number;
  placeboDistribution?: Float64Array;
  /** Smallest detectable mean (a) and excess (b), 80 % power at 5 % two-sided (Bloom 1995; for (b) the rotation test's own 5 % critical value plus z₀.₈ of its standard deviation). */
  mdeAhead: number;
  mdeExcess: number;
  /** "" or why nothing was tested. */
  note: string;
  /** The events in entry order: dates and spreads, with their group. */
  rows: EventRow[];
  groupOf: Int32Array;
}

/**
 * The inference behind a timing claim, on the complete rows of one event kind at one
 * horizon: (a) *is small ahead?* — the mean spread against 0 with a cluster-robust t on
 * G − 1 degrees of freedom and the wild cluster restricted bootstrap-t with Webb weights over
 * the G groups of overlapping events (see wildClusterBootstrap); (b) *is it because of the
 * event?* — the excess of the mean over the placebo centre (the same mean over random eligible
 * entry dates, groups moved as blocks), its randomization p and the interval that inverts it
 * (see placeboExcess). The claim is about (b); (a) is context. Fewer than 5 events or groups:
 * no test. Minimum detectable effects (Bloom 1995) for both.
 *
 * @example eventInference(firstCutRows12m, input, { draws: 10_000, seed: 1 }) // { mean, ahead, excess, placeboP, … }
 */
export function eventInference(rows: readonly EventRow[], input: EventInput, options: EventInferenceOptions): EventInference {
  const weighting = options.weighting ?? 'event';
  const g = rows.filter((r) => Number.isFinite(r.exitDate)).sort((a, b) => a.entryDate - b.entryDate);
  const n = g.length;
  const h = g[0]?.horizonMonths ?? NaN;
  const event = g[0]?.event ?? '';
  const ids = overlapClusters(g);
  const G = n ? ids[n - 1] + 1 : 0;
  const sums = new Float64Array(G),
    counts = new Float64Array(G);
  let small = 0,
    large = 0,
    hits = 0;
  g.forEach((r, i) => {
    sums[ids[i]] += r.spread;
    counts[ids[i]]++;
    small += r.small;
    large += r.large;
    if (r.spread > 0) hits++;
  });
  const means = Float64Array.from(sums, (s, k) => s / counts[k]);
  let total = 0;
  for (let k = 0; k < G; k++) total += weighting === 'group' ? means[k] : sums[k];
  const mean = n ? total / (weighting === 'group' ? G : n) : NaN;
  let groupsAhead = 0,
    ties = 0;
  for (let k = 0; k < G; k++) {
    if (means[k] > 0) groupsAhead++;
    else if (means[k] === 0) ties++;
  }
  const base = { event, horizonMonths: h, weighting, n, G, mean, smallMean: small / n, largeMean: large / n, hits, groupsAhead, rows: g, groupOf: ids };
  const testable = n >= MIN_EVENTS && G >= MIN_EVENTS;
  if (!testable) {
    const note = n < MIN_EVENTS ? 'too few events to test' : `too few independent groups to test (${G} groups of overlapping events)`;
    return {
      ...base,
      signP: NaN,
      ahead: noClusterInference(G, n),
      center: NaN,
      excess: { excess: NaN, low: NaN, high: NaN, se: NaN, level: 0.95 },
      placeboP: NaN,
      placeboEligible: 0,
      mdeAhead: NaN,
      mdeExcess: NaN,
      note,
    };
  }
  const label = `${event}/${h}/${weighting}`;
  const reg = weighting === 'group' ? clusterMean(means, new Float64Array(G).fill(1)) : clusterMean(sums, counts);
  const ahead =
    options.ahead === false ? noClusterInference(G, n) : wildClusterBootstrap(reg, { draws: options.draws, seed: deriveSeed(options.seed, `wild/${label}`) });
  const forward = options.forward ?? new Map<number, Float64Array>();
  const fw = forward.get(h) ?? forward.set(h, forwardSpreads(input, h)).get(h)!;
  // the eligible entry bars (a complete window), numbered in order; each event's number among them
  const rank = new Int32Array(fw.length).fill(-1);
  let E = 0;
  for (let t = 0; t < fw.length; t++) if (Number.isFinite(fw[t])) rank[t] = E++;
  const eligible = new Float64Array(E);
  for (let t = 0; t < fw.length; t++) if (rank[t] >= 0) eligible[rank[t]] = fw[t];
  const positions = Int32Array.from(g, (r) => rank[lastBarOnOrBefore(input.dates, r.entryDate)]);
  const weights = Float64Array.from(g, (_, i) => (weighting === 'group' ? 1 / (G * counts[ids[i]]) : 1 / n));
  const pt = rotationTest(eligible, positions, weights);
  const excess = placeboExcess(mean, pt.distribution);
  return {
    ...base,
    signP: signTest(groupsAhead, G - ties),
    ahead,
    center: pt.center,
    excess,
    placeboP: pt.p,
    placeboEligible: pt.eligible,
    ...(options.keepPlacebo ? { placeboDistribution: pt.distribution } : {}),
    mdeAhead: minimumDetectableEffect(ahead.se, { df: G - 1 }),
    // the test's own critical value (the 95th percentile of |shift − centre|) plus z₀.₈ standard deviations
    mdeExcess: excess.high - excess.excess + normalQuantile(0.8) * excess.se,
    note: '',
  };
}
