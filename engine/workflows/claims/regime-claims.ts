import { isoDay } from '../../core/dates.js';
import { phaseWithHold } from '../../market/fed/phase-with-hold.js';
import { deriveSeed } from '../../core/random.js';
import { clusteredRegression } from '../../measure/stats/clustered-regression.js';
import { minimumDetectableEffect } from '../../measure/stats/minimum-detectable-effect.js';
import { noClusterInference, wildClusterBootstrap, type ClusterInference } from '../../measure/stats/wild-cluster-bootstrap.js';
import { Phase, type Market } from '../../core/types.js';
import type { ClaimDraft } from './draft.js';
import { intervalWords, pctText, pText, ptsText } from './format.js';
import type { ClaimCharts } from '../../formats/claims-folder.js';
import { verdictWords } from './verdict.js';

/** Fewer episodes of a regime than this get no test (as fewer than 5 groups of events). */
export const MIN_EPISODES = 5;
/** The hold rules of the sensitivity rows, calendar days without a move (183 is the market's). */
export const HOLD_DAYS = [91, 365] as const;

/** Run id of each position: a new id wherever the label changes (an episode of one regime). */
export function episodes(label: ArrayLike<number>): Int32Array {
  const out = new Int32Array(label.length);
  let id = 0;
  for (let i = 1; i < label.length; i++) {
    if (label[i] !== label[i - 1]) id++;
    out[i] = id;
  }
  return out;
}

/** One regime's numbers: its mean against 0, its excess over the all-bars mean, and their inference by episode. */
export interface RegimeTest {
  /** Bars in the regime, its episodes, and the episodes of every regime (the clusters of the excess test). */
  n: number;
  episodes: number;
  clusters: number;
  /** Annualized mean spread in the regime and over every bar. */
  mean: number;
  overall: number;
  /** Annualized excess of the regime's mean over the all-bars mean: (1 − π)(μ_regime − μ_rest), π its share of bars. */
  excess: number;
  excessInference: ClusterInference;
  aheadInference: ClusterInference;
  /** The excess test's interval and MDE, annualized and scaled to the excess. */
  excessLow: number;
  excessHigh: number;
  mde: number;
}

/**
 * Inference on one regime of a per-bar spread series, clustered by episode (a run of bars
 * with the same label): the regime's mean against 0 over its own episodes, and the
 * regime dummy's coefficient in d_t = a + b·1[regime] + e_t over every bar, clustered by the
 * episodes of every regime (wild cluster restricted bootstrap-t, Webb weights; see
 * wildClusterBootstrap), reported as the excess over the all-bars mean, (1 − π) b.
 * Annualized by `scale` (bars per year).
 */
export function regimeTest(d: Float64Array, label: Int8Array, target: number, scale: number, options: { draws: number; seed: number }): RegimeTest {
  const runs = episodes(label);
  const dummy = Float64Array.from(label, (v) => (v === target ? 1 : 0));
  const inRegime = Float64Array.from(d, (v, t) => (label[t] === target ? v : NaN));
  let n = 0,
    sum = 0,
    total = 0;
  const seen = new Set<number>();
  for (let t = 0; t < d.length; t++) {
    total += d[t];
    if (label[t] === target) {
      n++;
      sum += d[t];
      seen.add(runs[t]);
    }
  }
  const pi = n / d.length;
  const wild = (y: Float64Array, cols: Float64Array[], tag: string) =>
    wildClusterBootstrap(clusteredRegression(y, cols, runs), { draws: options.draws, seed: deriveSeed(options.seed, tag) });
  // the regime's own bars against 0, clustered by its episodes; the dummy over every bar, by every episode
  const enough = seen.size >= MIN_EPISODES;
  const aheadInference = enough ? wild(inRegime, [], `ahead/${target}`) : noClusterInference(seen.size, n);
  const excessInference = enough ? wild(d, [dummy], `excess/${target}`) : noClusterInference(seen.size, n);
  const f = (1 - pi) * scale;
  return {
    n,
    episodes: seen.size,
    clusters: runs.length ? runs[runs.length - 1] + 1 : 0,
    mean: (sum / n) * scale,
    overall: (total / d.length) * scale,
    excess: excessInference.estimate * f,
    excessInference,
    aheadInference: {
      ...aheadInference,
      estimate: aheadInference.estimate * scale,
      se: aheadInference.se * scale,
      ciLow: aheadInference.ciLow * scale,
      ciHigh: aheadInference.ciHigh * scale,
      ciTLow: aheadInference.ciTLow * scale,
      ciTHigh: aheadInference.ciTHigh * scale,
    },
    excessLow: excessInference.ciLow * f,
    excessHigh: excessInference.ciHigh * f,
    mde: minimumDetectableEffect(excessInference.se * f, { df: excessInference.df }),
  };
}

/** The difference of two regimes' means over their bars only, clustered by episode. */
export function contrastTest(
  d: Float64Array,
  label: Int8Array,
  a: number,
  b: number,
  scale: number,
  options: { draws: number; seed: number },
): ClusterInference & { episodesA: number; episodesB: number; mde: number } {
  const runs = episodes(label);
  const both = Float64Array.from(label, (v) => (v === a ? 1 : v === b ? 0 : NaN));
  const ea = new Set<number>(),
    eb = new Set<number>();
  for (let t = 0; t < label.length; t++) {
    if (label[t] === a) ea.add(runs[t]);
    if (label[t] === b) eb.add(runs[t]);
  }
  const ok = ea.size >= MIN_EPISODES && eb.size >= MIN_EPISODES;
  const w = ok
    ? wildClusterBootstrap(clusteredRegression(d, [both], runs), { draws: options.draws, seed: deriveSeed(options.seed, `contrast/${a}/${b}`) })
    : noClusterInference(ea.size + eb.size);
  const s = (x: number) => x * scale;
  return {
    ...w,
    estimate: s(w.estimate),
    se: s(w.se),
    ciLow: s(w.ciLow),
    ciHigh: s(w.ciHigh),
    ciTLow: s(w.ciTLow),
    ciTHigh: s(w.ciTHigh),
    episodesA: ea.size,
    episodesB: eb.size,
    mde: minimumDetectableEffect(s(w.se), { df: w.df }),
  };
}

const methodOf = (w: ClusterInference, what: string) =>
  `wild cluster restricted bootstrap-t over ${w.G} ${what} (Webb weights, ${w.enumerated ? 'every weight vector' : `${w.draws.toLocaleString('en-US')} draws`}), interval by test inversion; cluster-robust t on ${w.df} df: p ${pText(w.pT)}`;

/**
 * Claims 2 (Fed phase) and 4 by ISM state on one market: the per-bar small − large spread
 * d_t, labelled by the phase and the ISM state (PMI below 50, at or above, unknown) known at
 * the previous close; each regime's excess over the all-bars mean and the contrasts, with
 * inference that treats each episode of a regime (a run of bars with one label) as a cluster;
 * the phase rows again under hold rules of 91 and 365 days.
 */
export function regimeClaims(
  m: Market,
  ctx: { universe: string; draws: number; seed: number; ism?: Float64Array },
): { drafts: ClaimDraft[]; phases: NonNullable<ClaimCharts['groups']>; states: NonNullable<ClaimCharts['groups']> } {
  const T = m.dates.length;
  const small = m.returns[m.small],
    large = m.returns[m.large];
  const d = new Float64Array(T - 1);
  const stateOf = new Int8Array(T - 1);
  for (let t = 1; t < T; t++) {
    d[t - 1] = small[t] - large[t];
    const v = ctx.ism ? ctx.ism[t - 1] : NaN;
    stateOf[t - 1] = Number.isFinite(v) ? (v < 50 ? 0 : 1) : 2;
  }
  /** Phase known at the previous close of each spread bar, under a hold rule. */
  const phasesOf = (phase: Int8Array) => Int8Array.from({ length: T - 1 }, (_, t) => phase[t]);
  const ppy = m.periodsPerYear;
  const from = isoDay(m.dates[0]),
    to = isoDay(m.dates[T - 1]);
  const base = { universe: ctx.universe, from, to };
  const opts = (tag: string) => ({ draws: ctx.draws, seed: deriveSeed(ctx.seed, `regimes/${tag}`) });
  const drafts: ClaimDraft[] = [];

  const regimeDraft = (
    r: RegimeTest,
    meta: { claim: number; part: string; headline: boolean; label: string; direction: 1 | -1; what: string; regime: string; unitWord: string; note?: string },
  ): ClaimDraft => {
    const w = r.excessInference;
    const tested = r.episodes >= MIN_EPISODES && Number.isFinite(w.p);
    const row: ClaimDraft['row'] = {
      claim: meta.claim,
      part: meta.part,
      headline: meta.headline,
      label: meta.label,
      ...base,
      role: 'robustness',
      null: `small − large does as well ${meta.regime} as on average (the ${meta.unitWord} is no different from the all-bars mean of ${pctText(r.overall)} a year)`,
      n: r.n,
      nUnit: 'bars',
      groups: r.episodes,
      groupUnit: `episodes ${meta.regime} (of ${r.clusters} episodes of every ${meta.unitWord}, the clusters)`,
      estimate: r.excess,
      unit: 'per year, above the all-bars mean (annualized)',
      ciLow: r.excessLow,
      ciHigh: r.excessHigh,
      ciMethod: tested ? methodOf(w, 'episodes') : 'none (too few episodes)',
      p: tested ? w.p : NaN,
      pMethod: tested ? 'wild cluster restricted bootstrap-t of the regime dummy, two-sided' : 'none',
      mde: r.mde,
      direction: meta.direction,
      note: [tested ? '' : `too few episodes to test (${r.episodes})`, meta.note ?? ''].filter(Boolean).join('; '),
      baseline: r.overall,
      ahead: {
        estimate: r.mean,
        ciLow: r.aheadInference.ciLow,
        ciHigh: r.aheadInference.ciHigh,
        p: r.aheadInference.p,
        method: methodOf(r.aheadInference, `episodes ${meta.regime}`),
      },
    };
    const say: ClaimDraft['say'] = (verdict, pVerdict, adjusted) => {
      const lead = `${meta.what} (${r.n.toLocaleString('en-US')} bars in ${r.episodes} episodes) small − large ran at ${pctText(r.mean)} a year against ${pctText(r.overall)} over all bars`;
      if (!tested) return `${lead}: too few episodes to test.`;
      const tail = verdict === 'not shown' ? `not shown — uninformative below ${ptsText(r.mde, false)} a year` : verdictWords(verdict);
      return `${lead}: a difference of ${ptsText(r.excess)} a year ${intervalWords(r.excessLow, r.excessHigh)}, p ${pText(w.p)}${adjusted ? ` (Holm ${pText(pVerdict)})` : ''} with ${r.clusters} episodes as clusters; ${tail}.`;
    };
    return { row, say };
  };

  const phase = phasesOf(m.fed.phase);
  const easing = regimeTest(d, phase, Phase.Easing, ppy, opts('easing'));
  const tightening = regimeTest(d, phase, Phase.Tightening, ppy, opts('tightening'));
  drafts.push(
    regimeDraft(easing, {
      claim: 2,
      part: '2-easing',
      headline: true,
      label: 'easing: small ahead',
      direction: 1,
      what: 'While the Fed eased',
      regime: 'while the Fed eases',
      unitWord: 'phase',
    }),
    regimeDraft(tightening, {
      claim: 2,
      part: '2-tightening',
      headline: true,
      label: 'tightening: small behind',
      direction: -1,
      what: 'While the Fed tightened',
      regime: 'while the Fed tightens',
      unitWord: 'phase',
    }),
  );
  const c = contrastTest(d, phase, Phase.Easing, Phase.Tightening, ppy, opts('contrast'));
  drafts.push(
    contrastDraft(
      c,
      { claim: 2, part: '2-contrast', headline: false, label: 'easing − tightening', ...base },
      'easing',
      'tightening',
      'Easing minus tightening',
    ),
  );
  for (const days of HOLD_DAYS) {
    const ph = phasesOf(phaseWithHold(m.dates, m.fed, days));
    const note = `phases with "hold" after ${days} days without a move (the claim uses 183)`;
    drafts.push(
      regimeDraft(regimeTest(d, ph, Phase.Easing, ppy, opts(`easing/${days}`)), {
        claim: 2,
        part: `2-easing-hold${days}`,
        headline: false,
        label: `easing, hold after ${days} days`,
        direction: 1,
        what: `While the Fed eased (hold after ${days} days)`,
        regime: 'while the Fed eases',
        unitWord: 'phase',
        note,
      }),
      regimeDraft(regimeTest(d, ph, Phase.Tightening, ppy, opts(`tightening/${days}`)), {
        claim: 2,
        part: `2-tightening-hold${days}`,
        headline: false,
        label: `tightening, hold after ${days} days`,
        direction: -1,
        what: `While the Fed tightened (hold after ${days} days)`,
        regime: 'while the Fed tightens',
        unitWord: 'phase',
        note,
      }),
    );
  }
  const group = (label: string, r: RegimeTest) => ({
    label,
    n: r.n,
    episodes: r.episodes,
    estimate: r.mean,
    ciLow: r.aheadInference.ciLow,
    ciHigh: r.aheadInference.ciHigh,
    p: r.aheadInference.p,
  });
  const hold = regimeTest(d, phase, Phase.Hold, ppy, opts('hold'));
  const phases = [
    group('easing', easing),
    group('tightening', tightening),
    group('hold', hold),
    { label: 'easing − tightening', n: easing.n + tightening.n, episodes: c.G, estimate: c.estimate, ciLow: c.ciLow, ciHigh: c.ciHigh, p: c.p },
  ];

  const hasIsm = ctx.ism !== undefined && stateOf.some((s) => s !== 2);
  let states: NonNullable<ClaimCharts['groups']> = [];
  if (hasIsm) {
    const below = regimeTest(d, stateOf, 0, ppy, opts('pmi-below'));
    const above = regimeTest(d, stateOf, 1, ppy, opts('pmi-above'));
    const cs = contrastTest(d, stateOf, 0, 1, ppy, opts('pmi-contrast'));
    const ismNote = 'ISM PMI as known at the previous close; episodes are spells of the PMI below, or at or above, 50';
    drafts.push(
      contrastDraft(
        cs,
        { claim: 4, part: '4-state', headline: true, label: 'ISM below 50 − above 50', ...base },
        'the PMI is below 50',
        'it is at or above 50',
        'PMI below 50 minus at or above 50',
        ismNote,
      ),
      regimeDraft(below, {
        claim: 4,
        part: '4-below',
        headline: false,
        label: 'ISM below 50',
        direction: 1,
        what: 'While the PMI was below 50',
        regime: 'while the PMI is below 50',
        unitWord: 'ISM state',
        note: ismNote,
      }),
      regimeDraft(above, {
        claim: 4,
        part: '4-above',
        headline: false,
        label: 'ISM at or above 50',
        direction: -1,
        what: 'While the PMI was at or above 50',
        regime: 'while the PMI is at or above 50',
        unitWord: 'ISM state',
        note: ismNote,
      }),
    );
    states = [
      group('PMI below 50', below),
      group('PMI at or above 50', above),
      { label: 'below − above', n: below.n + above.n, episodes: cs.G, estimate: cs.estimate, ciLow: cs.ciLow, ciHigh: cs.ciHigh, p: cs.p },
    ];
  }
  return { drafts, phases, states };
}

/** A contrast row: the difference of two regimes' annualized means, clustered by episode. */
function contrastDraft(
  c: ReturnType<typeof contrastTest>,
  base: Pick<ClaimDraft['row'], 'claim' | 'part' | 'headline' | 'label' | 'universe' | 'from' | 'to'>,
  a: string,
  b: string,
  what: string,
  note = '',
): ClaimDraft {
  const tested = c.episodesA >= MIN_EPISODES && c.episodesB >= MIN_EPISODES && Number.isFinite(c.p);
  const row: ClaimDraft['row'] = {
    ...base,
    role: 'robustness',
    null: `small − large does as well while ${b} as while ${a} (the difference of the two annualized means is 0)`,
    n: c.n,
    nUnit: 'bars',
    groups: c.G,
    groupUnit: `episodes (${c.episodesA} and ${c.episodesB}), the clusters`,
    estimate: c.estimate,
    unit: 'per year, difference of annualized means',
    ciLow: c.ciLow,
    ciHigh: c.ciHigh,
    ciMethod: tested ? methodOf(c, 'episodes') : 'none (too few episodes)',
    p: tested ? c.p : NaN,
    pMethod: tested ? 'wild cluster restricted bootstrap-t, two-sided' : 'none',
    mde: c.mde,
    direction: 1,
    note: [tested ? '' : `too few episodes to test (${c.episodesA} and ${c.episodesB})`, note].filter(Boolean).join('; '),
  };
  const say: ClaimDraft['say'] = (verdict, pVerdict, adjusted) => {
    const lead = `${what}: ${ptsText(c.estimate)} a year over ${c.n.toLocaleString('en-US')} bars in ${c.episodesA} + ${c.episodesB} episodes`;
    if (!tested) return `${lead}: too few episodes to test.`;
    const tail = verdict === 'not shown' ? `not shown — uninformative below ${ptsText(c.mde, false)} a year` : verdictWords(verdict);
    return `${lead} ${intervalWords(c.ciLow, c.ciHigh)}, p ${pText(c.p)}${adjusted ? ` (Holm ${pText(pVerdict)})` : ''}; ${tail}.`;
  };
  return { row, say };
}
