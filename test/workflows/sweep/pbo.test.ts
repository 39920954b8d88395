import { describe, expect, it } from 'vitest';
import {
  accumulateBlocks,
  cscvBlocks,
  PBO_PAIR_CHUNK,
  pboFromBlocks,
  pboPairCount,
  pboPairs,
  pboSplits,
  probabilityOfBacktestOverfitting,
} from '../../../engine/measure/stats/pbo.js';
import { mulberry32 } from '../../../engine/core/random.js';
import { wasmAvailable } from '../../../engine/core/wasm-arena.js';
import { pboOnPool } from '../../../engine/workflows/sweep/pbo-on-pool.js';
import { packageRoot } from '../../../engine/core/paths.js';
import { join } from 'node:path';

/** Standard normal draws (Box–Muller on the seeded generator). */
function normals(n: number, seed: number): Float64Array {
  const rnd = mulberry32(seed);
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) out[i] = Math.sqrt(-2 * Math.log(1 - rnd())) * Math.cos(2 * Math.PI * rnd());
  return out;
}

describe('probability of backtest overfitting (CSCV)', () => {
  // Three trials, four observations, S = 4 blocks of one observation: six splits, each half two
  // observations, Sharpe(x, y) = ((x + y)/2) / (|x − y|/√2) = (x + y) / (√2·|x − y|).
  //   A = 1 2 3 4   halves {0,1} 2.121  {0,2} 1.414  {0,3} 1.179  {1,2} 3.536  {1,3} 2.121  {2,3} 4.950
  //   B = 4 3 2 1   halves {0,1} 4.950  {0,2} 2.121  {0,3} 1.179  {1,2} 3.536  {1,3} 1.414  {2,3} 2.121
  //   C = 3 1 2 5   halves {0,1} 1.414  {0,2} 3.536  {0,3} 2.828  {1,2} 2.121  {1,3} 1.061  {2,3} 1.650
  // split (IS → OOS): IS best, its OOS Sharpe, average rank among 3, ω = rank/4, λ = ln(ω/(1−ω))
  //   {0,1}→{2,3}: B, 2.121, 2 of (4.950 2.121 1.650), ω 0.5, λ 0
  //   {0,2}→{1,3}: C, 1.061, 1, ω 0.25, λ ln(1/3)
  //   {1,2}→{0,3}: A and B tie at 3.536, the first (A) is chosen; 1.179 ties with B: rank 1.5, ω 0.375, λ ln(0.6)
  //   {0,3}→{1,2}: C, 2.121, 1, λ ln(1/3)
  //   {1,3}→{0,2}: A, 1.414, 1, λ ln(1/3)
  //   {2,3}→{0,1}: A, 2.121, 2, λ 0
  // every λ ≤ 0: PBO = 6/6 = 1; no chosen trial loses out of sample.
  const ABC = [1, 2, 3, 4, 4, 3, 2, 1, 3, 1, 2, 5];

  it('matches the hand computation on a tiny case (S = 4)', () => {
    const r = probabilityOfBacktestOverfitting(ABC, 3, { blocks: 4 });
    expect(r.splits).toBe(6);
    expect(r.trials).toBe(3);
    const l3 = Math.log(1 / 3);
    const want = [0, l3, Math.log(0.6), l3, l3, 0]; // splits by in-sample bitmask 0b0011, 0b0101, 0b0110, 0b1001, 0b1010, 0b1100
    [...r.logits].forEach((l, i) => expect(l).toBeCloseTo(want[i], 12));
    expect(r.pbo).toBe(1);
    expect(r.probOosLoss).toBe(0);
    expect(r.medianLogit).toBeCloseTo((l3 + Math.log(0.6)) / 2, 12);
    // degradation: least squares of the chosen trial's OOS Sharpe on its IS Sharpe over the six splits
    const s = (x: number, y: number) => (x + y) / (Math.SQRT2 * Math.abs(x - y));
    const is = [s(4, 3), s(3, 2), s(2, 3), s(3, 5), s(2, 4), s(3, 4)];
    const oos = [s(2, 1), s(1, 5), s(1, 4), s(1, 2), s(1, 3), s(1, 2)];
    const mx = is.reduce((a, b) => a + b) / 6,
      my = oos.reduce((a, b) => a + b) / 6;
    const slope = is.reduce((a, x, i) => a + (x - mx) * (oos[i] - my), 0) / is.reduce((a, x) => a + (x - mx) ** 2, 0);
    expect(r.degradation.slope).toBeCloseTo(slope, 12);
    expect(r.degradation.intercept).toBeCloseTo(my - slope * mx, 12);
  });

  it('a trial that dominates every half gives PBO 0 (S = 4)', () => {
    // D = 10 11 12 13 has the best Sharpe in every half (≥ 5.4 vs ≤ 4.95): rank 4 of 4, ω 4/5, λ ln 4
    const r = probabilityOfBacktestOverfitting([...ABC, 10, 11, 12, 13], 4, { blocks: 4 });
    expect(r.pbo).toBe(0);
    for (const l of r.logits) expect(l).toBeCloseTo(Math.log(4), 12);
  });

  it('drops the oldest T mod S observations and rows with non-finite values; accepts Float32', () => {
    // two extra leading observations that would change the result if they were used
    const T = 6;
    const m = new Float32Array([-50, 50, 1, 2, 3, 4, 50, -50, 4, 3, 2, 1, 0, 0, 3, 1, 2, 5, NaN, 1, 1, 1, 1, 1]);
    const r = probabilityOfBacktestOverfitting(m, 4, { blocks: 4 });
    expect(r.dropped).toBe(2);
    expect(r.observations).toBe(4);
    expect(r.trials).toBe(3);
    expect(r.logits).toEqual(probabilityOfBacktestOverfitting(ABC, 3, { blocks: 4 }).logits);
    // the same in two chunks
    const b = cscvBlocks(4, T, 4);
    accumulateBlocks(b, m.subarray(0, 2 * T), 2, T, 0);
    accumulateBlocks(b, m.subarray(2 * T), 2, T, 2);
    expect([...b.rows.subarray(0, b.trials)]).toEqual([0, 1, 2]);
    expect(pboFromBlocks(b).logits).toEqual(r.logits);
  });

  it('refuses odd or too many blocks and too short series', () => {
    expect(() => probabilityOfBacktestOverfitting(ABC, 3, { blocks: 3 })).toThrow(/even/);
    expect(() => probabilityOfBacktestOverfitting(new Float64Array(3 * 10), 3, { blocks: 16 })).toThrow(/too few/);
    expect(() => probabilityOfBacktestOverfitting(ABC, 5)).toThrow(/rows of equal length/);
    expect(probabilityOfBacktestOverfitting([1, 2, 3, 4], 1, { blocks: 4 }).pbo).toBeNaN();
  });

  describe('S = 16 (12,870 splits)', () => {
    const N = 40,
      T = 16 * 12;
    it('pure noise: PBO near one half', () => {
      const r = probabilityOfBacktestOverfitting(normals(N * T, 7), N);
      expect(r.splits).toBe(12870);
      expect(r.pbo).toBeGreaterThan(0.3);
      expect(r.pbo).toBeLessThan(0.7);
    });
    it('one skilled trial among noise: PBO near 0', () => {
      const m = normals(N * T, 11);
      for (let t = 0; t < T; t++) m[5 * T + t] += 0.8; // trial 5: Sharpe ≈ 0.8 per observation
      const r = probabilityOfBacktestOverfitting(m, N);
      expect(r.pbo).toBeLessThan(0.01);
      expect(r.probOosLoss).toBe(0);
    });
    it('trials that each shine in one block only: PBO near 1', () => {
      // trial k earns +3 in block k (mod 16) and −0.2 elsewhere, plus small noise: the in-sample
      // winner is one whose good block is in sample, so out of sample it only loses
      const L = T / 16;
      const m = normals(16 * T, 3).map((x) => x * 0.05);
      for (let k = 0; k < 16; k++) for (let t = 0; t < T; t++) m[k * T + t] += Math.floor(t / L) === k ? 3 : -0.2;
      const r = probabilityOfBacktestOverfitting(m, 16);
      expect(r.pbo).toBeGreaterThan(0.95);
      expect(r.probOosLoss).toBe(1);
      expect(r.degradation.slope).toBeLessThan(0);
    });
    it('is deterministic', () => {
      const m = normals(N * T, 5);
      expect(probabilityOfBacktestOverfitting(m, N).logits).toEqual(probabilityOfBacktestOverfitting(Float64Array.from(m), N).logits);
    });
  });

  it('gives the same bits whether its chunks of splits run in one call or one by one, in any order (as on worker threads)', () => {
    const N = 30,
      T = 160;
    const b = cscvBlocks(N, T, 16);
    accumulateBlocks(b, normals(N * T, 5), N, T);
    const whole = pboFromBlocks(b);
    const pairs = pboPairCount(16);
    expect(pairs).toBe(6435);
    const out = pboSplits(16, (bytes) => new SharedArrayBuffer(bytes));
    const starts: number[] = [];
    for (let from = 0; from < pairs; from += PBO_PAIR_CHUNK) starts.push(from);
    for (const from of starts.reverse()) pboPairs(b, from, Math.min(pairs, from + PBO_PAIR_CHUNK), out);
    const chunked = pboFromBlocks(b, out);
    expect(chunked.logits).toEqual(whole.logits);
    expect(chunked.pbo).toBe(whole.pbo);
    expect(chunked.degradation).toEqual(whole.degradation);
    expect(chunked.medianLogit).toBe(whole.medianLogit);
  });

  it('its WebAssembly inner loops give the same bits as the JavaScript loops (odd and even counts, repeated rows, riskless ties)', () => {
    expect(wasmAvailable()).toBe(true);
    const T = 64;
    for (const [N, lose] of [
      [2, 0.3],
      [3, 0.3],
      [17, 0.3],
      [40, 0.3],
      [23, 5],
    ]) {
      // lose 5: every other trial loses in every half, so the best is a tie at key 0 whenever the last block is out
      const rnd = mulberry32(N);
      const rows = normals(N * T, N + 1);
      for (let r = 0; r < N; r++) {
        if (r % 7 === 3 && r > 0) rows.copyWithin(r * T, (r - 1) * T, r * T); // a repeat of the row before (weight 2)
        if (r % 4 === 2 || lose > 1) for (let t = 0; t < T; t++) rows[r * T + t] -= lose * rnd(); // losing trials: negative keys
        if (r % 5 === 0) {
          // riskless except in the last block: key 0 in every half without it (a tie), different keys in the others
          rows.fill(0.001 * (1 + (r % 3)), r * T, r * T + T);
          for (let t = T - 4; t < T; t++) rows[r * T + t] += 0.01 * rnd();
        }
      }
      const b = cscvBlocks(N, T, 16);
      accumulateBlocks(b, rows, N, T);
      const pairs = pboPairCount(16);
      const js = pboSplits(16),
        wasm = pboSplits(16);
      pboPairs(b, 0, pairs, js, { wasm: false });
      pboPairs(b, 0, pairs, wasm);
      for (const k of ['logits', 'isSharpe', 'oosSharpe'] as const) {
        const i = js[k].findIndex((v, j) => !Object.is(v, wasm[k][j]));
        expect({ N, k, i }).toEqual({ N, k, i: -1 });
      }
    }
  });

  it('on a 2-worker pool like the sweep, in chunks over shared memory: the same result bit for bit', async () => {
    const N = 3000,
      T = 448;
    const b = cscvBlocks(N, T, 16);
    accumulateBlocks(b, normals(N * T, 11), N, T);
    const { Piscina } = await import('piscina');
    const pool = new Piscina({
      filename: join(packageRoot(), 'dist', 'engine', 'workflows', 'sweep', 'worker.js'),
      minThreads: 2,
      maxThreads: 2,
      workerData: {},
    });
    try {
      const pooled = await pboOnPool(pool, b);
      const here = pboFromBlocks(b);
      expect(pooled.logits).toEqual(here.logits);
      expect([pooled.pbo, pooled.medianLogit, pooled.probOosLoss]).toEqual([here.pbo, here.medianLogit, here.probOosLoss]);
      expect(pooled.degradation).toEqual(here.degradation);
    } finally {
      await pool.destroy();
    }
  });

  it('counts repeated rows once with their weight: the same splits as a brute-force CSCV over every row', () => {
    // rows A, B, A, C, B, A of the hand-computed case (S = 4 blocks of one observation)
    const [A, B, C] = [ABC.slice(0, 4), ABC.slice(4, 8), ABC.slice(8)];
    const rowsOf = [A, B, A, C, B, A];
    const r = probabilityOfBacktestOverfitting(rowsOf.flat(), 6, { blocks: 4 });
    const b = cscvBlocks(6, 4, 4);
    accumulateBlocks(b, rowsOf.flat(), 6, 4);
    expect([b.trials, b.distinct, [...b.rows.subarray(0, 3)], [...b.weight.subarray(0, 3)]]).toEqual([6, 3, [0, 1, 3], [3, 2, 1]]);
    // brute force: every split, every row's Sharpe ratio from its raw values, first best in sample, average rank out of sample
    const sharpe = (x: number[]) => {
      const m = x.reduce((u, v) => u + v, 0) / x.length;
      const sd = Math.sqrt(x.reduce((u, v) => u + (v - m) ** 2, 0) / (x.length - 1));
      return m / sd;
    };
    const want: number[] = [];
    for (let mask = 0; mask < 16; mask++) {
      const inS = [0, 1, 2, 3].filter((i) => mask & (1 << i));
      if (inS.length !== 2) continue;
      const outS = [0, 1, 2, 3].filter((i) => !(mask & (1 << i)));
      const is = rowsOf.map((x) => sharpe(inS.map((i) => x[i])));
      const os = rowsOf.map((x) => sharpe(outS.map((i) => x[i])));
      const best = is.indexOf(Math.max(...is));
      const rank = os.filter((v) => v < os[best]).length + (os.filter((v) => v === os[best]).length + 1) / 2;
      want.push(Math.log(rank / 7 / (1 - rank / 7)));
    }
    expect(r.trials).toBe(6);
    r.logits.forEach((l, i) => expect(l).toBeCloseTo(want[i], 12));
    expect(r.pbo).toBe(want.filter((l) => l <= 0).length / 6);
  });
});
