/**
 * The size check of the claims' verdict rules (`npm run size`): how often each rule says
 * "supported" or "contradicted" when the claim's null is true by construction. Each null
 * world keeps the real data's calendar, its Fed and ISM events and their spacing, and the
 * returns' persistence: the monthly small and large returns of the primary sample are
 * resampled together in stationary blocks (Politis & Romano 1994; mean block length by
 * Politis & White 2004), so the events have no special power by construction, and for the
 * valuation claim bm_spread keeps its real path while returns are resampled the same way.
 * Every rule is the claims' own function, run on each simulated sample as on the real one.
 *
 * Rules checked (two-sided 5 %; "rejects" = supported or contradicted):
 * - timing (b), the verdict of claims 1, 3, 4: the rotation placebo test of the excess over other dates,
 *   for first cuts, every cut (groups of overlapping events), later cuts and both ISM events;
 * - timing (a), the context column: the wild cluster bootstrap-t of the mean against 0, in a
 *   world where the mean spread is 0 (returns shifted), and — for comparison — the rule the
 *   claims used before (a percentile bootstrap interval of the mean excluding 0);
 * - regimes, the verdict of claim 2 and claim 4 (state): the wild cluster bootstrap-t with
 *   episodes as clusters;
 * - pooled, the verdict of claims 1 and 3 across regions outside the US: the joint rotation placebo,
 *   with one common block sequence for every region (and the episode bootstrap shown beside it);
 * - valuation, the verdict of claim 5: the Newey–West t referred to its simulated null
 *   distribution (nested simulation), and — for comparison — the same t against 1.96.
 *
 * Prints one JSON line per rule (rate, its simulation standard error, the target 5 % ± 2 %) and
 * a table. Options: --quick (fewer samples), --samples N, --inner N (draws inside each rule),
 * --only timing|pooled|valuation.
 */
import { eventStudy, overlapClusters, type EventInput } from '../engine/measure/analytics/event-study.js';
import { cutEvents } from '../engine/workflows/claims/event-claims.js';
import { eventInference } from '../engine/workflows/claims/event-inference.js';
import { pooledTest } from '../engine/workflows/claims/panel.js';
import { pooledRegimeTest } from '../engine/workflows/claims/pooled-regimes.js';
import { addPanelSamples, type PanelSamples } from '../engine/workflows/claims/pooled-claims.js';
import { CLAIM_UNIVERSES } from '../engine/workflows/claims/universes.js';
import { ismEvents } from '../engine/workflows/claims/ism-events.js';
import { contrastTest, regimeTest } from '../engine/workflows/claims/regime-claims.js';
import { monthEndBars, VALUATION_MONTHS, MIN_VALUATION_MONTHS } from '../engine/workflows/claims/valuation-claim.js';
import { findEntry, loadCatalog } from '../engine/market/data/catalog.js';
import { loadSeries } from '../engine/market/data/load-series.js';
import { parseIsoDay } from '../engine/core/dates.js';
import { buildMarket } from '../engine/market/build-market.js';
import { publicationDays } from '../engine/market/publication.js';
import { deriveSeed, mulberry32 } from '../engine/core/random.js';
import { optimalBlockLength } from '../engine/measure/stats/block-length.js';
import { bootstrapMean } from '../engine/measure/stats/bootstrap-mean.js';
import { percentileInterval } from '../engine/measure/stats/percentile-interval.js';
import { predictiveNull } from '../engine/measure/stats/predictive-null.js';
import { stationaryIndices } from '../engine/measure/stats/stationary-indices.js';
import { Phase, type Market } from '../engine/core/types.js';
import { availableParallelism, cpus } from 'node:os';

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const quick = process.argv.includes('--quick');
const SAMPLES = arg('--samples', quick ? 200 : 1_000);
const INNER = arg('--inner', quick ? 199 : 499);
const VAL_SAMPLES = arg('--valuation-samples', quick ? 100 : 300);
const VAL_INNER = arg('--valuation-inner', quick ? 99 : 199);
const POOLED_SAMPLES = arg('--pooled-samples', Math.max(50, Math.round(SAMPLES / 2)));

/** Counts of a rule's decisions over the simulated samples. */
class Tally {
  rejects = 0;
  supported = 0;
  tested = 0;
  constructor(
    readonly rule: string,
    readonly claim: string,
    readonly what: string,
  ) {}
  add(p: number, estimate: number, direction: 1 | -1): void {
    if (!Number.isFinite(p)) return;
    this.tested++;
    if (p < 0.05) {
      this.rejects++;
      if (Math.sign(estimate) === direction) this.supported++;
    }
  }
  addInterval(low: number, high: number, direction: 1 | -1): void {
    if (!Number.isFinite(low) || !Number.isFinite(high)) return;
    this.tested++;
    if (low > 0 || high < 0) {
      this.rejects++;
      if (direction > 0 ? low > 0 : high < 0) this.supported++;
    }
  }
  line(target: boolean): Record<string, unknown> {
    const rate = this.rejects / this.tested;
    const se = Math.sqrt((rate * (1 - rate)) / this.tested);
    return {
      bench: 'size',
      claim: this.claim,
      rule: this.rule,
      what: this.what,
      samples: this.tested,
      rejects: Math.round(rate * 10_000) / 100,
      supported: Math.round((this.supported / this.tested) * 10_000) / 100,
      se: Math.round(se * 10_000) / 100,
      ...(target ? { target: '5 ± 2', met: Math.abs(rate - 0.05) <= 0.02 } : { target: 'none (shown for comparison)' }),
    };
  }
}

/** A copy of a market whose small and large returns are the real ones at the positions `idx` (bar t gets bar idx[t − 1] + 1's returns). */
function resampled(m: Market, idx: Int32Array, shift: number): Market {
  const T = m.dates.length;
  const rs = m.returns[m.small],
    rl = m.returns[m.large];
  const s = new Float64Array(T),
    l = new Float64Array(T),
    ps = new Float64Array(T),
    pl = new Float64Array(T);
  ps[0] = pl[0] = 1;
  for (let t = 1; t < T; t++) {
    const k = idx[t - 1] + 1;
    s[t] = rs[k] - shift;
    l[t] = rl[k];
    ps[t] = ps[t - 1] * (1 + s[t]);
    pl[t] = pl[t - 1] * (1 + l[t]);
  }
  return { ...m, prices: { ...m.prices, [m.small]: ps, [m.large]: pl }, returns: { ...m.returns, [m.small]: s, [m.large]: l } };
}

function timingSize(): Tally[] {
  const catalog = loadCatalog();
  const from = '1954-07-01';
  const m = buildMarket(catalog, { universe: 'ff', from, series: ['ism_pmi'] });
  const ism = loadSeries(findEntry(catalog, 'ism_pmi'), catalog.dir);
  const ismEv = ismEvents(ism.values, publicationDays(ism.dates, ism.meta.publication, ism.published));
  const ev = cutEvents(m, parseIsoDay(from));
  const T = m.dates.length;
  const spread = Float64Array.from({ length: T - 1 }, (_, t) => m.returns[m.small][t + 1] - m.returns[m.large][t + 1]);
  let mean = 0;
  for (const v of spread) mean += v / spread.length;
  const L = optimalBlockLength(spread);
  const sets: [string, number[]][] = [
    ['first cut', ev.first],
    ['any cut', ev.all],
    ['later cut', ev.later],
    ['PMI 6 months below 50', ismEv.below],
    ['PMI back above 50', ismEv.recovery],
  ];
  const tallies = {
    placebo: sets.map(
      ([name]) =>
        new Tally(
          'rotation placebo, excess over other dates (verdict)',
          name.includes('PMI') ? '4' : name === 'first cut' ? '1' : '3',
          `${name} → 12 m, ff-1954`,
        ),
    ),
    wild: sets.map(
      ([name]) =>
        new Tally(
          'wild cluster bootstrap-t, mean vs 0 (context)',
          name.includes('PMI') ? '4' : name === 'first cut' ? '1' : '3',
          `${name} → 12 m, ff-1954, mean spread 0`,
        ),
    ),
    old: sets.map(
      ([name]) =>
        new Tally(
          'before: percentile bootstrap interval vs 0, when only timing is null',
          name.includes('PMI') ? '4' : name === 'first cut' ? '1' : '3',
          `${name} → 12 m, ff-1954, unconditional mean kept`,
        ),
    ),
    oldZero: sets.map(
      ([name]) =>
        new Tally(
          'before: percentile bootstrap interval vs 0',
          name.includes('PMI') ? '4' : name === 'first cut' ? '1' : '3',
          `${name} → 12 m, ff-1954, mean spread 0`,
        ),
    ),
    easing: new Tally('wild cluster bootstrap-t, episodes as clusters (verdict)', '2', 'easing minus the all-bars mean, ff-1954'),
    tightening: new Tally('wild cluster bootstrap-t, episodes as clusters (verdict)', '2', 'tightening minus the all-bars mean, ff-1954'),
    state: new Tally('wild cluster bootstrap-t, spells as clusters (verdict)', '4', 'PMI below 50 minus above, ff-1954'),
  };
  const state = new Int8Array(T - 1),
    phase = new Int8Array(T - 1);
  for (let t = 1; t < T; t++) {
    const v = m.series.ism_pmi[t - 1];
    state[t - 1] = Number.isFinite(v) ? (v < 50 ? 0 : 1) : 2;
    phase[t - 1] = m.fed.phase[t - 1];
  }
  const rnd = mulberry32(20_261_206);
  const idx = new Int32Array(T - 1);
  for (let s = 0; s < SAMPLES; s++) {
    stationaryIndices(T - 1, L, rnd, idx);
    const seed = deriveSeed(7, `size/${s}`);
    for (const [world, shift] of [
      ['kept', 0],
      ['zero', mean],
    ] as const) {
      const w = resampled(m, idx, shift);
      const input: EventInput = { dates: w.dates, strategy: w.prices[w.small], small: w.prices[w.small], large: w.prices[w.large] };
      const forward = new Map<number, Float64Array>();
      sets.forEach(([name, days], k) => {
        const rows = eventStudy(
          input,
          days.map((date) => ({ event: name, date })),
          [12],
        );
        if (world === 'kept') {
          const inf = eventInference(rows, input, { draws: INNER, seed, forward });
          tallies.placebo[k].add(inf.placeboP, inf.excess.excess, 1);
        } else {
          const inf = eventInference(rows, input, { draws: INNER, seed, forward });
          tallies.wild[k].add(inf.ahead.p, inf.ahead.estimate, 1);
        }
        // the rule before: percentile bootstrap of the mean over events (whole groups of overlapping ones) excluding 0, 5+ groups
        const done = rows.filter((r) => Number.isFinite(r.exitDate)).sort((a, b) => a.entryDate - b.entryDate);
        const ids = overlapClusters(done);
        const G = done.length ? ids[done.length - 1] + 1 : 0;
        if (done.length >= 5 && G >= 5) {
          const ci = percentileInterval(
            bootstrapMean(
              Float64Array.from(done, (r) => r.spread),
              { draws: INNER, seed, clusters: G < done.length ? ids : undefined },
            ),
          );
          (world === 'kept' ? tallies.old : tallies.oldZero)[k].addInterval(ci.low, ci.high, 1);
        }
      });
      if (world === 'kept') {
        const d = Float64Array.from({ length: T - 1 }, (_, t) => w.returns[w.small][t + 1] - w.returns[w.large][t + 1]);
        const e = regimeTest(d, phase, Phase.Easing, 12, { draws: INNER, seed });
        tallies.easing.add(e.excessInference.p, e.excess, 1);
        const tg = regimeTest(d, phase, Phase.Tightening, 12, { draws: INNER, seed });
        tallies.tightening.add(tg.excessInference.p, tg.excess, -1);
        const c = contrastTest(d, state, 0, 1, 12, { draws: INNER, seed });
        tallies.state.add(c.p, c.estimate, 1);
      }
    }
  }
  return [...tallies.placebo, ...tallies.wild, tallies.easing, tallies.tightening, tallies.state, ...tallies.old, ...tallies.oldZero];
}

/**
 * The pooled rule of claims 1 and 3 outside the US: every regional sample's small and large
 * returns resampled with one common sequence of stationary blocks drawn from the months all regions
 * share (so the regions keep their contemporaneous correlation, and banks that cut together stay
 * together), each bank's real cut dates kept.
 */
function pooledSize(): Tally[] {
  const catalog = loadCatalog();
  const regional = CLAIM_UNIVERSES.filter((u) => u.region && catalog.universes.some((x) => x.id === u.universe) && !catalog.unavailable?.universes[u.universe]);
  if (regional.length < 2) return [];
  const markets = regional.map((u) => buildMarket(catalog, { universe: u.universe }));
  const minT = Math.min(...markets.map((m) => m.dates.length));
  const maxT = Math.max(...markets.map((m) => m.dates.length));
  const spread = Float64Array.from({ length: minT - 1 }, (_, t) => markets[0].returns[markets[0].small][t + 1] - markets[0].returns[markets[0].large][t + 1]);
  const L = optimalBlockLength(spread);
  const first = new Tally('joint rotation placebo over regions (verdict)', '1', `first cut → 12 m pooled over ${regional.length} samples outside the US`);
  const all = new Tally('joint rotation placebo over regions (verdict)', '3', `any cut → 12 m pooled over ${regional.length} samples outside the US`);
  const firstEp = new Tally('wild cluster bootstrap-t over global episodes (shown beside)', '1', 'first cut → 12 m pooled outside the US, excess');
  const allEp = new Tally('wild cluster bootstrap-t over global episodes (shown beside)', '3', 'any cut → 12 m pooled outside the US, excess');
  const easing = new Tally('joint rotation of the phases over regions (verdict)', '2', 'easing minus each region’s average, pooled outside the US');
  const tightening = new Tally('joint rotation of the phases over regions (verdict)', '2', 'tightening minus each region’s average, pooled outside the US');
  const rnd = mulberry32(25);
  const common = new Int32Array(minT - 1);
  const idx = new Int32Array(maxT - 1);
  const pooledSamples = POOLED_SAMPLES;
  for (let b = 0; b < pooledSamples; b++) {
    // one block sequence over the common months, repeated to the longest sample's length
    for (let off = 0; off < maxT - 1; off += minT - 1) {
      stationaryIndices(minT - 1, L, rnd, common);
      idx.set(common.subarray(0, Math.min(minT - 1, maxT - 1 - off)), off);
    }
    const panel: PanelSamples = { first: [], all: [] };
    markets.forEach((m, k) => addPanelSamples(panel, resampled(m, idx.subarray(0, m.dates.length - 1), 0), regional[k]));
    const seed = deriveSeed(9, `pooled/${b}`);
    const f = pooledTest(panel.first, 12, { draws: INNER, seed });
    first.add(f.p, f.excess, 1);
    firstEp.add(f.episodeP, f.excess, 1);
    const a = pooledTest(panel.all, 12, { draws: INNER, seed });
    all.add(a.p, a.excess, 1);
    allEp.add(a.episodeP, a.excess, 1);
    const e = pooledRegimeTest(panel.regimes ?? [], Phase.Easing, 12);
    easing.add(e.p, e.excess, 1);
    const tg = pooledRegimeTest(panel.regimes ?? [], Phase.Tightening, 12);
    tightening.add(tg.p, tg.excess, -1);
  }
  return [first, all, easing, tightening, firstEp, allEp];
}

function valuationSize(): Tally[] {
  const catalog = loadCatalog();
  const m = buildMarket(catalog, { universe: 'ff', series: ['bm_spread'] });
  const bars = monthEndBars(m.dates);
  const K = bars.length;
  const S = m.prices[m.small],
    Lg = m.prices[m.large];
  const small = new Float64Array(K),
    large = new Float64Array(K),
    x = new Float64Array(K);
  bars.forEach((t, k) => {
    x[k] = m.series.bm_spread[t];
    if (k > 0) {
      small[k] = S[t] / S[bars[k - 1]] - 1;
      large[k] = Lg[t] / Lg[bars[k - 1]] - 1;
    }
  });
  const spread = Float64Array.from({ length: K - 1 }, (_, k) => small[k + 1] - large[k + 1]);
  const L = optimalBlockLength(spread);
  const calibrated = new Tally('Newey–West t against its simulated null (verdict)', '5', 'slope on bm_spread, ff-1926, 10-year windows');
  const normal = new Tally('before: Newey–West t against 1.96', '5', 'slope on bm_spread, ff-1926, 10-year windows');
  const rnd = mulberry32(5);
  const idx = new Int32Array(K - 1);
  const s = new Float64Array(K),
    l = new Float64Array(K);
  for (let b = 0; b < VAL_SAMPLES; b++) {
    stationaryIndices(K - 1, L, rnd, idx);
    for (let k = 1; k < K; k++) {
      s[k] = small[idx[k - 1] + 1];
      l[k] = large[idx[k - 1] + 1];
    }
    const sim = predictiveNull(
      { small: s, large: l, x, horizon: VALUATION_MONTHS, periodsPerYear: 12, minTrain: MIN_VALUATION_MONTHS },
      { draws: VAL_INNER, seed: deriveSeed(11, `val/${b}`), x0: x[K - 1] },
    );
    calibrated.add(sim.pT, sim.observed.beta, 1);
    normal.add(Math.abs(sim.observed.tBeta) >= 1.959963984540054 ? 0 : 1, sim.observed.beta, 1);
  }
  return [calibrated, normal];
}

const t0 = performance.now();
const machine = `${cpus()[0]?.model ?? 'unknown CPU'}, ${availableParallelism()} cores, Node ${process.versions.node}`;
const only = process.argv.includes('--only') ? process.argv[process.argv.indexOf('--only') + 1] : undefined;
const lines = [
  ...(only && only !== 'timing' ? [] : timingSize()),
  ...(only && only !== 'pooled' ? [] : pooledSize()),
  ...(only && only !== 'valuation' ? [] : valuationSize()),
];
const out = lines.map((t) => t.line(!t.rule.startsWith('before')));
for (const o of out) console.log(JSON.stringify(o));
const pad = (v: unknown, n: number) => String(v).padEnd(n);
console.log(
  `\nsize of the verdict rules under their nulls (${SAMPLES.toLocaleString('en-US')} samples for the timing and regime rules with ${INNER} draws inside each, ${POOLED_SAMPLES.toLocaleString('en-US')} for the pooled rules, ${VAL_SAMPLES} × ${VAL_INNER} for the valuation rule; ${machine}; ${((performance.now() - t0) / 1000).toFixed(0)} s)`,
);
console.log(`${pad('claim', 6)}${pad('rejects %', 11)}${pad('± se', 7)}${pad('supported %', 13)}${pad('target', 9)}rule — sample`);
for (const o of out)
  console.log(
    `${pad(o.claim, 6)}${pad((o.rejects as number).toFixed(1), 11)}${pad((o.se as number).toFixed(1), 7)}${pad((o.supported as number).toFixed(1), 13)}${pad(o.met === undefined ? '—' : o.met ? 'met' : 'MISSED', 9)}${o.rule} — ${o.what}`,
  );
