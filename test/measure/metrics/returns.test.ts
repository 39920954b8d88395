import { describe, expect, it } from 'vitest';
import { cagr } from '../../../engine/measure/metrics/cagr.js';
import { computeMetrics } from '../../../engine/measure/metrics/compute-metrics.js';
import { equityCurve } from '../../../engine/core/equity-curve.js';
import { excessReturns } from '../../../engine/measure/metrics/excess-returns.js';
import { sharpe, sharpePerBar } from '../../../engine/measure/metrics/sharpe.js';
import { sortino } from '../../../engine/measure/metrics/sortino.js';
import { volatility } from '../../../engine/measure/metrics/volatility.js';
import { FIVE } from './series.js';

const m = computeMetrics({ ...FIVE, periodsPerYear: 252 });

describe('growth, volatility and risk-adjusted returns (5 bars by hand)', () => {
  it('equity, total return and CAGR over calendar days', () => {
    expect(Array.from(equityCurve(FIVE.returns)).map((x) => +x.toFixed(12))).toEqual([1, 1.1, 0.88, 0.924, 1.0164]);
    expect(m.totalReturn).toBeCloseTo(1.1 * 0.8 * 1.05 * 1.1 - 1, 14); // 0.0164
    // 4 calendar days from 01-04 to 01-08
    expect(m.cagr).toBeCloseTo(Math.pow(1.0164, 365.25 / 4) - 1, 12);
    expect(cagr(0.21, 2 * 365.25)).toBeCloseTo(0.1, 14); // 1.1² over two years
    expect(Number.isNaN(cagr(0.1, 0))).toBe(true);
  });

  it('volatility: sample standard deviation × √periodsPerYear', () => {
    // mean 0.0125; deviations 0.0875, −0.2125, 0.0375, 0.0875; Σ squares 0.061875; n − 1 = 3
    const sd = Math.sqrt(0.061875 / 3);
    expect(m.volatility).toBeCloseTo(sd * Math.sqrt(252), 12);
    expect(volatility(FIVE.returns, 12)).toBeCloseTo(sd * Math.sqrt(12), 12);
  });

  it('Sharpe on excess returns over cash, annualized', () => {
    const ex = excessReturns(FIVE.returns, FIVE.cash);
    expect(Array.from(ex).map((x) => +x.toFixed(12))).toEqual([0.099, -0.201, 0.049, 0.099]);
    // excess mean 0.0115, same deviations as the returns
    const sd = Math.sqrt(0.061875 / 3);
    expect(sharpePerBar(ex)).toBeCloseTo(0.0115 / sd, 12);
    expect(sharpe(ex, 252)).toBeCloseTo((0.0115 / sd) * Math.sqrt(252), 12);
    expect(m.sharpe).toBeCloseTo((0.0115 / sd) * Math.sqrt(252), 12);
  });

  it('Sortino: downside deviation of excess returns below 0 over all bars', () => {
    // only −0.201 is below 0: √(0.201² / 4) = 0.1005
    expect(sortino(excessReturns(FIVE.returns, FIVE.cash), 252)).toBeCloseTo((0.0115 / 0.1005) * Math.sqrt(252), 12);
    expect(m.sortino).toBeCloseTo((0.0115 / 0.1005) * Math.sqrt(252), 12);
  });

  it('Calmar: CAGR / |max drawdown|', () => {
    expect(m.calmar).toBeCloseTo((Math.pow(1.0164, 365.25 / 4) - 1) / 0.2, 10);
  });
});
