import type { Argv } from 'yargs';
import { join } from 'node:path';
import { displayPath } from '../../market/data/load-series.js';
import { defaultOutDir } from '../out-dir.js';
import { readStrategyInference, strategyAnswer } from '../../../reports/strategy-answer.js';
import { textTable } from '../table.js';
import { num, pct, textWidth, warnOnce, wrapText } from '../format.js';
import { answerText, printClaims } from './claims.js';
import { outlookText } from './now.js';
import { loadCatalog } from '../../market/data/catalog.js';
import { demoToFolder, type DemoStep } from '../../workflows/demo/demo-to-folder.js';
import { sharpeSentence } from '../compare-table.js';
import { runDoneLines, simulatedLines } from '../print/run-summary.js';

interface DemoArgs {
  out?: string;
  data?: string;
  universe?: string;
  force?: boolean;
}

/** `ratecycle demo`: what `npm start` runs. */
export function demoCommand(y: Argv): Argv {
  return y
    .option('out', { type: 'string', describe: 'folder for the runs and the comparison (default out/demo-<timestamp>)' })
    .option('universe', { type: 'string', describe: "universe to run on (default: the catalog's default, russell, or the first available)" })
    .option('force', { type: 'boolean', default: false, describe: 'replace an existing demo folder written by ratecycle' })
    .example('$0 demo', 'small caps vs large caps around Fed cuts, on the shipped data')
    .example('$0 demo --universe ff --out out/ff-demo', 'the same question on the Fama/French monthly data since 1926') as Argv;
}

/** Prints a step of the demo as `ratecycle claims`, `now` and `run` print theirs, as soon as it is done. */
function printStep(s: DemoStep): void {
  switch (s.step) {
    case 'claims':
      // first the answer to the article's claims (verdict table and claims.html), then the strategies
      return printClaims(s.dir, s.report);
    case 'now':
      console.log(`\n== where we stand now`);
      console.log(outlookText(s.report));
      console.log(`the state, the analogues and the outlook: open ${displayPath(join(s.dir, 'now.html'))}`);
      return;
    case 'run-start':
      console.log(`\n== ${s.run.name}`);
      if (s.note) warnOnce(s.note);
      return;
    case 'simulated':
      console.log(simulatedLines(s.strategy.name, s.simulation, s.sim.lag).join('\n'));
      for (const w of s.simulation.market.warnings) warnOnce(w);
      return;
    case 'run': {
      const own = strategyAnswer(readStrategyInference(s.dir), 'large', `large caps (${s.simulation.market.large})`);
      console.log(runDoneLines(own?.sentence, s.dir, true, textWidth()).join('\n'));
      return;
    }
    case 'compare':
      return;
  }
}

/**
 * Handler: tests the article's claims into `<out>/claims` (printing the verdict table and the
 * page's path first), says where the cycle stands now into `<out>/now`, then runs every demo
 * strategy into `<out>/runs/<name>` and compares them into `<out>/compare` (demoToFolder), printing
 * each step as it is done, then the summary.
 */
export async function demoHandler(args: DemoArgs): Promise<void> {
  const out = args.out ?? defaultOutDir('demo');
  const demo = await demoToFolder(loadCatalog(args.data), { out, universe: args.universe, force: args.force, onStep: printStep });
  const rows = demo.runs.map((r) => [
    r.name,
    pct(r.cagr),
    num(r.sharpe),
    pct(r.maxDrawdown),
    pct(r.phases.easing),
    pct(r.phases.tightening),
    pct(r.phases.hold),
  ]);
  console.log(`\n== summary (${demo.universe})`);
  console.log(textTable(['run', 'CAGR', 'Sharpe', 'max drawdown', 'easing (ann.)', 'tightening (ann.)', 'hold (ann.)'], rows));
  // whether the highest Sharpe ratio is more than noise (the comparison's Ledoit & Wolf tests)
  const names = demo.runs.map((r) => r.name);
  console.log(wrapText(sharpeSentence(demo.compare.model, names), textWidth(), '  ', ''));
  console.log(`\ncomparison of ${demo.runs.length} runs: open ${displayPath(join(out, 'compare', 'compare.html'))}`);
  console.log(`\n== the answer again: the article's claims on their primary samples`);
  console.log(answerText(demo.claims.report));
  console.log(`every number and how it was computed: open ${displayPath(join(out, 'claims', 'claims.html'))}`);
}
