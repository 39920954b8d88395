import { describe, expect, it } from 'vitest';
import { sweepInterruptedLine, sweepSummaryJson, sweepSummaryLines } from '../../../engine/cli/print/sweep-summary.js';
import type { SweepFolderResult } from '../../../engine/workflows/sweep/sweep-to-folder.js';
import type { SweepSummary } from '../../../engine/workflows/sweep/sweep.js';

// a finished sweep of 1,200 sets on this thread and 2 workers: the DSR against cash not computed, the PBO computed
const summary = {
  total: 1200,
  done: 1200,
  errors: 3,
  partial: 'out/s.partial',
  best: { index: 7, params: { months: 6, otherwise: 'cash' }, value: 0.51234 },
  trials: 1197,
  deflatedSharpe: 0.875,
  dsr: {
    cash: { value: NaN, null: '', observations: 400, frequency: 'month', trials: 1197 },
    benchmark: { value: 0.25, null: '', observations: 400, frequency: 'month', trials: 1197 },
  },
  pbo: { value: 0.5, statistic: 'sharpe', blocks: 16, splits: 12870, trials: 1200, months: 400 },
  workers: 2,
  thisThread: true,
  timings: { loopStart: 1500, loopMs: 20_000, statisticsMs: 2500 },
} as unknown as SweepSummary;
const buyHold = { small: { asset: 'rut', metrics: { sharpe: 0.3 } }, large: { asset: 'spx', metrics: { sharpe: null } } };
const result = { summary, tops: [], dir: '/abs/sweep', buyHold } as unknown as SweepFolderResult;

describe('the sweep summary', () => {
  it('says where an interrupted sweep keeps its sets', () => {
    expect(sweepInterruptedLine(summary)).toBe('interrupted: 1200 of 1200 sets are in out/s.partial/results.csv; finish with the same command and --resume');
  });

  it('prints the sets, the best set, the PBO, buy-and-hold, the checks in words and the folder', () => {
    const lines = sweepSummaryLines(result, '/abs/sweep', { metric: 'sharpe', benchmark: 'small', seconds: 12.5 }, 300);
    expect(lines).toEqual([
      'sweep: 1,200 sets in 12.5 s on this thread and 2 worker(s) (96 sets/s), 3 failed',
      'best sharpe 0.5123 at months=6 otherwise=cash; deflated Sharpe ratio 87.5% over 1197 trials (null: Sharpe over cash 0), 25.0% against small caps (monthly, n = 400)',
      'probability of backtest overfitting 50.0% (CSCV, 16 blocks, 12,870 splits, 1,200 sets × 400 months)',
      'buy-and-hold over the same bars: sharpe 0.3000 small caps (rut), – large caps (spx)',
      '- DSR not computed: the best set has no Sharpe ratio over cash to deflate.',
      "- Against small caps: DSR 0.25 — the probability that the best set's monthly lead over small caps (its information ratio, 400 months) is more than the best of 1,197 unskilled trials would show is 25%: not convincing (rule: ≥ 0.95).",
      '- PBO 0.50: in 50% of the 12,870 CSCV splits the set best in sample ranked at or below the median out of sample — no sign that picking the best in-sample set overfits (rule: > 0.5 overfits).',
      'wrote /abs/sweep (results.csv, sweep.json, sweep.html, top/)',
    ]);
  });

  it('wraps the words to the width, and names no set nor buy-and-hold when there is none', () => {
    const bare = { ...summary, best: undefined, workers: 0, thisThread: true, pbo: { value: null, reason: 'too few months' } } as unknown as SweepSummary;
    const lines = sweepSummaryLines({ summary: bare, tops: [] }, 'out/s', { metric: 'cagr', benchmark: 'large', seconds: 2 }, 60);
    expect(lines[0]).toBe('sweep: 1,200 sets in 2.0 s on this thread (600 sets/s), 3 failed');
    expect(lines[1]).toMatch(/^best cagr – at none; /);
    expect(lines[2]).toBe('probability of backtest overfitting: not computed (too few months)');
    expect(lines[3]).toBe('- DSR not computed: the best set has no Sharpe ratio over\n  cash to deflate.');
    expect(lines[5]).toBe('- PBO not computed: too few months.');
    expect(lines).toHaveLength(7);
  });

  it('gives the JSON summary with the timings in seconds and the peak memory in MB', () => {
    const json = sweepSummaryJson(result, '/abs/sweep', { metric: 'sharpe', seconds: 12.5 }, { nowMs: 30_000, maxRssKb: 204_800 }) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual([
      'out',
      'sets',
      'failed',
      'seconds',
      'workers',
      'thisThread',
      'metric',
      'best',
      'trials',
      'deflatedSharpe',
      'dsr',
      'pbo',
      'buyHold',
      'timings',
      'peakRssMb',
    ]);
    expect(json).toMatchObject({ out: '/abs/sweep', sets: 1200, failed: 3, seconds: 12.5, workers: 2, metric: 'sharpe', best: summary.best, buyHold });
    expect(json.timings).toEqual({ startS: 1.5, loopS: 20, statisticsS: 2.5, folderS: 6, totalS: 30 });
    expect(json.peakRssMb).toBe(200);
    expect(
      sweepSummaryJson({ summary: { ...summary, best: undefined }, tops: [] }, 'x', { metric: 'sharpe', seconds: 1 }, { nowMs: 0, maxRssKb: 0 }),
    ).toMatchObject({
      best: null,
      buyHold: null,
    });
  });
});
