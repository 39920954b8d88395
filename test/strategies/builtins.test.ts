import { describe, expect, it } from 'vitest';
import { evaluateStrategy } from '../../engine/strategy/evaluate.js';
import { auditStrategy } from '../../engine/strategy/audit.js';
import { BUILTINS, builtin } from '../../strategies/index.js';
import { parseParams } from '../../engine/strategy/params.js';
import { makeMarket, monthEnds, weekdays } from '../helpers/make-market.js';
import type { Market } from '../../engine/core/types.js';

/** Small-cap weights (column 0) of a built-in on a market. */
function smallWeights(id: string, market: Market, params: string[] = []): (number | null)[] {
  const s = builtin(id)!;
  const m = evaluateStrategy(s, market, parseParams(s.params, params, id));
  return Array.from({ length: market.dates.length }, (_, t) => (Number.isNaN(m[t * 2]) ? null : m[t * 2]));
}

// 24 month ends, 2019-01 … 2020-12; policy: hikes early 2019, first cut 2019-07-31, cuts to 2020-03, hold after
const dates = monthEnds('2019-01', 24);
const ramp = (k: number) => Array.from({ length: 24 }, (_, t) => 100 * (1 + k * t));
const market = makeMarket({
  dates,
  small: [100, 102, 101, 105, 104, 108, 110, 109, 111, 115, 114, 118, 121, 119, 124, 126, 129, 131, 130, 133, 137, 140, 139, 142],
  large: ramp(0.01),
  frequency: 'monthly',
  startRate: 2.25,
  decisions: [
    ['2019-02-15', 2.5],
    ['2019-07-31', 2.25],
    ['2019-09-18', 2.0],
    ['2020-03-03', 1.5],
    ['2020-03-15', 0.25],
  ],
  series: {
    ism_pmi: [49, 51, 52, 51, 50, 48, 47, 49, 51, 53, 54, 52, 50, 49, 51, 52, 53, 55, 56, 54, 53, NaN, NaN, NaN],
    ust_2y: [2.5, 2.5, 2.4, 2.3, 2.2, 2.0, 1.9, 1.6, 1.7, 1.6, 1.6, 1.6, 1.5, 1.2, 0.4, 0.3, 0.2, 0.2, 0.15, 0.15, 0.14, 0.13, 0.15, 0.12],
    t10y2y: [0.2, 0.15, 0.1, 0.15, 0.2, 0.25, 0.3, 0.1, 0.05, 0.15, 0.2, 0.3, 0.25, 0.3, 0.5, 0.6, 0.5, 0.5, 0.55, 0.6, 0.5, 0.6, 0.7, 0.8],
  },
});
const cut = dates.indexOf('2019-07-31'); // 6

describe('built-in strategies on a hand-made market', () => {
  it('buy-hold and fixed-mix', () => {
    expect(smallWeights('buy-hold', market)).toEqual(new Array(24).fill(1));
    expect(smallWeights('buy-hold', market, ['asset=large'])).toEqual(new Array(24).fill(0));
    expect(smallWeights('fixed-mix', market, ['small=0.3', 'large=0.7'])).toEqual(new Array(24).fill(0.3));
  });

  it('first-cut-rotation holds small caps for N months after the first cut only', () => {
    const w = smallWeights('first-cut-rotation', market, ['months=3']);
    // first cut 2019-07-31 (bar 6); months since: 0, 1.0, 2.0, 3.0 (2019-10-31 is 3.0 months → out)
    expect(w).toEqual(dates.map((_, t) => (t >= cut && t < cut + 3 ? 1 : 0)));
    const every = smallWeights('first-cut-rotation', market, ['months=3', 'every_cut=true']);
    // later cuts (2019-09-18 → bar 8, 2020-03 → bar 14) restart the window
    expect(every).toEqual(dates.map((_, t) => ((t >= 6 && t <= 10) || (t >= 14 && t <= 16) ? 1 : 0)));
    const cash = evaluateStrategy(builtin('first-cut-rotation')!, market, { months: 3, every_cut: false, otherwise: 'cash' });
    expect(cash[0] + cash[1]).toBe(0);
  });

  it('fed-regime follows the point-in-time phase', () => {
    const w = smallWeights('fed-regime', market, ['hold=mix']);
    // tightening from 2019-02-15 (bars 1–5), easing from 2019-07-31, hold after 2020-09 (183 days after 2020-03-15)
    expect(w.slice(0, 6)).toEqual([0.5, 0, 0, 0, 0, 0]);
    expect(w.slice(6, 20)).toEqual(new Array(14).fill(1));
    expect(w[20]).toBe(0.5);
  });

  it('rate-momentum: the policy rate fell over the last k months', () => {
    const w = smallWeights('rate-momentum', market, ['months=3']);
    // policy 2.25, 2.5 (from Feb), 2.25 (Jul), 2.0 (Sep), 0.25 (Mar 2020)
    expect(w.slice(0, 3)).toEqual([0, 0, 0]); // bars without a 3-month lookback hold large
    expect(w[cut]).toBe(1); // 2019-07 vs 2019-04: 2.25 < 2.5
    expect(w[cut + 5]).toBe(0); // 2019-12 vs 2019-09: 2.0 = 2.0
    expect(w[14]).toBe(1); // 2020-03 vs 2019-12
    const y = smallWeights('rate-momentum', market, ['rate=ust_2y', 'months=1', 'threshold=0.25']);
    expect(y[7]).toBe(1); // 1.9 → 1.6
    expect(y[13]).toBe(1); // 1.5 → 1.2
    expect(y[6]).toBe(0); // 2.0 → 1.9
  });

  it('ism-cycle: level and rising rules, stale data falls back', () => {
    const level = smallWeights('ism-cycle', market, ['rule=level']);
    expect(level.slice(0, 6)).toEqual([0, 1, 1, 1, 0, 0]);
    expect(level.slice(21)).toEqual([0, 0, 0]); // NaN PMI → otherwise (large)
    const both = smallWeights('ism-cycle', market, ['rule=both', 'months=1']);
    expect(both.slice(0, 4)).toEqual([0, 1, 1, 0]);
    const either = smallWeights('ism-cycle', market, ['rule=either', 'months=1']);
    expect(either[7]).toBe(1); // 49 > 47: rising although below 50
  });

  it('relative-momentum compares 12-1 momentum', () => {
    const w = smallWeights('relative-momentum', market, ['lookback=3', 'skip=0']);
    expect(w.slice(0, 3)).toEqual([0, 0, 0]);
    // bar 3: small 105/100 − 1 = 5 % vs large 1.03/1.00 − 1 = 3 % → small
    expect(w[3]).toBe(1);
    // bar 4: small 104/102 = 1.96 % vs large 1.04/1.01 = 2.97 % → large
    expect(w[4]).toBe(0);
  });

  it('curve: steepening of 10y−2y', () => {
    const w = smallWeights('curve', market, ['months=1']);
    expect(w.slice(0, 4)).toEqual([0, 0, 0, 1]);
  });

  it('vote: graded share of its members', () => {
    const w = smallWeights('vote', market, ['members=buy-hold,first-cut-rotation', 'grid=0.5']);
    // buy-hold votes 1; first-cut-rotation votes 1 for 12 months after the cut: average 1 or 0.5
    expect(w[0]).toBe(0.5);
    expect(w[cut]).toBe(1);
    const maj = smallWeights('vote', market, ['members=buy-hold,first-cut-rotation,fed-regime', 'mode=majority']);
    expect(maj[cut]).toBe(1);
    expect(maj[2]).toBe(0); // buy-hold yes, rotation no, regime (tightening) no
  });

  it('rule: a mathjs expression over named series', () => {
    const w = smallWeights('rule', market, ["when=fed_phase == 'easing' and ism_pmi > 50", 'then=small', 'else=large']);
    expect(w[cut]).toBe(0); // easing but PMI 47
    expect(w[8]).toBe(1); // easing and PMI 51
    expect(w[22]).toBe(0); // PMI unknown → else
    expect(() => smallWeights('rule', market, ['when=foo > 1'])).toThrow(/unknown name foo/);
    expect(() => smallWeights('rule', market, ['when=fed_phase ==', 'then=small'])).toThrow(/does not parse/);
    expect(() => smallWeights('rule', market, ['when=policy_rate < 1', 'then=gold'])).toThrow(/then=gold/);
    expect(builtin('rule')!.seriesFor!({ when: 'ism_pmi > 50 and t10y2y > 0', then: 'small', else: 'large' } as never)).toEqual(['ism_pmi', 't10y2y']);
  });
});

describe('every built-in passes the look-ahead audit', () => {
  const daily = makeMarket({
    dates: weekdays('2018-01-01', 700),
    small: Array.from({ length: 700 }, (_, t) => 100 * Math.exp(0.0003 * t + 0.05 * Math.sin(t / 17))),
    large: Array.from({ length: 700 }, (_, t) => 100 * Math.exp(0.0002 * t + 0.03 * Math.cos(t / 23))),
    startRate: 1.5,
    decisions: [
      ['2018-03-21', 1.75],
      ['2018-06-13', 2.0],
      ['2018-12-19', 2.5],
      ['2019-07-31', 2.25],
      ['2019-10-30', 1.75],
      ['2020-03-03', 1.25],
    ],
    series: {
      ism_pmi: Array.from({ length: 700 }, (_, t) => 50 + 5 * Math.sin(t / 60)),
      ust_2y: Array.from({ length: 700 }, (_, t) => 2 + Math.sin(t / 90)),
      t10y2y: Array.from({ length: 700 }, (_, t) => 0.5 + 0.4 * Math.cos(t / 45)),
      ust_10y: Array.from({ length: 700 }, (_, t) => 2.5 + 0.3 * Math.sin(t / 70)),
      tbill_3m: Array.from({ length: 700 }, (_, t) => 1.5 + 0.5 * Math.sin(t / 80)),
      bm_spread: Array.from({ length: 700 }, (_, t) => 1.5 + 0.4 * Math.sin(t / 40) + 0.1 * Math.cos(t / 7)),
    },
  });
  for (const s of BUILTINS.filter((x) => x.id !== 'weights-file')) {
    it(`${s.id}`, () => {
      const params = parseParams(s.params, s.id === 'rule' ? ['when=ism_pmi > 50 and fed_phase != tightening'] : [], s.id);
      const res = auditStrategy(s, daily, params, { randomCuts: 10 });
      expect(res.firstOffence).toBeUndefined();
      expect(res.ok).toBe(true);
      expect(res.cuts.length).toBeGreaterThan(5);
    });
  }
});
