import { describe, expect, it } from 'vitest';
import strategy from './small-after-cuts.js';
import { evaluateStrategy } from '../../engine/strategy/evaluate.js';
import { auditStrategy } from '../../engine/strategy/audit.js';
import { parseParams } from '../../engine/strategy/params.js';
import { makeMarket, monthEnds } from '../../test/helpers/make-market.js';

describe('small-after-cuts (example user strategy)', () => {
  const dates = monthEnds('2019-01', 30);
  const market = makeMarket({
    dates,
    small: dates.map((_, t) => 100 + t),
    large: dates.map(() => 100),
    startRate: 2.5,
    decisions: [['2019-07-31', 2.25]],
    frequency: 'monthly',
    // PMI rising from 2020-01 on
    series: { ism_pmi: dates.map((_, t) => (t < 12 ? 50 : 50 + (t - 12))) },
  });

  it('holds small caps 6–18 months after the first cut while the PMI rises', () => {
    const w = evaluateStrategy(strategy as never, market, parseParams(strategy.params, [], strategy.id));
    const small = dates.map((_, t) => w[t * 2]);
    // first cut bar 6 (2019-07-31): window bars 12..23; PMI rise over 3 months > 0 from bar 13 (2020-02)
    expect(small).toEqual(dates.map((_, t) => (t >= 13 && t <= 23 ? 1 : 0)));
  });

  it('passes the look-ahead audit', () => {
    expect(auditStrategy(strategy as never, market, parseParams(strategy.params, [], strategy.id)).ok).toBe(true);
  });
});
