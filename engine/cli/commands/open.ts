import type { Argv } from 'yargs';
import { spawn } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { UserError } from '../../core/errors.js';
import { findRuns } from '../find-runs.js';

interface OpenArgs {
  run?: string;
  in?: string;
  browser?: boolean;
  json?: boolean;
}

/** Report files a folder may hold, in the order they are looked for. */
const REPORTS = ['report.html', 'compare.html', 'sweep.html', 'walkforward.html'];

/** `ratecycle open`. */
export function openCommand(y: Argv): Argv {
  return y
    .positional('run', { type: 'string', describe: 'run, compare or sweep folder (default: the newest run under --in)' })
    .option('in', { type: 'string', default: 'out', describe: 'folder holding run folders' })
    .option('browser', { type: 'boolean', describe: 'open the report in the default browser (default: when the output is a terminal)' })
    .option('json', { type: 'boolean', default: false, describe: 'print the report path as JSON' })
    .example('$0 open', 'the report of the newest run')
    .example('$0 open out/first-cut-rotation-20250101-120000 --no-browser', "print the path of a given run's report") as Argv;
}

/** The command that opens a file with the desktop's default application, by platform. */
function opener(): [string, string[]] {
  if (process.platform === 'darwin') return ['open', []];
  if (process.platform === 'win32') return ['cmd', ['/c', 'start', '""']];
  return ['xdg-open', []];
}

/** Handler of `ratecycle open`: prints the report's path, and opens it in a browser on a terminal. */
export function openHandler(args: OpenArgs): void {
  let dir: string;
  if (args.run) {
    const candidates = [args.run, join(args.in ?? 'out', args.run)];
    const found = candidates.find((c) => existsSync(c) && statSync(c).isDirectory());
    if (!found) throw new UserError(`${args.run} is not a folder (nor ${join(args.in ?? 'out', args.run)}); \`ratecycle runs\` lists the run folders`);
    dir = found;
  } else {
    const root = args.in ?? 'out';
    const runs = existsSync(root) ? findRuns(root) : [];
    if (runs.length === 0) throw new UserError(`no run folders under ${root}; run \`ratecycle run <strategy>\` first (or pass --in DIR)`);
    dir = runs[0].dir;
  }
  const name = REPORTS.find((r) => existsSync(join(dir, r)));
  if (!name) throw new UserError(`${dir} has no report (${REPORTS.join(', ')}); it was written with --no-report?`);
  const path = relative(process.cwd(), join(dir, name)) || join(dir, name);
  if (args.json) console.log(JSON.stringify({ report: path, folder: dir }));
  else console.log(path);
  if (args.browser ?? process.stdout.isTTY) {
    const [cmd, pre] = opener();
    try {
      const child = spawn(cmd, [...pre, resolve(path)], { detached: true, stdio: 'ignore' });
      child.on('error', () => console.error(`(could not start ${cmd}; open the path above in a browser)`));
      child.unref();
    } catch {
      console.error(`(could not start ${cmd}; open the path above in a browser)`);
    }
  }
}
