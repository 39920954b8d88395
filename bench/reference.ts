/**
 * The sweep's compute against a hand-vectorized reference on one thread (npm run bench: the
 * `reference` lines). The reference is C (bench/reference/sweep-ref.c, built at bench time by
 * bench/reference/build.sh with gcc -O3 -march=native into a temporary folder): the kernel's
 * growth loop (lag, costs, cash), the summary sums, the 15 metrics and the monthly excess
 * returns of every set, 8 sets per AVX-512 register. It does not evaluate strategies: this file
 * exports the weight columns the sweep's own weight step writes (ColumnEvaluator, as
 * run-batch.ts calls it) to a binary file, and both sides start from those columns.
 *
 * Before timing anything, the reference's results are checked bit for bit: its kernel summary,
 * final equity and 11 sums against the engine's (runKernel with the WebAssembly growth loops,
 * SummaryContext.sums), its 15 metrics and monthly returns (f32) against the rows runBatch
 * itself returns for the same sets.
 *
 * Timed on the engine's side: what run-batch.ts's SweepRunner.runPair does after the weights,
 * on the same columns placed in its WebAssembly arena (as the evaluator's output columns are):
 * runKernel per set, summaryMetricsOfPair per pair, the three kernel counts and
 * monthlyExcessReturns into one batch array. Both sides time 16 sets at a time with their
 * weights in the cache (see CHUNK). Rounds interleave the C binaries (each a new process timing
 * its own passes) with the engine's passes in this process; a round's figure is the sum over
 * chunks of each chunk's median pass, and the line gives the median over rounds with the
 * spread, and the median of the rounds' ratios. The C
 * loop also runs with 4 lanes (AVX2) and 2 lanes (128-bit SSE: the width of WebAssembly SIMD),
 * to show what the vector width itself is worth. Without gcc, the line says so and is skipped.
 * RATECYCLE_REFERENCE_DIR=<folder> keeps the binaries and their input files there.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../engine/core/paths.js';
import { WasmArena } from '../engine/core/wasm-arena.js';
import type { Market, SimOptions } from '../engine/core/types.js';
import { loadCatalog } from '../engine/market/data/catalog.js';
import { buildMarket } from '../engine/market/build-market.js';
import { benchmarkReturns } from '../engine/market/benchmark-series.js';
import { SUMMARY_KEYS, SummaryContext, summaryMetricsOf, summaryMetricsOfPair, type SummaryMetrics } from '../engine/measure/metrics/summary-metrics.js';
import { SUM_COUNT } from '../engine/measure/metrics/summary-sums.js';
import { wasmSumsSlots } from '../engine/measure/metrics/summary-sums-wasm.js';
import { WasmAdvance, wasmAdvanceSlots } from '../engine/simulate/advance-wasm.js';
import { runKernel, type KernelSummary } from '../engine/simulate/kernel.js';
import { DEFAULT_SIM_OPTIONS, resolveOptions } from '../engine/simulate/options.js';
import { kernelSetup, MODE, type KernelSetup } from '../engine/simulate/setup.js';
import { LEVERAGE_TOLERANCE, type RowRules } from '../engine/simulate/validate-targets.js';
import type { Strategy } from '../engine/strategy/define.js';
import { ColumnEvaluator } from '../engine/strategy/evaluate.js';
import { gridPoint, parseGrid } from '../engine/workflows/sweep/grid.js';
import { monthFrame, monthlyExcessReturns, type MonthFrame } from '../engine/workflows/sweep/monthly-returns.js';
import { runBatch, type SweepMetrics } from '../engine/workflows/sweep/run-batch.js';
import { builtin } from '../strategies/index.js';
import { median } from './median.js';

type Emit = (record: Record<string, unknown>) => void;

/** The 15 metrics of a results.csv row, in the order of the reference's records. */
const METRIC_KEYS: readonly (keyof SweepMetrics)[] = [...SUMMARY_KEYS, 'exposure', 'turnoverAnnual', 'rebalances'];
/** Values per set record of the reference (sweep-ref.c): 6 kernel values, 11 sums, 15 metrics. */
const RECORD = 32;
const MAGIC = 0x52435246;
/**
 * Metrics computed through Math.pow or Math.exp (cagr and calmar, skew, psr): V8's fdlibm and
 * the C library's libm may round those functions' last bit differently, so these are checked
 * to {@link LIBM_REL} relative instead of bit for bit (their inputs, the sums, are checked bit
 * for bit). Every other value is compared bit for bit.
 */
const LIBM_METRICS: ReadonlySet<string> = new Set(['cagr', 'calmar', 'skew', 'psr']);
const LIBM_REL = 1e-12;
/** Wall time each timed measurement aims at, ms. */
const TARGET_MS = 250;
/**
 * Sets timed together (2.5 MB of weight columns on the russell calendar). Both sides time
 * chunk by chunk, each chunk's weights brought into the cache by an untimed pass first, as a
 * sweep's weights are when the strategy has just written them: over every set at once the
 * columns (34 MB for 216 sets) stream from memory and both sides wait for it (measured: the C
 * loop 4–6× slower per set from 128 sets on).
 */
const CHUNK = 16;

/** One case: a strategy's sets on a market with the sweep bench's options. */
interface Case {
  name: string;
  strategy: Strategy;
  market: Market;
  sim: SimOptions;
  params: Record<string, unknown>[];
  what: string;
}

/**
 * The engine's compute of a sweep after the weights, for sets whose columns are already in the
 * arena: what SweepRunner.runPair (run-batch.ts) does once the evaluator has written a set's
 * columns into its arena, operation for operation, without the weight step.
 */
class EngineCompute {
  readonly T: number;
  readonly N: number;
  readonly setup: KernelSetup;
  readonly summary: SummaryContext;
  readonly frame: MonthFrame;
  readonly M: number;
  readonly monthly: Float32Array;
  private readonly cols: Float64Array[][];
  private readonly curves: readonly [Float64Array, Float64Array];
  private readonly wasm: WasmAdvance;
  private readonly st: Float64Array;
  private readonly w = new Float64Array(2);
  private readonly rules: RowRules;
  private readonly years: number;
  readonly initial: number;

  constructor(c: Case, weights: Float64Array) {
    const { market } = c;
    const o = resolveOptions(c.sim);
    const T = market.dates.length;
    this.T = T;
    this.N = c.params.length;
    this.setup = kernelSetup({ dates: market.dates, assets: market.assets, returns: market.assets.map((a) => market.returns[a]), cash: market.cash }, o);
    const arena = WasmArena.create(wasmSumsSlots(T) + wasmAdvanceSlots(T) + 2 * this.N * T);
    if (!arena) throw new Error('the WebAssembly module is not built (npm run build)');
    this.cols = Array.from({ length: this.N }, (_, i) => [0, 1].map((a) => arena.copyOf(weights.subarray((2 * i + a) * T, (2 * i + a + 1) * T))));
    this.summary = new SummaryContext(market.cash, benchmarkReturns(market, 'large'), market.dates, market.periodsPerYear, { arena });
    this.curves = this.summary.curveBuffers();
    this.wasm = new WasmAdvance(arena, this.setup);
    this.st = this.wasm.st;
    this.rules = { cols: [], names: market.assets, dates: market.dates, allowShort: o.allowShort, allowLeverage: o.allowLeverage };
    this.years = (market.dates[T - 1] - market.dates[0]) / 365.25;
    this.initial = o.initial;
    this.frame = monthFrame(market);
    this.M = this.frame.cash.length;
    this.monthly = new Float32Array(this.N * this.M);
  }

  private kernel(i: number, equity: Float64Array): KernelSummary {
    this.rules.cols = this.cols[i];
    return runKernel(this.setup, this.rules, equity, null, this.st, this.w, this.wasm);
  }

  private finish(k: KernelSummary, m: SummaryMetrics, equity: Float64Array, i: number): SweepMetrics {
    const x = m as SweepMetrics;
    x.exposure = this.T > 0 ? k.exposureSum / this.T : NaN;
    x.turnoverAnnual = k.turnover / this.years;
    x.rebalances = k.rebalances;
    monthlyExcessReturns(equity, this.frame, this.monthly.subarray(i * this.M, (i + 1) * this.M));
    return x;
  }

  /** Sets first … first + count − 1 (every set by default), two at a time as runBatch runs them: the metrics per set (monthly returns in {@link monthly}). */
  pass(first = 0, count = this.N): SweepMetrics[] {
    const out: SweepMetrics[] = [];
    const [ea, eb] = this.curves;
    const init = this.initial;
    const end = first + count;
    let i = first;
    for (; i + 1 < end; i += 2) {
      const ka = this.kernel(i, ea);
      const kb = this.kernel(i + 1, eb);
      const [ma, mb] = summaryMetricsOfPair(this.summary, ea, init, eb, init);
      out.push(this.finish(ka, ma, ea, i), this.finish(kb, mb, eb, i + 1));
    }
    if (i < end) out.push(this.finish(this.kernel(i, ea), summaryMetricsOf(this.summary, ea, init), ea, i));
    return out;
  }

  /** Set i's kernel summary, final equity and sums (one curve at a time: the same bits as in pairs). */
  detail(i: number): { k: KernelSummary; last: number; sums: Float64Array } {
    const e = this.curves[0];
    const k = this.kernel(i, e);
    return { k, last: e[this.T - 1], sums: this.summary.sums(e, this.initial).slice() };
  }
}

/** The sets' weight columns from the sweep's weight step (ColumnEvaluator), set by set: small then large, T values each. */
function exportWeights(c: Case): Float64Array {
  const T = c.market.dates.length;
  const ev = new ColumnEvaluator(c.strategy, c.market);
  const out = new Float64Array(c.params.length * 2 * T);
  c.params.forEach((p, i) => {
    const cols = ev.evaluate(p);
    if (cols.length !== 2) throw new Error(`${c.name}: ${cols.length} weight columns; the reference handles two assets`);
    out.set(cols[0], 2 * i * T);
    out.set(cols[1], (2 * i + 1) * T);
  });
  return out;
}

/** The reference's input file (layout in sweep-ref.c). */
function writeInput(path: string, c: Case, e: EngineCompute, weights: Float64Array): void {
  const s = e.setup;
  if (s.A !== 2 || s.mode !== MODE.onChange || !s.uniform)
    throw new Error(`${c.name}: the reference handles two assets, on-change rebalancing and one cost rate`);
  const { T, M, summary, frame } = e;
  const dates = c.market.dates;
  const days = dates[T - 1] - dates[0];
  const header = Float64Array.from([
    MAGIC,
    T,
    e.N,
    M,
    s.lag,
    s.rate[0],
    e.initial,
    summary.n,
    summary.periodsPerYear,
    summary.vb,
    days,
    days / 365.25,
    1 + LEVERAGE_TOLERANCE,
    0,
    0,
    0,
  ]);
  const growth = new Float64Array(2 * T);
  growth.set(s.growth);
  const parts = [header, growth, s.cashGrowth, s.borrowGrowth, summary.cash, summary.db, frame.cash, Float64Array.from(frame.bounds), weights];
  writeFileSync(path, Buffer.concat(parts.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength))));
}

/**
 * Compares the reference's output with the engine's: kernel summary, final equity and sums
 * (EngineCompute.detail), the 15 metrics and monthly returns of runBatch's own rows. Returns
 * the number of values compared; throws naming the first differences.
 */
function check(c: Case, e: EngineCompute, out: Buffer): { compared: number; libm: number; libmDiffer: number; libmMaxRel: number } {
  const { N, M } = e;
  const rec = new Float64Array(out.buffer, out.byteOffset, N * RECORD);
  const months = new Uint32Array(out.buffer.slice(out.byteOffset + N * RECORD * 8, out.byteOffset + N * RECORD * 8 + N * M * 4));
  const rows = runBatch(
    { market: c.market, strategy: c.strategy, sim: c.sim, benchmark: 'large', monthly: true },
    c.params.map((params, index) => ({ index, params })),
  );
  const bad: string[] = [];
  let compared = 0;
  let libm = 0;
  let libmDiffer = 0;
  let libmMaxRel = 0;
  const same = (i: number, what: string, ref: number, engine: number) => {
    compared++;
    if (!Object.is(ref, engine) && bad.length < 5) bad.push(`set ${i} (${JSON.stringify(c.params[i])}) ${what}: reference ${ref}, engine ${engine}`);
  };
  const close = (i: number, what: string, ref: number, engine: number) => {
    libm++;
    if (Object.is(ref, engine)) return;
    const rel = Math.abs(ref - engine) / Math.abs(engine);
    libmDiffer++;
    libmMaxRel = Math.max(libmMaxRel, rel);
    if (!(rel <= LIBM_REL) && bad.length < 5)
      bad.push(`set ${i} (${JSON.stringify(c.params[i])}) ${what}: reference ${ref}, engine ${engine} (beyond ${LIBM_REL} relative)`);
  };
  for (let i = 0; i < N; i++) {
    const r = rec.subarray(i * RECORD, (i + 1) * RECORD);
    const row = rows[i];
    if (!row.metrics || !row.monthly) throw new Error(`${c.name}: set ${i} failed in the sweep: ${row.error}`);
    if (r[5] !== 0) bad.push(`set ${i}: the reference flagged an invalid row or a ruin`);
    const d = e.detail(i);
    same(i, 'final equity', r[0], d.last);
    same(i, 'turnover', r[1], d.k.turnover);
    same(i, 'rebalances', r[2], d.k.rebalances);
    same(i, 'costs', r[3], d.k.costs);
    same(i, 'exposure sum', r[4], d.k.exposureSum);
    for (let k = 0; k < SUM_COUNT; k++) same(i, `sum ${k}`, r[6 + k], d.sums[k]);
    METRIC_KEYS.forEach((key, k) => (LIBM_METRICS.has(key) ? close : same)(i, key, r[17 + k], row.metrics![key]));
    const bits = new Uint32Array(row.monthly.buffer, row.monthly.byteOffset, M);
    for (let m = 0; m < M; m++) same(i, `month ${m}`, months[i * M + m], bits[m]);
  }
  // the timed engine pass gives runBatch's rows too (it is the sweep's compute)
  const mine = e.pass();
  for (let i = 0; i < N; i++) {
    METRIC_KEYS.forEach((key) => same(i, `engine pass ${key}`, mine[i][key], rows[i].metrics![key]));
    for (let m = 0; m < M; m++) same(i, `engine pass month ${m}`, e.monthly[i * M + m], rows[i].monthly![m]);
  }
  if (bad.length) throw new Error(`${c.name}: the reference differs from the sweep:\n  ${bad.join('\n  ')}`);
  return { compared, libm, libmDiffer, libmMaxRel };
}

/** One pass of the C binary over every set, ms, timed chunk by chunk in a new process (see {@link CHUNK}). */
function timeC(bin: string, input: string, passes: number): number {
  const out = execFileSync(bin, ['time', input, String(passes), String(CHUNK)], { encoding: 'utf8', maxBuffer: 1 << 20 });
  return (JSON.parse(out.trim()) as { pass_ms: number }).pass_ms;
}

/** One engine pass over every set, ms, timed chunk by chunk as the C binary times its own: the sum of each chunk's median pass. */
function timeEngine(e: EngineCompute, passes: number): number {
  let total = 0;
  const times: number[] = new Array(passes);
  for (let first = 0; first < e.N; first += CHUNK) {
    const count = Math.min(CHUNK, e.N - first);
    e.pass(first, count); // the chunk's weights into the cache
    for (let p = 0; p < passes; p++) {
      const t = performance.now();
      e.pass(first, count);
      times[p] = performance.now() - t;
    }
    total += median(times);
  }
  return total;
}

/** Builds the C binaries into `dir`: lanes → path, and the widths that failed. */
function build(dir: string): { bins: Map<number, string>; missing: string[] } {
  const script = join(packageRoot(), 'bench', 'reference', 'build.sh');
  const r = spawnSync('sh', [script, dir], { encoding: 'utf8' });
  const bins = new Map<number, string>();
  for (const lanes of [8, 4, 2]) {
    const bin = join(dir, `sweep-ref-${lanes}`);
    try {
      readFileSync(bin);
      bins.set(lanes, bin);
    } catch {
      // not built
    }
  }
  const missing = (r.stderr ?? '')
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  return { bins, missing };
}

const r2 = (x: number) => +x.toFixed(2);
const rate = (sets: number, ms: number) => Math.round(sets / (ms / 1000));

function cases(quick: boolean): Case[] {
  const market = buildMarket(loadCatalog(), { universe: 'russell' });
  const sim: SimOptions = { ...DEFAULT_SIM_OPTIONS, cost: 0.0005, periodsPerYear: market.periodsPerYear };
  const fcr = builtin('first-cut-rotation')!;
  const fcrParams = Array.from({ length: 216 }, (_, i) => ({
    months: 1 + (i % 36),
    every_cut: Math.floor(i / 36) % 2 === 0,
    otherwise: ['large', 'cash', 'mix'][Math.floor(i / 72) % 3],
  }));
  const ism = builtin('ism-cycle')!;
  const im = buildMarket(loadCatalog(), { universe: 'russell', series: ['ism_pmi'] });
  const igrid = parseGrid(['level=40:60:0.1', 'rule=level,rising,both,either', 'months=1:12:1'], ism.params, ism.id);
  const idefaults = Object.fromEntries(Object.entries(ism.params).map(([k, v]) => [k, v.default]));
  const step = quick ? 97 : 24; // every 24th set of the sweep-ism grid: 400 sets (a whole number of chunks)
  const ismParams = Array.from({ length: Math.floor(igrid.size / step / CHUNK) * CHUNK }, (_, i) => gridPoint(igrid, i * step, idefaults));
  return [
    {
      name: 'first-cut-rotation',
      strategy: fcr,
      market,
      sim,
      params: fcrParams,
      what: 'the 216 distinct sets of the sweep-fcr grid (months=1:36 × every_cut × otherwise=large,cash,mix)',
    },
    {
      name: 'ism-cycle',
      strategy: ism,
      market: im,
      sim: { ...sim, periodsPerYear: im.periodsPerYear },
      params: ismParams,
      what: `every ${step}th set of the sweep-ism grid (level=40:60:0.1 × rule × months=1:12), ${ismParams.length} sets`,
    },
  ];
}

/** The `reference` lines of npm run bench (one per case); `quick` runs fewer rounds. */
export async function benchReference(emit: Emit, quick: boolean): Promise<void> {
  const gcc = spawnSync('gcc', ['-dumpfullversion'], { encoding: 'utf8' });
  const machine = {
    cpu: cpus()[0]?.model ?? '?',
    cores: availableParallelism(),
    node: process.version,
    gcc: gcc.status === 0 ? gcc.stdout.trim() : null,
    load_avg_1m: +loadavg()[0].toFixed(1),
  };
  if (gcc.status !== 0) {
    emit({
      bench: 'reference',
      skipped: 'gcc not found: the C reference (bench/reference/sweep-ref.c) is not built, so the sweep compute is not compared',
      machine,
    });
    return;
  }
  // RATECYCLE_REFERENCE_DIR keeps the binaries and input files there (to run or profile them by hand)
  const keep = process.env.RATECYCLE_REFERENCE_DIR;
  const dir = keep ? (mkdirSync(keep, { recursive: true }), keep) : mkdtempSync(join(tmpdir(), 'ratecycle-reference-'));
  try {
    const { bins, missing } = build(dir);
    if (!bins.has(8)) {
      emit({ bench: 'reference', skipped: `the 8-lane (AVX-512) reference did not build here: ${missing.join('; ') || 'no binary'}`, machine });
      return;
    }
    const rounds = quick ? 3 : 7;
    for (const c of cases(quick)) {
      const weights = exportWeights(c);
      const engine = new EngineCompute(c, weights);
      const input = join(dir, `${c.name}.in`);
      writeInput(input, c, engine, weights);
      const checked = { compared: 0, libm: 0, libmDiffer: 0, libmMaxRel: 0 };
      try {
        for (const [lanes, bin] of bins) {
          const out = join(dir, `${c.name}-${lanes}.out`);
          execFileSync(bin, ['check', input, out]);
          const k = check(c, engine, readFileSync(out));
          checked.compared += k.compared;
          checked.libm += k.libm;
          checked.libmDiffer += k.libmDiffer;
          checked.libmMaxRel = Math.max(checked.libmMaxRel, k.libmMaxRel);
        }
      } catch (err) {
        emit({ bench: 'reference', strategy: c.name, check_failed: (err as Error).message, machine });
        continue;
      }
      // warm-up: the engine's pass optimized (V8 and the WebAssembly tiers), then passes sized to ≈ TARGET_MS per measurement
      const t0 = performance.now();
      let warm = 0;
      while (performance.now() - t0 < 1500 || warm < 5) {
        engine.pass();
        warm++;
      }
      // passes per chunk for ≈ TARGET_MS per measurement (each chunk also runs one untimed pass)
      const passesFor = (ms: number) => Math.max(5, Math.round(TARGET_MS / ms)) | 1;
      const enginePasses = passesFor(timeEngine(engine, 3));
      const cPasses = new Map([...bins].map(([lanes, bin]) => [lanes, passesFor(timeC(bin, input, 3))]));
      const per: { engine: number[]; c: Map<number, number[]> } = { engine: [], c: new Map([...bins.keys()].map((l) => [l, []])) };
      for (let r = 0; r < rounds; r++) {
        // alternate the order so that neither side always follows the other
        const order = r % 2 ? [...bins.keys(), 0] : [0, ...bins.keys()];
        for (const lanes of order) {
          if (lanes === 0) per.engine.push(timeEngine(engine, enginePasses));
          else per.c.get(lanes)!.push(timeC(bins.get(lanes)!, input, cPasses.get(lanes)!));
        }
      }
      const N = c.params.length;
      const sets = (ms: number[]) => ms.map((x) => rate(N, x));
      const summary = (ms: number[]) => {
        const s = sets(ms);
        return { sets_per_s: Math.round(median(s)), spread_sets_per_s: [Math.min(...s), Math.max(...s)] };
      };
      const ratios = per.engine.map((ms, r) => per.c.get(8)![r] / ms); // per round: engine sets/s ÷ C sets/s
      const eng = summary(per.engine);
      const ref = summary(per.c.get(8)!);
      const ratio = median(ratios);
      const lanes: Record<string, unknown> = {};
      for (const [l, ms] of per.c) lanes[`c_${l}_lanes`] = summary(ms);
      const vs = (l: number) => (per.c.has(l) ? r2(median(per.engine.map((ms, r) => per.c.get(l)![r] / ms))) : null);
      const width = (l: number) => (per.c.has(l) ? r2(median(per.c.get(8)!.map((ms, r) => ms / per.c.get(l)![r]))) : null);
      emit({
        bench: 'reference',
        strategy: c.name,
        what: `kernel + 15 metrics + monthly excess returns per set, one thread, on the weights of the sweep's own weight step: ${c.what}, russell daily, 5 bp, lag 1, cash interest`,
        sets: N,
        bars: engine.T,
        months: engine.M,
        rounds,
        ...eng,
        engine:
          'runKernel (WebAssembly growth loops) + summaryMetricsOfPair (2 curves per 128-bit SIMD register) + the kernel counts + monthlyExcessReturns, as run-batch.ts runPair after the weights',
        baseline: 'C reference, 8 sets per AVX-512 register (bench/reference/sweep-ref.c, gcc -O3 -march=native -ffp-contract=off)',
        baseline_sets_per_s: ref.sets_per_s,
        baseline_spread_sets_per_s: ref.spread_sets_per_s,
        ratio: r2(ratio),
        ratio_spread: [r2(Math.min(...ratios)), r2(Math.max(...ratios))],
        goal_ratio: 0.7,
        met: ratio >= 0.7,
        ...lanes,
        ratio_to_c_4_lanes: vs(4),
        ratio_to_c_2_lanes: vs(2),
        c_2_lanes_share_of_8: width(2),
        c_4_lanes_share_of_8: width(4),
        checked: `${checked.compared} values bit for bit, per set and C width: final equity, turnover, rebalances, costs, exposure sum, the 11 sums, ${engine.M} monthly returns as f32 and 11 of the 15 metrics against runBatch's rows (the engine's timed pass gives the same rows); the 4 metrics through pow or exp (cagr, calmar, skew, psr: ${checked.libm} values) within ${LIBM_REL} relative, ${checked.libmDiffer} of them not bit-identical (max ${checked.libmMaxRel.toExponential(1)}: the C library's libm against V8's)`,
        not_built: missing.length ? missing : undefined,
        machine: { ...machine, load_avg_1m_end: +loadavg()[0].toFixed(1) },
      });
    }
  } finally {
    if (!keep) rmSync(dir, { recursive: true, force: true });
  }
}

// `node dist/bench/reference.js [--quick]`: these lines alone
if (process.argv[1] && import.meta.url.endsWith(process.argv[1].replace(/\\/g, '/'))) {
  await benchReference((r) => console.log(JSON.stringify(r)), process.argv.includes('--quick'));
}
