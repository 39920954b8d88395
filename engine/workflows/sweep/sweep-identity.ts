import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { isoDay } from '../../core/dates.js';
import { packageVersion } from '../../core/paths.js';
import type { Market, SimOptions } from '../../core/types.js';
import type { Strategy } from '../../strategy/define.js';
import type { Grid } from './grid.js';
import type { RandomSearch } from './random-search.js';

/** What makes two sweeps the same sweep: same sets, same strategy code, same data and options. */
export interface SweepIdentity {
  version: string;
  strategy: { id: string; file: string | null; hash: string };
  base: Record<string, unknown>;
  sets: { grid: { name: string; values: unknown[] }[] } | { random: { names: string[]; samples: number; seed: number } };
  shard: { index: number; count: number } | null;
  sim: Record<string, unknown>;
  benchmark: string;
  universe: string;
  period: { from: string; to: string; bars: number };
  data: Record<string, string>;
}

/** What {@link sweepIdentity} needs. */
export interface IdentityInput {
  strategy: Strategy;
  strategyRef: string;
  base: Record<string, unknown>;
  source: { kind: 'grid'; grid: Grid } | RandomSearch;
  shard?: { index: number; count: number };
  sim: SimOptions;
  benchmark: string;
  market: Market;
}

const sha256 = (x: string | Buffer) => createHash('sha256').update(x).digest('hex');

/**
 * The identity of a sweep: the strategy (its file's SHA-256, or for a built-in its id and the
 * package version), the fixed parameters, the sets (grid axes
 * or random-search size and seed), the shard, the simulation options, the benchmark, the
 * universe and period, and the SHA-256 of every data file. Stored in the partial folder and in
 * sweep.json; `--resume` and `merge` refuse folders whose identities differ.
 */
export function sweepIdentity(x: IdentityInput): SweepIdentity {
  // a file path (as the loader reads it: with a slash or a .ts/.js extension), else a built-in id
  const looksLikePath = /[\\/]/.test(x.strategyRef) || /\.m?[tj]s$/.test(x.strategyRef);
  const file = looksLikePath && existsSync(x.strategyRef) && statSync(x.strategyRef).isFile() ? x.strategyRef : undefined;
  const hash = file ? sha256(readFileSync(file)) : sha256(`built-in ${x.strategy.id} of ratecycle ${packageVersion()}`);
  const { dates } = x.market;
  const sim = Object.fromEntries(Object.entries(x.sim).map(([k, v]) => [k, ArrayBuffer.isView(v) ? Array.from(v as Float64Array) : v]));
  return {
    version: packageVersion(),
    strategy: { id: x.strategy.id, file: file ? basename(file) : null, hash },
    base: x.base,
    sets:
      x.source.kind === 'grid'
        ? { grid: x.source.grid.axes.map((a) => ({ name: a.name, values: a.values })) }
        : { random: { names: x.source.names, samples: x.source.samples, seed: x.source.seed } },
    shard: x.shard ?? null,
    sim,
    benchmark: x.benchmark,
    universe: x.market.universe,
    period: { from: isoDay(dates[0]), to: isoDay(dates[dates.length - 1]), bars: dates.length },
    data: x.market.dataHashes,
  };
}

/** Dotted paths where two JSON values differ (objects compared key by key, anything else as JSON). */
export function differences(a: unknown, b: unknown, path = ''): string[] {
  const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
  if (isObj(a) && isObj(b)) {
    const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])].sort();
    return keys.flatMap((k) => differences(a[k], b[k], path ? `${path}.${k}` : k));
  }
  return JSON.stringify(a) === JSON.stringify(b) ? [] : [path || '(all)'];
}

/** A short list of differing fields for a message ("strategy.hash, sim.cost and 2 more"). */
export function describeDifferences(diff: readonly string[]): string {
  const shown = diff.slice(0, 4).join(', ');
  return diff.length > 4 ? `${shown} and ${diff.length - 4} more` : shown;
}
