/**
 * A strategy cannot change what the engine, the benchmarks or another parameter set sees:
 * the view hands out private copies (refreshed per evaluation), lists are frozen, and the
 * sweep's reused buffers carry nothing from one set to the next.
 */
import { describe, expect, it } from 'vitest';
import { makeMarket, weekdays } from '../helpers/make-market.js';
import { defineStrategy } from '../../engine/strategy/define.js';
import { backtest } from '../../engine/workflows/run/backtest.js';
import { runBatch } from '../../engine/workflows/sweep/run-batch.js';
import { DEFAULT_SIM_OPTIONS } from '../../engine/simulate/simulate.js';
import { evaluateStrategy } from '../../engine/strategy/evaluate.js';

const N = 60;
const dates = weekdays('2020-01-01', N);
const small = Array.from({ length: N }, (_, t) => 100 * (1 + 0.01 * Math.sin(t / 3) + 0.002 * t));
const large = Array.from({ length: N }, (_, t) => 100 * (1 + 0.005 * Math.cos(t / 4) + 0.001 * t));
const fresh = () =>
  makeMarket({
    dates,
    small,
    large,
    cash: new Array(N).fill(0.0001),
    series: { ism_pmi: Array.from({ length: N }, (_, t) => 48 + (t % 7)) },
    decisions: [
      ['2020-01-20', 4.75],
      ['2020-02-10', 4.5],
    ],
  });

/** A strategy that scribbles over everything it can reach, then decides from what it wrote. */
const vandal = defineStrategy({
  id: 'vandal',
  name: 'Vandal',
  description: 'writes into every column of its view',
  assets: ['small', 'large'],
  series: ['ism_pmi'],
  params: { k: { type: 'integer', default: 1, min: 0, max: 10, description: 'set number' } },
  weights(view, p) {
    if (p.k > 0) {
      view.returns('small').fill(10);
      view.returns('large').fill(-0.5);
      view.price('small').fill(1e9);
      view.cash.fill(1);
      view.dates.fill(0);
      view.series('ism_pmi').fill(99);
      view.fed.monthsSinceFirstCut.fill(0);
      view.fed.phase.fill(1);
      view.fed.policyRate.fill(-7);
      for (const d of view.fomc as { changeBp: number }[]) {
        try {
          d.changeBp = 999;
        } catch {
          // frozen
        }
      }
      try {
        (view.fomc as unknown[]).push({});
      } catch {
        // frozen
      }
    }
    // the decision depends on what the view shows *now*: after scribbling it sees its own writes
    const r = view.returns('small');
    const s = new Float64Array(view.length);
    for (let t = 0; t < view.length; t++) s[t] = r[t] > 1 ? 1 : 0.5;
    return { small: s, large: s.map((x) => 1 - x) };
  },
});

const snapshot = (m: ReturnType<typeof fresh>) =>
  JSON.stringify([
    Array.from(m.dates),
    Array.from(m.returns.s),
    Array.from(m.returns.l),
    Array.from(m.prices.s),
    Array.from(m.cash),
    Array.from(m.series.ism_pmi),
    Array.from(m.fed.monthsSinceFirstCut, String),
    Array.from(m.fed.phase),
    Array.from(m.fed.policyRate),
    m.fomc,
  ]);

describe('a strategy cannot corrupt the engine data', () => {
  it('leaves the market untouched and the benchmarks right', () => {
    const m = fresh();
    const before = snapshot(m);
    const ref = backtest(vandal, { k: 0 }, fresh(), { sim: { ...DEFAULT_SIM_OPTIONS } });
    const r = backtest(vandal, { k: 1 }, m, { sim: { ...DEFAULT_SIM_OPTIONS } });
    expect(snapshot(m)).toBe(before);
    expect(r.metrics.small).toEqual(ref.metrics.small);
    expect(r.metrics.large).toEqual(ref.metrics.large);
    expect(Array.from(r.smallEquity)).toEqual(Array.from(ref.smallEquity));
    // its own decision saw its own writes (the copy), the simulation used the real returns
    expect(r.decisions[0]).toBe(1);
    expect(Number.isFinite(r.metrics.strategy.totalReturn)).toBe(true);
    expect(r.metrics.strategy.totalReturn).toBeLessThan(1);
  });

  it('in a sweep, a vandal set changes nothing for the sets after it, whatever the order', () => {
    const m = fresh();
    const ctx = { market: m, strategy: vandal, sim: { ...DEFAULT_SIM_OPTIONS, cost: 0.001 }, benchmark: 'large' as const };
    const alone = runBatch({ ...ctx, market: fresh() }, [{ index: 0, params: { k: 0 } }])[0];
    const rows = runBatch(ctx, [
      { index: 0, params: { k: 0 } },
      { index: 1, params: { k: 3 } },
      { index: 2, params: { k: 0 } },
      { index: 3, params: { k: 5 } },
      { index: 4, params: { k: 0 } },
    ]);
    for (const i of [0, 2, 4]) expect(rows[i].metrics).toEqual(alone.metrics);
    expect(rows[1].metrics).toEqual(rows[3].metrics);
    expect(snapshot(m)).toBe(snapshot(fresh()));
  });

  it('frozen lists: FOMC decisions, cycles and the asset list cannot be edited', () => {
    const m = fresh();
    let seen: unknown;
    const probe = defineStrategy({
      id: 'probe',
      name: 'Probe',
      description: 'p',
      assets: ['small'],
      weights(view) {
        seen = [Object.isFrozen(view.fomc), Object.isFrozen(view.fomc[0]), Object.isFrozen(view.fed.cycles), Object.isFrozen(view.universe.assets)];
        return { small: new Float64Array(view.length) };
      },
    });
    evaluateStrategy(probe, m, {});
    expect(seen).toEqual([true, true, true, true]);
  });

  it('reused output buffers start at 0 for every set (nothing leaks from the previous set)', () => {
    const m = fresh();
    const partial = defineStrategy({
      id: 'partial',
      name: 'Partial',
      description: 'writes only some bars of the reused buffers',
      assets: ['small', 'large'],
      params: { from: { type: 'integer', default: 0, min: 0, max: 100, description: 'first bar written' } },
      weights(view, p, out) {
        const o = out ?? { small: new Float64Array(view.length), large: new Float64Array(view.length) };
        for (let t = p.from; t < view.length; t++) o.large[t] = 1;
        return o;
      },
    });
    const ctx = { market: m, strategy: partial, sim: { ...DEFAULT_SIM_OPTIONS }, benchmark: 'large' as const };
    const alone = runBatch({ ...ctx, market: fresh() }, [{ index: 0, params: { from: 30 } }])[0];
    const after = runBatch(ctx, [
      { index: 0, params: { from: 0 } },
      { index: 1, params: { from: 30 } },
    ])[1];
    expect(after.metrics).toEqual(alone.metrics);
  });

  it('a bonds leg left empty in a universe without bonds is not filled again, and any other use of it is (every call starts at 0)', () => {
    const m = fresh();
    expect(m.bonds).toBeUndefined();
    const starts: boolean[] = [];
    const bondsy = defineStrategy({
      id: 'bondsy',
      name: 'Bondsy',
      description: 'leaves bonds empty (0), fills it with NaN (no decision), or writes -0 into it',
      assets: ['small', 'large', 'bonds'],
      params: { mode: { type: 'integer', default: 0, min: 0, max: 2, description: '0 empty, 1 NaN, 2 −0' } },
      weights(view, p, out) {
        const o = out ?? { small: new Float64Array(view.length), large: new Float64Array(view.length), bonds: new Float64Array(view.length) };
        starts.push(o.bonds.every((x) => Object.is(x, 0)));
        o.large.fill(1);
        if (p.mode === 1) o.bonds.fill(NaN);
        if (p.mode === 2) o.bonds.fill(-0);
        return o;
      },
    });
    const rows = runBatch(
      { market: m, strategy: bondsy, sim: { ...DEFAULT_SIM_OPTIONS }, benchmark: 'large' },
      [0, 0, 1, 0, 2, 0, 0].map((mode, index) => ({ index, params: { mode } })),
    );
    expect(starts).toEqual([true, true, true, true, true, true, true]);
    expect(rows.map((r) => r.error)).toEqual(rows.map(() => undefined));
  });
});
