import { UserError } from '../../core/errors.js';
import { mulberry32 } from '../../core/random.js';
import type { ParamSpec, ParamSpecs } from '../../strategy/params.js';

/** One sampled parameter: a finite list of values, or a continuous interval. */
type Domain = { name: string; values: (number | boolean | string)[] } | { name: string; min: number; max: number };

/** A seeded random search over a strategy's parameter specs (see {@link randomSearch}). */
export interface RandomSearch {
  kind: 'random';
  names: string[];
  /** Sets actually drawn: the request, capped at the number of distinct sets. */
  samples: number;
  /** Sets asked for with --samples. */
  requested: number;
  seed: number;
  /** Distinct parameter sets of the search space (Infinity when a parameter is continuous). */
  space: number;
  domains: Domain[];
}

/** Largest discrete space sampled exactly without replacement (a Feistel permutation of 2·26 bits). */
const MAX_PERMUTED = 2 ** 52;

function domain(spec: ParamSpec, name: string, strategyId: string): Domain {
  switch (spec.type) {
    case 'number':
    case 'integer': {
      if (spec.min === undefined || spec.max === undefined) {
        throw new UserError(`strategy "${strategyId}": parameter ${name} has no min/max, so it cannot be sampled; give it with ‹grid› or ‹param›`);
      }
      const step = spec.step ?? (spec.type === 'integer' ? 1 : 0);
      if (!(step > 0)) return { name, min: spec.min, max: spec.max };
      const n = Math.floor((spec.max - spec.min) / step + 1e-9) + 1;
      return { name, values: Array.from({ length: n }, (_, k) => Number((spec.min! + k * step).toPrecision(12))) };
    }
    case 'boolean':
      return { name, values: [false, true] };
    case 'enum':
      return { name, values: [...spec.values] };
    case 'string':
      throw new UserError(`strategy "${strategyId}": parameter ${name} is text and cannot be sampled`);
  }
}

/**
 * A random search of `samples` sets over the named parameters, each drawn uniformly from its
 * spec (numbers on their step grid). When every parameter is discrete the sets are drawn
 * **without replacement** (a seeded permutation of the whole space), so they are distinct, and
 * a request larger than the space is capped at the space (every set once).
 *
 * @example randomSearch(strategy.params, ['months', 'otherwise'], 500, 7, strategy.id)
 */
export function randomSearch(specs: ParamSpecs, names: readonly string[], samples: number, seed: number, strategyId: string): RandomSearch {
  const domains = names.map((n) => domain(specs[n], n, strategyId));
  const space = domains.reduce((s, d) => s * ('values' in d ? d.values.length : Infinity), 1);
  return { kind: 'random', names: [...names], samples: Math.min(samples, space), requested: samples, seed, space, domains };
}

/** A 32-bit hash of (seed, x, round) (murmur3 finalizer). */
function mix(seed: number, x: number, round: number): number {
  let h = (Math.imul(seed >>> 0, 0x9e3779b1) ^ Math.imul(x + 1, 0x85ebca6b) ^ Math.imul(round + 1, 0xc2b2ae35)) >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * A seeded permutation of [0, n): a balanced Feistel network on the smallest even number of
 * bits covering n, with cycle walking (Black & Rogaway 2002, "Ciphers with arbitrary finite
 * domains"). Index i of a sample maps to a distinct point of the space, computable on its own
 * (shards and resumed runs draw the same sets), with no table of n entries.
 */
export function permuteIndex(i: number, n: number, seed: number): number {
  if (!(i >= 0 && i < n)) throw new RangeError(`permuteIndex: ${i} is outside [0, ${n})`);
  let bits = 2;
  while (2 ** bits < n) bits += 2;
  const half = bits / 2;
  const size = 2 ** half;
  let x = i;
  do {
    let hi = Math.floor(x / size),
      lo = x % size;
    for (let r = 0; r < 6; r++) {
      const f = mix(seed, lo, r) % size;
      const next = (hi + f) % size;
      hi = lo;
      lo = next;
    }
    x = hi * size + lo;
  } while (x >= n);
  return x;
}

/** Uniform number in [0, 1) with 53 random bits. */
function uniform53(rnd: () => number): number {
  return (Math.floor(rnd() * 2 ** 21) * 2 ** 32 + Math.floor(rnd() * 2 ** 32)) / 2 ** 53;
}

/**
 * Parameter set `index` of a random search, on top of `base`. Set i depends only on the search
 * and i. Discrete spaces: point permuteIndex(i) of the space in mixed radix (last parameter
 * fastest), so sets never repeat. With a continuous parameter every value is an independent
 * 53-bit draw (a repeat has probability ≈ samples² / 2⁵⁴).
 */
export function randomSetAt(search: RandomSearch, index: number, base: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  if (search.space <= MAX_PERMUTED) {
    let rest = permuteIndex(index, search.space, search.seed);
    for (let k = search.domains.length - 1; k >= 0; k--) {
      const d = search.domains[k] as { name: string; values: unknown[] };
      out[d.name] = d.values[rest % d.values.length];
      rest = Math.floor(rest / d.values.length);
    }
    return out;
  }
  const rnd = mulberry32((Math.imul(search.seed >>> 0, 0x9e3779b1) ^ Math.imul(index + 1, 0x85ebca6b)) >>> 0);
  for (const d of search.domains) {
    const u = uniform53(rnd);
    out[d.name] = 'values' in d ? d.values[Math.floor(u * d.values.length)] : d.min + u * (d.max - d.min);
  }
  return out;
}
