import { describe, expect, it } from 'vitest';
import { eventPath } from '../../../engine/measure/analytics/event-path.js';
import { eventStudy, forwardSpreads, overlapClusters, summarizeEvents, type EventRow } from '../../../engine/measure/analytics/event-study.js';
import { regimeTable } from '../../../engine/measure/analytics/regimes.js';
import { parseIsoDay as d } from '../../../engine/core/dates.js';
import { neweyWestGroupMean } from '../../../engine/measure/stats/newey-west-group-mean.js';
import { neweyWestContrast } from '../../../engine/measure/stats/newey-west-contrast.js';
import { neweyWestMean } from '../../../engine/measure/stats/newey-west-mean.js';
import { Phase } from '../../../engine/core/types.js';
import { monthEnds } from '../../helpers/make-market.js';

const row = (spread: number, entry: number, exit = entry + 30): EventRow => ({
  event: 'first-cut',
  eventDate: entry,
  entryDate: entry,
  horizonMonths: 12,
  exitDate: exit,
  strategy: 0,
  small: spread,
  large: 0,
  spread,
});

describe('summarizeEvents inference', () => {
  it('sd, t and the exact sign test by hand; bootstrap interval near the enumerated one', () => {
    // spreads 0.1 0.2 −0.1 0.3 0.05: mean 0.11; deviations −.01 .09 −.21 .19 −.06 → SS 0.092, sd √0.023
    // t = 0.11 / (√0.023 / √5); small ahead in 4 of 5 → p = 2 (1 + 5) / 32 = 0.375
    const spreads = [0.1, 0.2, -0.1, 0.3, 0.05];
    const [s] = summarizeEvents(spreads.map((x, i) => row(x, i * 100)));
    expect(s.spreadSd).toBeCloseTo(Math.sqrt(0.023), 14);
    expect(s.spreadT).toBeCloseTo(0.11 / (Math.sqrt(0.023) / Math.sqrt(5)), 12);
    expect(s.hits).toBe(4);
    expect(s.signP).toBeCloseTo(0.375, 15);
    expect(s.clusters).toBe(5);
    expect(s.note).toBe('');
    // all 5^5 resamples enumerated: the exact percentile interval of the bootstrap mean
    const means: number[] = [];
    for (let k = 0; k < 3125; k++) {
      let sum = 0;
      for (let j = 0, q = k; j < 5; j++, q = Math.floor(q / 5)) sum += spreads[q % 5];
      means.push(sum / 5);
    }
    means.sort((a, b) => a - b);
    const q = (p: number) => means[Math.floor(p * 3124)] + (p * 3124 - Math.floor(p * 3124)) * (means[Math.ceil(p * 3124)] - means[Math.floor(p * 3124)]);
    expect(Math.abs(s.spreadCiLow - q(0.025))).toBeLessThan(0.01);
    expect(Math.abs(s.spreadCiHigh - q(0.975))).toBeLessThan(0.01);
  });

  it('fewer than 5 events: "too few events to test", no interval or p-value', () => {
    const [s] = summarizeEvents([row(0.1, 0), row(0.2, 100), row(0.3, 200), row(0.4, 300)]);
    expect(s.note).toBe('too few events to test');
    expect(s.signP).toBeNaN();
    expect(s.spreadCiLow).toBeNaN();
    expect(s.spreadMean).toBeCloseTo(0.25, 14);
  });

  it('events whose windows overlap form one cluster', () => {
    expect(Array.from(overlapClusters([row(0, 0, 50), row(0, 40, 90), row(0, 100, 150), row(0, 150, 200)]))).toEqual([0, 0, 1, 2]);
  });

  it('placebo on a constructed series: only the event months are special, so p = 1 / (draws + 1)', () => {
    // 120 month ends; small gains 10 % in the month after each of 5 event months, nothing otherwise;
    // large is flat. Forward 1-month spread = 0.1 from the 5 event months and 0 from the other 114
    // eligible months: a placebo mean of 5 months reaches 0.1 only if it draws all 5 (1 in C(119, 5)).
    const dates = Int32Array.from(monthEnds('2000-01', 120).map(d));
    const eventsAt = [10, 30, 55, 80, 100];
    const small = new Float64Array(120);
    small[0] = 1;
    for (let t = 1; t < 120; t++) small[t] = small[t - 1] * (eventsAt.includes(t - 1) ? 1.1 : 1);
    const large = new Float64Array(120).fill(1);
    const input = { dates, small, large, strategy: large };
    const rows = eventStudy(
      input,
      eventsAt.map((t) => ({ event: 'first-cut', date: dates[t] })),
      [1],
    );
    const [s] = summarizeEvents(rows, { input, draws: 4000, seed: 3 });
    expect(s.spreadMean).toBeCloseTo(0.1, 12);
    expect(s.placeboEligible).toBe(119);
    expect(s.placeboP).toBeCloseTo(1 / 4001, 15);
    expect(s.placeboRank).toBe(1);
    // the same dates on a market where small = large: every date gives 0, p = 1
    const flat = { dates, small: large, large, strategy: large };
    const [z] = summarizeEvents(
      eventStudy(
        flat,
        eventsAt.map((t) => ({ event: 'first-cut', date: dates[t] })),
        [1],
      ),
      { input: flat, draws: 500 },
    );
    expect(z.placeboP).toBe(1);
    // forward spreads use the event study's exit rule
    const fw = forwardSpreads(input, 1);
    expect(fw[10]).toBeCloseTo(0.1, 14);
    expect(fw[11]).toBe(0);
    expect(fw[119]).toBeNaN();
  });

  it('is byte-identical for the same seed', () => {
    const rows = [0.1, 0.2, -0.1, 0.3, 0.05, -0.2].map((x, i) => row(x, i * 100));
    expect(JSON.stringify(summarizeEvents(rows, { seed: 5 }))).toBe(JSON.stringify(summarizeEvents(rows, { seed: 5 })));
  });
});

describe('eventPath', () => {
  it('a steady 1 % a month relative drift gives the path 1.01^m − 1 and bands that collapse onto it', () => {
    const dates = Int32Array.from(monthEnds('2000-01', 80).map(d));
    const small = Float64Array.from({ length: 80 }, (_, t) => 1.01 ** t);
    const large = new Float64Array(80).fill(1);
    const p = eventPath({ dates, small, large }, [10, 30, 50], { from: -3, to: 24, draws: 300 });
    expect(p.offsets[0]).toBe(-3);
    p.offsets.forEach((m, k) => {
      const expected = 1.01 ** m - 1;
      expect(p.mean[k]).toBeCloseTo(expected, 12);
      expect(p.bootLow[k]).toBeCloseTo(expected, 12);
      expect(p.placeboHigh[k]).toBeCloseTo(expected, 12);
    });
    // the event at month 50 has no value 24 months later (month 74 exists) … but 30 months would not
    expect(p.n[p.offsets.indexOf(24)]).toBe(3);
  });
});

describe('regime spread inference', () => {
  it('Newey–West mean of a group by hand: x = 1 5 3 7, members 1 0 1 1, lag 1', () => {
    // μ = 11/3; u = −8/3 0 −2/3 10/3; Σu² = 168/9; lag-1 Σ u_t u_{t−1} = −20/9; S = 168/9 − 20/9 = 148/9
    // se = √S / n = √148 / 9
    const r = neweyWestGroupMean(Float64Array.of(1, 5, 3, 7), Uint8Array.of(1, 0, 1, 1), 1);
    expect(r.mean).toBeCloseTo(11 / 3, 14);
    expect(r.se).toBeCloseTo(Math.sqrt(148) / 9, 14);
    // every bar a member: the plain Newey–West mean
    const all = neweyWestGroupMean(Float64Array.of(1, 2, 3, 4), Uint8Array.of(1, 1, 1, 1), 1);
    expect(all.se).toBeCloseTo(neweyWestMean(Float64Array.of(1, 2, 3, 4), 1).se, 14);
    // contrast of {1, 3} against {2, 4} at lag 0: u = (x − μ)/2 with signs; var = (1 + 1)/4 + (1 + 1)/4 = 1
    const c = neweyWestContrast(Float64Array.of(1, 2, 3, 4), Uint8Array.of(1, 0, 1, 0), Uint8Array.of(0, 1, 0, 1), 0);
    expect(c.mean).toBe(-1);
    expect(c.se).toBeCloseTo(1, 14);
  });

  it('constant spreads within phases: annualized spread and a bootstrap interval that collapses onto it', () => {
    // 2 years of month ends; easing (first 12 bars' phase) small beats large by 1 point a month, tightening lags by 1
    const dates = Int32Array.from(monthEnds('2000-01', 25).map(d));
    const phase = Int8Array.from({ length: 25 }, (_, t) => (t < 12 ? Phase.Easing : Phase.Tightening));
    const small = Float64Array.from({ length: 25 }, (_, t) => (t === 0 ? 0 : t <= 12 ? 0.02 : 0.0));
    const large = Float64Array.from({ length: 25 }, (_, t) => (t === 0 ? 0 : 0.01));
    const rows = regimeTable({ dates, strategy: small, small, large, phase, cycles: [], periodsPerYear: 12 }, { draws: 500 });
    const easing = rows.find((r) => r.label === 'easing')!;
    const tight = rows.find((r) => r.label === 'tightening')!;
    const contrast = rows.find((r) => r.scope === 'contrast')!;
    expect(easing.spreadAnn).toBeCloseTo(0.12, 14);
    expect(tight.spreadAnn).toBeCloseTo(-0.12, 14);
    expect(contrast.spreadAnn).toBeCloseTo(0.24, 14);
    expect(easing.spreadCiLow).toBeCloseTo(0.12, 12);
    expect(easing.spreadCiHigh).toBeCloseTo(0.12, 12);
    expect(contrast.spreadCiLow).toBeCloseTo(0.24, 12);
    expect(rows.find((r) => r.label === 'hold')!.spreadAnn).toBeNaN();
    // the contrast pools both phases: no direction of its own, and it spans the easing and the tightening bars
    expect(contrast.direction).toBe('');
    expect(contrast.start).toBe(Math.min(easing.start, tight.start));
    expect(contrast.end).toBe(Math.max(easing.end, tight.end));
    expect(contrast.end).toBe(tight.end);
  });
});

describe('barsMonthsAfter', () => {
  it('equals barMonthsAfter bar by bar on daily and month-end calendars, for negative and positive horizons', async () => {
    const { barMonthsAfter, barsMonthsAfter } = await import('../../../engine/measure/analytics/event-study.js');
    const { weekdays } = await import('../../helpers/make-market.js');
    for (const cal of [weekdays('1999-12-20', 900), monthEnds('1998-01', 60)]) {
      const dates = Int32Array.from(cal.map(d));
      for (const h of [-3, -1, 1, 2, 12, 24]) {
        const all = barsMonthsAfter(dates, h);
        for (let i = 0; i < dates.length; i++) expect(all[i]).toBe(barMonthsAfter(dates, i, h));
      }
    }
  });
});

describe('summarizeEvents with overlapping windows', () => {
  it('six events in three overlapping pairs: too few independent groups to test', () => {
    const rows = [0, 10, 100, 110, 200, 210].map((e, i) => row([0.1, 0.2, -0.1, 0.3, 0.05, 0.0][i], e, e + 30));
    const [s] = summarizeEvents(rows);
    expect(s.clusters).toBe(3);
    expect(s.note).toBe('too few independent groups to test (3 groups of overlapping events)');
    expect(s.spreadCiLow).toBeNaN();
  });
});
