#!/usr/bin/env node
import type { Argv } from 'yargs';
import { createRequire } from 'node:module';
import { cliMessage, UserError } from '../core/errors.js';
import { fsUserError } from '../core/io/fs-errors.js';
import { packageVersion } from '../core/paths.js';
import { explainFailure, type UsageInfo } from './explain-failure.js';

/** Exit codes: 0 ok, 1 user error (bad input, data or strategy), 2 internal error. */
export const EXIT = { ok: 0, user: 1, internal: 2 } as const;

function report(err: unknown, verbose: boolean): number {
  const mapped = fsUserError(err); // disk full, read-only folder, a path under a file: the user's to fix
  const e = mapped instanceof Error ? mapped : new Error(String(mapped));
  const user = e instanceof UserError || (e as { name?: string }).name === 'YError';
  const line = user ? `ratecycle: ${cliMessage(e)}` : `ratecycle: internal error: ${e.message}`;
  console.error(line.split('\n')[0]);
  if (verbose && e.stack) console.error(e.stack);
  else if (!user) console.error('(run again with --verbose to see the stack)');
  return user ? EXIT.user : EXIT.internal;
}

/**
 * Commands whose modules load only when used (start-up stays fast): command, description,
 * module under ./commands/, and its builder and handler exports.
 */
const LAZY: [string, string, string, string, string][] = [
  ['run <strategy>', 'Backtest a strategy and write a run folder (CSVs, metrics, report.html)', 'run', 'runCommand', 'runHandler'],
  ['audit <strategy>', 'Check a strategy for look-ahead by re-running it on truncated history', 'audit', 'auditCommand', 'auditHandler'],
  ['list', 'List the built-in strategies with their parameters', 'list', 'listCommand', 'listHandler'],
  ['new <name>', 'Scaffold a strategy file and its test that run as they are', 'new', 'newCommand', 'newHandler'],
  ['sweep <strategy>', 'Sweep a parameter grid (or random sample) on worker threads; results.csv, heat map, top runs', 'sweep', 'sweepCommand', 'sweepHandler'],
  [
    'walkforward <strategy>',
    'Walk-forward validation: choose parameters on each training window, test on the next',
    'walkforward',
    'walkforwardCommand',
    'walkforwardHandler',
  ],
  ['merge <dirs..>', 'Merge the results.csv of sweep shards into one (identical to an unsharded sweep)', 'merge', 'mergeCommand', 'mergeHandler'],
  ['compare <runs..>', 'Compare run folders side by side (compare.html, compare.csv)', 'compare', 'compareCommand', 'compareHandler'],
  [
    'claims',
    "Test the article's claims on every shipped sample: verdicts with n, estimate, 95 % interval and p (claims.html, .csv, .json)",
    'claims',
    'claimsCommand',
    'claimsHandler',
  ],
  [
    'now',
    'Where the rate cycle stands now (or --as-of a past date): the state, its historical analogues, the outlook and its track record (now.html, .csv, .json)',
    'now',
    'nowCommand',
    'nowHandler',
  ],
  ['demo', 'The default scenario (npm start): flagship rate-cycle strategies vs buy-and-hold and 60/40, compared', 'demo', 'demoCommand', 'demoHandler'],
  ['init [dir]', 'Set up a research project: package.json scripts, tsconfig, a strategy and its test, a data folder', 'init', 'initCommand', 'initHandler'],
  ['runs', 'List recent run folders, newest first', 'runs', 'runsCommand', 'runsHandler'],
  ['open [run]', 'Print (and on a terminal, open) the report of the newest or a given run', 'open', 'openCommand', 'openHandler'],
];

type CommandModule = Record<string, (arg: unknown) => unknown>;

async function main(argv: string[]): Promise<void> {
  const verbose = argv.includes('--verbose');
  // loaded here, not at the top: `ratecycle --version` needs none of it
  // yargs 17's CommonJS build: one file, loads in ~40 ms (its ESM entry wraps help text mid-word)
  const yargs = createRequire(import.meta.url)('yargs') as typeof import('yargs').default;
  const { dataCommand } = await import('./commands/data.js');
  const cli = yargs(argv)
    .scriptName('ratecycle')
    .usage('$0 <command> [options]\n\nBacktest small-cap vs large-cap rotation strategies around Fed rate cycles.')
    .option('verbose', { type: 'boolean', describe: 'show stacks on errors' })
    .option('data', { type: 'string', describe: 'data folder with a catalog.json (default: ./data when it has one, else the shipped data/)' })
    .command('data', 'List, check or add to the data catalog (data add converts Yahoo, FRED and Stooq downloads)', dataCommand)
    .completion('completion', 'Print a bash/zsh completion script (ratecycle completion >> ~/.bashrc)')
    .demandCommand(1, 'name a command (see --help)')
    .strict()
    .recommendCommands()
    .version(packageVersion())
    .help()
    .alias('h', 'help')
    // yargs lays out the help text on every command (it caches it); wrapping costs ~30 ms, so only wrap for help
    .wrap(argv.includes('--help') || argv.includes('-h') ? Math.min(110, process.stdout.columns || 100) : null)
    .fail((msg, err, usage) => {
      // the first word that is neither an option nor the value of the global --data
      const typed = argv.find((a, i) => !a.startsWith('-') && argv[i - 1] !== '--data');
      const known = [...LAZY.map(([c]) => c.split(' ')[0]), 'data', 'completion'];
      throw err ?? new UserError(explainFailure(msg, usage as unknown as UsageInfo, 'ratecycle', { typed, known }));
    });
  for (const [command, description, file, builder, handler] of LAZY) {
    const load = async () => (await import(`./commands/${file}.js`)) as CommandModule;
    cli.command(
      command,
      description,
      async (y) => (await load())[builder](y) as Argv,
      async (args) => {
        await (await load())[handler](args);
      },
    );
  }
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
const args = process.argv.slice(2); // what yargs' hideBin returns under Node
if (args.length === 1 && args[0] === '--version') console.log(packageVersion());
else await main(args);
