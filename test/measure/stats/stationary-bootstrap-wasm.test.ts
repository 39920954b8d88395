/**
 * The stationary bootstrap's draw loops: WebAssembly against JavaScript bit for bit, and both
 * against a plain reference that resamples bar by bar (each block's bars read one at a time,
 * wrapping around the end, its length by a linear search of the geometric cdf) with the same
 * generator stream — so the prefix sums, the guide table and the wrapped blocks give the
 * resamples the definition asks for (Politis & Romano 1994).
 */
import { describe, expect, it } from 'vitest';
import { mulberry32 } from '../../../engine/core/random.js';
import { stationaryBootstrapSums } from '../../../engine/measure/stats/stationary-bootstrap.js';
import { wasmAvailable } from '../../../engine/core/wasm-arena.js';

interface Case {
  x: Float64Array;
  groups: Int32Array[];
  G: number[];
  blockLength: number;
  draws: number;
  seed: number;
}

function randomCase(seed: number): Case {
  const rnd = mulberry32(seed);
  const T = 1 + Math.floor(rnd() * (seed % 4 === 0 ? 6 : 300));
  // ÷ 3: full 53-bit mantissas (the generator's multiples of 2⁻³² would sum exactly, in any order)
  const x = Float64Array.from({ length: T }, () => ((rnd() - 0.5) * (rnd() < 0.1 ? 50 : 1)) / 3);
  // one group without skipped bars (the one-lane loop), or 1–4 groups over one or two labellings (the lanes)
  const kind = seed % 5;
  const G = kind === 0 ? [1] : kind === 4 ? [2, 2] : [kind];
  const skips = kind !== 0 && rnd() < 0.5;
  const groups = G.map((g) => Int32Array.from({ length: T }, () => (skips && rnd() < 0.2 ? -1 : Math.floor(rnd() * g))));
  const blockLength = [1, 2.5, 7.3, 40, 1e6][seed % 5 === 2 ? 4 : Math.floor(rnd() * 4)];
  return { x, groups, G, blockLength, draws: 1 + Math.floor(rnd() * 60), seed };
}

/** The same resamples bar by bar: start and length from the same uniforms, each bar of the block read in turn. */
function reference(c: Case): { sums: number[]; counts: number[] } {
  const T = c.x.length;
  const p = 1 / Math.max(1, c.blockLength);
  let K = 1;
  while (K < T && Math.pow(1 - p, K) > 1e-17) K++;
  const lengthOf = (u: number) => {
    for (let k = 1; k < K; k++) if (1 - Math.pow(1 - p, k) > u) return k;
    return K;
  };
  const next = mulberry32(Math.floor(mulberry32(c.seed)() * 4294967296) >>> 0);
  const GT = c.G.reduce((a, b) => a + b, 0);
  const sums: number[] = [];
  const counts: number[] = [];
  for (let b = 0; b < c.draws; b++) {
    const s = new Array(GT).fill(0);
    const n = new Array(GT).fill(0);
    let filled = 0;
    while (filled < T) {
      const start = Math.floor(next() * T);
      const len = Math.min(lengthOf(next()), T - filled);
      for (let j = 0; j < len; j++) {
        const t = (start + j) % T;
        let off = 0;
        c.groups.forEach((g, q) => {
          if (g[t] >= 0) {
            s[off + g[t]] += c.x[t];
            n[off + g[t]]++;
          }
          off += c.G[q];
        });
      }
      filled += len;
    }
    sums.push(...s);
    counts.push(...n);
  }
  return { sums, counts };
}

describe('stationary bootstrap draws', () => {
  it('the WebAssembly module is built and runs here', () => {
    expect(wasmAvailable()).toBe(true);
  });

  it('WebAssembly gives the bits of the JavaScript loops (300 random cases: one lane, 1–4 groups, skipped bars, wrapped and endless blocks)', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const c = randomCase(seed);
      const opts = { blockLength: c.blockLength, draws: c.draws, seed: c.seed };
      const js = stationaryBootstrapSums(c.x, c.groups, c.G, { ...opts, wasm: false });
      const wasm = stationaryBootstrapSums(c.x, c.groups, c.G, opts);
      for (const k of ['sums', 'counts'] as const) {
        for (let i = 0; i < js[k].length; i++)
          if (!Object.is(js[k][i], wasm[k][i])) expect({ seed, k, i, wasm: wasm[k][i] }).toEqual({ seed, k, i, wasm: js[k][i] });
      }
    }
  });

  it('long runs of draws (made in several calls into the module, each continuing the stream) match too', () => {
    for (const seed of [3, 4, 10]) {
      const c = { ...randomCase(seed), draws: 777 };
      const opts = { blockLength: c.blockLength, draws: c.draws, seed: c.seed };
      const js = stationaryBootstrapSums(c.x, c.groups, c.G, { ...opts, wasm: false });
      const wasm = stationaryBootstrapSums(c.x, c.groups, c.G, opts);
      expect(Array.from(wasm.sums)).toEqual(Array.from(js.sums));
      expect(Array.from(wasm.counts)).toEqual(Array.from(js.counts));
    }
  });

  it('both are the resamples a bar-by-bar reference draws from the same stream (sums to rounding, counts exactly)', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const c = randomCase(seed);
      const got = stationaryBootstrapSums(c.x, c.groups, c.G, { blockLength: c.blockLength, draws: c.draws, seed: c.seed });
      const ref = reference(c);
      expect(Array.from(got.counts)).toEqual(ref.counts);
      got.sums.forEach((v, i) => expect(Math.abs(v - ref.sums[i])).toBeLessThan(1e-9 * (1 + Math.abs(ref.sums[i]))));
    }
  });
});
