/**
 * `ratecycle/workflows` from a script: a Node script of a project with the package in its
 * node_modules, importing it by name (the published entry, dist/engine/workflows), writes every
 * folder the CLI writes — run, sweep (with a top run), a random search, walk-forward, claims,
 * now, compare, the shards of a sweep and their merge, demo — and each folder holds the same files
 * as the CLI's for the same command, the CSV files byte for byte. Small grids and few draws; the
 * demo as `npm start` runs it. */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';

/** The script: one folder per workflow under $OUT, the way a user's script would write them. */
const SCRIPT = `
import { join } from 'node:path';
import { buildMarket, builtin, loadCatalog, parseParams, simOptions } from 'ratecycle';
import {
  claimsToFolder, compareToFolder, demoToFolder, mergeToFolder, nowToFolder, parseDuration, parseGrid, parseShard,
  runToFolder, sweepSets, sweepToFolder, walkForwardToFolder,
} from 'ratecycle/workflows';

const out = (name) => join(process.env.OUT, name);
const catalog = loadCatalog();
// what \`ratecycle run <id> --universe ff --param …\` sets up: the strategy, its parameters, the market of its series, the options
function setup(id, params = []) {
  const strategy = builtin(id);
  const values = parseParams(strategy.params, params, id);
  const market = buildMarket(catalog, { universe: 'ff', series: [...strategy.series] });
  const sim = simOptions(market, { lag: strategy.defaults?.lag, rebalance: strategy.defaults?.rebalance });
  return { strategy, params: values, market, sim };
}
const run = async (name, id, params) => {
  const s = setup(id, params);
  return runToFolder({ strategy: s.strategy, params: s.params, market: s.market, options: { sim: s.sim }, out: out(name), dataDir: catalog.dir });
};
await run('run', 'first-cut-rotation');
await run('run-b', 'fed-regime', ['hold=large']);

const s = setup('first-cut-rotation');
const sweep = (name, source, more) =>
  sweepToFolder({
    strategy: s.strategy, strategyRef: s.strategy.id, base: s.params, source, market: s.market, sim: s.sim, benchmark: 'large',
    out: out(name), workers: 0, dataDir: catalog.dir, ...more,
  });
const grid = ['months=1:4:1'];
await sweep('sweep', sweepSets(s.strategy, { grid }), { top: 1, sourceText: grid });
const fixed = setup('first-cut-rotation', ['otherwise=cash']);
await sweepToFolder({
  strategy: fixed.strategy, strategyRef: fixed.strategy.id, base: fixed.params, market: fixed.market, sim: fixed.sim, benchmark: 'large',
  source: sweepSets(fixed.strategy, { samples: 5, seed: 3, fixed: ['otherwise=cash'] }), out: out('random'), workers: 0, top: 0, dataDir: catalog.dir,
});
for (const shard of ['1/2', '2/2']) await sweep('s' + shard[0], sweepSets(s.strategy, { grid }), { top: 0, sourceText: grid, shard: parseShard(shard), shardText: shard });
const merged = await mergeToFolder([out('s1'), out('s2')], { out: out('merged') });

const wfGrid = ['months=3:12:3'];
await walkForwardToFolder({
  strategy: s.strategy, market: s.market, sim: s.sim, grid: parseGrid(wfGrid, s.strategy.params, s.strategy.id), base: s.params,
  trainMonths: parseDuration('10y', 'train'), testMonths: parseDuration('5y', 'test'), out: out('wf'), described: { grid: wfGrid, train: '10y', test: '5y' },
});
await claimsToFolder(catalog, { out: out('claims'), universes: ['ff-1954'], draws: 200 });
await nowToFolder(catalog, { out: out('now'), draws: 200 });
await compareToFolder([out('run'), out('run-b')], { out: out('compare') });
const steps = [];
const demo = await demoToFolder(catalog, { out: out('demo'), onStep: (step) => steps.push(step.step) });
console.log(JSON.stringify({ merged: merged.rows, steps, universe: demo.universe, runs: demo.runs.map((r) => ({ name: r.name, sharpe: r.sharpe, cagr: r.cagr })) }));
`;

/** The files under `dir`, as sorted paths relative to it. */
function files(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)))
    .sort();
}

describe('ratecycle/workflows', () => {
  it('a script writes every folder the CLI writes: the same files, the CSV files byte for byte', () => {
    const root = mkdtempSync(join(tmpdir(), 'ratecycle-workflows-'));
    const [mine, theirs] = [join(root, 'script'), join(root, 'cli')];
    // a project of the user's: the script in a file (worker threads cannot start from an --input-type script), the package in its node_modules
    const project = join(root, 'project');
    mkdirSync(join(project, 'node_modules'), { recursive: true });
    symlinkSync(ROOT, join(project, 'node_modules', 'ratecycle'), 'dir');
    writeFileSync(join(project, 'folders.mjs'), SCRIPT);
    const r = spawnSync(process.execPath, [join(project, 'folders.mjs')], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, OUT: mine },
      timeout: 300_000,
    });
    expect(r.status, r.stderr).toBe(0);
    const script = JSON.parse(r.stdout.trim().split('\n').at(-1)!) as {
      merged: number;
      steps: string[];
      universe: string;
      runs: { name: string; sharpe: number; cagr: number }[];
    };

    const c = (name: string) => join(theirs, name);
    const ff = ['--universe', 'ff'];
    const sweep = ['sweep', 'first-cut-rotation', ...ff, '--workers', '0'];
    const commands: string[][] = [
      ['run', 'first-cut-rotation', ...ff, '--out', c('run')],
      ['run', 'fed-regime', ...ff, '--param', 'hold=large', '--out', c('run-b')],
      [...sweep, '--grid', 'months=1:4:1', '--top', '1', '--out', c('sweep')],
      [...sweep, '--samples', '5', '--seed', '3', '--param', 'otherwise=cash', '--top', '0', '--out', c('random')],
      [...sweep, '--grid', 'months=1:4:1', '--top', '0', '--shard', '1/2', '--out', c('s1')],
      [...sweep, '--grid', 'months=1:4:1', '--top', '0', '--shard', '2/2', '--out', c('s2')],
      ['merge', c('s1'), c('s2'), '--out', c('merged')],
      ['walkforward', 'first-cut-rotation', ...ff, '--grid', 'months=3:12:3', '--train', '10y', '--test', '5y', '--out', c('wf')],
      ['claims', '--universe', 'ff-1954', '--draws', '200', '--out', c('claims')],
      ['now', '--draws', '200', '--out', c('now')],
      ['compare', c('run'), c('run-b'), '--out', c('compare')],
      ['demo', '--out', c('demo')],
    ];
    for (const args of commands) {
      const x = cli(args);
      expect(x.code, `ratecycle ${args.join(' ')}\n${x.stderr}`).toBe(0);
    }

    const folders = ['run', 'run-b', 'sweep', 'random', 's1', 's2', 'merged', 'wf', 'claims', 'now', 'compare', 'demo'];
    for (const f of folders) {
      const list = files(join(mine, f));
      expect(list, f).toEqual(files(c(f)));
      const csvs = list.filter((p) => p.endsWith('.csv'));
      expect(csvs.length, f).toBeGreaterThan(0);
      const differ = csvs.filter((p) => !readFileSync(join(mine, f, p)).equals(readFileSync(join(theirs, f, p))));
      expect(differ, `${f}: CSV files that differ from the CLI's`).toEqual([]);
    }
    expect(files(join(mine, 'sweep')).filter((p) => p.startsWith('top/') && p.endsWith('report.html'))).toHaveLength(1);
    expect(files(join(mine, 'demo', 'runs')).filter((p) => p.endsWith('run.json'))).toHaveLength(6);

    expect(script.merged).toBe(4);
    // the demo's steps in order, and its summary rows: the numbers of the CLI's run folders
    expect(script.steps).toEqual(['claims', 'now', ...Array(6).fill(['run-start', 'simulated', 'run']).flat(), 'compare']);
    for (const run of script.runs) {
      const metrics = JSON.parse(readFileSync(c(join('demo', 'runs', run.name, 'metrics.json')), 'utf8')).metrics.strategy;
      expect([run.name, run.sharpe, run.cagr]).toEqual([run.name, metrics.sharpe, metrics.cagr]);
    }
    expect(script.universe).toBe(JSON.parse(readFileSync(c(join('demo', 'runs', 'small-caps', 'run.json')), 'utf8')).universe.id);
  }, 300_000);
});
