import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, statSync, truncateSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { finalizeSweep, runSweep } from '../../../engine/workflows/sweep/sweep.js';
import { parseGrid } from '../../../engine/workflows/sweep/grid.js';
import { mergeResults } from '../../../engine/workflows/sweep/merge.js';
import { randomSearch } from '../../../engine/workflows/sweep/random-search.js';
import { monthFrame, monthlyExcessOfReturns, monthlyExcessReturns } from '../../../engine/workflows/sweep/monthly-returns.js';
import { deflatedSharpe } from '../../../engine/measure/metrics/psr.js';
import { probabilityOfBacktestOverfitting } from '../../../engine/measure/stats/pbo.js';
import { makeMarket, weekdays } from '../../helpers/make-market.js';
import { defineStrategy } from '../../../engine/strategy/define.js';
import { DEFAULT_SIM_OPTIONS } from '../../../engine/simulate/simulate.js';
import { backtest } from '../../../engine/workflows/run/backtest.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'ratecycle-integrity-'));
const T = 700;
const market = makeMarket({
  dates: weekdays('2012-01-02', T),
  small: Array.from({ length: T }, (_, t) => 100 + Math.sin(t / 9) * 5 + t / 20),
  large: Array.from({ length: T }, (_, t) => 100 + Math.cos(t / 13) * 3 + t / 30),
});
const strategy = defineStrategy({
  id: 'threshold',
  name: 'T',
  description: 'd',
  assets: ['small', 'large'],
  params: {
    k: { type: 'integer', default: 1, min: 1, max: 30, description: 'k' },
    side: { type: 'enum', values: ['large', 'cash'], default: 'large', description: 'what to hold otherwise' },
  },
  weights(view, p) {
    const pr = view.price('small');
    const s = new Float64Array(view.length);
    for (let t = p.k; t < view.length; t++) s[t] = pr[t] > pr[t - p.k] ? 1 : 0;
    return { small: s, large: p.side === 'large' ? s.map((x) => 1 - x) : new Float64Array(view.length) };
  },
});
const sim = { ...DEFAULT_SIM_OPTIONS, periodsPerYear: market.periodsPerYear };
const base = {
  strategy: strategy as never,
  strategyRef: 'threshold',
  base: { k: 1, side: 'large' },
  market,
  sim,
  benchmark: 'large' as const,
  workers: 0,
  batch: 4,
};
const grid = (...axes: string[]) => ({ kind: 'grid' as const, grid: parseGrid(axes, strategy.params, 't') });
const G = grid('k=1:20:1', 'side=large,cash');

/** Runs until `stopAt` sets are written, leaving `<out>.partial`. */
async function interrupted(out: string, stopAt: number, extra: Record<string, unknown> = {}) {
  const signal = { stopped: false };
  const s = await runSweep({
    ...base,
    source: G,
    out,
    signal,
    onProgress: (d) => {
      if (d >= stopAt) signal.stopped = true;
    },
    ...extra,
  });
  expect(s.complete).toBe(false);
  return s;
}

describe('resume checks the sweep identity and locks the folder', () => {
  it('refuses a partial folder of a different sweep, naming what differs', async () => {
    const dir = tmp();
    const out = join(dir, 'r');
    await interrupted(out, 8);
    await expect(runSweep({ ...base, source: grid('k=1:21:1', 'side=large,cash'), out, resume: true })).rejects.toThrow(
      /holds a different sweep \(it differs in sets\.grid\)/,
    );
    await expect(runSweep({ ...base, source: G, out, resume: true, sim: { ...sim, cost: 0.002 } })).rejects.toThrow(/differs in sim\.cost/);
    await expect(runSweep({ ...base, source: G, out, resume: true, base: { k: 1, side: 'cash' } })).rejects.toThrow(/differs in base\.side/);
    await expect(runSweep({ ...base, source: G, out, resume: true, benchmark: 'small' })).rejects.toThrow(/differs in benchmark/);
    const other = makeMarket({
      dates: weekdays('2012-01-02', T - 5),
      small: Array.from({ length: T - 5 }, (_, t) => 100 + t),
      large: Array.from({ length: T - 5 }, () => 100),
    });
    await expect(runSweep({ ...base, source: G, out, resume: true, market: other })).rejects.toThrow(/differs in period/);
    await expect(runSweep({ ...base, source: G, out, resume: true, shard: { index: 0, count: 2 } })).rejects.toThrow(/differs in shard/);
    // the refusals left the folder as it was: the right sweep still resumes and completes
    const s = await runSweep({ ...base, source: G, out, resume: true });
    expect(s.complete).toBe(true);
    const full = await runSweep({ ...base, source: G, out: join(dir, 'full') });
    finalizeSweep(full);
    finalizeSweep(s);
    expect(readFileSync(join(out, 'results.csv'))).toEqual(readFileSync(join(dir, 'full', 'results.csv')));
    expect(readFileSync(join(out, 'monthly.f32'))).toEqual(readFileSync(join(dir, 'full', 'monthly.f32')));
  });

  it('two resumes at once: the second is refused while the first holds the lock; no duplicate indexes', async () => {
    const dir = tmp();
    const out = join(dir, 'r');
    await interrupted(out, 8);
    const first = runSweep({ ...base, source: G, out, resume: true });
    await expect(runSweep({ ...base, source: G, out, resume: true })).rejects.toThrow(new RegExp(`being written by process ${process.pid} on `));
    const s = await first;
    expect(s.complete).toBe(true);
    expect(existsSync(join(`${out}.partial`, '.lock'))).toBe(true); // held until finalize
    finalizeSweep(s);
    expect(existsSync(join(out, '.lock'))).toBe(false);
    const idx = readFileSync(join(out, 'results.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((l) => Number(l.split(',')[0]));
    expect(idx).toEqual(Array.from({ length: 40 }, (_, i) => i));
  });

  it('a lock left by a dead process is stale and taken over; one on another host is refused', async () => {
    const dir = tmp();
    const out = join(dir, 'r');
    await interrupted(out, 8);
    const dead = spawnSync(process.execPath, ['-e', '0']).pid!;
    writeFileSync(join(`${out}.partial`, '.lock'), JSON.stringify({ pid: dead, host: hostname(), started: '2026-01-01T00:00:00Z' }));
    const s = await runSweep({ ...base, source: G, out, resume: true, signal: { stopped: true } });
    expect(s.complete).toBe(false); // it ran (and stopped at once), so the stale lock was taken over
    expect(existsSync(join(`${out}.partial`, '.lock'))).toBe(false); // and released
    writeFileSync(join(`${out}.partial`, '.lock'), JSON.stringify({ pid: 1, host: 'elsewhere', started: 'x' }));
    await expect(runSweep({ ...base, source: G, out, resume: true })).rejects.toThrow(
      /being written by process 1 on elsewhere.*delete .*\.lock if that process is gone/,
    );
  });

  it('a strategy file that changed since the interruption is refused (its SHA-256 is part of the identity)', async () => {
    const dir = tmp();
    const file = join(dir, 'my-strategy.ts');
    writeFileSync(file, 'export default 1;\n');
    const out = join(dir, 'r');
    await interrupted(out, 8, { strategyRef: file });
    writeFileSync(file, 'export default 2;\n');
    await expect(runSweep({ ...base, strategyRef: file, source: G, out, resume: true })).rejects.toThrow(/differs in strategy\.hash/);
    writeFileSync(file, 'export default 1;\n');
    expect((await runSweep({ ...base, strategyRef: file, source: G, out, resume: true })).complete).toBe(true);
  });

  it('a fresh sweep never reuses a partial folder, and a folder without identity is refused', async () => {
    const dir = tmp();
    const out = join(dir, 'r');
    await interrupted(out, 8);
    await expect(runSweep({ ...base, source: G, out })).rejects.toThrow(/pass resume/);
    const old = join(dir, 'old');
    await interrupted(old, 8);
    const { rmSync } = await import('node:fs');
    rmSync(join(`${old}.partial`, 'identity.json'));
    await expect(runSweep({ ...base, source: G, out: old, resume: true })).rejects.toThrow(/no identity\.json/);
  });

  it('resume reconciles results.csv and monthly.f32 when a kill left one ahead of the other', async () => {
    const dir = tmp();
    const full = finalizeSweep(await runSweep({ ...base, source: G, out: join(dir, 'full') }));
    const M = monthFrame(market).cash.length;
    for (const [name, cut] of [
      ['csv-ahead', 'monthly'],
      ['bin-ahead', 'csv'],
    ] as const) {
      const out = join(dir, name);
      await interrupted(out, 12);
      const p = `${out}.partial`;
      if (cut === 'monthly') truncateSync(join(p, 'monthly.f32'), statSync(join(p, 'monthly.f32')).size - 3 * M * 4 - 5);
      else {
        const lines = readFileSync(join(p, 'results.csv'), 'utf8').split('\n');
        writeFileSync(join(p, 'results.csv'), lines.slice(0, -4).join('\n') + '\n' + lines.at(-4)!.slice(0, 7)); // torn
      }
      const s = await runSweep({ ...base, source: G, out, resume: true });
      finalizeSweep(s);
      expect(readFileSync(join(out, 'results.csv'))).toEqual(readFileSync(join(full, 'results.csv')));
      expect(readFileSync(join(out, 'monthly.f32'))).toEqual(readFileSync(join(full, 'monthly.f32')));
    }
  });
});

describe('finishing a sweep', () => {
  it('--force replaces a sweep folder ratecycle wrote, never one with files a user added', async () => {
    const dir = tmp();
    const out = join(dir, 'r');
    finalizeSweep(await runSweep({ ...base, source: G, out }));
    await expect(runSweep({ ...base, source: G, out })).rejects.toThrow(/already exists; pass force/);
    finalizeSweep(await runSweep({ ...base, source: G, out, force: true }));
    expect(JSON.parse(readFileSync(join(out, '.ratecycle'), 'utf8')).files).toEqual(
      expect.arrayContaining(['results.csv', 'monthly.f32', 'months.json', 'identity.json']),
    );
    writeFileSync(join(out, 'notes.txt'), 'mine');
    await expect(runSweep({ ...base, source: G, out, force: true })).rejects.toThrow(/files ratecycle did not write \(notes\.txt\)/);
    expect(readFileSync(join(out, 'notes.txt'), 'utf8')).toBe('mine');
  });
});

describe('monthly returns, deflated Sharpe ratios and PBO of a sweep', () => {
  it('keeps Float32 monthly excess returns per set and computes PBO and both deflated Sharpe ratios from them', async () => {
    const dir = tmp();
    const s = await runSweep({ ...base, source: G, out: join(dir, 'a') });
    const frame = monthFrame(market);
    const M = frame.cash.length;
    expect(s.months).toHaveLength(M);
    const f32 = new Float32Array(new Uint8Array(readFileSync(join(s.partial, 'monthly.f32'))).buffer);
    expect(f32.length).toBe(40 * M);
    // a row equals the months of a single backtest of the same set
    const bt = backtest(strategy as never, { k: 7, side: 'cash' }, market, { sim });
    const row = (7 - 1) * 2 + 1; // k=7, side=cash
    expect(f32.subarray(row * M, row * M + M)).toEqual(monthlyExcessReturns(bt.sim.equity, frame));
    // PBO equals the pure function on the same matrix
    if (s.pbo.value === null) throw new Error(s.pbo.reason);
    expect(s.pbo.value).toBe(probabilityOfBacktestOverfitting(f32, 40).pbo);
    expect(s.pbo.splits).toBe(12870);
    expect(s.pbo.trials).toBe(40);
    // DSR against the benchmark: the best set's monthly active returns vs the IR spread over sets
    const bench = monthlyExcessOfReturns(market.returns[market.large], frame);
    const ir = (k: number) => {
      const a = Array.from({ length: M }, (_, m) => f32[k * M + m] - bench[m]);
      const mu = a.reduce((x, y) => x + y) / M;
      const v = a.reduce((x, y) => x + (y - mu) ** 2, 0);
      const pop = v / M;
      return {
        sr: mu / Math.sqrt(v / (M - 1)),
        skew: a.reduce((x, y) => x + (y - mu) ** 3, 0) / M / pop ** 1.5,
        kurt: a.reduce((x, y) => x + (y - mu) ** 4, 0) / M / pop ** 2 - 3,
      };
    };
    const irs = Array.from({ length: 40 }, (_, k) => ir(k).sr);
    const mean = irs.reduce((x, y) => x + y) / 40;
    const variance = irs.reduce((x, y) => x + (y - mean) ** 2, 0) / 39;
    const b = ir(s.best!.index);
    expect(s.dsr.benchmark.value).toBeCloseTo(deflatedSharpe(b.sr, M, b.skew, b.kurt, 40, variance), 12);
    expect(s.dsr.benchmark.null).toMatch(/information ratio against large caps/);
    expect(s.dsr.cash.value).toBe(s.deflatedSharpe);
    expect(s.dsr.cash.null).toMatch(/Sharpe ratio over cash .* it does not test whether the set beats the benchmark/);
    expect(s.dsr.cash.trials).toBe(40);
    s.lock?.release();
  });

  it('the DSR against the benchmark from the ratios packed with the batches equals the one read back from monthly.f32, bit for bit, also resumed', async () => {
    const dir = tmp();
    const M = monthFrame(market).cash.length;
    const bench = monthlyExcessOfReturns(market.returns[market.large], monthFrame(market));
    /** What the end of a sweep computed before: monthly.f32 read back, every row's information ratio in row order, the best row's moments. */
    const readBack = (file: string, bestRow: number) => {
      const f32 = new Float32Array(new Uint8Array(readFileSync(file)).buffer);
      const rows = f32.length / M;
      const a = new Float64Array(M);
      let n = 0,
        mean = 0,
        m2 = 0,
        best = { sr: NaN, skew: NaN, kurt: NaN };
      for (let r = 0; r < rows; r++) {
        let s = 0;
        for (let m = 0; m < M; m++) s += a[m] = f32[r * M + m] - bench[m];
        if (!Number.isFinite(s) || M < 2) continue;
        const mu = s / M;
        let v = 0;
        for (let m = 0; m < M; m++) v += (a[m] - mu) * (a[m] - mu);
        const sr = mu / Math.sqrt(v / (M - 1));
        if (!Number.isFinite(sr)) continue;
        n++;
        const d = sr - mean;
        mean += d / n;
        m2 += d * (sr - mean);
        if (r === bestRow) {
          let c3 = 0,
            c4 = 0;
          for (let m = 0; m < M; m++) {
            const e = a[m] - mu;
            c3 += e * e * e;
            c4 += e * e * e * e;
          }
          const pop = v / M;
          best = { sr, skew: c3 / M / pop ** 1.5, kurt: c4 / M / (pop * pop) - 3 };
        }
      }
      return { value: deflatedSharpe(best.sr, M, best.skew, best.kurt, Math.max(n, 1), n > 1 ? m2 / (n - 1) : 0), trials: n };
    };
    const full = await runSweep({ ...base, source: G, out: join(dir, 'full') });
    finalizeSweep(full);
    const ref = readBack(join(dir, 'full', 'monthly.f32'), full.best!.index);
    expect(full.dsr.benchmark.value).toBe(ref.value);
    expect(full.dsr.benchmark.trials).toBe(ref.trials);
    expect(Number.isFinite(ref.value)).toBe(true);
    expect(full.best!.index).toBeGreaterThan(0);
    // resumed: the kept rows' ratios are read back from monthly.f32 (and the best set's row when it is a kept one)
    const kept: number[] = [];
    for (const [i, stopAt] of [1, full.best!.index, full.best!.index + 2, 36].entries()) {
      const out = join(dir, `r${i}`);
      kept.push((await interrupted(out, stopAt, { batch: 1 })).done);
      const r = await runSweep({ ...base, source: G, out, resume: true });
      expect([r.dsr, r.pbo, r.best, r.trials]).toEqual([full.dsr, full.pbo, full.best, full.trials]);
      r.lock?.release();
    }
    // the best set among the kept rows in some runs, among the new ones in others
    expect(kept.some((k) => k > full.best!.index)).toBe(true);
    expect(kept.some((k) => k <= full.best!.index)).toBe(true);
  });

  it('random search over a small space runs each distinct set once and counts distinct trials', async () => {
    const dir = tmp();
    const source = randomSearch(strategy.params, ['k', 'side'], 20_000, 5, 't');
    expect(source.samples).toBe(60);
    const s = await runSweep({ ...base, source, out: join(dir, 'r') });
    finalizeSweep(s);
    const lines = readFileSync(join(dir, 'r', 'results.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1);
    expect(lines).toHaveLength(60);
    expect(new Set(lines.map((l) => l.split(',').slice(1, 3).join(','))).size).toBe(60);
    expect(s.trials).toBe(60);
  });
});

describe('merge compares sweep identities', () => {
  it('merges shards into the unsharded results and monthly returns, with the same PBO', async () => {
    const dir = tmp();
    const full = await runSweep({ ...base, source: G, out: join(dir, 'full') });
    finalizeSweep(full);
    const shards = [];
    for (let i = 0; i < 3; i++) shards.push(finalizeSweep(await runSweep({ ...base, source: G, shard: { index: i, count: 3 }, out: join(dir, `s${i}`) })));
    const m = await mergeResults(shards, join(dir, 'm'));
    expect(readFileSync(join(dir, 'm', 'results.csv'))).toEqual(readFileSync(join(dir, 'full', 'results.csv')));
    expect(readFileSync(join(dir, 'm', 'monthly.f32'))).toEqual(readFileSync(join(dir, 'full', 'monthly.f32')));
    expect(m.pbo.value).toBe(full.pbo.value);
    // the same running statistics in the same order: the merged deflated Sharpe ratios equal the unsharded ones
    expect(m.dsr.cash.value).toBe(full.deflatedSharpe);
    expect(m.dsr.cash.trials).toBe(full.trials);
    expect(m.dsr.benchmark.value).toBe(full.dsr.benchmark.value);
    expect(Number.isFinite(m.dsr.benchmark.value)).toBe(true);
    const manifest = JSON.parse(readFileSync(join(dir, 'm', 'sweep.json'), 'utf8'));
    expect(manifest.identity).toEqual(JSON.parse(readFileSync(join(dir, 'full', 'identity.json'), 'utf8')));
  });

  it('refuses shards of different sweeps, naming the field', async () => {
    const dir = tmp();
    const a = finalizeSweep(await runSweep({ ...base, source: G, shard: { index: 0, count: 2 }, out: join(dir, 'a') }));
    const b = finalizeSweep(await runSweep({ ...base, source: G, shard: { index: 1, count: 2 }, sim: { ...sim, slippage: 0.001 }, out: join(dir, 'b') }));
    await expect(mergeResults([a, b], join(dir, 'm'))).rejects.toThrow(/is a shard of a different sweep .*differ in sim\.slippage/);
    const c = finalizeSweep(await runSweep({ ...base, source: G, shard: { index: 1, count: 3 }, out: join(dir, 'c') }));
    await expect(mergeResults([a, c], join(dir, 'm'))).rejects.toThrow(/differ in shard count/);
    const d = finalizeSweep(await runSweep({ ...base, source: G, shard: { index: 0, count: 2 }, out: join(dir, 'd') }));
    await expect(mergeResults([a, d], join(dir, 'm'))).rejects.toThrow(/both hold shard 1\/2/);
    await expect(mergeResults([a], join(dir, 'm'))).rejects.toThrow(/hold 20 of 40 sets; a shard is missing \(2\/2\)/);
    expect(existsSync(join(dir, 'm'))).toBe(false);
  });
});

describe('merge validates every shard', () => {
  it('names a shard whose results.csv is torn, whose cell is not a number, or whose monthly.f32 is cut, and writes nothing', async () => {
    const dir = tmp();
    const shards: string[] = [];
    for (let i = 0; i < 2; i++) shards.push(finalizeSweep(await runSweep({ ...base, source: G, shard: { index: i, count: 2 }, out: join(dir, `s${i}`) })));
    const results = join(shards[1], 'results.csv');
    const good = readFileSync(results, 'utf8');
    // the last line cut in the middle of a number (no line end)
    writeFileSync(results, good.slice(0, good.length - 7));
    await expect(mergeResults(shards, join(dir, 'm'))).rejects.toThrow(/s1\/results\.csv: the last line is cut/);
    // a line with a letter in a metric
    const lines = good.split('\n');
    lines[3] = lines[3].replace(/,(-?\d+\.\d+),/, ',12x,');
    writeFileSync(results, lines.join('\n'));
    await expect(mergeResults(shards, join(dir, 'm'))).rejects.toThrow(/s1\/results\.csv:4: column "[a-z_]+": "12x" is not a number/);
    writeFileSync(results, good);
    // a monthly file one float short
    const monthly = join(shards[0], 'monthly.f32');
    const bytes = readFileSync(monthly);
    writeFileSync(monthly, bytes.subarray(0, bytes.length - 4));
    await expect(mergeResults(shards, join(dir, 'm'))).rejects.toThrow(/s0\/monthly\.f32: [\d,]+ bytes where \d+ sets × \d+ months need [\d,]+/);
    writeFileSync(monthly, bytes);
    expect(existsSync(join(dir, 'm'))).toBe(false);
    await mergeResults(shards, join(dir, 'm'));
    expect(existsSync(join(dir, 'm', 'results.csv'))).toBe(true);
  });
});

describe('merge reads results.csv with the CSV reader and copies its lines as written', () => {
  it('keeps quoted cells (commas, quotes) and text with surrounding spaces byte for byte', async () => {
    const noted = defineStrategy({
      id: 'noted',
      name: 'N',
      description: 'd',
      assets: ['small', 'large'],
      params: {
        k: { type: 'integer', default: 1, min: 1, max: 30, description: 'k' },
        note: { type: 'string', default: '', description: 'a text parameter' },
      },
      weights(view, p) {
        if (p.k % 5 === 0) throw new Error(`bad k, "${p.k}" is a multiple of 5`);
        return strategy.weights(view, { k: p.k, side: 'large' } as never);
      },
    });
    const dir = tmp();
    const run = (note: string, out: string, shard?: { index: number; count: number }) =>
      runSweep({
        ...base,
        strategy: noted as never,
        base: { k: 1, note },
        source: { kind: 'grid', grid: parseGrid(['k=1:12:1'], noted.params, 'n') },
        shard,
        out,
      });
    for (const note of ['  padded, with "quotes" ', ' padded ']) {
      const tag = note.trim().length;
      const full = finalizeSweep(await run(note, join(dir, `full${tag}`)));
      const text = readFileSync(join(full, 'results.csv'), 'utf8');
      expect(text).toMatch(/,"strategy ""noted"" \(k=5 note=[^\n]*\) threw: bad k, ""5"" is a multiple of 5"\n/);
      const shards = [];
      for (let i = 0; i < 3; i++) shards.push(finalizeSweep(await run(note, join(dir, `s${tag}-${i}`), { index: i, count: 3 })));
      const m = await mergeResults(shards, join(dir, `m${tag}`));
      expect(readFileSync(join(dir, `m${tag}`, 'results.csv'), 'utf8')).toBe(text);
      expect(readFileSync(join(dir, `m${tag}`, 'monthly.f32'))).toEqual(readFileSync(join(full, 'monthly.f32')));
      expect(m.rows).toBe(12);
    }
  });

  it('names a row whose number of fields differs from the header', async () => {
    const dir = tmp();
    const shards: string[] = [];
    for (let i = 0; i < 2; i++) shards.push(finalizeSweep(await runSweep({ ...base, source: G, shard: { index: i, count: 2 }, out: join(dir, `s${i}`) })));
    const results = join(shards[0], 'results.csv');
    const lines = readFileSync(results, 'utf8').split('\n');
    lines[2] += ',extra';
    writeFileSync(results, lines.join('\n'));
    await expect(mergeResults(shards, join(dir, 'm'))).rejects.toThrow(/s0\/results\.csv:3: has \d+ fields, the header has \d+: the shard is damaged/);
  });
});
