/**
 * Benchmarks (npm run bench). Prints one JSON line per measurement with the median of
 * several runs, and each fast path's ratio against a straightforward baseline measured in
 * the same run on the same machine:
 *
 * - core:   simulateMany kernel vs a per-bar-object backtester, bar-steps per second;
 * - single: one full backtest (weights, simulation, metrics, regimes, events) on 100 years
 *           of daily-equivalent bars (26,000, synthetic), and `ratecycle run` end to end
 *           with its HTML report on the shipped Russell/S&P data;
 * - sweep:  10,000 sets of first-cut-rotation on the daily Russell/S&P universe, batched in
 *           this thread and on the worker pool, vs a per-set loop (simulate + computeMetrics
 *           for each set, no batching); scaling factor and peak memory;
 * - audit:  the look-ahead audit of every built-in on the daily universe (bench/audit.ts).
 *
 * Options: --quick (fewer sets and repeats, for a smoke test).
 */
import { spawnSync } from 'node:child_process';
import { availableParallelism, tmpdir } from 'node:os';
import { mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../engine/data/catalog.js';
import { buildMarket } from '../engine/market/build-market.js';
import { computeMetrics } from '../engine/metrics/compute-metrics.js';
import { packageRoot } from '../engine/paths.js';
import { mulberry32 } from '../engine/random.js';
import { backtest } from '../engine/run/backtest.js';
import { DEFAULT_SIM_OPTIONS, simulate } from '../engine/simulate/simulate.js';
import { simulateMany } from '../engine/simulate/simulate-many.js';
import { parseGrid } from '../engine/sweep/grid.js';
import { runSweep } from '../engine/sweep/sweep.js';
import { detectCycles } from '../engine/fed/detect-cycles.js';
import { fedFrame } from '../engine/fed/fed-frame.js';
import type { Market, SimOptions } from '../engine/types.js';
import { builtin } from '../strategies/index.js';
import { evaluateStrategy } from '../strategies/evaluate.js';
import { benchAudit } from './audit.js';

const quick = process.argv.includes('--quick');
const REPEATS = quick ? 3 : 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function timeIt(fn: () => void, repeats = REPEATS): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

async function timeAsync(fn: () => Promise<void>, repeats = REPEATS): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    await fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function emit(record: Record<string, unknown>): void {
  console.log(JSON.stringify(record));
}

/** A synthetic 26,000-bar daily market (about 100 years) with Fed moves every few months. */
function syntheticMarket(T: number): Market {
  const rnd = mulberry32(7);
  const dates = new Int32Array(T);
  let day = -15000;
  for (let t = 0; t < T; t++) {
    day += (((day + 4) % 7) + 7) % 7 === 5 ? 3 : 1;
    dates[t] = day;
  }
  const mk = (drift: number, vol: number) => {
    const r = new Float64Array(T);
    const p = new Float64Array(T);
    p[0] = 100;
    for (let t = 1; t < T; t++) {
      r[t] = drift + vol * (rnd() + rnd() + rnd() - 1.5);
      p[t] = p[t - 1] * (1 + r[t]);
    }
    return { r, p };
  };
  const s = mk(0.0004, 0.02);
  const l = mk(0.0003, 0.015);
  const moves = [];
  let rate = 5;
  for (let t = 60; t < T; t += 60 + Math.floor(rnd() * 60)) {
    const next = Math.max(0.25, rate + (rnd() < 0.5 ? -0.25 : 0.25));
    moves.push({ date: dates[t], previous: rate, rate: next });
    rate = next;
  }
  const policy = new Float64Array(T).fill(5);
  const cycles = detectCycles(moves);
  return {
    universe: 'synthetic', frequency: 'daily', periodsPerYear: 252, dates, assets: ['s', 'l'], small: 's', large: 'l',
    prices: { s: s.p, l: l.p }, returns: { s: s.r, l: l.r }, cash: new Float64Array(T).fill(0.0001), series: {},
    fed: fedFrame(dates, policy, moves, cycles), fomc: moves.map((m) => ({ date: m.date, previous: m.previous, target: m.rate, changeBp: (m.rate - m.previous) * 100, type: 'meeting' as const, effective: m.date })),
    dataHashes: {}, warnings: [],
  };
}

/** Baseline backtester: one object per bar and per holding, the way one would write it first. */
function naiveBacktest(returns: Float64Array[], cash: Float64Array, targets: Float64Array, lag: number, cost: number): number[] {
  const A = returns.length;
  const T = cash.length;
  const book: { cash: number; positions: { value: number }[] } = { cash: 1, positions: returns.map(() => ({ value: 0 })) };
  let current: number[] | null = null;
  const curve: { t: number; equity: number }[] = [];
  for (let t = 0; t < T; t++) {
    if (t > 0) {
      book.cash *= 1 + cash[t];
      book.positions.forEach((p, a) => (p.value *= 1 + returns[a][t]));
    }
    const equity = book.cash + book.positions.reduce((s, p) => s + p.value, 0);
    const d = t - lag;
    const row = d >= 0 ? Array.from({ length: A }, (_, a) => targets[d * A + a]) : null;
    if (row && !Number.isNaN(row[0]) && (!current || row.some((w, a) => w !== current![a]))) {
      current = row;
      const trades = row.map((w, a) => ({ asset: a, delta: w * equity - book.positions[a].value }));
      const fee = trades.reduce((s, x) => s + Math.abs(x.delta) * cost, 0);
      const after = equity - fee;
      book.positions = row.map((w) => ({ value: w * after }));
      book.cash = after * (1 - row.reduce((s, w) => s + w, 0));
    }
    curve.push({ t, equity: book.cash + book.positions.reduce((s, p) => s + p.value, 0) });
  }
  return curve.map((c) => c.equity);
}

async function main(): Promise<void> {
  const cores = availableParallelism();
  emit({ bench: 'machine', node: process.version, cores, quick });

  // ---- core: kernel vs per-bar objects, on the Russell/S&P universe
  const market = buildMarket(loadCatalog(), { universe: 'russell' });
  const T = market.dates.length;
  const fcr = builtin('first-cut-rotation')!;
  const sim: SimOptions = { ...DEFAULT_SIM_OPTIONS, cost: 0.0005, periodsPerYear: market.periodsPerYear };
  const K = 200;
  const targets = Array.from({ length: K }, (_, k) => evaluateStrategy(fcr, market, { months: 1 + (k % 36), every_cut: k % 2 === 0, otherwise: 'large' }));
  const input = { dates: market.dates, assets: market.assets, returns: market.assets.map((a) => market.returns[a]), cash: market.cash };
  const buf = new Float64Array(K * T);
  const kernelMs = timeIt(() => simulateMany(input, targets, sim, buf, true));
  const naiveMs = timeIt(() => {
    for (let k = 0; k < 20; k++) naiveBacktest(input.returns as Float64Array[], input.cash, targets[k], 1, 0.0005);
  }) * (K / 20);
  const kernelRate = (K * T) / (kernelMs / 1000);
  emit({ bench: 'core', what: 'simulateMany kernel, 2 assets, on-change', sets: K, bars: T, median_ms: +kernelMs.toFixed(2), bar_steps_per_s: Math.round(kernelRate), baseline: 'per-bar objects', baseline_bar_steps_per_s: Math.round((K * T) / (naiveMs / 1000)), ratio: +(naiveMs / kernelMs).toFixed(1), target_bar_steps_per_s_per_core: 400e6 });

  // ---- single backtest on 100 years of daily-equivalent data
  const big = syntheticMarket(26_000);
  const singleMs = timeIt(() => backtest(fcr, { months: 12, every_cut: false, otherwise: 'large' }, big, { sim: { ...sim, periodsPerYear: 252 } }));
  emit({ bench: 'single', what: 'backtest(): weights + simulate + metrics + regimes + events', bars: big.dates.length, median_ms: +singleMs.toFixed(1) });

  const main = join(packageRoot(), 'dist', 'engine', 'cli', 'main.js');
  const tmp = mkdtempSync(join(tmpdir(), 'ratecycle-bench-'));
  let n = 0;
  const cliMs = await timeAsync(async () => {
    const r = spawnSync(process.execPath, [main, 'run', 'first-cut-rotation', '--out', join(tmp, `r${n++}`)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(r.stderr);
  });
  emit({ bench: 'cli-run', what: '`ratecycle run first-cut-rotation` end to end with report.html (new process each time)', bars: T, median_ms: Math.round(cliMs), target_ms: 500 });
  await benchAudit(emit, quick);

  // ---- sweeps: 10,000 sets
  const sets = quick ? 2_000 : 10_000;
  const grid = parseGrid([`months=1:36:1`, 'every_cut=true,false', 'otherwise=large,cash,mix'], fcr.params, fcr.id);
  // the grid has 216 points: repeat it to reach the set count (same work per set)
  const repeated = { kind: 'grid' as const, grid: { axes: [{ name: 'rep', values: Array.from({ length: Math.ceil(sets / grid.size) }, (_, i) => i) }, ...grid.axes], size: sets } };
  const specs = { ...fcr.params, rep: { type: 'integer' as const, default: 0, min: 0, max: 1e6, description: 'repeat' } };
  const strategy = { ...fcr, params: specs };
  const sweepOnce = async (workers: number) => {
    const out = join(tmp, `sweep-${workers}-${n++}`);
    const t = performance.now();
    const s = await runSweep({ strategy: strategy as never, strategyRef: fcr.id, base: {}, source: repeated, market, sim, benchmark: 'large', out, workers, batch: 64, top: 0 });
    const ms = performance.now() - t;
    rmSync(s.partial, { recursive: true, force: true });
    return ms;
  };
  const runs = quick ? 1 : 3;
  const single: number[] = [];
  const pooled: number[] = [];
  for (let i = 0; i < runs; i++) {
    single.push(await sweepOnce(0));
    pooled.push(await sweepOnce(cores));
  }
  const singleSweep = median(single);
  const poolSweep = median(pooled);
  const steps = sets * T;
  // baseline: per-set loop, full detail simulate + computeMetrics for each set, no batching (1,000 sets, rate extrapolated)
  const baseSets = quick ? 200 : 1_000;
  const baseMs = timeIt(() => {
    for (let i = 0; i < baseSets; i++) {
      const p = { months: 1 + (i % 36), every_cut: i % 2 === 0, otherwise: 'large' };
      const w = evaluateStrategy(fcr, market, p);
      const r = simulate({ ...input, targets: w }, sim);
      computeMetrics({ dates: market.dates, returns: r.returns, cash: market.cash, benchmark: market.returns[market.large], weights: r.weights, assets: 2, turnover: r.turnover, rebalanced: r.rebalanced });
    }
  }, quick ? 1 : 3);
  const baseRate = (baseSets * T) / (baseMs / 1000);
  emit({ bench: 'sweep', what: `${sets} sets of first-cut-rotation, russell daily, batched, this thread`, sets, bars: T, median_s: +(singleSweep / 1000).toFixed(2), sets_per_s: Math.round(sets / (singleSweep / 1000)), bar_steps_per_s: Math.round(steps / (singleSweep / 1000)), baseline: 'per-set simulate + computeMetrics loop', baseline_bar_steps_per_s: Math.round(baseRate), ratio: +(steps / (singleSweep / 1000) / baseRate).toFixed(1) });
  emit({ bench: 'sweep-pool', what: `same sweep on ${cores} worker threads (piscina, shared market)`, workers: cores, median_s: +(poolSweep / 1000).toFixed(2), sets_per_s: Math.round(sets / (poolSweep / 1000)), bar_steps_per_s: Math.round(steps / (poolSweep / 1000)), scaling: +(singleSweep / poolSweep).toFixed(2), target_scaling: 1.8, ratio_vs_baseline: +(steps / (poolSweep / 1000) / baseRate).toFixed(1) });
  emit({ bench: 'memory', peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) });
  rmSync(tmp, { recursive: true, force: true });
}

await main();
