import { describe, expect, it } from 'vitest';
import { parseDuration, walkForward } from '../../../engine/workflows/sweep/walk-forward.js';
import { parseGrid } from '../../../engine/workflows/sweep/grid.js';
import { DEFAULT_SIM_OPTIONS } from '../../../engine/simulate/simulate.js';
import { defineStrategy } from '../../../engine/strategy/define.js';
import { makeMarket, monthEnds } from '../../helpers/make-market.js';
import { isoDay } from '../../../engine/core/dates.js';

const dates = monthEnds('2000-01', 120);
// small caps win in even years, large caps in odd years
const small: number[] = [100];
const large: number[] = [100];
for (let t = 1; t < 120; t++) {
  const even = Number(dates[t].slice(0, 4)) % 2 === 0;
  small.push(small[t - 1] * (even ? 1.03 : 0.99));
  large.push(large[t - 1] * (even ? 0.99 : 1.02));
}
const market = makeMarket({ dates, small, large, frequency: 'monthly' });
const strategy = defineStrategy({
  id: 'pick',
  name: 'Pick',
  description: 'holds small (k=1), large (k=2) or half and half (k=3)',
  assets: ['small', 'large'],
  params: { k: { type: 'integer', default: 1, min: 1, max: 3, description: 'k' } },
  weights(view, p) {
    const s = new Float64Array(view.length).fill(p.k === 1 ? 1 : p.k === 2 ? 0 : 0.5);
    return { small: s, large: s.map((x) => 1 - x) };
  },
});

describe('walk-forward', () => {
  it('parses durations', () => {
    expect(parseDuration('10y', 'train')).toBe(120);
    expect(parseDuration('18m', 'test')).toBe(18);
    expect(parseDuration('2y6m', 'test')).toBe(30);
    expect(() => parseDuration('ten', 'train')).toThrow(/^train ten: expected a duration/);
  });

  it('rolls contiguous test windows and stitches them', () => {
    const res = walkForward({
      strategy: strategy as never,
      market,
      sim: { ...DEFAULT_SIM_OPTIONS, lag: 0, periodsPerYear: 12 },
      grid: parseGrid(['k=1,2,3'], strategy.params, 'pick'),
      base: {},
      trainMonths: 12,
      testMonths: 12,
      metric: 'total_return',
    });
    expect(res.windows.length).toBe(9);
    for (let i = 1; i < res.windows.length; i++) expect(res.windows[i].testFrom).toBeGreaterThan(res.windows[i - 1].testTo);
    // training on an even year picks small caps (k=1), on an odd year large caps (k=2)
    for (const w of res.windows) {
      const trainYear = Number(isoDay(w.trainTo).slice(0, 4));
      expect(w.params.k).toBe(trainYear % 2 === 0 ? 1 : 2);
    }
    expect(res.inSampleMean).toBeGreaterThan(0);
    expect(res.outOfSample.totalReturn).toBeLessThan(0); // last year's winner loses this year
    expect(Array.from(res.dates).every((d, i, a) => i === 0 || d > a[i - 1])).toBe(true);
    expect(res.dates.length).toBe(108);
  });

  it('anchored windows all train from the first bar', () => {
    const res = walkForward({
      strategy: strategy as never,
      market,
      sim: { ...DEFAULT_SIM_OPTIONS, periodsPerYear: 12 },
      grid: parseGrid(['k=1,2'], strategy.params, 'pick'),
      base: {},
      trainMonths: 24,
      testMonths: 24,
      anchored: true,
    });
    expect(res.windows.map((w) => isoDay(w.trainFrom))).toEqual(new Array(res.windows.length).fill('2000-01-31'));
    expect(res.windows.length).toBe(4);
  });
});
