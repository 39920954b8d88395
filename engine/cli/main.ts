#!/usr/bin/env node
import yargs from 'yargs';
import { hideBin } from 'yargs/helpers';
import { UserError } from '../errors.js';
import { packageVersion } from '../paths.js';
import { dataCommand } from './commands/data.js';

/** Exit codes: 0 ok, 1 user error (bad input, data or strategy), 2 internal error. */
export const EXIT = { ok: 0, user: 1, internal: 2 } as const;

function report(err: unknown, verbose: boolean): number {
  const e = err instanceof Error ? err : new Error(String(err));
  const user = e instanceof UserError || (e as { name?: string }).name === 'YError';
  const line = user ? `ratecycle: ${e.message}` : `ratecycle: internal error: ${e.message}`;
  console.error(line.split('\n')[0]);
  if (verbose && e.stack) console.error(e.stack);
  else if (!user) console.error('(run again with --verbose to see the stack)');
  return user ? EXIT.user : EXIT.internal;
}

async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  const cli = yargs(argv)
    .scriptName('ratecycle')
    .usage('$0 <command> [options]\n\nBacktest small-cap vs large-cap rotation strategies around Fed rate cycles.')
    .option('verbose', { type: 'boolean', describe: 'show stacks on errors' })
    .option('data', { type: 'string', describe: 'data folder with a catalog.json (default: the shipped data/)' })
    .command('data', 'List or validate the data catalog', dataCommand)
    .command(
      'run <strategy>',
      'Backtest a strategy and write a run folder (CSVs, metrics, report.html)',
      async (y) => (await import('./commands/run.js')).runCommand(y),
      async (args) => {
        await (await import('./commands/run.js')).runHandler(args as never);
      },
    )
    .command(
      'audit <strategy>',
      'Check a strategy for look-ahead by re-running it on truncated history',
      async (y) => (await import('./commands/audit.js')).auditCommand(y),
      async (args) => (await import('./commands/audit.js')).auditHandler(args as never),
    )
    .command(
      'list',
      'List the built-in strategies with their parameters',
      async (y) => (await import('./commands/list.js')).listCommand(y),
      async () => (await import('./commands/list.js')).listHandler(),
    )
    .command(
      'new <name>',
      'Scaffold a strategy file and its test that run as they are',
      async (y) => (await import('./commands/new.js')).newCommand(y),
      async (args) => (await import('./commands/new.js')).newHandler(args as never),
    )
    .command(
      'sweep <strategy>',
      'Sweep a parameter grid (or random sample) on worker threads; results.csv, heat map, top runs',
      async (y) => (await import('./commands/sweep.js')).sweepCommand(y),
      async (args) => (await import('./commands/sweep.js')).sweepHandler(args as never),
    )
    .command(
      'walkforward <strategy>',
      'Walk-forward validation: choose parameters on each training window, test on the next',
      async (y) => (await import('./commands/walkforward.js')).walkforwardCommand(y),
      async (args) => (await import('./commands/walkforward.js')).walkforwardHandler(args as never),
    )
    .command(
      'merge <dirs..>',
      'Merge the results.csv of sweep shards into one (identical to an unsharded sweep)',
      async (y) => (await import('./commands/merge.js')).mergeCommand(y),
      async (args) => (await import('./commands/merge.js')).mergeHandler(args as never),
    )
    .command(
      'compare <runs..>',
      'Compare run folders side by side (compare.html, compare.csv)',
      async (y) => (await import('./commands/compare.js')).compareCommand(y),
      async (args) => (await import('./commands/compare.js')).compareHandler(args as never),
    )
    .command(
      'demo',
      'The default scenario (npm start): flagship rate-cycle strategies vs buy-and-hold and 60/40, compared',
      async (y) => (await import('./commands/demo.js')).demoCommand(y),
      async (args) => (await import('./commands/demo.js')).demoHandler(args as never),
    )
    .demandCommand(1, 'name a command (see --help)')
    .strict()
    .recommendCommands()
    .version(packageVersion())
    .help()
    .alias('h', 'help')
    // yargs lays out the help text on every command (it caches it); wrapping costs ~30 ms, so only wrap for help
    .wrap(argv.includes('--help') || argv.includes('-h') ? Math.min(110, process.stdout.columns || 100) : null)
    .fail((msg, err) => {
      throw err ?? new UserError(msg);
    });
  try {
    await cli.parseAsync();
  } catch (err) {
    process.exitCode = report(err, verbose);
  }
}

// A closed pipe (e.g. `ratecycle list | head`) is not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});
await main(hideBin(process.argv));
