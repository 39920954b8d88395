import { describe, expect, it } from 'vitest';
import { strategyAnswer } from '../../reports/strategy-answer.js';

const row = (over: Record<string, string>) => ({
  versus: 'large',
  n: '1200',
  mean_ann: '0.013',
  nw_t: '1.99',
  nw_lag: '5',
  ci_low: '0.001',
  ci_high: '0.026',
  block_length: '2.5',
  ...over,
});

describe('strategyAnswer', () => {
  it('ahead / behind when the 95 % interval excludes 0, with n in bars and independent blocks', () => {
    const a = strategyAnswer([row({})], 'large', 'large caps (spx)')!;
    expect(a.verdict).toBe('ahead');
    expect(a.sentence).toBe(
      'The strategy is AHEAD of large caps (spx): +1.3% a year (95 % CI +0.1% to +2.6%), Newey–West t 1.99; 1,200 bars, about 480 independent blocks of 2.5 bars. Null: its mean return equals that of large caps (spx); rule: ahead or behind when the block-bootstrap 95 % interval excludes 0.',
    );
    expect(strategyAnswer([row({ mean_ann: '-0.02', ci_low: '-0.03', ci_high: '-0.01', nw_t: '-3.1' })], 'large', 'x')!.verdict).toBe('behind');
  });

  it('not distinguishable comes with the minimum detectable effect: (1.96 + 0.84) standard errors, the SE read off the interval', () => {
    // interval −0.016 to +0.016: SE = 0.032 / 3.919928 = 0.0081634; MDE = 2.801585 × 0.0081634 = 0.022871
    const a = strategyAnswer([row({ mean_ann: '-0.0002', ci_low: '-0.016', ci_high: '0.016', nw_t: '-0.03' })], 'large', 'large caps')!;
    expect(a.verdict).toBe('not distinguishable');
    expect(a.mde).toBeCloseTo(0.022871, 5);
    expect(a.sentence).toMatch(
      /NOT DISTINGUISHABLE from large caps: 0\.0% a year \(95 % CI −1\.6% to \+1\.6%\), Newey–West t −0\.03; .*could detect \(5 % test, 80 % power\) is ±2\.3% a year\.$/,
    );
  });

  it('not tested without an interval; undefined without the row', () => {
    expect(strategyAnswer([row({ ci_low: '', ci_high: '' })], 'large', 'x')!.verdict).toBe('not tested');
    expect(strategyAnswer([row({})], 'small', 'x')).toBeUndefined();
  });
});
