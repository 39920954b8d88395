/**
 * Benchmark of `ratecycle sweep` through the CLI, each sweep a new process, on a sweep whose
 * every parameter decides every set's weights: relative-momentum on the ff universe (Fama/French
 * size portfolios, monthly since 1926, 1,195 bars), grid lookback=2:36:1 × skip=0:6:1 ×
 * margin=0:0.2:<step> (35 × 7 × 41 = 10,045 sets, × 409 = 100,205, × 4,082 = 1,000,090).
 * Each line: the median of interleaved rounds, the spread (min–max) and a baseline measured in
 * the same run, so that the ratios hold on a shared, loaded machine.
 *
 * - sweep-e2e:     sets per second end to end net of start-up (the process's wall time minus the
 *                  time before its first set) against the same process's loop (sets per second
 *                  of the loop, results.csv and monthly.f32 written): what the end of a sweep
 *                  (PBO, DSR, top runs, page) and nothing else costs on top;
 * - sweep-workers: --workers 0 (this thread), 1, 2 and the default against the machine's ceiling,
 *                  two independent one-thread processes at once each running half the sets
 *                  (`--shard 1/2` and `2/2`), at 10,000 and 100,000 sets;
 * - sweep-memory:  whole-process peak RSS (the process's own maximum, worker threads included,
 *                  checked against /proc's VmHWM) at 10,000 and 100,000 sets, and 1,000,000 with
 *                  --long or RATECYCLE_BENCH_1M=1 (about 1–4 minutes on 2 cores).
 *
 * Run alone: `node dist/bench/sweep.js [--quick] [--long]`; `npm run bench` runs it after the others.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { availableParallelism, cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../engine/core/paths.js';
import { median } from './median.js';

/** What one CLI sweep reported and how long it took from the outside. */
interface SweepRun {
  sets: number;
  workers: number;
  /** Wall time from spawn to exit, and the process's own timings (seconds). */
  wallS: number;
  startS: number;
  loopS: number;
  statisticsS: number;
  folderS: number;
  peakRssMb: number;
  /** VmHWM polled from /proc while it ran (NaN where /proc is missing). */
  hwmMb: number;
}

const GRID = (step: string) => ['--grid', 'lookback=2:36:1', '--grid', 'skip=0:6:1', '--grid', `margin=0:0.2:${step}`];
/** margin steps giving 10,045, 100,205 and 1,000,090 sets. */
const STEPS: Record<number, string> = { 10_000: '0.0049', 100_000: '0.00049', 1_000_000: '0.000049' };

const r2 = (x: number) => +x.toFixed(2);
const stat = (xs: number[]) => ({ median: r2(median(xs)), spread: [r2(Math.min(...xs)), r2(Math.max(...xs))] });

/** Runs one `ratecycle sweep … --json` and reads its figures; polls its VmHWM meanwhile. */
function sweep(dir: string, size: number, extra: string[]): Promise<SweepRun> {
  const main = join(packageRoot(), 'dist', 'engine', 'cli', 'main.js');
  const out = join(dir, `s${Math.random().toString(36).slice(2)}`);
  const args = [main, 'sweep', 'relative-momentum', '--universe', 'ff', ...GRID(STEPS[size]), '--top', '3', '--json', '--out', out, ...extra];
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '',
      stderr = '',
      hwm = NaN;
    const status = `/proc/${child.pid}/status`;
    const poll = setInterval(() => {
      try {
        const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(status, 'utf8'));
        if (m) hwm = Math.max(Number.isNaN(hwm) ? 0 : hwm, Number(m[1]) / 1024);
      } catch {
        // gone, or no /proc
      }
    }, 50);
    child.stdout.on('data', (d: Buffer) => (stdout += d));
    child.stderr.on('data', (d: Buffer) => (stderr += d));
    child.on('close', (code) => {
      clearInterval(poll);
      const wallS = (performance.now() - t0) / 1000;
      rmSync(out, { recursive: true, force: true });
      if (code !== 0) return reject(new Error(`ratecycle sweep exited with ${code}: ${stderr.slice(-500)}`));
      const j = JSON.parse(stdout) as {
        sets: number;
        workers: number;
        timings: { startS: number; loopS: number; statisticsS: number; folderS: number };
        peakRssMb: number;
      };
      resolve({ sets: j.sets, workers: j.workers, wallS, ...j.timings, peakRssMb: j.peakRssMb, hwmMb: Math.round(hwm) });
    });
  });
}

/** The machine, as every line of the bench states it. */
function machine() {
  const model = existsSync('/proc/cpuinfo') ? (/model name\s*:\s*(.*)/.exec(readFileSync('/proc/cpuinfo', 'utf8'))?.[1] ?? '?') : (cpus()[0]?.model ?? '?');
  return { node: process.version, cores: availableParallelism(), cpu: model, load_avg_1m: +loadavg()[0].toFixed(1) };
}

/** Runs the sweep benchmark and emits its JSON lines. */
export async function benchSweep(emit: (r: Record<string, unknown>) => void, quick: boolean, long = false): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'ratecycle-bench-sweep-'));
  try {
    emit({ bench: 'sweep-machine', ...machine(), sweep: 'relative-momentum --universe ff, lookback=2:36:1 × skip=0:6:1 × margin=0:0.2:step' });

    // ---- 1 vs 2 workers against two independent processes at once, interleaved rounds
    const sizes = quick ? [10_000] : [10_000, 100_000];
    const e2e: SweepRun[] = [];
    for (const size of sizes) {
      const rounds = quick ? 2 : size >= 100_000 ? 3 : 5;
      const runs: Record<string, SweepRun[]> = { this: [], w1: [], w2: [], auto: [] };
      const pairs: number[] = [];
      const pairLoops: number[] = [];
      for (let i = 0; i < rounds; i++) {
        runs.this.push(await sweep(dir, size, ['--workers', '0']));
        runs.w1.push(await sweep(dir, size, ['--workers', '1']));
        runs.w2.push(await sweep(dir, size, ['--workers', '2']));
        runs.auto.push(await sweep(dir, size, []));
        const t0 = performance.now();
        const both = await Promise.all([sweep(dir, size, ['--workers', '0', '--shard', '1/2']), sweep(dir, size, ['--workers', '0', '--shard', '2/2'])]);
        pairs.push((performance.now() - t0) / 1000);
        pairLoops.push(Math.max(...both.map((b) => b.loopS)));
      }
      e2e.push(...runs.this);
      const wall = (k: string) => runs[k].map((r) => r.wallS);
      const one = median(wall('this'));
      const pair = median(pairs);
      const line = (k: string) => ({
        wall_s: stat(wall(k)),
        loop_s: stat(runs[k].map((r) => r.loopS)),
        sets_per_s: Math.round(runs[k][0].sets / median(wall(k))),
        workers_used: [...new Set(runs[k].map((r) => r.workers))],
        speedup_vs_this_thread: r2(one / median(wall(k))),
        of_ceiling: r2(pair / median(wall(k))),
      });
      emit({
        bench: 'sweep-workers',
        sets: runs.this[0].sets,
        rounds,
        this_thread: line('this'),
        workers_1: line('w1'),
        workers_2: line('w2'),
        default: line('auto'),
        baseline: 'two one-thread processes at once (--workers 0 --shard 1/2 and 2/2), wall time until both are done: the most 2 cores give this sweep',
        ceiling_wall_s: stat(pairs),
        ceiling_loop_s: stat(pairLoops),
        ceiling_speedup: r2(one / pair),
        goal: 'never slower on 2 workers than on 1; the default picks the faster',
        met: median(wall('auto')) <= Math.min(one, median(wall('w1'))) * 1.05,
      });
    }

    // ---- end to end net of start-up against the same process's loop (the one-thread runs above)
    for (const size of sizes) {
      const rs = e2e.filter((r) => r.sets >= size && r.sets < size * 1.1);
      const net = rs.map((r) => r.sets / (r.wallS - r.startS));
      const loop = rs.map((r) => r.sets / r.loopS);
      emit({
        bench: 'sweep-e2e',
        sets: rs[0].sets,
        runs: rs.length,
        what: 'one thread (--workers 0): sets/s from the first set to the exit, against the same process loop',
        sets_per_s_net_of_startup: stat(net).median,
        spread: stat(net).spread,
        start_s: stat(rs.map((r) => r.startS)),
        loop_s: stat(rs.map((r) => r.loopS)),
        statistics_s: stat(rs.map((r) => r.statisticsS)),
        folder_s: stat(rs.map((r) => r.folderS)),
        baseline: 'the same process loop (sets, results.csv and monthly.f32 written)',
        baseline_sets_per_s: stat(loop),
        ratio: stat(rs.map((r, i) => net[i] / loop[i])),
      });
    }

    // ---- whole-process peak RSS, default workers
    const million = long || process.env.RATECYCLE_BENCH_1M === '1';
    const memSizes = quick ? [10_000] : million ? [10_000, 100_000, 1_000_000] : [10_000, 100_000];
    const mem: SweepRun[] = [];
    for (const size of memSizes) mem.push(await sweep(dir, size, []));
    emit({
      bench: 'sweep-memory',
      what: 'whole-process peak RSS of `ratecycle sweep` (default workers), one run per size',
      runs: mem.map((m) => ({ sets: m.sets, workers: m.workers, peak_rss_mb: m.peakRssMb, vmhwm_mb: m.hwmMb, wall_s: r2(m.wallS) })),
      goal_mb: 300,
      met: mem.every((m) => m.peakRssMb <= 300),
      baseline: `the smallest sweep (${mem[0].sets} sets)`,
      ratio_largest_to_smallest: r2(mem[mem.length - 1].peakRssMb / mem[0].peakRssMb),
      one_million: memSizes.includes(1_000_000) ? 'measured' : 'pass --long or set RATECYCLE_BENCH_1M=1',
    });
    emit({ bench: 'sweep-machine-end', load_avg_1m: +loadavg()[0].toFixed(1) });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`)
  await benchSweep((r) => console.log(JSON.stringify(r)), process.argv.includes('--quick'), process.argv.includes('--long'));
