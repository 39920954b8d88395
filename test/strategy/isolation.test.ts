/**
 * A strategy cannot change what the engine, the benchmarks or another parameter set sees:
 * the view hands out private copies (refreshed per evaluation), lists are frozen, and the
 * sweep's reused buffers carry nothing from one set to the next. The built-ins, trusted, read
 * the market's own columns instead: none of them writes into its view.
 */
import { Buffer } from 'node:buffer';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { makeMarket, weekdays } from '../helpers/make-market.js';
import { defineStrategy, type Strategy } from '../../engine/strategy/define.js';
import { backtest } from '../../engine/workflows/run/backtest.js';
import { runBatch } from '../../engine/workflows/sweep/run-batch.js';
import { DEFAULT_SIM_OPTIONS } from '../../engine/simulate/simulate.js';
import { ColumnEvaluator, evaluateStrategy, isTrusted, trustStrategies } from '../../engine/strategy/evaluate.js';
import { derivedOf, sharedMonthsBack } from '../../engine/strategy/calendar-memo.js';
import { marketView, sharedMarketView } from '../../engine/strategy/view.js';
import { BUILTINS, builtin } from '../../strategies/index.js';
import { loadCatalog } from '../../engine/market/data/catalog.js';
import { buildMarket } from '../../engine/market/build-market.js';
import { isoDay } from '../../engine/core/dates.js';
import type { Market } from '../../engine/core/types.js';

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

/** Every typed array of a market (dates, cash, prices, returns, series, the Fed columns), by name. */
function columnsOf(m: Market): [string, ArrayBufferView][] {
  const out: [string, ArrayBufferView][] = [
    ['dates', m.dates],
    ['cash', m.cash],
  ];
  for (const [group, record] of [
    ['prices', m.prices],
    ['returns', m.returns],
    ['series', m.series],
    ['fed', m.fed],
  ] as const)
    for (const [k, v] of Object.entries(record)) if (ArrayBuffer.isView(v)) out.push([`${group}.${k}`, v]);
  return out;
}

const bytes = (v: ArrayBufferView) => Buffer.from(v.buffer, v.byteOffset, v.byteLength);

/** A built-in's parameter sets: its defaults, then each enum value and boolean in turn. */
function variants(s: Strategy, file: string): Record<string, unknown>[] {
  const base: Record<string, unknown> = Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, v.default]));
  if (s.id === 'weights-file') base.file = file;
  const out = [base];
  for (const [k, spec] of Object.entries(s.params)) {
    if (spec.type === 'enum') for (const v of spec.values) out.push({ ...base, [k]: v });
    if (spec.type === 'boolean') out.push({ ...base, [k]: !spec.default });
  }
  return out;
}

describe("built-ins read the market's own columns", () => {
  it("the built-ins are trusted; a user's strategy is not, not even one that calls a built-in", () => {
    for (const s of BUILTINS) expect(isTrusted(s)).toBe(true);
    const fcr = builtin('first-cut-rotation')!;
    expect(isTrusted({ ...fcr, params: {} })).toBe(true); // the same code with other parameters
    expect(isTrusted(vandal)).toBe(false);
    expect(isTrusted({ ...fcr, weights: (v, p, o) => fcr.weights(v, p, o) })).toBe(false);
  });

  it("a trusted strategy's view hands out the market's arrays; anyone else's private copies", () => {
    const m = fresh();
    const seen: boolean[][] = [];
    const weights: Strategy['weights'] = (view) => {
      seen.push([
        view.dates === m.dates,
        view.cash === m.cash,
        view.returns('small') === m.returns.s,
        view.price('large') === m.prices.l,
        view.series('ism_pmi') === m.series.ism_pmi,
        view.fed.monthsSinceFirstCut === m.fed.monthsSinceFirstCut,
        view.fed.phase === m.fed.phase,
      ]);
      return { small: new Float64Array(view.length).fill(1) };
    };
    const probe = defineStrategy({ id: 'probe', name: 'Probe', description: 'p', assets: ['small'], series: ['ism_pmi'], weights }) as unknown as Strategy;
    evaluateStrategy(probe, m, {});
    new ColumnEvaluator(probe, m).evaluate({});
    trustStrategies([probe]);
    evaluateStrategy(probe, m, {});
    new ColumnEvaluator(probe, m).evaluate({});
    expect(seen).toEqual([...[0, 1].map(() => new Array(7).fill(false)), ...[0, 1].map(() => new Array(7).fill(true))]);
  });

  it('no built-in writes into the columns it reads (what their trust rests on): every built-in, every enum and boolean value', () => {
    const full = buildMarket(loadCatalog(), {
      universe: 'russell-bonds',
      series: ['ism_pmi', 'ust_2y', 't10y2y', 'ust_10y', 'tbill_3m', 'bm_spread'],
    });
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-trust-'));
    const file = join(dir, 'w.csv');
    const d = full.dates;
    writeFileSync(file, `date,small,large\n${isoDay(d[10])},0.5,0.5\n${isoDay(d[4000])},1,0\n${isoDay(d[d.length - 20])},0,1\n`);
    let evaluations = 0;
    for (const m of [full, fresh()]) {
      const before = columnsOf(m).map(([k, v]) => [k, Buffer.from(bytes(v))] as const);
      for (const s of BUILTINS)
        for (const p of variants(s, file)) {
          try {
            new ColumnEvaluator(s, m).evaluate(p);
          } catch {
            // a choice this market refuses (bonds without bonds, a series it lacks): what it read is still checked
          }
          evaluations++;
          const changed = columnsOf(m)
            .filter(([k, v]) => !bytes(v).equals(before.find(([b]) => b === k)![1]))
            .map(([k]) => k);
          expect({ strategy: s.id, params: p, changed }).toEqual({ strategy: s.id, params: p, changed: [] });
        }
    }
    expect(evaluations).toBeGreaterThan(60);
  });

  it("the calendar memo checks a market's own column once, a copy on every use", () => {
    const m = fresh();
    const equals = vi.spyOn(Buffer.prototype, 'equals');
    try {
      const own = sharedMarketView(m).series('ism_pmi');
      const copy = marketView(m).series('ism_pmi');
      let made = 0;
      for (let i = 0; i < 5; i++) {
        derivedOf(own, () => ++made);
        sharedMonthsBack(sharedMarketView(m).dates, 3);
      }
      expect(equals).toHaveBeenCalledTimes(0);
      for (let i = 0; i < 5; i++) derivedOf(copy, () => ++made);
      expect(equals).toHaveBeenCalledTimes(4);
      expect(made).toBe(2);
      copy[3] = 1e6; // a copy changed in place is derived again
      derivedOf(copy, () => ++made);
      expect(made).toBe(3);
    } finally {
      equals.mockRestore();
    }
  });
});
