import type { Argv } from 'yargs';
import { UserError } from '../../core/errors.js';
import { auditStrategy } from '../../strategy/audit.js';
import { formatParams } from '../../strategy/params.js';
import { runOptions, setupRun, type RunArgs } from '../run-setup.js';
import { wholeNumber } from '../validate-options.js';
import { auditIsolated } from '../../strategy/isolated.js';
import { isolationLimits, isolationOptions } from '../isolation-options.js';

interface AuditArgs extends RunArgs {
  json?: boolean;
  cuts?: number;
  seed?: number;
  timeout?: number;
  memoryMb?: number;
}

/** `ratecycle audit`. */
export function auditCommand(y: Argv): Argv {
  return isolationOptions(runOptions(y))
    .option('cuts', { type: 'number', default: 20, describe: 'random truncation dates on top of every year end' })
    .option('seed', { type: 'number', default: 1, describe: 'seed of the random truncation dates' })
    .option('json', { type: 'boolean', default: false, describe: 'print the result as JSON (a failed audit still exits 1 with one line)' })
    .example('$0 audit first-cut-rotation', 'check a built-in for look-ahead')
    .example('$0 audit ./my-strategy.ts --param months=6 --universe ff', 'check your own file on the monthly universe') as Argv;
}

/** Handler of `ratecycle audit`: exit 1 naming the first offending date when the strategy reads the future. */
export async function auditHandler(args: AuditArgs): Promise<void> {
  const randomCuts = wholeNumber('cuts', args.cuts);
  const seed = wholeNumber('seed', args.seed, { max: 2 ** 32 - 1 });
  const limits = isolationLimits(args);
  const setup = await setupRun(args);
  // a user's file is audited in a worker thread (timeout, heap limit, process.exit contained)
  const res = setup.strategyFile
    ? await auditIsolated(setup.strategy, setup.strategyFile, setup.market, setup.params, { randomCuts, seed }, limits)
    : auditStrategy(setup.strategy, setup.market, setup.params, { randomCuts, seed });
  const who = `strategy "${setup.strategy.id}"${Object.keys(setup.params).length ? ` (${formatParams(setup.params)})` : ''}`;
  if (res.nondeterministic) {
    const o = res.nondeterministic;
    throw new UserError(
      `strategy not deterministic: ${who} gave ${o.full} and then ${o.truncated} for ${o.asset} on ${o.date} from the same data (history to ${o.cut}); weights may depend only on the view and the parameters, not on Math.random, Date.now or state kept between calls`,
    );
  }
  if (!res.ok && res.firstOffence) {
    const o = res.firstOffence;
    throw new UserError(
      `look-ahead in ${who}: its weight for ${o.asset} on ${o.date} is ${o.full} with the full history but ${o.truncated} when the data stops at ${o.cut}; a decision at t may only use data up to t`,
    );
  }
  const c = res.counts;
  const how =
    res.mode === 'every-bar'
      ? `every bar (${res.cuts.length.toLocaleString('en-US')} truncations)`
      : `${res.cuts.length.toLocaleString('en-US')} dates: after each of its ${c.decisionChanges.toLocaleString('en-US')} decision changes, around ${c.events.toLocaleString('en-US')} Fed event days, every year end and ${c.random} random dates`;
  if (args.json) {
    console.log(
      JSON.stringify(
        {
          ok: true,
          strategy: setup.strategy.id,
          params: setup.params,
          universe: setup.market.universe,
          warnings: setup.market.warnings,
          mode: res.mode,
          truncations: res.cuts.length,
          counts: c,
        },
        null,
        2,
      ),
    );
    return;
  }
  console.log(`audit passed: ${who} is deterministic and decided identically on history truncated at ${how}`);
}
