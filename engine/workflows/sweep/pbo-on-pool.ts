import type { Piscina } from 'piscina';
import { PBO_PAIR_CHUNK, pboFromBlocks, pboPairCount, pboSplits, type CscvBlocks, type PboResult } from '../../measure/stats/pbo.js';

/** Copies a typed array onto shared memory, so worker threads read it without a copy. */
function shared(a: Float64Array): Float64Array {
  const s = new Float64Array(new SharedArrayBuffer(a.byteLength));
  s.set(a);
  return s;
}

/**
 * The probability of backtest overfitting with its splits computed on the sweep's worker pool:
 * the block sums and the per-split outputs sit in shared memory, each task computes one chunk
 * of {@link PBO_PAIR_CHUNK} pairs (chunks are independent, so the result is the same as
 * {@link pboFromBlocks} on one thread, bit for bit), and the summary is taken here.
 */
export async function pboOnPool(pool: Piscina, blocks: CscvBlocks): Promise<PboResult> {
  if (blocks.trials < 2) return pboFromBlocks(blocks);
  const onShared = { ...blocks, rows: new Int32Array(0), sum: shared(blocks.sum), sumSq: shared(blocks.sumSq), weight: shared(blocks.weight) };
  const out = pboSplits(blocks.blocks, (bytes) => new SharedArrayBuffer(bytes));
  const pairs = pboPairCount(blocks.blocks);
  const tasks: Promise<unknown>[] = [];
  for (let from = 0; from < pairs; from += PBO_PAIR_CHUNK)
    tasks.push(pool.run({ blocks: onShared, from, to: Math.min(pairs, from + PBO_PAIR_CHUNK), out }, { name: 'pbo' }));
  await Promise.all(tasks);
  return pboFromBlocks(blocks, out);
}
