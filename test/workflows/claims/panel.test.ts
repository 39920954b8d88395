import { describe, expect, it } from 'vitest';
import { panelEpisodes, pooledTest, type PanelSample } from '../../../engine/workflows/claims/panel.js';
import { pooledRegimeTest } from '../../../engine/workflows/claims/pooled-regimes.js';

describe('panelEpisodes', () => {
  const events = [
    { date: 0, region: 'eu' },
    { date: 100, region: 'jp' },
    { date: 300, region: 'eu' },
    { date: 500, region: 'jp' },
    { date: 2000, region: 'eu' },
  ];
  it('links cuts within 183 days anywhere and overlapping 12-month windows within one region', () => {
    // 0–100 within 183 days; 300 shares eu's window with 0 (300 < 365); 500 is 200 days from 300 (other region) and 400 from 100 (same region)
    expect(Array.from(panelEpisodes(events, 12))).toEqual([0, 0, 0, 1, 2]);
  });
  it('the coarse grouping joins any overlapping windows anywhere', () => {
    expect(Array.from(panelEpisodes(events, 12, 365, true))).toEqual([0, 0, 0, 0, 1]);
  });
});

/** A window of daily values 0 … L − 1 on days 0 … L − 1. */
function sample(id: string, region: string, values: number[], entries: number[]): PanelSample {
  const eligible = Float64Array.from(values);
  return {
    id,
    region,
    window: { eligible, eligibleDates: Int32Array.from(values, (_, i) => i), center: values.reduce((a, b) => a + b, 0) / values.length },
    entries,
    spreads: entries.map((d) => values[d]),
  };
}

describe('pooledTest', () => {
  // two regions on one 1,500-day calendar; cuts at least 200 days apart: 7 episodes (h = 1 month)
  const L = 1500;
  const a = sample(
    'a',
    'eu',
    Array.from({ length: L }, (_, i) => Math.sin(i / 5) + (i % 400 === 0 ? 1 : 0)),
    [0, 400, 800],
  );
  const b = sample(
    'b',
    'jp',
    Array.from({ length: L }, (_, i) => Math.cos(i / 17)),
    [200, 600, 1000, 1200],
  );
  it('estimate and the exact joint-rotation p (every common shift, brute force), n and episodes', () => {
    const r = pooledTest([a, b], 1, { draws: 999, seed: 1 });
    const x = (s: PanelSample, d: number) => s.window.eligible[d % L] - s.window.center;
    const stat = (delta: number) => [a, b].flatMap((s) => s.entries.map((e) => x(s, e + delta))).reduce((p, q) => p + q, 0) / 7;
    const dist = Array.from({ length: L }, (_, d) => stat(d));
    const c = dist.reduce((p, q) => p + q, 0) / L;
    const p = dist.filter((v) => Math.abs(v - c) >= Math.abs(dist[0] - c) * (1 - 1e-12)).length / L;
    expect([r.n, r.regions, r.episodes, r.shifts]).toEqual([7, 2, 7, L]);
    expect(r.p).toBeCloseTo(p, 12);
    expect(r.excess).toBeCloseTo(dist[0] - c, 12);
    // the interval inverts the test: it excludes 0 exactly when p < 0.05
    expect(r.ciLow > 0 || r.ciHigh < 0).toBe(r.p < 0.05);
  });
  it('fewer than 5 episodes: no test', () => {
    const r = pooledTest([sample('a', 'eu', [1, 2, 3, 4], [0, 1]), sample('b', 'jp', [1, 2, 3, 4], [2])], 1, { draws: 99, seed: 1 });
    expect(r.n).toBe(3);
    expect(Number.isNaN(r.p)).toBe(true);
  });
});

describe('pooledRegimeTest', () => {
  const L1 = 120,
    L2 = 100;
  // phases of 10 months alternating, offset between the two samples; spreads higher in phase 1 in the first sample
  const label = (L: number, off: number) => Int8Array.from({ length: L }, (_, t) => (Math.floor((t + off) / 10) % 2 === 0 ? 1 : -1));
  const a = {
    id: 'a',
    region: 'eu',
    label: label(L1, 0),
    from: 0,
    to: L1,
    d: Float64Array.from({ length: L1 }, (_, t) => 0.01 * Math.sin(t) + (Math.floor(t / 10) % 2 === 0 ? 0.004 : 0)),
  };
  const b = { id: 'b', region: 'jp', label: label(L2, 5), from: 0, to: L2, d: Float64Array.from({ length: L2 }, (_, t) => 0.01 * Math.cos(t / 2)) };
  it('the annualized mean excess and its exact joint-rotation p, by brute force; episodes in calendar time', () => {
    const r = pooledRegimeTest([a, b], 1, 12);
    const centre = (d: Float64Array) => Float64Array.from(d, (v) => v - d.reduce((p, q) => p + q, 0) / d.length);
    const [ca, cb] = [centre(a.d), centre(b.d)];
    const stat = (delta: number) => {
      let sum = 0,
        n = 0;
      for (let t = 0; t < L1; t++) {
        if (a.label[(t + delta) % L1] !== 1) continue;
        sum += ca[t];
        n++;
      }
      for (let t = 0; t < L2; t++) {
        if (b.label[(t + delta) % L2] !== 1) continue;
        sum += cb[t];
        n++;
      }
      return (sum / n) * 12;
    };
    const dist = Array.from({ length: L1 }, (_, d) => stat(d));
    const c = dist.reduce((p, q) => p + q, 0) / L1;
    const p = dist.filter((v) => Math.abs(v - c) >= Math.abs(dist[0] - c) * (1 - 1e-12)).length / L1;
    expect(r.p).toBeCloseTo(p, 12);
    expect(r.excess).toBeCloseTo(dist[0] - c, 12);
    expect(r.n).toBe(60 + 50);
    // phase 1 months of either sample: runs 0–14, 20–34, … (a: 0–9, 20–29, …; b: 5–14 as t+5 ∈ [0,10) … ) → 6 runs over 120 months
    expect(r.episodes).toBe(6);
    expect([r.samples, r.regions, r.shifts]).toEqual([2, 2, L1]);
  });
});

describe('shiftVerdict', () => {
  it('by hand: d = (3, 0, 1, −1, 2), centre 1, |d − 1| ≥ 2 twice of five', async () => {
    const { shiftVerdict } = await import('../../../engine/workflows/claims/shift-verdict.js');
    const v = shiftVerdict(Float64Array.of(3, 0, 1, -1, 2));
    expect(v.excess).toBe(2);
    expect(v.p).toBe(0.4);
    expect(v.shifts).toBe(5);
  });
});
