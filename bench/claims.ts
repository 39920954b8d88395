/**
 * Benchmark of `ratecycle claims` (target: ≤ 10 s on one core with 10,000 draws per statistic, with
 * every region, the pooled tests and the specification curve; measured against the US samples alone). Measures the claims computed in this process (median) and the command end to end in
 * a new process (median). Baseline, measured in the same run: the claims' heaviest statistic, the
 * wild cluster bootstrap-t of the daily regime contrasts (easing and tightening against the rest
 * of the bars, 9,671 daily bars of the Russell sample clustered by episode), computed the textbook
 * way — each bootstrap sample built bar by bar and refit — against the same p-values from the
 * cluster sums as `wildClusterBootstrap` computes them (which also inverts the test for its interval:
 * the ratio understates the gain);
 * the baseline runs 200 draws and is scaled to 9,999 (its cost is linear in the draws).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { episodes } from '../engine/workflows/claims/regime-claims.js';
import { runClaims } from '../engine/workflows/claims/run-claims.js';
import { CLAIM_UNIVERSES } from '../engine/workflows/claims/universes.js';
import { loadCatalog } from '../engine/market/data/catalog.js';
import { buildMarket } from '../engine/market/build-market.js';
import { packageRoot } from '../engine/core/paths.js';
import { mulberry32 } from '../engine/core/random.js';
import { clusteredRegression } from '../engine/measure/stats/clustered-regression.js';
import { wildClusterBootstrap } from '../engine/measure/stats/wild-cluster-bootstrap.js';
import { WEBB_WEIGHTS } from '../engine/measure/stats/webb-weights.js';
import { Phase } from '../engine/core/types.js';
import { median } from './median.js';

/** OLS of y on (1, D) with CR1 standard errors, observation by observation: [slope, se]. */
function fitDummy(y: Float64Array, D: Float64Array, g: Int32Array, G: number): [number, number] {
  const n = y.length;
  let s1 = 0,
    sd = 0,
    sy = 0,
    sdy = 0;
  for (let i = 0; i < n; i++) {
    s1 += 1;
    sd += D[i];
    sy += y[i];
    sdy += D[i] * y[i];
  }
  const det = s1 * sd - sd * sd;
  const b = (s1 * sdy - sd * sy) / det,
    a = (sy - b * sd) / s1;
  const u0 = new Float64Array(G),
    u1 = new Float64Array(G);
  for (let i = 0; i < n; i++) {
    const e = y[i] - a - b * D[i];
    u0[g[i]] += e;
    u1[g[i]] += D[i] * e;
  }
  // row 2 of (X'X)⁻¹ = [−sd, s1] / det (X'X = [[s1, sd], [sd, sd]] for a 0/1 dummy)
  let meat = 0;
  for (let c = 0; c < G; c++) meat += ((-sd * u0[c] + s1 * u1[c]) / det) ** 2;
  return [b, Math.sqrt((G / (G - 1)) * ((n - 1) / (n - 2)) * meat)];
}

/** The textbook wild cluster restricted bootstrap p of the dummy's coefficient (H0: 0): every sample rebuilt and refit. */
function textbookWild(y: Float64Array, D: Float64Array, g: Int32Array, G: number, draws: number): number {
  const [b, se] = fitDummy(y, D, g, G);
  let mean = 0;
  for (let i = 0; i < y.length; i++) mean += y[i] / y.length;
  const rnd = mulberry32(1);
  const w = new Float64Array(G);
  let extreme = 0;
  for (let k = 0; k < draws; k++) {
    for (let c = 0; c < G; c++) w[c] = WEBB_WEIGHTS[Math.floor(rnd() * 6)];
    const ys = Float64Array.from(y, (v, i) => mean + w[g[i]] * (v - mean));
    const [bs, ses] = fitDummy(ys, D, g, G);
    if (Math.abs(bs / ses) >= Math.abs(b / se)) extreme++;
  }
  return extreme / draws;
}

/** Runs the claims benchmark and emits its JSON lines. */
export async function benchClaims(emit: (r: Record<string, unknown>) => void, quick: boolean): Promise<void> {
  const catalog = loadCatalog();
  const draws = 10_000;
  const reps = quick ? 1 : 3;
  const inproc: number[] = [];
  const inprocCpu: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    const c = process.cpuUsage();
    runClaims(catalog, { draws });
    inprocCpu.push(process.cpuUsage(c).user / 1000);
    inproc.push(performance.now() - t);
  }
  const tmp = mkdtempSync(join(tmpdir(), 'ratecycle-bench-claims-'));
  const main = join(packageRoot(), 'dist', 'engine', 'cli', 'main.js');
  const cli: number[] = [];
  for (let i = 0; i < reps; i++) {
    const t = performance.now();
    const r = spawnSync(process.execPath, [main, 'claims', '--out', join(tmp, `c${i}`)], { encoding: 'utf8' });
    cli.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`ratecycle claims failed: ${r.stderr}`);
  }
  rmSync(tmp, { recursive: true, force: true });

  // baseline: the daily regime contrasts' wild bootstrap, textbook refits (200 draws, scaled) against the cluster sums
  const m = buildMarket(catalog, { universe: 'russell' });
  const T = m.dates.length;
  const d = Float64Array.from({ length: T - 1 }, (_, t) => m.returns[m.small][t + 1] - m.returns[m.large][t + 1]);
  const label = Int8Array.from({ length: T - 1 }, (_, t) => m.fed.phase[t]);
  const runs = episodes(label);
  const G = runs[runs.length - 1] + 1;
  const baseDraws = quick ? 50 : 200;
  let t0 = performance.now();
  for (const phase of [Phase.Easing, Phase.Tightening])
    textbookWild(
      d,
      Float64Array.from(label, (v) => (v === phase ? 1 : 0)),
      runs,
      G,
      baseDraws,
    );
  const baseline = ((performance.now() - t0) * 9_999) / baseDraws;
  t0 = performance.now();
  for (const phase of [Phase.Easing, Phase.Tightening])
    wildClusterBootstrap(clusteredRegression(d, [Float64Array.from(label, (v) => (v === phase ? 1 : 0))], runs), { draws: 9_999, seed: 1 });
  const fast = performance.now() - t0;
  // every region, pooled, and the specification curve, on one core, against the US samples alone measured alongside
  const us = CLAIM_UNIVERSES.filter((u) => !u.region && !catalog.unavailable?.universes[u.universe]).map((u) => u.id);
  const full: number[] = [];
  const usOnly: number[] = [];
  for (let i = 0; i < reps; i++) {
    let c = process.cpuUsage();
    runClaims(catalog, { draws, universes: us });
    usOnly.push(process.cpuUsage(c).user / 1000);
    c = process.cpuUsage();
    runClaims(catalog, { draws, multiverse: true });
    full.push(process.cpuUsage(c).user / 1000);
  }
  emit({
    bench: 'claims-everything',
    what: '`claims --multiverse`: the US samples, 7 regional samples, the pooled tests and the specification curves of claims 1 and 3 (90 and 180 definitions), 10,000 draws, in process, CPU time of the main thread',
    median_ms: Math.round(median(full)),
    spread_ms: [Math.round(Math.min(...full)), Math.round(Math.max(...full))],
    goal_ms: 10_000,
    met: median(full) <= 10_000,
    baseline: 'the US samples alone (the claims before the regions), same process, interleaved',
    baseline_ms: Math.round(median(usOnly)),
    ratio: Math.round((median(full) / median(usOnly)) * 100) / 100,
  });
  const med = median(cli);
  emit({
    bench: 'claims',
    what: '`ratecycle claims` on the shipped data (14 samples and the pooled tests, 10,000 draws per statistic), new process',
    median_ms: Math.round(med),
    spread_ms: [Math.round(Math.min(...cli)), Math.round(Math.max(...cli))],
    in_process_median_ms: Math.round(median(inproc)),
    in_process_cpu_ms: Math.round(median(inprocCpu)),
    goal_ms: 10_000,
    met: med <= 10_000,
    baseline: `the wild cluster bootstrap p of the two daily regime contrasts (russell, ${G} episodes) by rebuilding and refitting every sample (${baseDraws} draws, scaled to 9,999)`,
    baseline_ms: Math.round(baseline),
    same_with_cluster_sums_ms: Math.round(fast),
    ratio: Math.round((baseline / fast) * 10) / 10,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchClaims((r) => console.log(JSON.stringify(r)), process.argv.includes('--quick'));
