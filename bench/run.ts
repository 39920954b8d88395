/**
 * Benchmarks (npm run bench). Prints one JSON line per measurement: the median of several
 * runs with their spread (min–max), the goal and whether it is met, and a ratio against a
 * baseline measured in the same run on the same machine (the machine is shared and loaded,
 * so the ratios are the stable figures):
 *
 * - core:        the simulation kernel vs a per-bar-object backtester, bar-steps per second;
 * - isolation:   what private copies of the view's columns cost per evaluation;
 * - single:      one full backtest (weights, simulation, every metric, regimes, events) on
 *                26,000 daily bars, vs the per-bar-object backtester alone;
 * - cli-*:       `ratecycle --version` and `ratecycle run first-cut-rotation` end to end (new
 *                process, report included; first output and total), vs `node -e 0`;
 * - sweep-*:     a 10,045-set relative-momentum grid (every parameter used) and the 9,648-set
 *                ism-cycle grid on one thread, vs the per-set loop of the matrix path
 *                (evaluateStrategy + simulate + computeMetrics); the same sweep on 2 workers
 *                against two one-thread processes at once (the machine's ceiling);
 * - demo:        `ratecycle demo` (what `npm start` runs after its build step) end to end, and
 *                the build step itself when nothing changed;
 * - sweep-pbo:   the PBO at the end of a 10,000-set sweep, one thread vs the 2-worker pool;
 * - sweep-parts: per-set time of weights, kernel and summary metrics (one curve, and two per SIMD lane pair as the sweep does);
 * - reference:   the sweep's compute after the weights (kernel, metrics, monthly returns) vs a C loop with 8 sets
 *                per AVX-512 register on the same weights, checked bit for bit first (bench/reference.ts; skipped without gcc);
 * - bootstrap:   the stationary bootstrap's draws in WebAssembly vs JavaScript (a run's intervals, the claims' regime tables);
 * - audit:       the look-ahead audit of every built-in on the daily universe (bench/audit.ts).
 * - claims:      `ratecycle claims` on the shipped data with 10,000 draws, end to end (bench/claims.ts).
 * - sweep-e2e, sweep-workers, sweep-memory: `ratecycle sweep` through the CLI (bench/sweep.ts): end
 *                to end against its own loop, 1 vs 2 workers against two processes at once, and
 *                whole-process peak RSS at 10,000, 100,000 and (with --long) 1,000,000 sets.
 *
 * Options: --quick (fewer sets and repeats, for a smoke test), --long (the 1,000,000-set sweep).
 */
import { spawn } from 'node:child_process';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { loadCatalog } from '../engine/market/data/catalog.js';
import { buildMarket } from '../engine/market/build-market.js';
import { computeMetrics } from '../engine/measure/metrics/compute-metrics.js';
import { packageRoot } from '../engine/core/paths.js';
import { mulberry32 } from '../engine/core/random.js';
import { backtest } from '../engine/workflows/run/backtest.js';
import { DEFAULT_SIM_OPTIONS, simulate } from '../engine/simulate/simulate.js';
import { simulateMany } from '../engine/simulate/simulate-many.js';
import { runKernel } from '../engine/simulate/kernel.js';
import { kernelSetup } from '../engine/simulate/setup.js';
import { matrixColumns } from '../engine/simulate/validate-targets.js';
import { SummaryContext, summaryMetricsOf, summaryMetricsOfPair } from '../engine/measure/metrics/summary-metrics.js';
import { wasmSumsSlots } from '../engine/measure/metrics/summary-sums-wasm.js';
import { WasmAdvance, wasmAdvanceSlots } from '../engine/simulate/advance-wasm.js';
import { wasmAvailable, WasmArena } from '../engine/core/wasm-arena.js';
import { gridPoint, parseGrid } from '../engine/workflows/sweep/grid.js';
import { runSweep, setCount, type SetSource } from '../engine/workflows/sweep/sweep.js';
import { detectCycles } from '../engine/market/fed/detect-cycles.js';
import { accumulateBlocks, cscvBlocks, pboFromBlocks, pboPairCount, pboPairs, pboSplits } from '../engine/measure/stats/pbo.js';
import { pboOnPool } from '../engine/workflows/sweep/pbo-on-pool.js';
import { stationaryBootstrapSums } from '../engine/measure/stats/stationary-bootstrap.js';
import { optimalBlockLength } from '../engine/measure/stats/block-length.js';
import { fedFrame } from '../engine/market/fed/fed-frame.js';
import type { Market, SimOptions } from '../engine/core/types.js';
import { builtin } from '../strategies/index.js';
import { ColumnEvaluator, evaluateStrategy } from '../engine/strategy/evaluate.js';
import { resolveAsset } from '../engine/strategy/view.js';
import type { Strategy } from '../engine/strategy/define.js';
import { benchAudit } from './audit.js';
import { benchClaims } from './claims.js';
import { benchSweep } from './sweep.js';
import { benchReference } from './reference.js';
import { median } from './median.js';

const quick = process.argv.includes('--quick');
const long = process.argv.includes('--long');
const REPEATS = quick ? 3 : 5;

/** Median and spread (min, max) of several timings, ms. */
interface Timing {
  median: number;
  min: number;
  max: number;
}

function timing(xs: number[]): Timing {
  return { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) };
}

function timeIt(fn: () => void, repeats = REPEATS): Timing {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return timing(times);
}

const r2 = (x: number) => +x.toFixed(2);
const spread = (t: Timing, scale = 1) => [r2(t.min * scale), r2(t.max * scale)];

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
    universe: 'synthetic',
    frequency: 'daily',
    periodsPerYear: 252,
    dates,
    assets: ['s', 'l'],
    small: 's',
    large: 'l',
    prices: { s: s.p, l: l.p },
    returns: { s: s.r, l: l.r },
    cash: new Float64Array(T).fill(0.0001),
    series: {},
    fed: fedFrame(dates, policy, moves, cycles),
    fomc: moves.map((m) => ({
      date: m.date,
      previous: m.previous,
      target: m.rate,
      changeBp: (m.rate - m.previous) * 100,
      type: 'meeting' as const,
      effective: m.date,
    })),
    dataHashes: {},
    warnings: [],
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

/** Milliseconds until a child process first writes (stdout or stderr) and until it exits. */
function timeChild(args: string[], cwd?: string): Promise<{ first: number; total: number }> {
  return new Promise((resolveP, reject) => {
    const t0 = performance.now();
    let first = NaN;
    let err = '';
    const c = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'], cwd });
    const mark = () => {
      if (Number.isNaN(first)) first = performance.now() - t0;
    };
    c.stdout.on('data', mark);
    c.stderr.on('data', (d: Buffer) => {
      mark();
      err += d.toString();
    });
    c.on('close', (code) => (code === 0 ? resolveP({ first, total: performance.now() - t0 }) : reject(new Error(`${args.join(' ')}: exit ${code}: ${err}`))));
  });
}

async function timeChildren(args: string[], repeats: number, cwd?: string): Promise<{ first: Timing; total: Timing }> {
  const firsts: number[] = [];
  const totals: number[] = [];
  for (let i = 0; i < repeats; i++) {
    const r = await timeChild(typeof args === 'function' ? (args as (i: number) => string[])(i) : args, cwd);
    firsts.push(r.first);
    totals.push(r.total);
  }
  return { first: timing(firsts), total: timing(totals) };
}

/**
 * A realistic sweep of about `sets` distinct sets in which every parameter decides the weights
 * (no ignored parameter): relative-momentum on the daily universe, lookback=2:36:1 × skip=0:6:1
 * × margin from 0 to 0.2 in as many steps as it takes (10,045 sets for 10,000; the grid of
 * bench/sweep.ts, there on the monthly ff universe).
 */
function realisticGrid(sets: number) {
  const strategy = builtin('relative-momentum')!;
  const margins = Math.max(2, Math.ceil(sets / (35 * 7)));
  const step = (0.2 / (margins - 1)).toPrecision(6);
  const grid = parseGrid(['lookback=2:36:1', 'skip=0:6:1', `margin=0:0.2:${step}`], strategy.params, strategy.id);
  const defaults = Object.fromEntries(Object.entries(strategy.params).map(([k, v]) => [k, v.default]));
  return { strategy, source: { kind: 'grid' as const, grid }, params: (i: number) => gridPoint(grid, (i * 97) % grid.size, defaults) };
}

/** The fcr parameters of set i (the same cycle as the repeated grid). */
const fcrParams = (i: number) => ({
  months: 1 + (i % 36),
  every_cut: Math.floor(i / 36) % 2 === 0,
  otherwise: ['large', 'cash', 'mix'][Math.floor(i / 72) % 3],
});

/** Child mode for the memory measurement: one sweep of N sets in this thread, then the peak RSS. */
async function memoryChild(sets: number): Promise<void> {
  const market = buildMarket(loadCatalog(), { universe: 'russell' });
  const sim: SimOptions = { ...DEFAULT_SIM_OPTIONS, cost: 0.0005, periodsPerYear: market.periodsPerYear };
  const tmp = mkdtempSync(join(tmpdir(), 'ratecycle-bench-mem-'));
  const { strategy, source } = realisticGrid(sets);
  const t = performance.now();
  const s = await runSweep({
    strategy,
    strategyRef: strategy.id,
    base: {},
    source,
    market,
    sim,
    benchmark: 'large',
    out: join(tmp, 'm'),
    workers: 0,
    batch: 64,
    top: 0,
  });
  const ms = performance.now() - t;
  rmSync(tmp, { recursive: true, force: true });
  console.log(JSON.stringify({ sets, done: s.done, ms, peak_rss_mb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

async function main(): Promise<void> {
  const cores = availableParallelism();
  emit({ bench: 'machine', node: process.version, cores, cpu: cpus()[0]?.model ?? '?', load_avg_1m: +loadavg()[0].toFixed(1), quick });

  const market = buildMarket(loadCatalog(), { universe: 'russell' });
  const T = market.dates.length;
  const fcr = builtin('first-cut-rotation')!;
  const sim: SimOptions = { ...DEFAULT_SIM_OPTIONS, cost: 0.0005, periodsPerYear: market.periodsPerYear };
  const input = { dates: market.dates, assets: market.assets, returns: market.assets.map((a) => market.returns[a]), cash: market.cash };

  // ---- core: kernel vs per-bar objects
  const K = 200;
  const matrices = Array.from({ length: K }, (_, k) => evaluateStrategy(fcr, market, fcrParams(k)));
  const columns = matrices.map((w) => matrixColumns(w, T, market.assets.length));
  const buf = new Float64Array(K * T);
  const kernel = timeIt(() => simulateMany(input, columns, sim, buf));
  const naive = timeIt(() => {
    for (let k = 0; k < 20; k++) naiveBacktest(input.returns as Float64Array[], input.cash, matrices[k], 1, 0.0005);
  });
  const naiveMs = naive.median * (K / 20);
  emit({
    bench: 'core',
    what: 'simulation kernel (simulateMany over strategy columns), 2 assets, on-change',
    sets: K,
    bars: T,
    median_ms: r2(kernel.median),
    spread_ms: spread(kernel),
    bar_steps_per_s: Math.round((K * T) / (kernel.median / 1000)),
    baseline: 'per-bar-object backtester',
    baseline_bar_steps_per_s: Math.round((K * T) / (naiveMs / 1000)),
    ratio: +(naiveMs / kernel.median).toFixed(1),
  });

  // ---- isolation: private copies of the view's columns vs handing out the market's own arrays. The built-in
  // itself is trusted (it reads the market's arrays); the same code under another `weights` function is
  // evaluated as a user's strategy is, with copies
  const ev = new ColumnEvaluator({ ...fcr, weights: (v, p, o) => fcr.weights(v, p, o) } as Strategy, market);
  const evTrusted = new ColumnEvaluator(fcr, market);
  const rawView = {
    dates: market.dates,
    length: T,
    frequency: market.frequency,
    periodsPerYear: market.periodsPerYear,
    universe: { id: market.universe, assets: market.assets, small: market.small, large: market.large },
    price: (a: string) => market.prices[resolveAsset(market, a)],
    returns: (a: string) => market.returns[resolveAsset(market, a)],
    cash: market.cash,
    series: (id: string) => market.series[id],
    fed: market.fed,
    fomc: market.fomc,
  };
  const rawOut = { small: new Float64Array(T), large: new Float64Array(T), bonds: new Float64Array(T) };
  const nEval = quick ? 500 : 2_000;
  const withCopies = timeIt(() => {
    for (let i = 0; i < nEval; i++) ev.evaluate(fcrParams(i));
  });
  const trusted = timeIt(() => {
    for (let i = 0; i < nEval; i++) evTrusted.evaluate(fcrParams(i));
  });
  const shared = timeIt(() => {
    for (let i = 0; i < nEval; i++) {
      rawOut.small.fill(0);
      rawOut.large.fill(0);
      rawOut.bonds.fill(0);
      fcr.weights(rawView as never, fcrParams(i) as never, rawOut as never);
    }
  });
  emit({
    bench: 'isolation',
    what: "first-cut-rotation's code as a user's strategy (private view copies) vs the market arrays handed out (unsafe); trusted_builtin: the built-in itself (the engine's own path for it)",
    us_per_set: r2((withCopies.median * 1000) / nEval),
    spread_us: spread(withCopies, 1000 / nEval),
    baseline_us_per_set: r2((shared.median * 1000) / nEval),
    ratio: r2(withCopies.median / shared.median),
    trusted_builtin_us_per_set: r2((trusted.median * 1000) / nEval),
  });

  // ---- single backtest on 100 years of daily-equivalent data
  const big = syntheticMarket(26_000);
  const bigSim = { ...sim, periodsPerYear: 252 };
  const single = timeIt(() => backtest(fcr, { months: 12, every_cut: false, otherwise: 'large' }, big, { sim: bigSim }), quick ? 5 : 15);
  const bigW = evaluateStrategy(fcr, big, { months: 12, every_cut: false, otherwise: 'large' });
  const bigNaive = timeIt(() => naiveBacktest([big.returns.s, big.returns.l], big.cash, bigW, 1, 0.0005), quick ? 3 : 7);
  emit({
    bench: 'single',
    what: 'backtest(): weights + simulate + every metric + regimes + events + first-cut path + strategy inference (every table of a run folder), 26,000 bars',
    bars: big.dates.length,
    median_ms: r2(single.median),
    spread_ms: spread(single),
    goal_ms: 10,
    met: single.median <= 10,
    baseline: 'per-bar-object backtester alone (no metrics)',
    baseline_ms: r2(bigNaive.median),
    ratio: r2(bigNaive.median / single.median),
  });

  // the engine's own part of a backtest (weights, simulation, every metric of strategy, small and large), without regimes and events
  const core1 = timeIt(
    () => {
      const e = new ColumnEvaluator(fcr, big);
      const c = e.evaluate({ months: 12, every_cut: false, otherwise: 'large' });
      const r = simulate({ dates: big.dates, assets: big.assets, returns: big.assets.map((a) => big.returns[a]), cash: big.cash, columns: c }, bigSim);
      const common = { dates: big.dates, cash: big.cash, periodsPerYear: 252, benchmark: big.returns.l };
      computeMetrics({ ...common, returns: r.returns, weights: r.weights, assets: 2, turnover: r.turnover, rebalanced: r.rebalanced });
      computeMetrics({ ...common, returns: big.returns.s });
      computeMetrics({ ...common, returns: big.returns.l });
    },
    quick ? 5 : 15,
  );
  emit({
    bench: 'single-core',
    what: 'weights + simulate + every metric of strategy, small and large caps (backtest() without regimes and events), 26,000 bars',
    bars: big.dates.length,
    median_ms: r2(core1.median),
    spread_ms: spread(core1),
    goal_ms: 10,
    met: core1.median <= 10,
    baseline: 'per-bar-object backtester alone (no metrics)',
    baseline_ms: r2(bigNaive.median),
    ratio: r2(bigNaive.median / core1.median),
  });

  // ---- bootstrap: the stationary bootstrap's draws (a run's intervals, the claims' regime tables), WebAssembly vs JavaScript
  {
    const d = Float64Array.from({ length: T }, (_, t) => market.returns[market.small][t] - market.returns[market.large][t]);
    const phase = Int32Array.from(market.fed.phase, (p) => (p < 0 ? -1 : p % 2));
    const other = Int32Array.from({ length: T }, (_, t) => t % 2);
    const cases = [
      { what: 'one group (a mean interval)', groups: new Int32Array(T), G: 1 as number | number[], draws: 2_000 },
      { what: 'two labellings of two groups (a claims regime table)', groups: [phase, other] as Int32Array | Int32Array[], G: [2, 2], draws: 10_000 },
    ];
    for (const c of cases) {
      const opts = { blockLength: optimalBlockLength(d), draws: c.draws, seed: 1 };
      const a = stationaryBootstrapSums(d, c.groups, c.G, opts);
      const b = stationaryBootstrapSums(d, c.groups, c.G, { ...opts, wasm: false });
      if (a.sums.some((v, i) => !Object.is(v, b.sums[i]))) throw new Error('bootstrap: WebAssembly and JavaScript draws differ');
      const wasm = timeIt(() => stationaryBootstrapSums(d, c.groups, c.G, opts));
      const js = timeIt(() => stationaryBootstrapSums(d, c.groups, c.G, { ...opts, wasm: false }));
      emit({
        bench: 'bootstrap',
        what: `stationary bootstrap, ${c.what}: ${c.draws} draws of ${T} daily small − large returns (mean block ${r2(opts.blockLength)} bars), WebAssembly`,
        draws: c.draws,
        bars: T,
        median_ms: r2(wasm.median),
        spread_ms: spread(wasm),
        baseline: 'the same draws in JavaScript (same bits, checked)',
        baseline_ms: r2(js.median),
        ratio: r2(js.median / wasm.median),
      });
    }
  }

  // ---- CLI: new processes
  const main = join(packageRoot(), 'dist', 'engine', 'cli', 'main.js');
  const tmp = mkdtempSync(join(tmpdir(), 'ratecycle-bench-'));
  let n = 0;
  const reps = quick ? 3 : 7;
  const nodeStart = await timeChildren(['-e', 'console.log(0)'], reps);
  const version = await timeChildren([main, '--version'], reps);
  emit({
    bench: 'cli-version',
    what: '`ratecycle --version`, new process',
    median_ms: Math.round(version.total.median),
    spread_ms: spread(version.total),
    baseline: '`node -e` (Node start-up alone)',
    baseline_ms: Math.round(nodeStart.total.median),
    ratio: r2(version.total.median / nodeStart.total.median),
  });
  const run = await timeChildren(((i: number) => [main, 'run', 'first-cut-rotation', '--out', join(tmp, `r${n++}-${i}`)]) as never, reps);
  emit({
    bench: 'cli-run',
    what: '`ratecycle run first-cut-rotation` end to end with report.html, new process',
    bars: T,
    median_ms: Math.round(run.total.median),
    spread_ms: spread(run.total),
    goal: '≤ Node’s start-up (the baseline) + 400 ms; first output ≤ start-up + 150 ms',
    goal_ms: Math.round(nodeStart.total.median + 400),
    met: run.total.median <= nodeStart.total.median + 400,
    first_output_ms: Math.round(run.first.median),
    first_output_spread_ms: spread(run.first),
    first_output_goal_ms: Math.round(nodeStart.total.median + 150),
    first_output_met: run.first.median <= nodeStart.total.median + 150,
    baseline: '`node -e` (Node start-up alone)',
    baseline_ms: Math.round(nodeStart.total.median),
    ratio: r2(run.total.median / nodeStart.total.median),
  });
  // `npm start` = the build step, then `ratecycle demo`
  {
    const root = packageRoot();
    const stamp = () => ['dist/.tsbuildinfo', 'dist/engine/core/sweep.wasm'].map((f) => statSync(join(root, f)).mtimeMs).join();
    const before = stamp();
    const tsc = join(root, 'node_modules', 'typescript', 'bin', 'tsc');
    const build = await timeChildren([tsc, '-b', join(root, 'tsconfig.json')], quick ? 2 : 5, root);
    const wasm = await timeChildren([join(root, '.ci', 'build-wasm.mjs')], quick ? 2 : 5, root);
    emit({
      bench: 'build-unchanged',
      what: 'the build step of `npm start` (`tsc -b`, then the WebAssembly step) when no source changed',
      median_ms: Math.round(build.total.median + wasm.total.median),
      spread_ms: [Math.round(build.total.min + wasm.total.min), Math.round(build.total.max + wasm.total.max)],
      goal: 'does not rebuild what has not changed: dist/ untouched',
      met: stamp() === before,
      baseline: '`node -e` (Node start-up alone)',
      baseline_ms: Math.round(nodeStart.total.median),
      ratio: r2((build.total.median + wasm.total.median) / nodeStart.total.median),
    });
    const demo = await timeChildren(((i: number) => [main, 'demo', '--out', join(tmp, `demo${n++}-${i}`)]) as never, quick ? 1 : 3);
    emit({
      bench: 'demo',
      what: '`ratecycle demo` end to end (claims, now, six runs, their comparison), new process',
      median_ms: Math.round(demo.total.median),
      spread_ms: spread(demo.total),
      first_output_ms: Math.round(demo.first.median),
      goal_ms: 3000,
      met: demo.total.median <= 3000,
      baseline: '`ratecycle run first-cut-rotation` in this run (one of the six runs)',
      baseline_ms: Math.round(run.total.median),
      ratio: r2(demo.total.median / run.total.median),
    });
  }
  await benchAudit(emit, quick);
  await benchClaims(emit, quick);

  // ---- sweeps
  // CPU time of this process per in-thread sweep: less inflated than wall time when the machine is shared
  let cpuMs: number[] = [];
  const sweepOnce = async (strategy: Strategy, ref: string, source: SetSource, workers: number, m: Market, s: SimOptions) => {
    const out = join(tmp, `sweep-${workers}-${n++}`);
    const c0 = process.cpuUsage();
    const t = performance.now();
    const base = Object.fromEntries(Object.entries(strategy.params).map(([k, v]) => [k, v.default]));
    const res = await runSweep({ strategy, strategyRef: ref, base, source, market: m, sim: s, benchmark: 'large', out, workers, batch: 64, top: 0 });
    const ms = performance.now() - t;
    const cu = process.cpuUsage(c0);
    cpuMs.push((cu.user + cu.system) / 1000);
    rmSync(res.partial, { recursive: true, force: true });
    if (res.done !== setCount(source)) throw new Error(`sweep finished ${res.done} of ${setCount(source)} sets`);
    return ms;
  };
  /** The matrix path this release replaced: evaluateStrategy (T×A matrix) + simulate + computeMetrics per set. */
  const baselineLoop = (strategy: Strategy, m: Market, params: (i: number) => Record<string, unknown>, count: number) =>
    timeIt(
      () => {
        const inp = { dates: m.dates, assets: m.assets, returns: m.assets.map((a) => m.returns[a]), cash: m.cash };
        for (let i = 0; i < count; i++) {
          const w = evaluateStrategy(strategy, m, params(i));
          const r = simulate({ ...inp, targets: w }, sim);
          computeMetrics({
            dates: m.dates,
            returns: r.returns,
            cash: m.cash,
            benchmark: m.returns[m.large],
            weights: r.weights,
            assets: m.assets.length,
            turnover: r.turnover,
            rebalanced: r.rebalanced,
          });
        }
      },
      quick ? 1 : 3,
    );
  const runs = quick ? 1 : 3;
  const sets = quick ? 2_000 : 10_000;
  const rep = realisticGrid(sets);
  const single1: number[] = [];
  const pooled: number[] = [];
  const repCpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    cpuMs = [];
    single1.push(await sweepOnce(rep.strategy, rep.strategy.id, rep.source, 0, market, sim));
    repCpu.push(cpuMs[0]);
    pooled.push(await sweepOnce(rep.strategy, rep.strategy.id, rep.source, 2, market, sim));
  }
  const s1 = timing(single1);
  const s2 = timing(pooled);
  const baseSets = quick ? 100 : 500;
  const base = baselineLoop(rep.strategy, market, rep.params, baseSets);
  const baseRate = baseSets / (base.median / 1000);
  const repSets = setCount(rep.source);
  const rate1 = repSets / (s1.median / 1000);
  emit({
    bench: 'sweep-grid',
    what: `${repSets} distinct sets of relative-momentum (lookback × skip × margin, every parameter used), russell daily, 5 bp, lag 1, cash interest, one thread (results.csv, monthly returns, DSR and PBO)`,
    sets: repSets,
    bars: T,
    median_s: r2(s1.median / 1000),
    spread_s: spread(s1, 1 / 1000),
    sets_per_s: Math.round(rate1),
    sets_per_cpu_s: Math.round(repSets / (median(repCpu) / 1000)),
    baseline: 'matrix path per set: evaluateStrategy + simulate + computeMetrics',
    baseline_sets_per_s: Math.round(baseRate),
    ratio: r2(rate1 / baseRate),
  });
  // the machine's own ceiling: the same one-thread sweep in two independent processes at once vs one alone
  const sweepChild = async () => {
    const r = await new Promise<string>((done, fail) => {
      const c = spawn(process.execPath, [fileURLToPath(import.meta.url), '--memory-child', String(repSets)]);
      let out = '';
      c.stdout.on('data', (d) => (out += d));
      c.on('error', fail);
      c.on('close', (code) => (code === 0 ? done(out) : fail(new Error(`sweep child exited with ${code}`))));
    });
    return (JSON.parse(r.trim().split('\n').pop()!) as { ms: number }).ms;
  };
  const alone: number[] = [],
    together: number[] = [];
  for (let i = 0; i < runs; i++) {
    alone.push(await sweepChild());
    const both = await Promise.all([sweepChild(), sweepChild()]);
    together.push(Math.max(...both));
  }
  const ceiling = (2 * median(alone)) / median(together);
  emit({
    bench: 'sweep-pool',
    what: `the same sweep on 2 worker threads (piscina, shared market)`,
    workers: 2,
    cores,
    median_s: r2(s2.median / 1000),
    spread_s: spread(s2, 1 / 1000),
    sets_per_s: Math.round(repSets / (s2.median / 1000)),
    scaling: r2(s1.median / s2.median),
    goal: '≥ 0.95 of the two-process ceiling measured in this run',
    met: s1.median / s2.median / ceiling >= 0.95,
    baseline: 'two independent one-thread sweeps in two processes at once vs one alone (the most 2 cores give this job)',
    baseline_scaling: r2(ceiling),
    ratio: r2(s1.median / s2.median / ceiling),
  });

  // ---- the end-of-sweep overfitting statistic: PBO of 10,000 sets × 448 months (12,870 splits), one thread vs the 2-worker pool
  {
    const N = quick ? 2_000 : 10_000,
      Tm = 448;
    const rnd = mulberry32(3);
    const returns = Float64Array.from({ length: N * Tm }, () => rnd() - 0.5);
    const blocks = cscvBlocks(N, Tm, 16);
    accumulateBlocks(blocks, returns, N, Tm);
    const one = timeIt(() => pboFromBlocks(blocks), quick ? 1 : 3);
    // the same splits with the inner loops in JavaScript (the fallback where the WebAssembly module is missing)
    const jsOut = pboSplits(16);
    const js = timeIt(() => pboPairs(blocks, 0, pboPairCount(16), jsOut, { wasm: false }), 1);
    if (pboFromBlocks(blocks, jsOut).pbo !== pboFromBlocks(blocks).pbo) throw new Error('PBO with JavaScript inner loops differs');
    const { Piscina } = await import('piscina');
    const pool = new Piscina({
      filename: join(packageRoot(), 'dist', 'engine', 'workflows', 'sweep', 'worker.js'),
      minThreads: 2,
      maxThreads: 2,
      workerData: {},
    });
    const times: number[] = [];
    for (let i = 0; i < (quick ? 2 : 4); i++) {
      const t = performance.now();
      const r = await pboOnPool(pool, blocks);
      times.push(performance.now() - t);
      if (r.pbo !== pboFromBlocks(blocks).pbo) throw new Error('PBO on the pool differs');
    }
    await pool.destroy();
    const two = timing(times.slice(1)); // the first includes the workers' start
    emit({
      bench: 'sweep-pbo',
      what: `probability of backtest overfitting of ${N} sets × ${Tm} months (16 blocks, 12,870 splits) at the end of a sweep: this thread vs the 2-worker pool`,
      sets: N,
      median_ms: Math.round(one.median),
      spread_ms: spread(one),
      pool_median_ms: Math.round(two.median),
      pool_spread_ms: spread(two),
      ratio: r2(one.median / two.median),
      us_per_set: r2((one.median * 1000) / N),
      js_inner_loops_ms: Math.round(js.median),
      ratio_js_to_wasm: r2(js.median / one.median),
    });
  }

  const ism = builtin('ism-cycle')!;
  const im = buildMarket(loadCatalog(), { universe: 'russell', series: ['ism_pmi'] });
  const isim = { ...sim, periodsPerYear: im.periodsPerYear };
  const igrid = parseGrid(['level=40:60:0.1', 'rule=level,rising,both,either', 'months=1:12:1'], ism.params, ism.id);
  const isource: SetSource = { kind: 'grid', grid: igrid };
  const idefaults = Object.fromEntries(Object.entries(ism.params).map(([k, v]) => [k, v.default]));
  const iruns: number[] = [];
  cpuMs = [];
  for (let i = 0; i < runs; i++) iruns.push(await sweepOnce(ism, ism.id, isource, 0, im, isim));
  const ismCpu = median(cpuMs);
  const it = timing(iruns);
  const ibaseSets = quick ? 30 : 100;
  const ibase = baselineLoop(ism, im, (i) => gridPoint(igrid, (i * 97) % igrid.size, idefaults), ibaseSets);
  const irate = igrid.size / (it.median / 1000);
  const ibaseRate = ibaseSets / (ibase.median / 1000);
  emit({
    bench: 'sweep-ism',
    what: `${igrid.size}-set ism-cycle grid (level=40:60:0.1, rule × 4, months=1:12:1), russell daily, one thread`,
    sets: igrid.size,
    median_s: r2(it.median / 1000),
    spread_s: spread(it, 1 / 1000),
    sets_per_s: Math.round(irate),
    sets_per_cpu_s: Math.round(igrid.size / (ismCpu / 1000)),
    baseline: 'matrix path per set: evaluateStrategy + simulate + computeMetrics',
    baseline_sets_per_s: Math.round(ibaseRate),
    ratio: r2(irate / ibaseRate),
  });

  // ---- where a set's time goes (fcr and ism), µs per set
  for (const [name, strat, m, params] of [
    ['first-cut-rotation', fcr, market, fcrParams],
    ['ism-cycle', ism, im, (i: number) => gridPoint(igrid, i % igrid.size, idefaults)],
  ] as const) {
    const e = new ColumnEvaluator(strat, m);
    const setup = kernelSetup(
      { dates: m.dates, assets: m.assets, returns: m.assets.map((a) => m.returns[a]), cash: m.cash },
      { ...sim, periodsPerYear: m.periodsPerYear },
    );
    const ctx = new SummaryContext(m.cash, m.returns[m.large], m.dates, m.periodsPerYear);
    const eq = new Float64Array(m.dates.length);
    const st = new Float64Array(4 + m.assets.length);
    const w = new Float64Array(m.assets.length);
    const cnt = quick ? 300 : 1_000;
    const cols = e.evaluate(params(7)).map((c) => c.slice());
    const rules = { cols, names: m.assets, dates: m.dates, allowShort: false, allowLeverage: false };
    const tw = timeIt(() => {
      for (let i = 0; i < cnt; i++) e.evaluate(params(i));
    });
    const tk = timeIt(() => {
      for (let i = 0; i < cnt; i++) runKernel(setup, rules, eq, null, st, w);
    });
    const tm = timeIt(() => {
      for (let i = 0; i < cnt; i++) summaryMetricsOf(ctx, eq, 1);
    });
    // the sweep's own path: growth loops and metrics passes in WebAssembly on arena buffers (same bits)
    const T = m.dates.length;
    const arena = WasmArena.create(wasmSumsSlots(T) + wasmAdvanceSlots(T) + 2 * T);
    if (!arena) throw new Error('the WebAssembly module is not built (npm run build)');
    const wctx = new SummaryContext(m.cash, m.returns[m.large], m.dates, m.periodsPerYear, { arena });
    const weq = wctx.curveBuffer();
    const wadv = new WasmAdvance(arena, setup);
    const wcols = cols.map((c) => arena.copyOf(c)); // in the arena, as the sweep's own columns are
    const wrules = { ...rules, cols: wcols };
    const kj = runKernel(setup, rules, eq, null, st, w);
    const kw = runKernel(setup, wrules, weq, null, wadv.st, w, wadv);
    if (JSON.stringify(kw) !== JSON.stringify(kj) || weq.some((v, t) => !Object.is(v, eq[t]))) throw new Error('WebAssembly and JavaScript kernels differ');
    if (JSON.stringify(summaryMetricsOf(wctx, weq, 1)) !== JSON.stringify(summaryMetricsOf(ctx, eq, 1)))
      throw new Error('WebAssembly and JavaScript summary metrics differ');
    const tkw = timeIt(() => {
      for (let i = 0; i < cnt; i++) runKernel(setup, wrules, weq, null, wadv.st, w, wadv);
    });
    const twm = timeIt(() => {
      for (let i = 0; i < cnt; i++) summaryMetricsOf(wctx, weq, 1);
    });
    // the sweep measures its curves two at a time, one per SIMD lane (the same metrics for each)
    const [pa, pb] = wctx.curveBuffers();
    pb.set(eq);
    const [ma, mb] = summaryMetricsOfPair(wctx, pa, 1, pb, 1);
    if (JSON.stringify(ma) !== JSON.stringify(summaryMetricsOf(ctx, eq, 1)) || JSON.stringify(mb) !== JSON.stringify(ma))
      throw new Error('paired and single summary metrics differ');
    const tpm = timeIt(() => {
      for (let i = 0; i < cnt; i += 2) summaryMetricsOfPair(wctx, pa, 1, pb, 1);
    });
    const us = (t: Timing) => r2((t.median * 1000) / cnt);
    emit({
      bench: 'sweep-parts',
      strategy: name,
      bars: T,
      wasm: wasmAvailable(),
      weights_us: us(tw),
      kernel_us: us(tkw),
      kernel_js_us: us(tk),
      kernel_ratio_js_to_wasm: r2(tk.median / tkw.median),
      metrics_pair_us: us(tpm),
      metrics_us: us(twm),
      metrics_js_us: us(tm),
      metrics_ratio_js_to_wasm: r2(tm.median / twm.median),
      metrics_ratio_single_to_pair: r2(twm.median / tpm.median),
      bytes_per_set_kb: Math.round(((3 + m.assets.length) * m.dates.length * 8) / 1024),
    });
  }
  rmSync(tmp, { recursive: true, force: true });

  // ---- the sweep's compute against a C loop with 8 sets per AVX-512 register (bench/reference.ts)
  await benchReference(emit, quick);

  // ---- sweeps through the CLI: end to end, workers, whole-process memory
  await benchSweep(emit, quick, long);
}

const child = process.argv.indexOf('--memory-child');
if (child >= 0) await memoryChild(Number(process.argv[child + 1]));
else await main();
