import { defineStrategy } from '../engine/strategy/define.js';
import { RunWriter, allocationWithBonds } from '../engine/strategy/allocation.js';
import { derivedOf, eventList, sharedMonthsSince } from '../engine/strategy/calendar-memo.js';
import type { FomcDecision } from '../engine/core/types.js';

/** The days of the cuts among FOMC decisions, per (frozen) decision list. */
const cutDays = new WeakMap<readonly FomcDecision[], readonly number[]>();

function cutsOf(fomc: readonly Readonly<FomcDecision>[]): readonly number[] {
  // a frozen list of frozen decisions (the view's) cannot change, so its cuts are found once
  let days = cutDays.get(fomc);
  if (days !== undefined) return days;
  days = eventList(fomc.filter((d) => d.changeBp < 0).map((d) => d.date));
  if (Object.isFrozen(fomc) && fomc.every((d) => Object.isFrozen(d))) cutDays.set(fomc, days);
  return days;
}

/** Bars per block of {@link Window}. */
const BLOCK = 64;

/**
 * The window columns in a form that makes a set's signal cheap: per bar, the smallest whole
 * number of months whose window holds the bar (`k`; NEVER when none does), and its least and
 * greatest value per block of 64 bars. For a whole `months`, a bar is in the window exactly when
 * k ≤ months (since ≥ 0 and since < months ⇔ floor(since) + 1 ≤ months), so most blocks are
 * decided by their bounds alone. Computed once per calendar and cut list, like
 * {@link sharedMonthsSince}, and checked against a snapshot of `since` on every use.
 */
interface Window {
  k: Int32Array;
  lo: Int32Array;
  hi: Int32Array;
}

/** k for bars never in a window of at most {@link MAX_FAST} months. */
const NEVER = 0x7fffffff;
/** Larger (or fractional) `months` take the bar-by-bar path. */
const MAX_FAST = 1 << 20;

function kOf(since: number): number {
  return since >= 0 && since < MAX_FAST ? Math.floor(since) + 1 : NEVER;
}

/** The windows of `since` alone and with a `sinceAny` (kept while that array is the one in use: it comes from the calendar memo). */
function windowOf(since: Float64Array, sinceAny: Float64Array | null): Window {
  const d = derivedOf(since, () => ({ first: undefined as Window | undefined, any: undefined as { sinceAny: Float64Array; w: Window } | undefined }));
  if (sinceAny === null) return (d.first ??= makeWindow(since, null));
  if (d.any?.sinceAny !== sinceAny) d.any = { sinceAny, w: makeWindow(since, sinceAny) };
  return d.any.w;
}

function makeWindow(since: Float64Array, sinceAny: Float64Array | null): Window {
  const T = since.length;
  const k = new Int32Array(T);
  for (let t = 0; t < T; t++) k[t] = sinceAny === null ? kOf(since[t]) : Math.min(kOf(since[t]), kOf(sinceAny[t]));
  const nb = Math.ceil(T / BLOCK);
  const lo = new Int32Array(nb).fill(NEVER);
  const hi = new Int32Array(nb);
  for (let t = 0; t < T; t++) {
    const b = (t / BLOCK) | 0;
    if (k[t] < lo[b]) lo[b] = k[t];
    if (k[t] > hi[b]) hi[b] = k[t];
  }
  return { k, lo, hi };
}

/**
 * Writes the weights: bars within `months` of the first cut (or of any cut, when `sinceAny`
 * is given) get `w`'s on allocation, the others its off allocation, one run at a time.
 */
function windowWeights(since: Float64Array, sinceAny: Float64Array | null, months: number, w: RunWriter): void {
  const T = since.length;
  if (Number.isInteger(months) && months <= MAX_FAST) {
    const { k, lo, hi } = windowOf(since, sinceAny);
    for (let b = 0; b * BLOCK < T; b++) {
      const start = b * BLOCK;
      if (hi[b] <= months) w.mark(start, 1);
      else if (lo[b] > months) w.mark(start, 0);
      else for (let t = start, end = Math.min(T, start + BLOCK); t < end; t++) w.mark(t, k[t] <= months ? 1 : 0);
    }
  } else for (let t = 0; t < T; t++) w.mark(t, (since[t] >= 0 && since[t] < months) || (sinceAny !== null && sinceAny[t] >= 0 && sinceAny[t] < months) ? 1 : 0);
  w.end(T);
}

/**
 * Small caps for N months after the first cut of an easing cycle, large caps otherwise.
 */
export default defineStrategy({
  id: 'first-cut-rotation',
  name: 'First-cut rotation',
  description:
    'Idea: small caps outperform once the Fed starts cutting (cheaper floating-rate debt, cheaper valuations), a claim analysts repeat every cycle. Rule: hold small caps for `months` calendar months after the first cut of each easing cycle (as detected point-in-time from the FOMC decisions; with every_cut, the window restarts after every cut), otherwise `otherwise` (large caps by default; `bonds` in universes with bonds).',
  assets: ['small', 'large', 'bonds'],
  params: {
    months: { type: 'integer', default: 12, min: 1, max: 36, step: 1, description: 'calendar months to hold small caps after a first cut' },
    every_cut: { type: 'boolean', default: false, description: 'restart the window after every cut, not only the first of a cycle' },
    otherwise: {
      type: 'enum',
      values: ['large', 'cash', 'mix', 'bonds'],
      default: 'large',
      description: 'allocation outside the window (bonds: universes with bonds)',
    },
  },
  weights(view, p, out) {
    const T = view.length;
    const since = view.fed.monthsSinceFirstCut;
    const o = out ?? { small: new Float64Array(T), large: new Float64Array(T), bonds: new Float64Array(T) }; // zero-filled either way
    const otherwise = allocationWithBonds(p.otherwise);
    // months since any cut: the same for every parameter set, computed once per calendar
    const sinceAny = p.every_cut ? sharedMonthsSince(view.dates, cutsOf(view.fomc)) : null;
    windowWeights(since, sinceAny, p.months, new RunWriter(allocationWithBonds('small'), otherwise, otherwise, o.small, o.large, o.bonds, true));
    return o;
  },
});
