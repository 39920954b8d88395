import type { Argv } from 'yargs';
import { defaultStrategyDir, writeStrategyScaffold } from '../strategy-scaffold.js';

interface NewArgs {
  name: string;
  dir?: string;
  json?: boolean;
}

/** `ratecycle new`. */
export function newCommand(y: Argv): Argv {
  return y
    .positional('name', { type: 'string', describe: 'strategy id (kebab-case), also the file name' })
    .option('dir', { type: 'string', describe: 'folder to write <name>.ts and <name>.test.ts into (default strategies/)' })
    .option('json', { type: 'boolean', default: false, describe: 'print the files written as JSON' })
    .example('$0 new my-idea', 'writes strategies/my-idea.ts and my-idea.test.ts')
    .example('$0 new curve-and-cuts --dir research', 'somewhere else') as Argv;
}

/** Handler of `ratecycle new`: writes the two files and prints the next commands. */
export function newHandler(args: NewArgs): void {
  const { file, test } = writeStrategyScaffold(args.name, args.dir ?? defaultStrategyDir());
  if (args.json) {
    console.log(JSON.stringify({ strategy: file, test }, null, 2));
    return;
  }
  console.log(`wrote ${file} and ${test}`);
  console.log(`next: npx ratecycle run ${file}   then   npx ratecycle audit ${file}   and   npx vitest run ${test}`);
}
