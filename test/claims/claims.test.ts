import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cutEvents, PAUSE_DAYS } from '../../engine/claims/event-claims.js';
import { ismEvents } from '../../engine/claims/ism-events.js';
import { regimeClaims } from '../../engine/claims/regime-claims.js';
import { runClaims } from '../../engine/claims/run-claims.js';
import { valuationClaim } from '../../engine/claims/valuation-claim.js';
import { verdictOf } from '../../engine/claims/verdict.js';
import { loadCatalog } from '../../engine/data/catalog.js';
import { isoDay, parseIsoDay } from '../../engine/dates.js';
import { claimsCsv, claimsJson } from '../../reports/claims/claims-csv.js';
import { Phase } from '../../engine/types.js';
import { cli } from '../helpers/cli.js';
import { makeMarket, monthEnds, weekdays } from '../helpers/make-market.js';

describe('verdict rule', () => {
  it('supported / contradicted / not shown by the sign of the interval', () => {
    expect(verdictOf(0.01, 0.05, 1)).toBe('supported');
    expect(verdictOf(-0.05, -0.01, 1)).toBe('contradicted');
    expect(verdictOf(-0.01, 0.05, 1)).toBe('not shown');
    expect(verdictOf(-0.05, -0.01, -1)).toBe('supported');
    expect(verdictOf(0.01, 0.05, -1)).toBe('contradicted');
    expect(verdictOf(NaN, NaN, 1)).toBe('not shown');
  });
});

describe('ISM events', () => {
  it('the release completing six readings below 50, and the first one back at or above 50', () => {
    // readings: 52, then 7 below 50, then 51; a second spell of only 3 below does not count
    const v = [52, 49, 48, 47, 46, 45, 44, 43, 51, 49, 48, 47, 50];
    const known = v.map((_, k) => 1000 + 30 * k);
    const e = ismEvents(v, known);
    expect(e.below).toEqual([1000 + 30 * 6]); // the 6th reading below 50
    expect(e.recovery).toEqual([1000 + 30 * 8]);
  });

  it('a spell that starts with the data does not count (its start is unknown)', () => {
    expect(ismEvents([49, 49, 49, 49, 49, 49, 55], [1, 2, 3, 4, 5, 6, 7])).toEqual({ below: [], recovery: [] });
  });
});

describe('cut events', () => {
  it('later cuts are the cuts of an easing cycle that come at least 91 days after its previous cut', () => {
    const dates = weekdays('2019-01-01', 400);
    const m = makeMarket({
      dates,
      small: dates.map(() => 1),
      large: dates.map(() => 1),
      startRate: 2.5,
      decisions: [['2019-07-31', 2.25], ['2019-09-18', 2], ['2019-10-30', 1.75], ['2020-03-03', 1.25], ['2020-03-16', 0.25]],
    });
    const ev = cutEvents(m);
    expect(ev.first.map(isoDay)).toEqual(['2019-07-31']);
    expect(ev.all.map(isoDay)).toEqual(['2019-07-31', '2019-09-18', '2019-10-30', '2020-03-03', '2020-03-16']);
    expect(PAUSE_DAYS).toBe(91);
    expect(ev.later.map(isoDay)).toEqual(['2020-03-03']); // 125 days after 2019-10-30
  });
});

describe('regime claims on a constructed market', () => {
  it('small ahead by 1 point a month in easing and behind by 1 in tightening: supported both ways, with exact intervals', () => {
    const dates = monthEnds('2000-01', 49);
    const phase = Array.from({ length: 49 }, (_, t) => (t % 24 < 12 ? Phase.Easing : Phase.Tightening));
    // bar t's return is earned in the phase known at t − 1
    const small = [100];
    for (let t = 1; t < 49; t++) small.push(small[t - 1] * (phase[t - 1] === Phase.Easing ? 1.02 : 1.0));
    const large = dates.map((_, t) => 100 * 1.01 ** t);
    const m = makeMarket({ dates, small, large, frequency: 'monthly' });
    const mm = { ...m, periodsPerYear: 12, fed: { ...m.fed, phase: Int8Array.from(phase) } };
    const r = regimeClaims(mm, { universe: 'test', draws: 300, seed: 1 });
    const easing = r.rows.find((x) => x.part === '2-easing')!;
    const tight = r.rows.find((x) => x.part === '2-tightening')!;
    // per-bar spread 0.02 − 0.01 = 0.01 (easing) and 0 − 0.01 = −0.01 (tightening): × 12 a year
    expect(easing.estimate).toBeCloseTo(0.12, 12);
    expect(easing.ciLow).toBeCloseTo(0.12, 12);
    expect(easing.verdict).toBe('supported');
    expect(tight.estimate).toBeCloseTo(-0.12, 12);
    expect(tight.verdict).toBe('supported');
    expect(r.rows.find((x) => x.part === '2-contrast')!.estimate).toBeCloseTo(0.24, 12);
  });
});

describe('valuation claim on a constructed market', () => {
  it('a predictor that sets the next 10 years exactly gives slope 1 and the implied spread at the latest reading', () => {
    // 40 years of month ends; large flat; small grows at g_t a year where g changes every 10 years, and
    // bm_spread is set to the next 10 years' annualized small − large return: y = x exactly
    const n = 480;
    const dates = monthEnds('1950-01', n);
    const rate = (t: number) => [0.02, 0.06, -0.01, 0.04][Math.floor(t / 120)];
    const small = [1];
    for (let t = 1; t < n; t++) small.push(small[t - 1] * (1 + rate(t - 1)) ** (1 / 12));
    const m = makeMarket({ dates, small, large: dates.map(() => 1), frequency: 'monthly' });
    const y = dates.map((_, t) => (t + 120 < n ? (small[t + 120] / small[t]) ** 0.1 - 1 : NaN));
    const bm = Float64Array.from(y, (v, t) => (Number.isFinite(v) ? v : y[n - 121] + 0 * t));
    const mm = { ...m, series: { bm_spread: bm } };
    const res = valuationClaim(mm, { universe: 'test', latest: { value: 0.03, date: parseIsoDay('1989-12-31') }, history: bm });
    if ('skip' in res) throw new Error(res.skip);
    const slope = res.rows.find((r) => r.part === '5-slope')!;
    const implied = res.rows.find((r) => r.part === '5-implied')!;
    expect(slope.estimate).toBeCloseTo(1, 10);
    expect(slope.n).toBe(n - 120);
    expect(implied.estimate).toBeCloseTo(0.03, 10);
  });

  it('a short sample is not asked', () => {
    const dates = monthEnds('2000-01', 200);
    const m = makeMarket({ dates, small: dates.map(() => 1), large: dates.map(() => 1), frequency: 'monthly' });
    const res = valuationClaim({ ...m, series: { bm_spread: new Float64Array(200).fill(2) } }, { universe: 't', latest: { value: 2, date: 0 }, history: new Float64Array(1).fill(2) });
    expect('skip' in res && res.skip).toMatch(/needs 240/);
  });
});

describe('runClaims on the shipped data', () => {
  const catalog = loadCatalog();
  it('is byte-identical for the same seed and changes with the seed; every row states n, interval and how', () => {
    const a = runClaims(catalog, { universes: ['russell'], draws: 300, seed: 4 });
    const b = runClaims(catalog, { universes: ['russell'], draws: 300, seed: 4 });
    const c = runClaims(catalog, { universes: ['russell'], draws: 300, seed: 5 });
    expect(claimsJson(a)).toBe(claimsJson(b));
    expect(claimsCsv(a)).toBe(claimsCsv(b));
    expect(claimsCsv(c)).not.toBe(claimsCsv(a));
    const first = a.rows.find((r) => r.part === '1')!;
    expect(first.n).toBe(8);
    expect(first.ciMethod).toMatch(/bootstrap/);
    expect(first.pMethod).toMatch(/placebo/);
    for (const r of a.rows) {
      expect(r.n, r.part).toBeGreaterThan(0);
      expect(['supported', 'contradicted', 'not shown']).toContain(r.verdict);
      expect(r.sentence.length).toBeGreaterThan(10);
    }
  });

  it('refuses an unknown sample and too few draws with a readable error', () => {
    expect(() => runClaims(catalog, { universes: ['nope'] })).toThrow(/not a claims sample/);
    expect(() => runClaims(catalog, { draws: 10 })).toThrow(/--draws/);
  });
});

describe('ratecycle claims (CLI)', () => {
  it('writes claims.html, claims.csv and claims.json, prints the verdict table, refuses to overwrite', () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'ratecycle-claims-')), 'c');
    const r = cli(['claims', '--universe', 'russell,ff-1926', '--draws', '200', '--out', dir]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/first cut → 12 m/);
    expect(r.stdout).toMatch(/claims\.html/);
    for (const f of ['claims.html', 'claims.csv', 'claims.json']) expect(existsSync(join(dir, f))).toBe(true);
    const csv = readFileSync(join(dir, 'claims.csv'), 'utf8');
    expect(csv.split('\n')[0]).toMatch(/^claim,part,headline,label,universe,from,to,n,/);
    const again = cli(['claims', '--universe', 'russell', '--draws', '200', '--out', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr.trim().split('\n')).toHaveLength(1);
    const bad = cli(['claims', '--universe', 'mars']);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/not a claims sample/);
  });
});
