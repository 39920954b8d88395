import type { Argv } from 'yargs';
import { relative, resolve } from 'node:path';
import { initProject } from '../init-project.js';
import { initLines } from '../print/init-text.js';

interface InitArgs {
  dir?: string;
  strategy?: string;
  json?: boolean;
}

/** `ratecycle init`. */
export function initCommand(y: Argv): Argv {
  return y
    .positional('dir', { type: 'string', describe: 'project folder (default: the current one); created when missing' })
    .option('strategy', { type: 'string', default: 'my-idea', describe: 'id of the first strategy to scaffold' })
    .option('json', { type: 'boolean', default: false, describe: 'print what was written as JSON' })
    .example('$0 init', 'set up the current folder (after npm install ratecycle)')
    .example('$0 init my-research --strategy first-idea', 'a new folder') as Argv;
}

/**
 * Handler of `ratecycle init`: a research project in `dir` — package.json scripts and
 * dependencies (merged into an existing one), tsconfig.json, a first strategy and its
 * test, `data/catalog.json` extending the shipped catalog, and a .gitignore for `out/`.
 * Existing files are never replaced.
 */
export function initHandler(args: InitArgs): void {
  const dir = resolve(args.dir ?? '.');
  const result = initProject(dir, args.strategy ?? 'my-idea');
  const shown = relative(process.cwd(), dir) || '.';
  if (args.json)
    console.log(JSON.stringify({ dir: shown, written: result.written, packageJson: result.packageJson.added, installed: result.installed }, null, 2));
  else console.log(initLines(shown, result).join('\n'));
}
