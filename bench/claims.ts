/**
 * Benchmark of `ratecycle claims` (target: ≤ 5 s end to end on one core with 10,000 draws per
 * statistic). Measures the claims computed in this process (median), the command end to end
 * in a new process (median), and as baseline the same resampling statistics written as a
 * plain loop — element-by-element stationary bootstrap and iid bootstrap/placebo that
 * allocate a resample array per draw — on the same inputs, run with 1,000 draws and scaled
 * to 10,000 (the cost is linear in the draws).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { eventStudy, forwardSpreads } from '../engine/analytics/event-study.js';
import { cutEvents } from '../engine/claims/event-claims.js';
import { runClaims } from '../engine/claims/run-claims.js';
import { CLAIM_UNIVERSES } from '../engine/claims/universes.js';
import { loadCatalog } from '../engine/data/catalog.js';
import { buildMarket } from '../engine/market/build-market.js';
import { packageRoot } from '../engine/paths.js';
import { mulberry32 } from '../engine/random.js';
import { optimalBlockLength } from '../engine/stats/block-length.js';
import { Phase } from '../engine/types.js';

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

/** Plain stationary bootstrap: one resample array per draw, filled element by element, then group means. */
function naiveStationary(x: number[], g: number[], G: number, L: number, draws: number, rnd: () => number): number[][] {
  const out: number[][] = [];
  const T = x.length;
  for (let b = 0; b < draws; b++) {
    const idx: number[] = [];
    let i = Math.floor(rnd() * T);
    for (let t = 0; t < T; t++) {
      if (t > 0) i = rnd() < 1 / L ? Math.floor(rnd() * T) : (i + 1) % T;
      idx.push(i);
    }
    const sums = new Array(G).fill(0), counts = new Array(G).fill(0);
    for (const k of idx) if (g[k] >= 0) {
      sums[g[k]] += x[k];
      counts[g[k]]++;
    }
    out.push(sums.map((s, k) => s / counts[k]));
  }
  return out;
}

/** Plain iid bootstrap of a mean and placebo of n dates: arrays per draw. */
function naiveEvent(x: number[], eligible: number[], draws: number, rnd: () => number): number {
  let acc = 0;
  for (let b = 0; b < draws; b++) {
    const res = x.map(() => x[Math.floor(rnd() * x.length)]);
    acc += res.reduce((a, c) => a + c, 0) / res.length;
    const pool = eligible.slice();
    const pick: number[] = [];
    for (let k = 0; k < x.length; k++) pick.push(pool.splice(Math.floor(rnd() * pool.length), 1)[0]);
    acc += pick.reduce((a, c) => a + c, 0) / pick.length;
  }
  return acc;
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

  // baseline: the same resampling statistics as plain loops, 1,000 draws, scaled to 10,000
  const baseDraws = quick ? 200 : 1_000;
  const t0 = performance.now();
  for (const u of CLAIM_UNIVERSES.filter((x) => !x.claims.includes(5) || x.claims.length > 1)) {
    const m = buildMarket(catalog, { universe: u.universe, from: u.from, series: ['ism_pmi'] });
    const s = m.returns[m.small], l = m.returns[m.large];
    const d: number[] = [], ph: number[] = [], st: number[] = [];
    for (let t = 1; t < m.dates.length; t++) {
      d.push(s[t] - l[t]);
      const p = m.fed.phase[t - 1];
      ph.push(p === Phase.Easing ? 0 : p === Phase.Tightening ? 1 : -1);
      const v = m.series.ism_pmi[t - 1];
      st.push(Number.isFinite(v) ? (v < 50 ? 0 : 1) : -1);
    }
    const L = optimalBlockLength(Float64Array.from(d));
    const rnd = mulberry32(1);
    naiveStationary(d, ph, 2, L, baseDraws, rnd);
    naiveStationary(d, st, 2, L, baseDraws, rnd);
    const input = { dates: m.dates, strategy: m.prices[m.small], small: m.prices[m.small], large: m.prices[m.large] };
    const ev = cutEvents(m);
    for (const [dates, horizons] of [[ev.first, [1, 3, 6, 12, 24]], [ev.all, [12]], [ev.later, [12]]] as const) {
      const rows = eventStudy(input, dates.map((date) => ({ event: 'x', date })), horizons);
      for (const h of horizons) {
        const x = rows.filter((r) => r.horizonMonths === h && Number.isFinite(r.spread)).map((r) => r.spread);
        if (x.length < 5) continue;
        naiveEvent(x, Array.from(forwardSpreads(input, h)).filter(Number.isFinite), baseDraws, rnd);
      }
    }
  }
  const baseline = ((performance.now() - t0) * draws) / baseDraws;
  const med = median(cli);
  emit({
    bench: 'claims',
    what: '`ratecycle claims` on the shipped data (7 samples, 10,000 draws per statistic), new process',
    median_ms: Math.round(med),
    spread_ms: [Math.round(Math.min(...cli)), Math.round(Math.max(...cli))],
    in_process_median_ms: Math.round(median(inproc)),
    in_process_cpu_ms: Math.round(median(inprocCpu)),
    goal_ms: 5_000,
    met: med <= 5_000,
    baseline: `the resampling statistics alone as plain loops with per-draw arrays (${baseDraws} draws, scaled to 10,000)`,
    baseline_ms: Math.round(baseline),
    ratio: Math.round((baseline / median(inproc)) * 100) / 100,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await benchClaims((r) => console.log(JSON.stringify(r)), process.argv.includes('--quick'));
