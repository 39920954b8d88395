import { describe, expect, it } from 'vitest';
import { evaluateStrategy } from '../../engine/strategy/evaluate.js';
import { auditStrategy } from '../../engine/strategy/audit.js';
import { builtin } from '../../strategies/index.js';
import { parseParams } from '../../engine/strategy/params.js';
import { makeMarket, monthEnds } from '../helpers/make-market.js';
import type { Market } from '../../engine/core/types.js';

/** The hand-made market of the built-in tests plus a third asset `b` in the bonds role. */
function withBonds(m: Market): Market {
  const T = m.dates.length;
  const price = Float64Array.from({ length: T }, (_, t) => 100 * 1.003 ** t);
  const ret = Float64Array.from({ length: T }, (_, t) => (t === 0 ? 0 : 0.003));
  return { ...m, assets: ['s', 'l', 'b'], bonds: 'b', prices: { ...m.prices, b: price }, returns: { ...m.returns, b: ret } };
}

// month ends 2019-01 … 2020-12; a hike on 2019-02-15 (tightening), first cut 2019-07-31 (easing)
const dates = monthEnds('2019-01', 24);
const two = makeMarket({
  dates,
  small: Array.from({ length: 24 }, (_, t) => 100 + t),
  large: Array.from({ length: 24 }, (_, t) => 100 + 0.5 * t),
  frequency: 'monthly',
  startRate: 2.25,
  decisions: [
    ['2019-02-15', 2.5],
    ['2019-07-31', 2.25],
    ['2019-09-18', 2.0],
    ['2020-03-03', 1.5],
    ['2020-03-15', 0.25],
  ],
  series: { bm_spread: [1, 2, 3, 2.5, 2, 1.5, 1, 2, 3, 4, 1, 1, 2, 3, 2, 1, 5, 1, 1, 1, 2, 2, 2, 3] },
});
const three = withBonds(two);

/** Rows [small, large, bonds] of a three-asset weight matrix. */
function rows(id: string, params: string[], market: Market = three): number[][] {
  const s = builtin(id)!;
  const w = evaluateStrategy(s, market, parseParams(s.params, params, id));
  return Array.from({ length: market.dates.length }, (_, t) => [w[3 * t], w[3 * t + 1], w[3 * t + 2]]);
}

describe('bonds as a leg of the rate-cycle built-ins (universes with bonds)', () => {
  it('fed-regime: tightening=bonds holds bonds while the Fed hikes, small caps while it eases', () => {
    const r = rows('fed-regime', ['tightening=bonds', 'hold=large']);
    const phase = three.fed.phase;
    expect(phase[1]).toBe(-1); // 2019-02-28: after the February hike
    expect(r[1]).toEqual([0, 0, 1]);
    expect(phase[6]).toBe(1); // 2019-07-31: the first cut
    expect(r[6]).toEqual([1, 0, 0]);
    for (let t = 0; t < 24; t++) expect(r[t]).toEqual(phase[t] === 1 ? [1, 0, 0] : phase[t] === -1 ? [0, 0, 1] : [0, 1, 0]);
    const held = rows('fed-regime', ['hold=bonds']);
    for (let t = 0; t < 24; t++) if (phase[t] === 0) expect(held[t]).toEqual([0, 0, 1]);
  });

  it('first-cut-rotation: otherwise=bonds holds bonds outside the window after the first cut', () => {
    const r = rows('first-cut-rotation', ['months=3', 'otherwise=bonds']);
    // window: 3 calendar months from 2019-07-31 → 07-31, 08-31, 09-30 (10-31 is 92 days = 3.02 months later)
    expect(r.map((x) => x[0])).toEqual([0, 0, 0, 0, 0, 0, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    for (const x of r) expect(x[0] + x[2]).toBe(1);
    expect(r.every((x) => x[1] === 0)).toBe(true);
  });

  it('valuation: otherwise=bonds', () => {
    const r = rows('valuation', ['months=12', 'window=expanding', 'otherwise=bonds']);
    for (let t = 0; t < 11; t++) expect(r[t]).toEqual([0, 0, 1]); // fewer than 12 months known
    // t=16: 16 finalized samples + 5 → 5 is the largest → small caps; t=17: 1 is not above the median
    expect(r[16]).toEqual([1, 0, 0]);
    expect(r[17]).toEqual([0, 0, 1]);
  });

  it('defaults ignore the bonds asset (weights 0), and the same rules work on a universe without bonds', () => {
    for (const id of ['fed-regime', 'first-cut-rotation', 'valuation']) {
      const s = builtin(id)!;
      const params = parseParams(s.params, id === 'valuation' ? ['months=12'] : [], id);
      const w3 = evaluateStrategy(s, three, params);
      const w2 = evaluateStrategy(s, two, params);
      for (let t = 0; t < 24; t++) {
        expect(w3[3 * t + 2]).toBe(0);
        expect([w3[3 * t], w3[3 * t + 1]]).toEqual([w2[2 * t], w2[2 * t + 1]]);
      }
    }
  });

  it('asking for bonds in a universe without them is a clear error', () => {
    const s = builtin('fed-regime')!;
    expect(() => evaluateStrategy(s, two, parseParams(s.params, ['tightening=bonds'], 'fed-regime'))).toThrow(
      /strategy "fed-regime" \(tightening=bonds hold=large\): universe "test" has no bonds asset; use a universe with bonds \(ff-bonds, russell-bonds\)/,
    );
  });

  it('the bonds legs pass the look-ahead audit', () => {
    for (const [id, p] of [
      ['fed-regime', ['tightening=bonds', 'hold=bonds']],
      ['first-cut-rotation', ['otherwise=bonds']],
      ['valuation', ['months=12', 'otherwise=bonds']],
    ] as const) {
      const s = builtin(id)!;
      const res = auditStrategy(s, three, parseParams(s.params, [...p], id), { randomCuts: 10 });
      expect(res.firstOffence).toBeUndefined();
      expect(res.ok).toBe(true);
    }
  });
});

describe('regime table and event study carry bonds where present', () => {
  it('chains bond returns by the phase known at the previous close, and over event windows (hand-computed)', async () => {
    const { regimeTable } = await import('../../engine/measure/analytics/regimes.js');
    const { eventStudy } = await import('../../engine/measure/analytics/event-study.js');
    const d = Int32Array.from(monthEnds('2020-01', 4).map((x) => Date.parse(x) / 864e5));
    const zero = new Float64Array(4);
    const bonds = Float64Array.of(0, 0.01, 0.02, -0.01);
    const rows = regimeTable({ dates: d, strategy: zero, small: zero, large: zero, bonds, phase: Int8Array.of(1, 1, -1, -1), cycles: [] }, { draws: 200 });
    expect(rows[0].label).toBe('easing');
    expect(rows[0].bonds).toBeCloseTo(1.01 * 1.02 - 1, 12); // bars 1 and 2 (phase at bars 0 and 1 easing)
    expect(rows[1].bonds).toBeCloseTo(-0.01, 12); // bar 3
    expect(rows[2].bonds).toBe(0); // no hold bars
    expect(
      regimeTable({ dates: d, strategy: zero, small: zero, large: zero, phase: Int8Array.of(1, 1, -1, -1), cycles: [] }, { draws: 200 })[0].bonds,
    ).toBeUndefined();
    const level = Float64Array.of(1, 1.01, 1.0302, 1.019898);
    const ones = new Float64Array(4).fill(1);
    const ev = eventStudy({ dates: d, strategy: ones, small: ones, large: ones, bonds: level }, [{ event: 'first-cut', date: d[0] }], [1, 2]);
    expect(ev.map((e) => e.bonds)).toEqual([expect.closeTo(0.01, 12), expect.closeTo(0.0302, 12)]);
  });
});
