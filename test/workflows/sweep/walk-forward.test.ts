import { describe, expect, it } from 'vitest';
import { parseDuration, walkForward } from '../../../engine/workflows/sweep/walk-forward.js';
import { parseGrid } from '../../../engine/workflows/sweep/grid.js';
import { DEFAULT_SIM_OPTIONS } from '../../../engine/simulate/simulate.js';
import { defineStrategy } from '../../../engine/strategy/define.js';
import { makeMarket, monthEnds } from '../../helpers/make-market.js';
import { isoDay } from '../../../engine/core/dates.js';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { walkForwardToFolder } from '../../../engine/workflows/sweep/walk-forward-to-folder.js';
import { cli } from '../../helpers/cli.js';

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

  it('returns buy-and-hold of each asset over exactly the out-of-sample bars, as walkforward.json records it', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ratecycle-wf-')), 'wf');
    const res = await walkForwardToFolder({
      strategy: strategy as never,
      market,
      sim: { ...DEFAULT_SIM_OPTIONS, lag: 0, periodsPerYear: 12 },
      grid: parseGrid(['k=1,2,3'], strategy.params, 'pick'),
      base: {},
      trainMonths: 12,
      testMonths: 12,
      metric: 'total_return',
      out,
      described: { grid: ['k=1,2,3'], train: '1y', test: '1y' },
    });
    // held from the close of the first out-of-sample bar to the close of the last
    const first = dates.indexOf(isoDay(res.dates[0])),
      last = dates.indexOf(isoDay(res.dates[res.dates.length - 1]));
    expect(last - first + 1).toBe(res.dates.length);
    expect(res.buyHold[market.small].totalReturn).toBeCloseTo(small[last] / small[first] - 1, 12);
    expect(res.buyHold[market.large].totalReturn).toBeCloseTo(large[last] / large[first] - 1, 12);
    expect(res.buyHold[market.small].bars).toBe(res.outOfSample.bars);
    expect(res.buyHold[market.small].start).toBe(res.outOfSample.start);
    const json = JSON.parse(readFileSync(join(out, 'walkforward.json'), 'utf8'));
    expect(json.buyHold[market.large].sharpe).toBe(res.buyHold[market.large].sharpe);
    expect(json.buyHold[market.small].cagr).toBe(res.buyHold[market.small].cagr);
  });

  it('the terminal summary prints the strategy beside buy-and-hold of small and large caps over the same out-of-sample bars', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'ratecycle-wf-')), 'wf');
    const r = cli(['walkforward', 'ism-cycle', '--grid', 'level=45:55:5', '--train', '15y', '--test', '3y', '--universe', 'ff', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(readFileSync(join(out, 'walkforward.json'), 'utf8'));
    const oos = readFileSync(join(out, 'oos-equity.csv'), 'utf8').trim().split('\n');
    const lines = r.stdout.trimEnd().split('\n');
    const head = lines.findIndex((l) => l.startsWith('out of sample, '));
    expect(lines[head]).toBe(
      `out of sample, ${oos[1].slice(0, 10)} to ${oos.at(-1)!.slice(0, 10)} (${(oos.length - 1).toLocaleString('en-US')} bars, the same for every row):`,
    );
    expect(lines[head + 1]).toMatch(/^ +CAGR +Sharpe +max drawdown$/);
    const pct = (x: number) => `${(x * 100).toFixed(2)}%`;
    const row = (label: string, m: { cagr: number; sharpe: number; maxDrawdown: number }) =>
      new RegExp(`^${label.replace(/[()]/g, '\\$&')} +${pct(m.cagr)} +${m.sharpe.toFixed(2)} +${pct(m.maxDrawdown)}$`);
    expect(lines[head + 3]).toMatch(row('walk-forward (stitched)', j.outOfSample));
    expect(lines[head + 4]).toMatch(row('small caps (ff_small) buy-and-hold', j.buyHold.ff_small));
    expect(lines[head + 5]).toMatch(row('large caps (ff_large) buy-and-hold', j.buyHold.ff_large));
    expect(lines.at(-1)).toMatch(/^wrote /);
  });
});
