import { describe, expect, it } from 'vitest';
import { walkForwardJson, walkForwardLines } from '../../../engine/cli/print/walkforward-summary.js';
import type { WalkForwardFolderResult } from '../../../engine/workflows/sweep/walk-forward-to-folder.js';

// two test windows, 2010–2011 and 2012–2013 (days since 1970-01-01), stitched into 3 out-of-sample bars
const window = (testFrom: number, testTo: number, months: number, inSample: number, outOfSample: number, testReturn: number) => ({
  trainFrom: 0,
  trainTo: 1,
  testFrom,
  testTo,
  params: { months },
  inSample,
  outOfSample,
  testReturn,
  failed: 0,
});
const res = {
  windows: [window(14610, 15339, 6, 0.8, 0.4, 0.12), window(15340, 16070, 12, 0.7, NaN, -0.035)],
  dates: Int32Array.from([14638, 15340, 16070]),
  outOfSample: { sharpe: 0.5, cagr: 0.1, maxDrawdown: -0.2 },
  inSampleMean: 0.75,
  buyHold: { rut: { sharpe: 0.25, cagr: 0.08, maxDrawdown: -0.5 }, spx: { sharpe: 0.6, cagr: 0.09, maxDrawdown: -0.3 } },
} as unknown as WalkForwardFolderResult;

describe('the walk-forward summary', () => {
  it('prints the windows, the in-sample mean against out of sample, buy-and-hold over the same bars and the folder', () => {
    const lines = walkForwardLines(res, { out: 'out/wf', metric: 'sharpe', params: ['months'], small: 'rut', large: 'spx' });
    expect(lines).toEqual([
      [
        'test window             months  in-sample  out-of-sample  test return',
        '----------------------  ------  ---------  -------------  -----------',
        '2010-01-01..2011-12-31       6       0.80           0.40       12.00%',
        '2012-01-01..2013-12-31      12       0.70              –       -3.50%',
      ].join('\n'),
      '\nsharpe: in-sample mean 0.75 vs stitched out-of-sample 0.50; out-of-sample CAGR 10.00%, max drawdown -20.00%',
      '\nout of sample, 2010-01-29 to 2013-12-31 (3 bars, the same for every row):',
      [
        '                                 CAGR  Sharpe  max drawdown',
        '-----------------------------  ------  ------  ------------',
        'walk-forward (stitched)        10.00%    0.50       -20.00%',
        'small caps (rut) buy-and-hold   8.00%    0.25       -50.00%',
        'large caps (spx) buy-and-hold   9.00%    0.60       -30.00%',
      ].join('\n'),
      'wrote out/wf (walkforward.html, walkforward.csv, oos-equity.csv, walkforward.json)',
    ]);
  });

  it('gives the windows with ISO dates in the JSON', () => {
    const json = walkForwardJson(res, { out: 'out/wf', metric: 'sharpe' }, ['a warning']) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['out', 'warnings', 'metric', 'inSampleMean', 'outOfSample', 'buyHold', 'windows']);
    expect(json.outOfSample).toEqual({ sharpe: 0.5, cagr: 0.1, maxDrawdown: -0.2 });
    expect((json.windows as object[])[1]).toEqual({
      trainFrom: '1970-01-01',
      trainTo: '1970-01-02',
      testFrom: '2012-01-01',
      testTo: '2013-12-31',
      params: { months: 12 },
      inSample: 0.7,
      outOfSample: NaN,
      testReturn: -0.035,
      failed: 0,
    });
  });
});
