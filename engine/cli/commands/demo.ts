import type { Argv } from 'yargs';
import { join } from 'node:path';
import { displayPath } from '../../market/data/load-series.js';
import { runHandler } from './run.js';
import { defaultOutDir } from '../out-dir.js';
import { refuseExistingOutput } from '../../core/io/atomic-dir.js';
import { compareRuns } from '../../../reports/compare/compare-runs.js';
import { readRunFolder } from '../../../reports/read-run.js';
import { textTable } from '../table.js';
import { num, pct, textWidth, wrapText } from '../format.js';
import { answerText, claimsHandler } from './claims.js';
import { outlookText } from './now.js';
import { loadCatalog } from '../../market/data/catalog.js';
import { nowToFolder } from '../../workflows/now/now-to-folder.js';
import { sharpeSentence } from '../compare-table.js';

interface DemoArgs {
  out?: string;
  data?: string;
  universe?: string;
  force?: boolean;
}

/** The default scenario: the flagship rate-cycle strategies against the benchmarks. */
export const DEMO_RUNS: { name: string; strategy: string; param: string[]; rebalance?: string }[] = [
  { name: 'small-caps', strategy: 'buy-hold', param: ['asset=small'] },
  { name: 'large-caps', strategy: 'buy-hold', param: ['asset=large'] },
  { name: 'mix-60-40', strategy: 'fixed-mix', param: ['small=0.6', 'large=0.4'] },
  { name: 'first-cut-rotation', strategy: 'first-cut-rotation', param: [] },
  { name: 'fed-regime', strategy: 'fed-regime', param: [] },
  { name: 'vote', strategy: 'vote', param: [] },
];

/** `ratecycle demo`: what `npm start` runs. */
export function demoCommand(y: Argv): Argv {
  return y
    .option('out', { type: 'string', describe: 'folder for the runs and the comparison (default out/demo-<timestamp>)' })
    .option('universe', { type: 'string', describe: "universe to run on (default: the catalog's default, russell, or the first available)" })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing demo folder written by ratecycle' })
    .example('$0 demo', 'small caps vs large caps around Fed cuts, on the shipped data')
    .example('$0 demo --universe ff --out out/ff-demo', 'the same question on the Fama/French monthly data since 1926') as Argv;
}

/**
 * Handler: tests the article's claims into `<out>/claims` (printing the verdict table and the
 * page's path first), says where the cycle stands now into `<out>/now`, then runs every demo
 * strategy into `<out>/runs/<name>` and compares them into `<out>/compare`.
 */
export async function demoHandler(args: DemoArgs): Promise<void> {
  const out = args.out ?? defaultOutDir('demo');
  refuseExistingOutput(out, args.force);
  // first the answer to the article's claims (verdict table and claims.html), then the strategies
  const claims = await claimsHandler({ out: join(out, 'claims'), data: args.data, force: args.force });
  // then where the cycle stands at the end of the data (ratecycle now, on its own default universe)
  const now = await nowToFolder(loadCatalog(args.data), { out: join(out, 'now'), force: args.force });
  console.log(`\n== where we stand now`);
  console.log(outlookText(now.report));
  console.log(`the state, the analogues and the outlook: open ${displayPath(join(now.dir, 'now.html'))}`);
  const dirs: string[] = [];
  for (const r of DEMO_RUNS) {
    console.log(`\n== ${r.name}`);
    const dir = join(out, 'runs', r.name);
    await runHandler({ strategy: r.strategy, param: r.param, universe: args.universe, data: args.data, out: dir, force: args.force, rebalance: r.rebalance });
    dirs.push(dir);
  }
  const cmp = join(out, 'compare');
  const { model } = await compareRuns(dirs, cmp, { force: args.force });
  let universe = args.universe;
  const names = DEMO_RUNS.map((r) => r.name);
  const rows = dirs.map((d, i) => {
    const run = readRunFolder(d);
    universe ??= run.manifest.universe.id;
    const m = run.metrics.metrics.strategy as Record<string, number>;
    const phase = (label: string) => Number(run.regimes.find((r) => r.scope === 'phase' && r.label === label)?.strategy_ann ?? NaN);
    return [DEMO_RUNS[i].name, pct(m.cagr), num(m.sharpe), pct(m.maxDrawdown), pct(phase('easing')), pct(phase('tightening')), pct(phase('hold'))];
  });
  console.log(`\n== summary (${universe})`);
  console.log(textTable(['run', 'CAGR', 'Sharpe', 'max drawdown', 'easing (ann.)', 'tightening (ann.)', 'hold (ann.)'], rows));
  // whether the highest Sharpe ratio is more than noise (the comparison's Ledoit & Wolf tests)
  console.log(wrapText(sharpeSentence(model, names), textWidth(), '  ', ''));
  console.log(`\ncomparison of ${dirs.length} runs: open ${displayPath(join(cmp, 'compare.html'))}`);
  console.log(`\n== the answer again: the article's claims on their primary samples`);
  console.log(answerText(claims.report));
  console.log(`every number and how it was computed: open ${displayPath(join(out, 'claims', 'claims.html'))}`);
}
