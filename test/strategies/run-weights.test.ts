/**
 * The run-by-run weight writers and the block shortcuts of first-cut-rotation and ism-cycle
 * give exactly the weights of the plain bar-by-bar rules, also when the columns they memoize
 * change under them.
 */
import { describe, expect, it } from 'vitest';
import { makeMarket, weekdays } from '../helpers/make-market.js';
import { allocationWithBonds, fromSignal, fromSignalWithBonds } from '../../engine/strategy/allocation.js';
import { marketView, type MarketView } from '../../engine/strategy/view.js';
import { sharedMonthsBack, sharedMonthsSince } from '../../engine/strategy/calendar-memo.js';
import { builtin } from '../../strategies/index.js';

/** A deterministic pseudo-random number in [0, 1). */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => (s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32;
}

const bits = (xs: ArrayLike<number>) => Array.from(xs, (x) => (Object.is(x, -0) ? '-0' : String(x)));

/** The bar-by-bar rule: weights of `on` where the signal is truthy, `unknown` where NaN, else `off`. */
function reference(signal: ArrayLike<number>, on: string, off: string, unknown: string) {
  const [w1, w0, wu] = [on, off, unknown].map(allocationWithBonds);
  const cols = [0, 1, 2].map(() => new Float64Array(signal.length));
  for (let t = 0; t < signal.length; t++) {
    const x = signal[t];
    const w = x !== x ? wu : x ? w1 : w0;
    for (let j = 0; j < 3; j++) cols[j][t] = w[j];
  }
  return { small: cols[0], large: cols[1], bonds: cols[2] };
}

describe('fromSignal and fromSignalWithBonds write runs', () => {
  const names = ['small', 'large', 'cash', 'mix', 'bonds'];
  const r = rng(7);
  // long runs, single-bar flickers, NaN stretches and values other than 0 and 1
  const signal = new Float64Array(500);
  let v = 0;
  for (let t = 0; t < signal.length; t++) {
    if (r() < 0.08) v = [0, 1, NaN, 0.5, -1][Math.floor(r() * 5)];
    signal[t] = r() < 0.02 ? 1 - (v || 0) : v;
  }
  it('matches the bar-by-bar rule for every allocation, also with the signal as an output column', () => {
    for (const on of names)
      for (const off of names)
        for (const unknown of [off, 'mix']) {
          const want = reference(signal, on, off, unknown);
          const got = fromSignalWithBonds(signal, on, off, unknown);
          expect([bits(got.small), bits(got.large), bits(got.bonds)]).toEqual([bits(want.small), bits(want.large), bits(want.bonds)]);
          const out = { small: signal.slice(), large: new Float64Array(500).fill(9), bonds: new Float64Array(500).fill(9) };
          fromSignalWithBonds(out.small, on, off, unknown, out);
          expect([bits(out.small), bits(out.large), bits(out.bonds)]).toEqual([bits(want.small), bits(want.large), bits(want.bonds)]);
          if (on === 'bonds' || off === 'bonds') continue;
          const two = { small: signal.slice(), large: new Float64Array(500).fill(9) };
          fromSignal(two.small, on, off, unknown, two);
          expect([bits(two.small), bits(two.large)]).toEqual([bits(want.small), bits(want.large)]);
        }
  });
});

// a daily market with many easing cycles and single cuts, and a PMI with gaps
const N = 1500;
const dates = weekdays('2001-01-01', N);
const r = rng(11);
const decisions: [string, number][] = [];
let rate = 5;
for (let t = 20; t < N; t += 10 + Math.floor(r() * 40)) decisions.push([dates[t], (rate = Math.max(0.25, rate + (r() < 0.6 ? -0.25 : 0.5)))]);
let pmi = 50;
const pmiCol = Array.from({ length: N }, (_, t) => (t < 30 || (t > 700 && t < 760) ? NaN : t % 21 === 0 ? (pmi = 40 + Math.round(r() * 40) / 2) : pmi));
const market = makeMarket({
  dates,
  small: Array.from({ length: N }, (_, t) => 100 + t * 0.1),
  large: Array.from({ length: N }, (_, t) => 100 + t * 0.05),
  series: { ism_pmi: pmiCol },
  decisions,
});

/** first-cut-rotation as a bar-by-bar rule. */
function fcrReference(view: MarketView, p: { months: number; every_cut: boolean; otherwise: string }) {
  const since = view.fed.monthsSinceFirstCut;
  const any = p.every_cut
    ? sharedMonthsSince(
        view.dates,
        view.fomc.filter((d) => d.changeBp < 0).map((d) => d.date),
      )
    : null;
  const s = Array.from(since, (x, t) => ((x >= 0 && x < p.months) || (any !== null && any[t] >= 0 && any[t] < p.months) ? 1 : 0));
  return reference(s, 'small', p.otherwise, p.otherwise);
}

/** ism-cycle as a bar-by-bar rule. */
function ismReference(view: MarketView, p: { level: number; rule: string; months: number; otherwise: string }) {
  const x = view.series('ism_pmi');
  const back = sharedMonthsBack(view.dates, p.months);
  const s = Array.from(x, (v, t) => {
    if (v !== v) return NaN;
    const above = v > p.level;
    const rising = back[t] >= 0 && v - x[back[t]] > 0;
    return (p.rule === 'level' ? above : p.rule === 'rising' ? rising : p.rule === 'both' ? above && rising : above || rising) ? 1 : 0;
  });
  const w = reference(s, 'small', p.otherwise, p.otherwise);
  return { small: w.small, large: w.large };
}

const cols = (w: Record<string, Float64Array>, keys: string[]) => keys.map((k) => bits(w[k]));

describe('first-cut-rotation and ism-cycle match their bar-by-bar rules', () => {
  it('first-cut-rotation: every months (whole, fractional, out of range), cut list and allocation', () => {
    const fcr = builtin('first-cut-rotation')!;
    const zeros = () => ({ small: new Float64Array(N), large: new Float64Array(N), bonds: new Float64Array(N) });
    for (const months of [0, 1, 2, 3, 5, 12, 24, 36, 2.5, 40, 1e7, -1])
      for (const every_cut of [false, true])
        for (const otherwise of ['large', 'cash', 'mix', 'bonds']) {
          const p = { months, every_cut, otherwise };
          const want = fcrReference(marketView(market), p);
          expect(cols(fcr.weights(marketView(market), p as never) as never, ['small', 'large', 'bonds'])).toEqual(cols(want, ['small', 'large', 'bonds']));
          expect(cols(fcr.weights(marketView(market), p as never, zeros() as never) as never, ['small', 'large', 'bonds'])).toEqual(
            cols(want, ['small', 'large', 'bonds']),
          );
        }
  });

  it('ism-cycle: every rule, levels on and between PMI values, every months', () => {
    const ism = builtin('ism-cycle')!;
    for (const level of [40, 45, 49.5, 50, 52.25, 60, NaN])
      for (const rule of ['level', 'rising', 'both', 'either'])
        for (const months of [1, 3, 12])
          for (const otherwise of ['large', 'cash', 'mix']) {
            const p = { level, rule, months, otherwise };
            expect(cols(ism.weights(marketView(market), p as never) as never, ['small', 'large'])).toEqual(
              cols(ismReference(marketView(market), p), ['small', 'large']),
            );
          }
  });

  it('the memoized columns are checked on every use: a column changed in place gives the new weights', () => {
    const fcr = builtin('first-cut-rotation')!;
    const ism = builtin('ism-cycle')!;
    const base = marketView(market);
    // one view whose columns are the same arrays from call to call, changed in between
    const since = base.fed.monthsSinceFirstCut.slice();
    const pmi = base.series('ism_pmi').slice();
    const view = { length: N, dates: base.dates.slice(), fomc: base.fomc, fed: { monthsSinceFirstCut: since }, series: () => pmi } as unknown as MarketView;
    for (let round = 0; round < 4; round++) {
      for (const every_cut of [false, true]) {
        const p = { months: 6, every_cut, otherwise: 'large' };
        expect(cols(fcr.weights(view, p as never) as never, ['small', 'large'])).toEqual(cols(fcrReference(view, p), ['small', 'large']));
      }
      const q = { level: 50, rule: 'both', months: 3, otherwise: 'cash' };
      expect(cols(ism.weights(view, q as never) as never, ['small', 'large'])).toEqual(cols(ismReference(view, q), ['small', 'large']));
      since.copyWithin(0, 97); // shift the columns: other windows, other PMI readings
      pmi.copyWithin(0, 53);
      pmi[round * 100 + 40] = NaN;
    }
  });
});
