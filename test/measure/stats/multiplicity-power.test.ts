import { describe, expect, it } from 'vitest';
import { benjaminiHochberg } from '../../../engine/measure/stats/benjamini-hochberg.js';
import { criticalValue, simulatedP } from '../../../engine/measure/stats/critical-value.js';
import { holm } from '../../../engine/measure/stats/holm.js';
import { minimumDetectableEffect } from '../../../engine/measure/stats/minimum-detectable-effect.js';
import { placeboExcess } from '../../../engine/measure/stats/placebo-interval.js';

/** The 15 p-values of Benjamini & Hochberg (1995), §4 (a study of myocardial infarction treatments). */
const BH_1995 = [0.0001, 0.0004, 0.0019, 0.0095, 0.0201, 0.0278, 0.0298, 0.0344, 0.0459, 0.324, 0.4262, 0.5719, 0.6528, 0.759, 1];

describe('multiplicity', () => {
  it('Holm by hand, input order kept, NaN outside the family', () => {
    // sorted 0.005, 0.01, 0.03, 0.04 (m = 4): ×4, ×3, ×2, ×1 → 0.02, 0.03, 0.06, 0.04 → running max 0.02, 0.03, 0.06, 0.06
    expect(holm([0.01, 0.04, 0.03, 0.005, NaN])).toEqual([0.03, 0.06, 0.06, 0.02, NaN]);
    expect(holm([0.6, 0.9])).toEqual([1, 1]);
  });

  it('Benjamini–Hochberg by hand', () => {
    // m = 4: m p / rank = 0.02, 0.02, 0.04, 0.04; running min from the top
    const bh = benjaminiHochberg([0.01, 0.04, 0.03, 0.005, NaN]);
    [0.02, 0.04, 0.04, 0.02].forEach((v, i) => expect(bh[i]).toBeCloseTo(v, 15));
    expect(bh[4]).toBeNaN();
  });

  it('the textbook example: at 5 %, Benjamini–Hochberg rejects 4 of the 15, Holm 3 (Benjamini & Hochberg 1995)', () => {
    expect(benjaminiHochberg(BH_1995).filter((p) => p <= 0.05)).toHaveLength(4);
    expect(holm(BH_1995).filter((p) => p <= 0.05)).toHaveLength(3);
  });
});

describe('minimumDetectableEffect', () => {
  it('(q₀.₉₇₅ + q₀.₈) · se with normal or Student quantiles (Bloom 1995)', () => {
    expect(minimumDetectableEffect(0.035)).toBeCloseTo((1.959964 + 0.841621) * 0.035, 6);
    expect(minimumDetectableEffect(0.035, { df: 7 })).toBeCloseTo((2.364624 + 0.89603) * 0.035, 5);
    expect(minimumDetectableEffect(NaN)).toBeNaN();
  });
});

describe('placebo excess and simulated critical values', () => {
  it('excess over the placebo centre ± the 95th percentile of |placebo − centre|, by hand', () => {
    // centre 0.2; |d − c| sorted 0, .1, .1, .2, .2; type-7 95 % quantile at 3.8 → 0.2
    const e = placeboExcess(0.5, Float64Array.of(0, 0.1, 0.2, 0.3, 0.4));
    expect(e.excess).toBeCloseTo(0.3, 15);
    expect(e.low).toBeCloseTo(0.1, 15);
    expect(e.high).toBeCloseTo(0.5, 15);
    expect(e.se).toBeCloseTo(Math.sqrt(0.1 / 4), 15);
  });

  it('criticalValue and simulatedP by hand', () => {
    expect(criticalValue(Float64Array.of(-3, -1, 0.5, 2, NaN), 0.5)).toBe(1.5);
    expect(simulatedP(2, Float64Array.of(-3, -1, 0.5, 2))).toBeCloseTo(3 / 5, 15);
    expect(simulatedP(NaN, Float64Array.of(1))).toBeNaN();
  });
});
