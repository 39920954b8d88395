import { describe, expect, it } from 'vitest';
import { isoDay, parseIsoDay } from '../../../engine/core/dates.js';
import { cliMessage } from '../../../engine/core/errors.js';
import { analoguesCsv, NOW_CSV_COLUMNS, nowCsv, nowJson, trackCsv } from '../../../engine/formats/now-folder.js';
import { loadCatalog } from '../../../engine/market/data/catalog.js';
import { buildMarket } from '../../../engine/market/build-market.js';
import { monthsLaterDays } from '../../../engine/measure/analytics/months-later.js';
import { detectCycles } from '../../../engine/market/fed/detect-cycles.js';
import { fedStates } from '../../../engine/workflows/now/fed-state.js';
import { FEATURES } from '../../../engine/workflows/now/features.js';
import { loadNowInputs } from '../../../engine/workflows/now/load-inputs.js';
import { policyMoves } from '../../../engine/workflows/now/policy-moves.js';
import { runNow } from '../../../engine/workflows/now/run-now.js';
import { renderNow } from '../../../reports/now/render-now.js';
import { installedCatalog } from '../../helpers/installed-catalog.js';

const catalog = loadCatalog();
const inputs = loadNowInputs(catalog);
const FAST = { draws: 200, seed: 3 };
const today = runNow(catalog, FAST, inputs);
const article = runNow(catalog, { ...FAST, asOf: '2025-09-18' }, inputs);

describe('now: the inputs agree with the market frame', () => {
  it('the policy moves are the frame’s, and the Fed phase at every month end is the frame’s', () => {
    const m = buildMarket(catalog, { universe: 'ff', from: '1954-07-01' });
    const moves = policyMoves(catalog).moves.filter((x) => x.date <= m.dates[m.dates.length - 1]);
    expect(moves).toEqual(m.fed.moves);
    const states = fedStates(moves, detectCycles(moves), m.dates);
    const phase = states.map((s) => (s.phase === 'easing' ? 1 : s.phase === 'tightening' ? -1 : 0));
    expect(phase).toEqual(Array.from(m.fed.phase));
  });
});

describe('now on the shipped data', () => {
  it('stands at the universe’s last bar by default, with every input dated and aged', () => {
    expect(today.universe.id).toBe('ff');
    expect(today.asOf).toBe(isoDay(inputs.market.dates[inputs.market.dates.length - 1]));
    expect(today.state.map((s) => s.id)).toEqual([
      'fed_phase',
      'cycle_months',
      'cycle_change',
      'since_move',
      'policy_rate',
      'ism',
      'ism_change3',
      'ism_below',
      'bm_spread',
      't10y2y',
      'trailing12',
    ]);
    for (const s of today.state) {
      expect(s.known <= today.asOf, s.id).toBe(true);
      expect(s.ageDays).toBe(parseIsoDay(today.asOf) - parseIsoDay(s.known));
    }
    // a stale input says so once, whatever number of inputs come from it
    expect(new Set(today.stale.map((x) => x.split(':')[0])).size).toBe(today.stale.length);
    expect(FEATURES.reduce((a, f) => a + f.weight, 0)).toBeCloseTo(1, 12);
  });

  it('analogues of one direction, outcome known at the as-of date, spread over at least five cycles when tested', () => {
    const asOf = parseIsoDay(today.asOf);
    for (const o of today.outlook) {
      const ends = monthsLaterDays(Int32Array.from(o.dates, parseIsoDay), o.horizon);
      for (const e of ends) expect(e).toBeLessThanOrEqual(asOf);
      if (o.verdict !== 'not tested') expect(o.cycles).toBeGreaterThanOrEqual(5);
      expect(o.k).toBe(o.dates.length);
    }
    const head = today.outlook.find((o) => o.horizon === 12)!;
    expect(today.analogues.map((a) => a.date)).toEqual(head.dates);
    expect(today.track.map((t) => t.horizon)).toEqual([3, 6, 12, 24]);
    expect(today.sentence).toMatch(/over 12 months/);
    expect(today.trackSentence).toMatch(/out-of-sample R²/);
  });

  it('--as-of 2025-09-18: the cut of the day before, four cuts, the ISM six months below 50 — as the article said', () => {
    const get = (id: string) => article.state.find((s) => s.id === id)!;
    expect(article.asOf).toBe('2025-09-18');
    expect(article.lastMonthEnd).toBe('2025-08-31');
    expect(get('fed_phase').text).toBe('easing');
    expect(get('since_move').date).toBe('2025-09-17');
    expect(get('policy_rate').value).toBe(4.25);
    expect(get('cycle_change').value).toBe(-125);
    expect(get('ism').value).toBe(48.7);
    expect(get('ism_below').value).toBe(6);
    expect(article.article?.statements.map((s) => s.agrees)).toEqual(['yes', 'yes', 'yes', 'n/a']);
    expect(article.article?.months).toBe(0);
    // today's report replays the same call: what the analogues said on the article's date
    expect(today.article?.thenOutlook?.mean).toBe(article.outlook.find((o) => o.horizon === 12)!.analogues.mean);
    expect(today.article?.months).toBeGreaterThan(0);
  });

  it('deterministic: the same inputs and seed give the same bytes', () => {
    expect(nowJson(runNow(catalog, FAST, inputs))).toBe(nowJson(today));
  });

  it('writes tidy CSVs and a page with the state first', () => {
    expect(nowCsv(today).split('\n')[0]).toBe(NOW_CSV_COLUMNS.join(','));
    expect(analoguesCsv(today).split('\n')[0]).toMatch(/^rank,date,cycle,cycle_start,distance,cycle_months,.*,spread_3m,spread_6m,spread_12m,spread_24m$/);
    expect(trackCsv(today).split('\n').length).toBeGreaterThan(600);
    const html = renderNow(today);
    const at = (id: string) => html.indexOf(`id="${id}"`);
    expect(at('state')).toBeGreaterThan(0);
    expect(at('state')).toBeLessThan(at('analogues'));
    expect(at('analogues')).toBeLessThan(at('outlook'));
    expect(at('outlook')).toBeLessThan(at('track'));
    expect(at('track')).toBeLessThan(at('article'));
    expect(html).toMatch(/One observation, not a test/);
    expect(html).toMatch(/id="outlook-chart"/);
  });

  it('an installation without the ISM leaves it out of the state and says why', () => {
    const r = runNow(installedCatalog(catalog), { ...FAST, asOf: '2020-06-30' });
    expect(r.state.some((s) => s.id === 'ism')).toBe(false);
    expect(r.lacking.map((l) => l.id)).toEqual(['ism_pmi']);
    expect(r.warnings.join(' ')).toMatch(/ism_pmi is left out/);
    expect(r.outlook).toHaveLength(4);
  });

  it('refuses a date that is not one, one after every input, and too few draws', () => {
    const msg = (f: () => unknown) => {
      try {
        f();
      } catch (e) {
        return cliMessage(e as Error);
      }
      return '';
    };
    expect(msg(() => runNow(catalog, { asOf: '2025-13-01' }, inputs))).toMatch(/--as-of "2025-13-01" is not a date/);
    expect(msg(() => runNow(catalog, { asOf: '2031-01-01' }, inputs))).toMatch(/--as-of 2031-01-01 is after every input/);
    expect(msg(() => runNow(catalog, { asOf: '1950-01-31' }, inputs))).toMatch(/--as-of 1950-01-31/);
    expect(msg(() => runNow(catalog, { draws: 50 }, inputs))).toMatch(/--draws must be a whole number/);
  });
});
