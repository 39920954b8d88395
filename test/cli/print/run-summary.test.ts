import { describe, expect, it } from 'vitest';
import { runDoneLines, runJson, ruinedLine, simulatedLines } from '../../../engine/cli/print/run-summary.js';
import type { BacktestSimulation } from '../../../engine/workflows/run/backtest.js';

const metrics = { sharpe: 0.5, cagr: 0.1, totalReturn: 1.5, informationRatio: NaN };
const run = (ruinBar: number) =>
  ({
    strategy: { id: 'vote' },
    market: { universe: 'ff', small: 's', large: 'l', dates: Int32Array.from([10957, 10988, 11017]), warnings: ['w'] },
    sim: { ruinBar },
    benchmark: 'spy',
    metrics: { strategy: metrics, small: metrics, large: metrics, spy: metrics },
  }) as unknown as BacktestSimulation;

describe('the run summary', () => {
  it('says when equity was ruined, or nothing', () => {
    expect(ruinedLine(run(1))).toBe('ruined on 2000-02-01: equity fell to 0 or below; positions closed, equity 0 from there');
    expect(ruinedLine(run(-1))).toBe('');
  });

  it('heads the metrics with the strategy, universe, period, bars and lag, and names the benchmark of beta', () => {
    const lines = simulatedLines('Vote', run(-1), 1);
    expect(lines[0]).toBe('Vote on ff (2000-01-01 to 2000-03-01, 3 bars, lag 1)');
    expect(lines[1].split('\n')[0]).toBe('metric                vote  small (s)  large (l)  benchmark (spy)');
    expect(lines[1].split('\n')[3]).toBe('CAGR                10.00%     10.00%     10.00%           10.00%');
    expect(lines[2]).toBe('(beta and information ratio against spy)');
    expect(lines).toHaveLength(3);
    expect(simulatedLines('Vote', run(2), 0)[1]).toBe('ruined on 2000-03-01: equity fell to 0 or below; positions closed, equity 0 from there');
  });

  it('ends with the strategy’s answer and the folder, and gives the JSON', () => {
    expect(runDoneLines('Its lead over large caps is 1.2% a year.', 'out/r', true, 100)).toEqual([
      '\nIts lead over large caps is 1.2% a year.',
      '\nwrote out/r (open out/r/report.html)',
    ]);
    expect(runDoneLines(undefined, 'out/r', false, 100)).toEqual(['\nwrote out/r']);
    const json = runJson('vote-1', 'out/r', run(1)) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['run', 'out', 'ruined', 'warnings', 'metrics']);
    expect((json.metrics as Record<string, unknown>).spy).toEqual({ sharpe: 0.5, cagr: 0.1, totalReturn: 1.5, informationRatio: null });
    expect(Object.keys(runJson('vote-1', 'out/r', run(-1)))).toEqual(['run', 'out', 'warnings', 'metrics']);
  });
});
