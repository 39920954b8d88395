/**
 * The factor attribution of a run folder: factors.csv and factors-rolling.csv are written for a
 * monthly `ff` run and a daily `russell` run, parse, match an independent regression on the
 * folder's returns.csv and the shipped factor files, and are left out (with the report section)
 * when the catalog lacks the factor series; an older folder without them still reads and renders.
 */
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../../helpers/cli.js';
import { describeAsset, loadCatalog } from '../../../engine/market/data/catalog.js';
import { buildMarket } from '../../../engine/market/build-market.js';
import { readCsv } from '../../../engine/market/data/read-csv.js';
import { neweyWestMultiple } from '../../../engine/measure/stats/newey-west-multiple.js';
import { simOptions } from '../../../engine/index.js';
import { runToFolder } from '../../../engine/workflows/run/run-to-folder.js';
import { startStudiesThread } from '../../../engine/workflows/run/studies-thread.js';
import { readRunFolder } from '../../../reports/read-run.js';
import { renderRunReport } from '../../../reports/html/render-run.js';
import { builtin } from '../../../strategies/index.js';

const DATA = join(ROOT, 'data');
const catalog = loadCatalog(DATA);
const thread = startStudiesThread({ inThread: true });
const params = { months: 12, every_cut: false, otherwise: 'large' };

async function run(universe: string, from: string, options: { catalog?: typeof catalog; report?: boolean } = {}, to?: string) {
  const market = buildMarket(catalog, { universe, from, to });
  const out = join(mkdtempSync(join(tmpdir(), 'ratecycle-factors-')), 'run');
  // units as `ratecycle run` records them (the report's price-index caveat reads them)
  const units = Object.fromEntries(market.assets.map((a) => [a, describeAsset(catalog, a)]));
  await runToFolder({
    strategy: builtin('first-cut-rotation')!,
    params,
    market,
    options: { sim: simOptions(market) },
    out,
    dataDir: DATA,
    units,
    studiesThread: thread,
    ...options,
  });
  return out;
}

/** A CSV of the folder as records. */
function records(dir: string, file: string): Record<string, string>[] {
  const { header, rows } = readCsv(join(dir, file));
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]])));
}

const HEADER = 'scope,series,term,estimate,se,t,p,ci_low,ci_high,n,lag,r2,r2_adj,from,to,run_bars,factors_from,factors_to';
const TERMS = ['alpha', 'mkt_rf', 'smb', 'hml', 'rmw', 'cma', 'mom'];

describe('factor files of a run folder', () => {
  it('monthly ff run: factors.csv and factors-rolling.csv exist, parse, and say that the factors end before the run', async () => {
    const dir = await run('ff', '1990-01-01');
    expect(readFileSync(join(dir, 'factors.csv'), 'utf8').split('\n')[0]).toBe(HEADER);
    expect(readFileSync(join(dir, 'factors-rolling.csv'), 'utf8').split('\n')[0]).toBe('date,months,alpha_ann,mkt_rf,smb,hml,rmw,cma,mom,r2');
    const rows = records(dir, 'factors.csv');
    const fits = [...new Set(rows.map((r) => `${r.scope}/${r.series}`))];
    expect(fits).toEqual([
      'all/strategy',
      'easing/strategy',
      'tightening/strategy',
      'hold/strategy',
      'easing-tightening/strategy',
      'timed/strategy',
      'all/small',
      'all/large',
    ]);
    expect(rows.filter((r) => r.scope === 'all' && r.series === 'strategy').map((r) => r.term)).toEqual(TERMS);
    expect(rows.filter((r) => r.scope === 'timed').map((r) => r.term)).toEqual([...TERMS, 'smb_easing']);
    for (const r of rows)
      for (const k of ['estimate', 'se', 't', 'p', 'ci_low', 'ci_high', 'r2']) expect(Number.isFinite(Number(r[k])), `${r.scope} ${r.term} ${k}`).toBe(true);
    // 433 monthly returns 1990-02 … 2026-02; monthly momentum ends 2025-04, so 423 are regressed
    const all = rows[0];
    expect([all.run_bars, all.n, all.from, all.to, all.factors_to]).toEqual(['433', '423', '1990-02-28', '2025-04-30', '2025-04-30']);
    expect(all.lag).toBe(String(Math.floor(4 * Math.pow(423 / 100, 2 / 9))));
    // ff_small loads on SMB, ff_large against it
    expect(Number(rows.find((r) => r.series === 'small' && r.term === 'smb')!.estimate)).toBeGreaterThan(0.8);
    expect(Number(rows.find((r) => r.series === 'large' && r.term === 'smb')!.estimate)).toBeLessThan(0);
    const rolling = records(dir, 'factors-rolling.csv');
    expect(rolling[0].date).toBe('1993-01-31'); // 36 months 1990-02 … 1993-01
    expect(rolling[rolling.length - 1].date).toBe('2025-04-30');
    expect(rolling.length).toBe(423 - 35);
    const manifest = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    expect(Object.keys(manifest.data.hashes)).toEqual(expect.arrayContaining(['ff5_monthly.csv', 'ff_mom_monthly.csv']));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('<section id="factors">');
    expect(html).toContain('is this just SMB while the Fed eases?');
    expect(html).toContain('the factor data end 2025-04-30');
    rmSync(dir, { recursive: true, force: true });
  });

  it('monthly ff run: the whole-period fit is the regression of returns.csv on the shipped factor files, matched by month', async () => {
    const dir = await run('ff', '1990-01-01', { report: false });
    const ret = records(dir, 'returns.csv');
    const month = (iso: string) => iso.slice(0, 7);
    const byMonth = (file: string) => new Map(records(DATA, file).map((r) => [month(r.date), r]));
    const five = byMonth('ff5_monthly.csv');
    const mom = byMonth('ff_mom_monthly.csv');
    const y: number[] = [];
    const X: number[][] = [[], [], [], [], [], []];
    for (const r of ret.slice(1)) {
      const f = five.get(month(r.date)),
        m = mom.get(month(r.date));
      if (!f || !m) continue;
      y.push(Number(r.strategy) - Number(r.cash));
      ['mkt_rf', 'smb', 'hml', 'rmw', 'cma'].forEach((k, i) => X[i].push(Number(f[k])));
      X[5].push(Number(m.mom));
    }
    const fit = neweyWestMultiple(y, X);
    const rows = records(dir, 'factors.csv').filter((r) => r.scope === 'all' && r.series === 'strategy');
    const ppy = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8')).period.periodsPerYear;
    expect(fit.n).toBe(423);
    expect(Number(rows[0].estimate)).toBeCloseTo(fit.coef[0] * ppy, 12);
    rows.slice(1).forEach((r, i) => {
      expect(Number(r.estimate)).toBeCloseTo(fit.coef[i + 1], 12);
      expect(Number(r.se)).toBeCloseTo(fit.se[i + 1], 12);
    });
    expect(Number(rows[0].r2)).toBeCloseTo(fit.r2, 12);
    rmSync(dir, { recursive: true, force: true });
  });

  it('daily russell run: daily factors matched by day, every bar covered, rolling on calendar months', async () => {
    const dir = await run('russell', '2010-01-01', {}, '2026-02-20'); // ends before the daily factors do
    const rows = records(dir, 'factors.csv');
    const all = rows[0];
    expect(all.n).toBe(all.run_bars);
    expect(Number(all.n)).toBeGreaterThan(4000);
    expect(all.factors_to).toBe('2026-03-31'); // the daily five factors end there; the run ends earlier
    expect(Number(all.lag)).toBe(Math.floor(4 * Math.pow(Number(all.n) / 100, 2 / 9)));
    const rolling = records(dir, 'factors-rolling.csv');
    expect(rolling[0].date.slice(0, 7)).toBe('2012-12'); // months 2010-01 … 2012-12 (2010-01 is partial: kept)
    expect(new Set(rolling.map((r) => r.date.slice(0, 7))).size).toBe(rolling.length);
    const manifest = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    expect(Object.keys(manifest.data.hashes)).toEqual(expect.arrayContaining(['ff5_daily.csv', 'ff_mom_daily.csv']));
    const html = readFileSync(join(dir, 'report.html'), 'utf8');
    expect(html).toContain('Daily factors matched by day');
    expect(html).toContain('price indexes (no dividends)'); // rut and spx: the alphas carry the missing dividends
    rmSync(dir, { recursive: true, force: true });
  });

  it('a catalog without the factor series: no factor files and no section; an older folder without them still renders', async () => {
    const bare = { ...catalog, series: catalog.series.filter((e) => !/^ff5_|^ff_mom/.test(e.id)) };
    const dir = await run('ff', '2000-01-01', { catalog: bare });
    const data = readRunFolder(dir);
    expect(data.factors).toBeUndefined();
    expect(data.factorsRolling).toBeUndefined();
    expect(renderRunReport(data)).not.toContain('id="factors"');
    const manifest = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
    expect(Object.keys(manifest.data.hashes).some((f) => f.startsWith('ff5_'))).toBe(false);
    rmSync(dir, { recursive: true, force: true });
  });
});

describe('factor data of a universe of another region', () => {
  it('none: the shipped factors are US ones (japan-boj, europe-ecb), while a US universe gets them', async () => {
    const { factorDataFor } = await import('../../../engine/workflows/run/factor-files.js');
    const catalog = loadCatalog();
    expect(factorDataFor({ catalog, dataDir: catalog.dir }, 'monthly', 'japan-boj')).toBeUndefined();
    expect(factorDataFor({ catalog, dataDir: catalog.dir }, 'monthly', 'europe-ecb')).toBeUndefined();
    expect(factorDataFor({ catalog, dataDir: catalog.dir }, 'monthly', 'ff')?.factors.map((f) => f.name)).toEqual([
      'mkt_rf',
      'smb',
      'hml',
      'rmw',
      'cma',
      'mom',
    ]);
  });
});
