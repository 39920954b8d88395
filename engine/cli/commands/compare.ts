import { refuseExistingOutput } from '../../core/io/atomic-dir.js';
import type { Argv } from 'yargs';
import { defaultOutDir } from '../out-dir.js';
import { refuseRepeated } from '../validate-options.js';
import { join } from 'node:path';
import { displayPath } from '../../market/data/load-series.js';
import { compareToFolder } from '../../workflows/compare/compare-to-folder.js';
import { compareTable } from '../compare-table.js';

interface CompareArgs {
  runs: string[];
  out?: string;
  force?: boolean;
  commonPeriod?: boolean;
  json?: boolean;
}

/** `ratecycle compare`. */
export function compareCommand(y: Argv): Argv {
  return y
    .positional('runs', { type: 'string', array: true, describe: 'run folders written by `ratecycle run`' })
    .option('out', { type: 'string', describe: 'output folder (default out/compare-<timestamp>)' })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing output folder written by ratecycle' })
    .option('json', { type: 'boolean', default: false, describe: 'print the files written as JSON' })
    .option('common-period', {
      type: 'boolean',
      describe:
        "restrict every run to the period all of them cover and recompute the metrics there (default: on when the periods differ; --no-common-period keeps each run's own period, and then no run is ranked)",
    })
    .example('$0 compare out/a out/b', 'two runs side by side')
    .example('$0 compare out/demo/runs/* --out out/my-compare', 'every run of a folder') as Argv;
}

/** Handler: writes compare.html, compare.csv (tidy), compare-wide.csv, compare-sharpe-tests.csv and the chart CSVs; prints the comparison table, then the path. */
export async function compareHandler(args: CompareArgs): Promise<void> {
  // an --out that cannot be written is refused before any work
  if (args.out !== undefined) refuseExistingOutput(args.out, args.force);
  refuseRepeated(args as unknown as Record<string, unknown>, ['runs']);
  const out = args.out ?? defaultOutDir('compare');
  const { model } = await compareToFolder(args.runs, { out, force: args.force, commonPeriod: args.commonPeriod });
  if (args.json) {
    const t = model.sharpeTests;
    const tags = model.labels.map((l) => l.tag);
    const sharpeTests = {
      leader: Number.isNaN(t.leader) ? null : tags[t.leader],
      best: t.significant,
      p: Number.isFinite(t.p) ? t.p : null,
      reason: t.reason,
      pairs: t.pairs.map((p) => ({ other: tags[p.other], difference: p.test.difference, se: p.test.se, p: p.test.p, pHolm: p.pHolm })),
    };
    console.log(
      JSON.stringify(
        {
          out,
          html: displayPath(join(out, 'compare.html')),
          csv: displayPath(join(out, 'compare.csv')),
          sharpeTestsCsv: displayPath(join(out, 'compare-sharpe-tests.csv')),
          runs: args.runs,
          sharpeTests,
        },
        null,
        2,
      ),
    );
  } else {
    console.log(compareTable(model));
    console.log(`wrote ${out}: open ${displayPath(join(out, 'compare.html'))}`);
  }
}
