import type { Argv } from 'yargs';
import { existsSync } from 'node:fs';
import { UserError } from '../../core/errors.js';
import { findRuns } from '../find-runs.js';
import { runsJson, runsText } from '../print/runs-text.js';

interface RunsArgs {
  in?: string;
  limit?: number;
  json?: boolean;
}

/** `ratecycle runs`. */
export function runsCommand(y: Argv): Argv {
  return y
    .option('in', { type: 'string', default: 'out', describe: 'folder holding run folders' })
    .option('limit', { type: 'number', default: 20, describe: 'how many to list' })
    .option('json', { type: 'boolean', default: false, describe: 'print the list as JSON' })
    .example('$0 runs', 'the 20 most recent runs under out/')
    .example('$0 runs --in results --limit 5', 'elsewhere') as Argv;
}

/** Handler of `ratecycle runs`: recent run folders, newest first, with their key numbers. */
export function runsHandler(args: RunsArgs): void {
  const root = args.in ?? 'out';
  if (!existsSync(root)) throw new UserError(`${root} does not exist; \`ratecycle run\` writes run folders there (or pass --in DIR)`);
  const limit = args.limit ?? 20;
  if (!(Number.isInteger(limit) && limit > 0)) throw new UserError(`--limit must be a whole number ≥ 1 (got ${args.limit})`);
  const runs = findRuns(root).slice(0, limit);
  if (args.json) console.log(JSON.stringify(runsJson(runs), null, 2));
  else console.log(runsText(runs, root));
}
