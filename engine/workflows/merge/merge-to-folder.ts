import { resolve } from 'node:path';
import { mergeResults as mergeShards } from '../sweep/merge.js';

/** What merging shards gives: the number of sets, and the probability of backtest overfitting and the deflated Sharpe ratios over all of them. */
export type MergeResult = Awaited<ReturnType<typeof mergeShards>>;

/** Options of {@link mergeToFolder}: the merged folder and whether to replace it. */
export interface MergeFolderOptions {
  /** The folder to write the merged results.csv, monthly.f32 and sweep.json into. */
  out: string;
  /** Replace an existing folder that ratecycle wrote (default false). */
  force?: boolean;
}

/** What {@link mergeToFolder} wrote: the folder (absolute) and the merge's statistics. */
export interface MergeFolderResult extends MergeResult {
  dir: string;
}

/**
 * The `merge` workflow: merges the folders of a sweep's shards (each written by sweepToFolder
 * with `shard`, or `ratecycle sweep --shard i/n`) into one folder ordered by set index, with
 * results.csv byte-identical to the unsharded sweep's, monthly.f32, and sweep.json with the
 * probability of backtest overfitting over all sets. Refuses shards of different sweeps, a shard
 * given twice and a missing or unfinished shard. Returns the folder and the statistics.
 *
 * @example const { dir, rows, pbo } = await mergeToFolder(['out/s1', 'out/s2'], { out: 'out/all' });
 */
export async function mergeToFolder(shards: readonly string[], options: MergeFolderOptions): Promise<MergeFolderResult> {
  const merged = await mergeShards(shards, options.out, options.force ?? false);
  return { ...merged, dir: resolve(options.out) };
}

/**
 * {@link mergeToFolder} with the folder and `force` as arguments, under its first name (kept:
 * the same work and the same result without `dir`).
 *
 * @example const { rows, pbo } = await mergeResults(['out/s1', 'out/s2'], 'out/all');
 */
export async function mergeResults(shards: readonly string[], out: string, force = false): Promise<MergeResult> {
  return mergeShards(shards, out, force);
}
