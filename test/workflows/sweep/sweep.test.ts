import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../../helpers/cli.js';
import { runSweep, finalizeSweep } from '../../../engine/workflows/sweep/sweep.js';
import { resultsHeader } from '../../../engine/workflows/sweep/batch-results.js';
import { parseGrid } from '../../../engine/workflows/sweep/grid.js';
import { mergeResults } from '../../../engine/workflows/sweep/merge.js';
import { makeMarket, weekdays } from '../../helpers/make-market.js';
import { defineStrategy } from '../../../engine/strategy/define.js';
import { DEFAULT_SIM_OPTIONS } from '../../../engine/simulate/simulate.js';
import { backtest } from '../../../engine/workflows/run/backtest.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'ratecycle-sweep-'));
const rows = (dir: string) => readFileSync(join(dir, 'results.csv'), 'utf8').trim().split('\n');

describe('sweep workers: auto', () => {
  it('stays on this thread for a short sweep, starts a pool once the rest would take long enough: the same bytes', { timeout: 120_000 }, async () => {
    const { loadCatalog } = await import('../../../engine/market/data/catalog.js');
    const { buildMarket } = await import('../../../engine/market/build-market.js');
    const { builtin } = await import('../../../strategies/index.js');
    const market = buildMarket(loadCatalog(), { universe: 'russell', from: '2005-01-01' });
    const fcr = builtin('first-cut-rotation')!;
    const source = { kind: 'grid' as const, grid: parseGrid(['months=1:24:1', 'otherwise=large,cash,mix'], fcr.params, fcr.id) };
    const base = {
      strategy: fcr,
      strategyRef: fcr.id,
      base: {},
      source,
      market,
      sim: { ...DEFAULT_SIM_OPTIONS, periodsPerYear: market.periodsPerYear },
      benchmark: 'large' as const,
      batch: 8,
      top: 0,
    };
    const dir = tmp();
    const run = async (name: string, extra: object) => {
      const r = await runSweep({ ...base, ...extra, out: join(dir, name) } as never);
      finalizeSweep(r);
      return {
        workers: r.workers,
        thisThread: r.thisThread,
        results: readFileSync(join(dir, name, 'results.csv')),
        monthly: readFileSync(join(dir, name, 'monthly.f32')),
        pbo: r.pbo,
      };
    };
    const one = await run('one', { workers: 0 });
    const short = await run('short', {}); // 72 sets: far below the 2 s a pool needs to pay
    const forced = await run('forced', { workers: 'auto', autoPool: { probeMs: 0, paysMs: 0, freeCores: 8 } }); // workers after the first batch
    const pool = await run('pool', { workers: 2 });
    expect([one.workers, short.workers]).toEqual([0, 0]);
    // auto: workers on the other cores, this thread running sets beside them; --workers 2: two workers, this thread writing
    expect([forced.workers, forced.thisThread]).toEqual(availableParallelism() > 1 ? [availableParallelism() - 1, true] : [0, true]);
    expect([pool.workers, pool.thisThread]).toEqual([Math.min(2, availableParallelism()), false]);
    for (const r of [short, forced, pool]) {
      expect(r.results).toEqual(one.results);
      expect(r.monthly).toEqual(one.monthly);
      expect(r.pbo).toEqual(one.pbo);
    }
  });
});

describe('sweep workers: auto, this thread beside the workers', () => {
  it('hands batches to the workers and runs the rest here in any interleaving: the same bytes as one thread', { timeout: 120_000 }, async () => {
    const { loadCatalog } = await import('../../../engine/market/data/catalog.js');
    const { buildMarket } = await import('../../../engine/market/build-market.js');
    const { builtin } = await import('../../../strategies/index.js');
    const market = buildMarket(loadCatalog(), { universe: 'ff' });
    const rm = builtin('relative-momentum')!;
    const source = { kind: 'grid' as const, grid: parseGrid(['lookback=2:36:1', 'skip=0:6:1', 'margin=0:0.2:0.02'], rm.params, rm.id) };
    const base = {
      strategy: rm,
      strategyRef: rm.id,
      base: {},
      source,
      market,
      sim: { ...DEFAULT_SIM_OPTIONS, periodsPerYear: market.periodsPerYear },
      benchmark: 'large' as const,
      batch: 3, // 899 batches: many go to the workers while this thread runs others
      top: 5,
    };
    const dir = tmp();
    const one = await runSweep({ ...base, workers: 0, out: join(dir, 'one') });
    const both = await runSweep({ ...base, workers: 'auto', autoPool: { probeMs: 0, paysMs: 0, freeCores: 8 }, out: join(dir, 'both') });
    finalizeSweep(one);
    finalizeSweep(both);
    expect(both.thisThread).toBe(true);
    // Buffer.equals: toEqual walks a 13 MB buffer byte by byte for minutes
    for (const f of ['results.csv', 'monthly.f32']) expect(readFileSync(join(dir, 'both', f)).equals(readFileSync(join(dir, 'one', f)))).toBe(true);
    expect([both.best, both.top, both.trials, both.deflatedSharpe, both.dsr, both.pbo]).toEqual([
      one.best,
      one.top,
      one.trials,
      one.deflatedSharpe,
      one.dsr,
      one.pbo,
    ]);
    expect(Buffer.from(both.values.buffer).equals(Buffer.from(one.values.buffer))).toBe(true);
  });
});

describe('sweep through the CLI (worker threads)', () => {
  const grid = ['--grid', 'months=1:24:1', '--grid', 'otherwise=large,cash', '--from', '2000-01-01', '--top', '2'];

  it('gives identical results.csv with 1, 2 and 4 workers, and shards + merge equal the unsharded run', { timeout: 240_000 }, async () => {
    const dir = tmp();
    const one = cli(['sweep', 'first-cut-rotation', ...grid, '--workers', '1', '--batch', '7', '--out', join(dir, 'w1')]);
    expect(one.code).toBe(0);
    expect(one.stdout).toMatch(/deflated Sharpe ratio/);
    // the checks in words, with their rules (each an item wrapped to the terminal's width), and
    // buy-and-hold over the same bars as the reference
    const words = one.stdout.replace(/\n {2}/g, ' ');
    expect(words).toMatch(
      /^- DSR \d\.\d\d: after 48 trials, the probability that the best set's true Sharpe ratio over cash is above zero by more than the luck of 48 tries would give is \d+% — (not )?convincing \(rule: ≥ 0\.95\)\.$/m,
    );
    expect(words).toMatch(/^- Against large caps: DSR \d\.\d\d — /m);
    expect(words).toMatch(/^- PBO \d\.\d\d: in \d+% of the 12,870 CSCV splits the set best in sample ranked at or below the median out of sample — /m);
    const w1 = JSON.parse(readFileSync(join(dir, 'w1', 'sweep.json'), 'utf8'));
    expect(one.stdout).toContain(
      `buy-and-hold over the same bars: sharpe ${w1.buyHold.small.metrics.sharpe.toFixed(4)} small caps (rut), ${w1.buyHold.large.metrics.sharpe.toFixed(4)} large caps (spx)`,
    );
    const two = cli(['sweep', 'first-cut-rotation', ...grid, '--workers', '2', '--batch', '5', '--out', join(dir, 'w2')]);
    expect(two.code).toBe(0);
    expect(readFileSync(join(dir, 'w2', 'results.csv'))).toEqual(readFileSync(join(dir, 'w1', 'results.csv')));
    expect(readFileSync(join(dir, 'w2', 'monthly.f32'))).toEqual(readFileSync(join(dir, 'w1', 'monthly.f32')));
    const manifest = JSON.parse(readFileSync(join(dir, 'w2', 'sweep.json'), 'utf8'));
    expect(manifest.pbo).toEqual(JSON.parse(readFileSync(join(dir, 'w1', 'sweep.json'), 'utf8')).pbo);
    expect(manifest.pbo.splits).toBe(12870);
    expect(manifest.deflatedSharpeRatio.benchmark.null).toMatch(/against large caps/);
    expect(readFileSync(join(dir, 'w2', 'sweep.html'), 'utf8')).toMatch(/Probability of backtest overfitting/);
    expect(cli(['sweep', 'first-cut-rotation', ...grid, '--workers', '4', '--batch', '3', '--out', join(dir, 'w4')]).code).toBe(0);
    expect(readFileSync(join(dir, 'w4', 'results.csv'))).toEqual(readFileSync(join(dir, 'w1', 'results.csv')));
    expect(rows(join(dir, 'w1'))).toHaveLength(49);
    for (const f of ['sweep.json', 'sweep.html', 'top/1-set' /* prefix */]) {
      if (f.endsWith('set')) continue;
      expect(existsSync(join(dir, 'w1', f))).toBe(true);
    }
    for (const i of [1, 2, 3])
      expect(cli(['sweep', 'first-cut-rotation', ...grid, '--workers', '1', '--shard', `${i}/3`, '--out', join(dir, `s${i}`)]).code).toBe(0);
    const m = cli(['merge', join(dir, 's1'), join(dir, 's2'), join(dir, 's3'), '--out', join(dir, 'merged')]);
    expect(m.code).toBe(0);
    expect(readFileSync(join(dir, 'merged', 'results.csv'))).toEqual(readFileSync(join(dir, 'w1', 'results.csv')));
    expect(JSON.parse(readFileSync(join(dir, 'merged', 'sweep.json'), 'utf8')).buyHold).toEqual(w1.buyHold);
    const bad = cli(['merge', join(dir, 's1'), join(dir, 's2'), '--out', join(dir, 'm2')]);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/a shard is missing/);
    // a shard of another sweep (other costs) is refused in one line naming the difference
    expect(cli(['sweep', 'first-cut-rotation', ...grid, '--workers', '1', '--shard', '3/3', '--cost-bps', '9', '--out', join(dir, 'other')]).code).toBe(0);
    const mixed = cli(['merge', join(dir, 's1'), join(dir, 's2'), join(dir, 'other'), '--out', join(dir, 'm3')]);
    expect(mixed.code).toBe(1);
    expect(
      mixed.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('warning:')),
    ).toHaveLength(1);
    expect(mixed.stderr).toMatch(/is a shard of a different sweep .* differ in sim\.cost/);
  });

  it('each results row equals a single run of the same parameters', () => {
    const dir = tmp();
    expect(
      cli(['sweep', 'first-cut-rotation', '--grid', 'months=3,12', '--from', '2005-01-01', '--workers', '1', '--top', '0', '--out', join(dir, 'sw')]).code,
    ).toBe(0);
    const [head, ...body] = rows(join(dir, 'sw'));
    const h = head.split(',');
    for (const line of body) {
      const c = line.split(',');
      const months = c[h.indexOf('months')];
      const r = cli([
        'run',
        'first-cut-rotation',
        '--param',
        `months=${months}`,
        '--from',
        '2005-01-01',
        '--json',
        '--no-report',
        '--out',
        join(dir, `r${months}`),
      ]);
      const j = JSON.parse(r.stdout).metrics.strategy;
      for (const [col, key] of [
        ['sharpe', 'sharpe'],
        ['cagr', 'cagr'],
        ['max_drawdown', 'maxDrawdown'],
        ['volatility', 'volatility'],
        ['turnover_annual', 'turnoverAnnual'],
        ['rebalances', 'rebalances'],
      ]) {
        expect(Number(c[h.indexOf(col)])).toBeCloseTo(j[key], 10);
      }
    }
  });

  it('errors in the arguments are one line', () => {
    const r = cli(['sweep', 'first-cut-rotation', '--grid', 'months=0:3:1']);
    expect(r.code).toBe(1);
    // warnings (stale series) may precede it; the error itself is one line
    expect(
      r.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('warning:')),
    ).toEqual(['ratecycle: strategy "first-cut-rotation": --grid months=0: below the minimum 1']);
    expect(cli(['sweep', 'first-cut-rotation']).stderr).toMatch(/name the parameters to sweep/);
    expect(cli(['sweep', 'first-cut-rotation', '--grid', 'months=1,2', '--shard', '3/2']).stderr).toMatch(/--shard 3\/2/);
  });
});

describe('runSweep in this thread', () => {
  const market = makeMarket({
    dates: weekdays('2015-01-01', 400),
    small: Array.from({ length: 400 }, (_, t) => 100 + Math.sin(t / 9) * 5 + t / 20),
    large: Array.from({ length: 400 }, (_, t) => 100 + Math.cos(t / 13) * 3 + t / 30),
  });
  const strategy = defineStrategy({
    id: 'threshold',
    name: 'T',
    description: 'd',
    assets: ['small', 'large'],
    params: { k: { type: 'integer', default: 1, min: 1, max: 20, description: 'k' } },
    weights(view, p) {
      if (p.k === 13) throw new Error('unlucky');
      const pr = view.price('small');
      const s = new Float64Array(view.length);
      for (let t = p.k; t < view.length; t++) s[t] = pr[t] > pr[t - p.k] ? 1 : 0;
      return { small: s, large: s.map((x) => 1 - x) };
    },
  });
  const base = {
    strategy: strategy as never,
    strategyRef: 'unused',
    base: { k: 1 },
    market,
    sim: { ...DEFAULT_SIM_OPTIONS, periodsPerYear: market.periodsPerYear },
    benchmark: 'large' as const,
    workers: 0,
    batch: 3,
  };

  it('records a failing set and goes on; the best set matches a backtest', async () => {
    const out = join(tmp(), 'x');
    const s = await runSweep({ ...base, source: { kind: 'grid', grid: parseGrid(['k=1:20:1'], strategy.params, 't') }, out });
    expect(s.complete).toBe(true);
    expect(s.errors).toBe(1);
    const dir = finalizeSweep(s);
    const lines = rows(dir);
    expect(lines[0]).toBe(resultsHeader(['k']).join(','));
    expect(lines[13]).toMatch(/^12,13,,.*,"strategy ""threshold"" \(k=13\) threw: unlucky"$/);
    const bt = backtest(strategy as never, s.best!.params, market, { sim: base.sim });
    expect(s.best!.value).toBeCloseTo(bt.metrics.strategy.sharpe, 10);
    expect(s.deflatedSharpe).toBeGreaterThan(0);
    expect(s.deflatedSharpe).toBeLessThanOrEqual(1);
  });

  it('an interrupted sweep resumes without redoing finished sets and ends identical', async () => {
    const dir = tmp();
    const grid = { kind: 'grid' as const, grid: parseGrid(['k=1:20:1'], strategy.params, 't') };
    const full = finalizeSweep(await runSweep({ ...base, source: grid, out: join(dir, 'full') }));
    const signal = { stopped: false };
    let seen = 0;
    const part = await runSweep({
      ...base,
      source: grid,
      out: join(dir, 'r'),
      signal,
      onProgress: (d) => {
        seen = d;
        if (d >= 6) signal.stopped = true;
      },
    });
    expect(part.complete).toBe(false);
    expect(existsSync(join(dir, 'r'))).toBe(false);
    expect(existsSync(join(dir, 'r.partial', 'results.csv'))).toBe(true);
    // a kill -9 mid-write leaves a torn last line: resume drops it
    writeFileSync(join(dir, 'r.partial', 'results.csv'), readFileSync(join(dir, 'r.partial', 'results.csv'), 'utf8') + '7,8,0.1');
    const evaluated: number[] = [];
    const spy = {
      ...base,
      strategy: { ...strategy, weights: (v: never, p: { k: number }) => (evaluated.push(p.k), strategy.weights(v, p as never)) } as never,
    };
    const again = await expect(runSweep({ ...spy, source: grid, out: join(dir, 'r') })).rejects.toThrow(/pass resume to finish it/);
    void again;
    const resumed = await runSweep({ ...spy, source: grid, out: join(dir, 'r'), resume: true });
    expect(resumed.complete).toBe(true);
    // finished sets are not simulated again (the best one may be re-run once for the deflated Sharpe ratio)
    expect(evaluated.filter((k) => k <= seen).length).toBeLessThanOrEqual(1);
    expect(evaluated.length).toBeLessThanOrEqual(20 - seen + 1);
    finalizeSweep(resumed);
    expect(readFileSync(join(dir, 'r', 'results.csv'))).toEqual(readFileSync(join(full, 'results.csv')));
  });

  it('merge refuses duplicates', async () => {
    const dir = tmp();
    const grid = { kind: 'grid' as const, grid: parseGrid(['k=1:4:1'], strategy.params, 't') };
    const a = finalizeSweep(await runSweep({ ...base, source: grid, out: join(dir, 'a') }));
    await expect(mergeResults([a, a], join(dir, 'm'))).rejects.toThrow(/both hold the whole sweep/);
  });
});
