import type { Argv } from 'yargs';
import { mergeToFolder } from '../../workflows/merge/merge-to-folder.js';
import { pct } from '../format.js';
import { refuseRepeated } from '../validate-options.js';

/** `ratecycle merge`. */
export function mergeCommand(y: Argv): Argv {
  return y
    .positional('dirs', { type: 'string', array: true, describe: 'finished shard folders of one sweep' })
    .option('out', { type: 'string', demandOption: true, describe: 'folder for the merged results.csv' })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing output folder written by ratecycle' })
    .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON' })
    .example('$0 merge out/s1 out/s2 out/s3 out/s4 --out out/all', 'combine four shards') as Argv;
}

/** Handler: merges results.csv files by set index. */
export async function mergeHandler(args: { dirs: string[]; out: string; force?: boolean; json?: boolean }): Promise<void> {
  refuseRepeated(args as unknown as Record<string, unknown>, ['dirs']);
  const { rows, pbo } = await mergeToFolder(args.dirs, { out: args.out, force: args.force });
  if (args.json) {
    console.log(JSON.stringify({ out: args.out, sets: rows, shards: args.dirs.length, pbo }, null, 2));
    return;
  }
  console.log(`merged ${rows.toLocaleString('en-US')} sets from ${args.dirs.length} shards into ${args.out}/results.csv`);
  console.log(
    pbo.value === null
      ? `probability of backtest overfitting: not computed (${pbo.reason})`
      : `probability of backtest overfitting ${pct(pbo.value, 1)} over all ${pbo.trials.toLocaleString('en-US')} sets (CSCV, ${pbo.blocks} blocks)`,
  );
}
