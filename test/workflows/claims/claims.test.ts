import { describe, expect, it } from 'vitest';
import { cutEvents, PAUSE_DAYS, recessionBeganWithin } from '../../../engine/workflows/claims/event-claims.js';
import { ismEvents } from '../../../engine/workflows/claims/ism-events.js';
import { contrastTest, episodes, regimeClaims, regimeTest } from '../../../engine/workflows/claims/regime-claims.js';
import { runClaims } from '../../../engine/workflows/claims/run-claims.js';
import { valuationClaim } from '../../../engine/workflows/claims/valuation-claim.js';
import { verdictOf } from '../../../engine/workflows/claims/verdict.js';
import { finalizeRows } from '../../../engine/workflows/claims/family.js';
import type { ClaimDraft } from '../../../engine/workflows/claims/draft.js';
import { cliMessage } from '../../../engine/core/errors.js';
import { loadCatalog } from '../../../engine/market/data/catalog.js';
import { dayFromYmd, isoDay, parseIsoDay } from '../../../engine/core/dates.js';
import { buildMarket } from '../../../engine/market/build-market.js';
import { phaseWithHold } from '../../../engine/market/fed/phase-with-hold.js';
import { claimsCsv, claimsJson, multiverseCsv } from '../../../engine/formats/claims-folder.js';
import { cellText } from '../../../reports/claims/claims-table.js';
import { renderClaims } from '../../../reports/claims/render-claims.js';
import { publishedMarkdown } from '../../../reports/claims/published-table.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../../helpers/cli.js';
import { makeMarket, monthEnds, weekdays } from '../../helpers/make-market.js';
import { installedCatalog } from '../../helpers/installed-catalog.js';

describe('verdict rule', () => {
  it('supported / contradicted when p < 0.05 with / against the claimed sign; not shown otherwise; not tested without a p', () => {
    expect(verdictOf(0.01, 0.05, 1)).toBe('supported');
    expect(verdictOf(0.01, -0.05, 1)).toBe('contradicted');
    expect(verdictOf(0.2, 0.05, 1)).toBe('not shown');
    expect(verdictOf(0.05, 0.05, 1)).toBe('not shown');
    expect(verdictOf(0.01, -0.05, -1)).toBe('supported');
    expect(verdictOf(NaN, 0.05, 1)).toBe('not tested');
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
    expect([e.belowAt, e.recoveryAt]).toEqual([[6], [8]]);
  });

  it('a spell that starts with the data does not count (its start is unknown)', () => {
    expect(ismEvents([49, 49, 49, 49, 49, 49, 55], [1, 2, 3, 4, 5, 6, 7])).toEqual({ below: [], recovery: [], belowAt: [], recoveryAt: [] });
  });
});

describe('cut events', () => {
  it('later cuts are the cuts of an easing cycle that come at least 91 days after its previous cut', () => {
    const dates = weekdays('2018-06-01', 560); // the rate known for over a year before the first move
    const m = makeMarket({
      dates,
      small: dates.map(() => 1),
      large: dates.map(() => 1),
      startRate: 2.5,
      decisions: [
        ['2019-07-31', 2.25],
        ['2019-09-18', 2],
        ['2019-10-30', 1.75],
        ['2020-03-03', 1.25],
        ['2020-03-16', 0.25],
      ],
    });
    const ev = cutEvents(m);
    expect(ev.first.map(isoDay)).toEqual(['2019-07-31']);
    expect(ev.all.map(isoDay)).toEqual(['2019-07-31', '2019-09-18', '2019-10-30', '2020-03-03', '2020-03-16']);
    expect(PAUSE_DAYS).toBe(91);
    expect(ev.later.map(isoDay)).toEqual(['2020-03-03']); // 125 days after 2019-10-30
  });
});

describe('cut events of a sample cut out of a longer history', () => {
  it('the FOMC-era sample does not inherit the funds-rate-rule cut of 1982-09-01 that its first bar shows (74 cuts, not 75)', () => {
    const m = buildMarket(loadCatalog(), { universe: 'ff', from: '1982-09-27' });
    const from = parseIsoDay('1982-09-27');
    const before = cutEvents(m, -Infinity).all; // without the sample's start, as before the fix
    const ev = cutEvents(m, from);
    expect(isoDay(before[0])).toBe('1982-09-30'); // the month-end bar that shows the 1982-09-01 move
    expect(ev.all).toEqual(before.slice(1));
    expect(ev.all.every((d) => d >= from)).toBe(true);
    expect(ev.first.every((d) => d >= from)).toBe(true);
  });
});

describe('recession split', () => {
  // monthly NBER flags: recession from 2001-04 to 2001-11
  const dates = Int32Array.from({ length: 36 }, (_, k) => dayFromYmd(2000 + Math.floor(k / 12), (k % 12) + 1, 1));
  const values = Float64Array.from({ length: 36 }, (_, k) => (k >= 15 && k <= 22 ? 1 : 0));
  const rec = { dates, values };
  it('counts a recession that begins within 12 months of the cut, not one under way at the cut', () => {
    expect(recessionBeganWithin(rec, parseIsoDay('2001-01-03'))).toBe(true); // begins 3 months later
    expect(recessionBeganWithin(rec, parseIsoDay('2001-04-18'))).toBe(true); // begins in the cut's month
    expect(recessionBeganWithin(rec, parseIsoDay('2001-08-21'))).toBe(false); // under way since April
    expect(recessionBeganWithin(rec, parseIsoDay('2000-01-03'))).toBe(false); // begins 15 months later
  });
});

describe('regimes by episode', () => {
  it('episodes are runs of one label', () => {
    expect(Array.from(episodes(Int8Array.of(1, 1, 0, 0, 1, -1, -1)))).toEqual([0, 0, 1, 1, 2, 3, 3]);
  });

  it('a regime’s mean, its excess over the all-bars mean and the contrast, by hand, with each episode a cluster', () => {
    // 20 episodes of 6 months, easing and tightening in turn; the spread is +1 point a month while easing and −1 while
    // tightening, each episode shifted by ±0.2 points in turn (the shifts cancel within each regime)
    const label = new Int8Array(120),
      d = new Float64Array(120);
    for (let t = 0; t < 120; t++) {
      const k = Math.floor(t / 6);
      label[t] = k % 2 === 0 ? 1 : -1;
      d[t] = (label[t] === 1 ? 0.01 : -0.01) + (Math.floor(k / 2) % 2 === 0 ? 0.002 : -0.002);
    }
    const e = regimeTest(d, label, 1, 12, { draws: 999, seed: 1 });
    expect(e.n).toBe(60);
    expect(e.episodes).toBe(10);
    expect(e.clusters).toBe(20);
    expect(e.mean).toBeCloseTo(0.12, 12);
    expect(e.overall).toBeCloseTo(0, 12);
    // π = ½: (1 − π)(μ_easing − μ_rest) · 12 = ½ · 0.02 · 12
    expect(e.excess).toBeCloseTo(0.12, 12);
    expect(e.excessInference.p).toBeLessThan(0.05);
    expect(e.excessLow).toBeGreaterThan(0);
    const c = contrastTest(d, label, 1, -1, 12, { draws: 999, seed: 1 });
    expect(c.estimate).toBeCloseTo(0.24, 12);
    expect([c.episodesA, c.episodesB]).toEqual([10, 10]);
  });

  it('fewer than 5 episodes of a regime: no test', () => {
    const label = Int8Array.from({ length: 48 }, (_, t) => (Math.floor(t / 12) % 2 ? -1 : 1));
    const d = Float64Array.from({ length: 48 }, (_, t) => 0.001 * Math.sin(t));
    expect(regimeTest(d, label, 1, 12, { draws: 99, seed: 1 }).excessInference.p).toBeNaN();
  });

  it('the hold rule of the market (183 days) gives back its phases; 91 and 365 days move them', () => {
    const m = buildMarket(loadCatalog(), { universe: 'ff', from: '1954-07-01' });
    expect(Array.from(phaseWithHold(m.dates, m.fed, 183))).toEqual(Array.from(m.fed.phase));
    expect(Array.from(phaseWithHold(m.dates, m.fed, 91))).not.toEqual(Array.from(m.fed.phase));
    const r = regimeClaims(m, { universe: 'ff-1954', draws: 199, seed: 1 });
    expect(r.drafts.map((x) => x.row.part)).toEqual(
      expect.arrayContaining(['2-easing', '2-tightening', '2-contrast', '2-easing-hold91', '2-tightening-hold365']),
    );
  });
});

describe('valuation claim on a constructed market', () => {
  /** Month ends with small growing at g_t a year, g changing every 10 years; bm_spread = the next 10 years' spread plus noise. */
  function market(n: number) {
    const dates = monthEnds('1950-01', n);
    const rate = (t: number) => [0.02, 0.06, -0.01, 0.04, 0.0, 0.05, 0.01, 0.03][Math.floor(t / 120) % 8];
    const small = [1];
    for (let t = 1; t < n; t++) small.push(small[t - 1] * (1 + rate(t - 1)) ** (1 / 12));
    const m = makeMarket({ dates, small, large: dates.map(() => 1), frequency: 'monthly' });
    const y = dates.map((_, t) => (t + 120 < n ? (small[t + 120] / small[t]) ** 0.1 - 1 : NaN));
    const bm = Float64Array.from(y, (v, t) => (Number.isFinite(v) ? v : y[n - 121]) + 0.001 * Math.sin(t));
    return { m: { ...m, series: { bm_spread: bm } }, bm };
  }

  it('three non-overlapping decades: the slope is shown and not tested', () => {
    const { m, bm } = market(480);
    const res = valuationClaim(m, { universe: 'test', latest: { value: 0.03, date: parseIsoDay('1989-12-31') }, history: bm, draws: 100, seed: 1 });
    if ('skip' in res) throw new Error(res.skip);
    const slope = res.drafts.find((r) => r.row.part === '5-slope')!.row;
    expect(slope.estimate).toBeCloseTo(1, 1);
    expect(slope.n).toBe(360);
    expect(slope.groups).toBe(3);
    expect(slope.p).toBeNaN();
    expect(res.drafts.map((d) => d.row.part)).toEqual(['5-slope', '5-implied']);
  });

  it('six decades: p and interval from the null simulation, a prediction interval, the article’s number and the out-of-sample R²', () => {
    const { m, bm } = market(840);
    const res = valuationClaim(m, { universe: 'test', latest: { value: 0.03, date: parseIsoDay('2019-12-31') }, history: bm, draws: 500, seed: 1 });
    if ('skip' in res) throw new Error(res.skip);
    const rows = Object.fromEntries(res.drafts.map((d) => [d.row.part, d.row]));
    expect(Object.keys(rows)).toEqual(['5-slope', '5-implied', '5-article', '5-oos']);
    expect(rows['5-slope'].groups).toBe(6);
    expect(rows['5-slope'].p).toBeCloseTo(1 / 101, 12); // nothing simulated comes close to a perfect predictor
    expect(rows['5-slope'].ciLow).toBeGreaterThan(0.9);
    expect(rows['5-implied'].estimate).toBeCloseTo(0.03, 2);
    expect(rows['5-implied'].note).toMatch(/prediction interval for the coming decade itself/);
    expect(rows['5-article'].estimate).toBeCloseTo(0.03 - 0.07, 2);
    expect(rows['5-slope'].pMethod).toMatch(/would reject \d+ % of the time/);
  });

  it('a short sample is not asked', () => {
    const dates = monthEnds('2000-01', 200);
    const m = makeMarket({ dates, small: dates.map(() => 1), large: dates.map(() => 1), frequency: 'monthly' });
    const res = valuationClaim(
      { ...m, series: { bm_spread: new Float64Array(200).fill(2) } },
      { universe: 't', latest: { value: 2, date: 0 }, history: new Float64Array(1).fill(2), draws: 100, seed: 1 },
    );
    expect('skip' in res && res.skip).toMatch(/needs 240/);
  });
});

describe('the primary family', () => {
  const draft = (part: string, universe: string, p: number, headline = true): ClaimDraft => ({
    row: {
      claim: Number(part[0]),
      part,
      headline,
      label: part,
      universe,
      from: '',
      to: '',
      role: 'robustness',
      null: '',
      n: 9,
      nUnit: 'events',
      groups: 9,
      groupUnit: 'events',
      estimate: 0.05,
      unit: 'u',
      ciLow: 0,
      ciHigh: 0.1,
      ciMethod: '',
      p,
      pMethod: '',
      mde: 0.1,
      direction: 1,
      note: '',
    },
    say: (v, pv, adjusted) => `${v} ${pv} ${adjusted}`,
  });
  it('Holm and BH over the headline parts of the primary samples only; their verdicts on Holm, the rest on the raw p', () => {
    const rows = finalizeRows([
      draft('1', 'ff-1954', 0.01),
      draft('3-all', 'ff-1954', 0.03),
      draft('5-slope', 'ff-1926', 0.04),
      draft('1', 'russell', 0.01),
      draft('1-3m', 'ff-1954', 0.01, false),
    ]);
    // family of three: Holm 0.03, 0.06, 0.06; BH 0.03, 0.04, 0.04
    expect(rows.map((r) => r.role)).toEqual(['primary', 'primary', 'primary', 'robustness', 'robustness']);
    expect(rows.slice(0, 3).map((r) => r.pHolm)).toEqual([0.03, 0.06, 0.06]);
    expect(rows[2].pBH).toBeCloseTo(0.04, 15);
    expect(rows.slice(0, 3).map((r) => r.verdict)).toEqual(['supported', 'not shown', 'not shown']);
    expect(rows[3].pHolm).toBeNaN();
    expect(rows[3].verdict).toBe('supported');
    expect(rows[1].sentence).toBe('not shown 0.06 true');
  });
});

describe('runClaims on the shipped data', () => {
  const catalog = loadCatalog();
  it('is byte-identical for the same seed and changes with the seed; every row states its null, effective n, interval and how', () => {
    const a = runClaims(catalog, { universes: ['russell'], draws: 300, seed: 4 });
    const b = runClaims(catalog, { universes: ['russell'], draws: 300, seed: 4 });
    const c = runClaims(catalog, { universes: ['russell'], draws: 300, seed: 5 });
    expect(claimsJson(a)).toBe(claimsJson(b));
    expect(claimsCsv(a)).toBe(claimsCsv(b));
    expect(claimsCsv(c)).not.toBe(claimsCsv(a));
    const first = a.rows.find((r) => r.part === '1')!;
    expect(first.n).toBe(8);
    expect(first.groups).toBe(8);
    expect(first.ciMethod).toMatch(/placebo/);
    expect(first.pMethod).toMatch(/placebo/);
    expect(first.null).toMatch(/random/);
    expect(first.ahead?.method).toMatch(/wild cluster bootstrap-t/);
    for (const r of a.rows) {
      expect(r.role, r.part).toBe('robustness'); // no primary sample in this run
      expect(['supported', 'contradicted', 'not shown', 'not tested']).toContain(r.verdict);
      expect(r.sentence.length).toBeGreaterThan(10);
      expect(r.null.length).toBeGreaterThan(10);
    }
    // "64 cuts in 8 groups", and the equal-weight-per-cycle row beside it
    const all = a.rows.find((r) => r.part === '3-all')!;
    expect([all.n, all.groups]).toEqual([64, 8]);
    expect(a.rows.find((r) => r.part === '3-all-cycle')!.ahead?.estimate).toBeCloseTo(0.032, 3);
    // the ISM events say which vintage they rest on; the sign test on groups is kept
    expect(a.rows.find((r) => r.part === '4-below6')!.note).toMatch(/3 of 8 events on first releases \(from 2006-12\), 5 on revised values/);
    expect(first.ahead?.signP).toBeGreaterThan(0);
    // the valuation claim on russell: fewer than 5 decades, not tested; its slope is a number, not a percent
    const slope = a.rows.find((r) => r.part === '5-slope')!;
    expect(slope.verdict).toBe('not tested');
    expect(cellText(slope)).toMatch(/^– \+0\.04\d g3$/);
    const html = renderClaims(a)
      .replace(/<details>.*?<\/details>/s, '')
      .replace(/<script.*?<\/script>/gs, ''); // the data notes quote the loader's "(NaN)"
    expect(html).not.toMatch(/NaN|undefined/);
    expect(html).toContain('no out-of-sample forecast');
    expect(html).toMatch(/ahead in \d+ of \d+/);
  });

  it('the primary family: the headline parts on ff-1954 and ff-1926, Holm-adjusted; one answer per claim', () => {
    const r = runClaims(catalog, { universes: ['ff-1954', 'ff-1926', 'ff-1982'], draws: 200, seed: 1 });
    const primary = r.rows.filter((x) => x.role === 'primary');
    expect(primary.map((x) => `${x.part}@${x.universe}`)).toEqual([
      '1@ff-1954',
      '2-easing@ff-1954',
      '2-tightening@ff-1954',
      '3-all@ff-1954',
      '3-later@ff-1954',
      '4-below6@ff-1954',
      '4-recovery@ff-1954',
      '4-state@ff-1954',
      '5-slope@ff-1926',
      '5-implied@ff-1926',
    ]);
    for (const x of primary) expect(x.pHolm).toBeGreaterThanOrEqual(x.p);
    expect(r.answers.map((x) => x.claim)).toEqual([1, 2, 3, 4, 5]);
    for (const a of r.answers) expect(a.sentence).toMatch(/the null “.*” is (not )?rejected/);
    expect(r.family.size).toBe(10);
    const ff82 = r.universes.find((u) => u.id === 'ff-1982')!;
    expect(ff82.overlap?.with).toBe('ff-1954');
    expect(ff82.overlap?.correlation).toBeCloseTo(1, 12);
    expect(ff82.overlap?.sharedFirstCuts).toBe(ff82.overlap?.firstCuts);
    // 74 cuts with a complete 12-month window in the FOMC era (75 counted the funds-rate-rule cut of 1982-09-01)
    expect(r.rows.find((x) => x.part === '3-all' && x.universe === 'ff-1982')!.n).toBe(74);
  });

  it('in an installed project without the vendor data: runs every sample it can, lists the others with how to add them, names a missing ISM as missing', () => {
    const r = runClaims(installedCatalog(catalog), { draws: 200, seed: 1 });
    const regions = ['europe-ecb', 'europe-boe', 'europe-snb', 'japan-boj', 'apxj-rba', 'apxj-rbnz', 'na-boc'];
    expect(r.universes.map((u) => u.id)).toEqual(['ff-1954', 'ff-1982', 'ff-1926', ...regions, 'pooled-ex-us', 'pooled-all', 'pooled-ex-us-pause']);
    expect(r.unavailable.map((u) => u.universe)).toEqual(['russell', 'etf', 'r1000', 'sp600']);
    expect(r.unavailable[0].reason).toMatch(/it needs rut, spx; rut: .*data add FILE --id rut/);
    expect(r.answers.map((x) => `${x.claim} ${x.verdict}`)).toEqual(['1 not shown', '2 not shown', '3 not shown', '4 not tested', '5 not shown']);
    expect(r.answers[3].sentence).toMatch(/^4\. “.*” — not tested on ff-1954: series ism_pmi is not available: .*--id ism_pmi/);
    // claim 4 needs the ISM, which is vendor data: reported as missing, not as "0 events"
    expect(r.rows.filter((x) => x.claim === 4)).toEqual([]);
    expect(r.skipped.filter((s) => s.claim === 4).map((s) => s.reason)).toEqual([
      expect.stringMatching(/^series ism_pmi is not available: .*--id ism_pmi/),
      expect.stringMatching(/^series ism_pmi is not available/),
    ]);
    expect(renderClaims(r)).toMatch(/Not tested here<\/b>.*<li>russell: it needs rut, spx/s);
    // a named sample that is not available is refused with the reason
    expect(() => runClaims(installedCatalog(catalog), { universes: ['russell'], draws: 200 })).toThrow(/universe "russell" is not available: it needs rut/);
  });

  it('influence: the first-cut mean on ff-1954 rests on the pre-1982 cycles (median, leave-one-group-out, eras)', () => {
    const r = runClaims(catalog, { universes: ['ff-1954'], draws: 200, seed: 1 });
    const rows = r.influence.filter((x) => x.claim === 1 && x.part === '1');
    const get = (kind: string) => rows.filter((x) => x.kind === kind);
    expect(get('all')[0]).toMatchObject({ n: 25, groups: 17 });
    expect(get('all')[0].estimate).toBeCloseTo(0.04918, 5);
    expect(get('median')[0].estimate).toBeCloseTo(-0.00741, 5);
    expect(get('without')).toHaveLength(17);
    const worst = get('without').sort((a, b) => a.change - b.change)[0];
    expect(worst.label).toBe('without 1979-12-03 … 1982-07-01 (5 events)');
    expect(worst.estimate).toBeCloseTo(0.02249, 5);
    expect([get('before')[0].n, get('from')[0].n]).toEqual([14, 11]);
    expect(get('before')[0].estimate).toBeCloseTo(0.11777, 5);
    expect(get('from')[0].estimate).toBeCloseTo(-0.03812, 5);
    // every change is the estimate minus the mean over all events; 25 events = 14 + 11
    for (const x of rows) expect(x.change).toBeCloseTo(x.estimate - get('all')[0].estimate, 12);
    expect(r.influence.some((x) => x.part === '3-later')).toBe(true);
    expect(renderClaims(r)).toContain('which cycles drive the mean');
  });

  it("published figures beside ratecycle's on the closest definition; the README's table is this one", () => {
    const r = runClaims(catalog, { universes: ['ff-1954', 'ff-1982'], draws: 2000, seed: 1 });
    expect(r.published.map((p) => p.source)).toEqual(['Charles Schwab', 'Northern Trust', 'Fidelity', 'Jensen, Johnson & Mercer (1997)']);
    const fidelity = r.published[2];
    expect(fidelity.ratecycle).toMatch(/^small caps ahead after 12 of 25 first cuts since 1954 \(48 %\), by \+4\.9 points on average/);
    expect(fidelity.why).toMatch(/the median cut gave −0\.7 points, and without 1979-12-03 … 1982-07-01 \(5 events\) the average is \+2\.2 points/);
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    const block = readme.slice(readme.indexOf('<!-- published -->') + '<!-- published -->\n'.length, readme.indexOf('\n<!-- /published -->'));
    expect(block).toBe(publishedMarkdown(r.published));
    expect(renderClaims(r)).toContain('id="published-table"');
  });

  it('refuses an unknown sample and too few draws with a readable error', () => {
    expect(() => runClaims(catalog, { universes: ['nope'] })).toThrow(/not a claims sample/);
    expect(() => runClaims(catalog, { draws: 10 })).toThrow(/^draws must be a whole number/);
    try {
      runClaims(catalog, { draws: 10 });
    } catch (e) {
      expect(e).toMatchObject({ option: 'draws' });
      expect(cliMessage(e as Error)).toMatch(/^--draws must be a whole number from 100 to 1,000,000 \(got 10\)$/);
    }
  });
});

describe('claims options a user can get wrong', () => {
  const catalog = loadCatalog();
  it('refuses a seed outside 32 bits or negative, and draws past a million; a repeated sample runs once', () => {
    expect(() => runClaims(catalog, { universes: ['ff-1926'], draws: 100, seed: 4294967297 })).toThrow(
      /^seed must be a whole number from 0 to 4294967295 \(got 4294967297\)$/,
    );
    expect(() => runClaims(catalog, { universes: ['ff-1926'], draws: 100, seed: -1 })).toThrow(/^seed must be/);
    expect(() => runClaims(catalog, { universes: ['ff-1926'], draws: 100, seed: 1e30 })).toThrow(/^seed must be/);
    expect(() => runClaims(catalog, { universes: ['ff-1926'], draws: 1e9 })).toThrow(/^draws must be a whole number from 100 to 1,000,000/);
    const once = runClaims(catalog, { universes: ['ff-1926'], draws: 100 });
    const thrice = runClaims(catalog, { universes: ['ff-1926', 'ff-1926', 'ff-1926'], draws: 100 });
    expect(thrice.rows).toHaveLength(once.rows.length);
  });
});

describe('specification curves of claims 1 and 3', () => {
  it('enumerates every combination of index, rule, sample, entry and horizon (and, for claim 3, the event), sorted, with a joint test over common shifts', () => {
    const r = runClaims(loadCatalog(), { universes: ['ff-1954'], draws: 1000, seed: 3, multiverse: true });
    const [m, m3] = r.multiverse!;
    expect([m.claim, m3.claim]).toEqual([1, 3]);
    // ff: 2 rules × 3 samples × 3 entries × 3 horizons; russell and etf: 2 × 3 × 3
    expect(m.specs).toHaveLength(54 + 18 + 18);
    expect(new Set(m.specs.map((s) => `${s.index}/${s.rule}/${s.sample}/${s.entry}/${s.horizon}`)).size).toBe(90);
    // claim 3: every cut and later cuts, each as many
    expect(m3.specs).toHaveLength(180);
    expect(m3.choices.event?.map((e) => e.id)).toEqual(['all', 'later']);
    for (const c of [m, m3]) {
      const tested = c.specs.filter((s) => Number.isFinite(s.excess));
      expect(c.joint.specs).toBe(tested.length);
      for (let i = 1; i < tested.length; i++) expect(tested[i].excess).toBeGreaterThanOrEqual(tested[i - 1].excess);
      expect(c.specs.slice(tested.length).every((s) => !Number.isFinite(s.excess))).toBe(true); // untested last
      expect(c.joint.shareMedianP).toBeGreaterThan(0);
      expect(c.joint.shareMedianP).toBeLessThanOrEqual(1);
    }
    // the shipped specifications (ff, 0.25 points, every event, at the decision, 12 months) are the claims' own rows
    const own = (c: typeof m, event: string) =>
      c.specs.find((s) => s.event === event && s.index === 'ff' && s.rule === '25bp' && s.sample === 'all' && s.entry === 'decision' && s.horizon === 12)!;
    for (const [c, event, part] of [
      [m, 'first', '1'],
      [m3, 'all', '3-all'],
      [m3, 'later', '3-later'],
    ] as const) {
      const row = r.rows.find((x) => x.part === part && x.universe === 'ff-1954')!;
      expect(own(c, event).n).toBe(row.n);
      expect(own(c, event).excess).toBeCloseTo(row.estimate, 12);
    }
    const csv = multiverseCsv(r.multiverse!).split('\n');
    expect(csv[0]).toBe('claim,rank,event,index,rule,sample,entry,horizon,n,groups,mean,center,excess,ci_low,ci_high,p,note');
    expect(csv.filter((l) => l.startsWith('3,'))).toHaveLength(180);
    expect(renderClaims(r)).toContain('id="multiverse-chart"');
    expect(renderClaims(r)).toContain('id="multiverse-chart-3"');
  });
});
