import { describe, expect, it } from 'vitest';
import { betaAlpha } from '../../../engine/measure/metrics/beta-alpha.js';
import { computeMetrics } from '../../../engine/measure/metrics/compute-metrics.js';
import { trackingError } from '../../../engine/measure/metrics/tracking.js';
import { FIVE } from './series.js';

const m = computeMetrics({ ...FIVE, periodsPerYear: 252 });

describe('benchmark-relative metrics (5 bars by hand)', () => {
  it('beta and Jensen’s alpha on excess returns', () => {
    // excess x: 0.099, −0.201, 0.049, 0.099 (mean 0.0115); benchmark excess b: 0.049, −0.101, −0.001, 0.049 (mean −0.001)
    // deviations dx: 0.0875, −0.2125, 0.0375, 0.0875; db: 0.05, −0.1, 0, 0.05
    // cov ∝ 0.004375 + 0.02125 + 0 + 0.004375 = 0.03; var ∝ 0.0025 + 0.01 + 0 + 0.0025 = 0.015 → beta 2
    expect(m.beta).toBeCloseTo(2, 12);
    // alpha = (0.0115 − 2 × (−0.001)) × 252 = 3.402
    expect(m.alphaAnnual).toBeCloseTo(3.402, 10);
    expect(betaAlpha([0.1, 0.2], [0.05, 0.05], 12).beta).toBeNaN();
  });

  it('tracking error and information ratio on active returns r − b', () => {
    // d: 0.05, −0.1, 0.05, 0.05; mean 0.0125; deviations 0.0375 ×3, −0.1125; Σ squares 0.016875; sd √(0.016875 / 3) = 0.075
    expect(m.trackingError).toBeCloseTo(0.075 * Math.sqrt(252), 12);
    expect(m.informationRatio).toBeCloseTo((0.0125 * 252) / (0.075 * Math.sqrt(252)), 12);
    expect(trackingError(FIVE.returns, FIVE.returns, 252).informationRatio).toBeNaN();
  });

  it('are NaN without a benchmark', () => {
    const n = computeMetrics({ dates: FIVE.dates, returns: FIVE.returns, cash: FIVE.cash });
    for (const k of ['beta', 'alphaAnnual', 'trackingError', 'informationRatio'] as const) expect(n[k]).toBeNaN();
  });
});
