import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import * as api from '../../engine/index.js';
import * as testing from '../../engine/testing/index.js';
import * as workflows from '../../engine/workflows/index.js';
import { metricsJson } from '../../engine/formats/run-folder.js';
import { ROOT } from '../helpers/cli.js';

const ENTRIES = ['engine/index.ts', 'engine/testing/index.ts', 'engine/strategy/signals.ts', 'engine/measure/stats/index.ts', 'engine/workflows/index.ts'];
let program: ts.Program | undefined;

/** The type checker over every entry point. */
function checker(): ts.TypeChecker {
  program ??= ts.createProgram(
    ENTRIES.map((e) => join(ROOT, e)),
    {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    },
  );
  return program.getTypeChecker();
}

/** The exported values (functions, classes, constants) of an entry point, each resolved to its declaration's symbol. */
function exportedValues(entry: string): ts.Symbol[] {
  const c = checker();
  const module = c.getSymbolAtLocation(program!.getSourceFile(join(ROOT, entry))!)!;
  return c
    .getExportsOfModule(module)
    .map((s) => (s.flags & ts.SymbolFlags.Alias ? c.getAliasedSymbol(s) : s))
    .filter((s) => s.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable));
}

/** Exported values of an entry point that have no TSDoc comment. */
function undocumented(entry: string): string[] {
  return exportedValues(entry)
    .filter((s) => s.getDocumentationComment(checker()).length === 0)
    .map((s) => s.name);
}

describe('public API', () => {
  it('offers the authoring, data, simulation, metrics, analytics and inference functions', () => {
    for (const name of [
      'defineStrategy',
      'changeOverMonths',
      'momentum',
      'loadMarket',
      'loadCatalog',
      'buildMarket',
      'backtest',
      'simulate',
      'simOptions',
      'computeMetrics',
      'eventStudy',
      'regimeTable',
      'auditStrategy',
      'evaluateStrategy',
      'parseParams',
      'builtin',
      'bootstrapMean',
      'neweyWestMean',
      'placeboTest',
      'isoDay',
      'UserError',
    ]) {
      expect(typeof (api as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(Object.keys(testing).sort()).toEqual(['auditOf', 'makeMarket', 'monthEnds', 'weekdays', 'weightsOf']);
  });

  it('documents every exported function, class and constant (TSDoc)', () => {
    for (const entry of ENTRIES) expect(undocumented(entry), entry).toEqual([]);
  });

  it('offers the folder workflows at ratecycle/workflows, each with an example', () => {
    const names = [
      'runToFolder',
      'sweepToFolder',
      'sweepSets',
      'randomSearchParams',
      'walkForwardToFolder',
      'mergeToFolder',
      'mergeResults',
      'claimsToFolder',
      'nowToFolder',
      'compareToFolder',
      'demoToFolder',
    ];
    for (const name of names) expect(typeof (workflows as Record<string, unknown>)[name], name).toBe('function');
    const functions = exportedValues('engine/workflows/index.ts').filter((s) => s.flags & ts.SymbolFlags.Function);
    const withoutExample = functions.filter((s) => !s.getJsDocTags(checker()).some((t) => t.name === 'example')).map((s) => s.name);
    expect(withoutExample.filter((n) => names.includes(n))).toEqual([]);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(pkg.exports['./workflows']).toEqual({ types: './dist/engine/workflows/index.d.ts', default: './dist/engine/workflows/index.js' });
    expect(JSON.parse(readFileSync(join(ROOT, 'typedoc.json'), 'utf8')).entryPoints).toContain('engine/workflows/index.ts');
  });

  it("simOptions fills the defaults with the market's bars per year and never changes its input", () => {
    const over = { cost: 0.001, lag: undefined };
    const o = api.simOptions({ periodsPerYear: 12 }, over);
    expect(o).toEqual({ ...api.DEFAULT_SIM_OPTIONS, periodsPerYear: 12, cost: 0.001, borrowSpread: api.DEFAULT_BORROW_SPREAD });
    expect(over).toEqual({ cost: 0.001, lag: undefined });
    expect(api.simOptions({ periodsPerYear: 12 })).toEqual({ ...o, cost: api.DEFAULT_COST });
  });

  it('types backtest’s parameters from the strategy: a misspelt name or value is a type error, the deprecated form still type-checks', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-types-'));
    const file = join(dir, 'script.ts');
    const index = JSON.stringify(join(ROOT, 'engine', 'index.js'));
    const ids = api.builtinStrategies.map((s) => s.id);
    writeFileSync(
      file,
      [
        `import { auditStrategy, backtest, builtin, defineStrategy, loadMarket, parseParams, simOptions, type Strategy } from ${index};`,
        `const market = loadMarket({ universe: 'ff' });`,
        `backtest(builtin('fed-regime'), market, { params: { hold: 'large' }, sim: { cost: 0 } });`,
        `backtest(builtin('fed-regime'), market);`,
        `// @ts-expect-error not one of the choices`,
        `backtest(builtin('fed-regime'), market, { params: { hold: 'lage' } });`,
        `// @ts-expect-error an unknown parameter`,
        `backtest(builtin('fed-regime'), market, { params: { hlod: 'large' } });`,
        `// @ts-expect-error a number parameter given a string`,
        `backtest(builtin('first-cut-rotation'), market, { params: { months: '6' } });`,
        `backtest(builtin('first-cut-rotation'), market, { params: { months: 6, every_cut: true, otherwise: 'cash' } });`,
        `const mine = defineStrategy({ id: 'mine', name: 'Mine', description: 'd', assets: ['small', 'large'],`,
        `  params: { n: { type: 'integer', default: 3, min: 1, description: 'n' } },`,
        `  weights: (v) => ({ small: new Float64Array(v.length), large: new Float64Array(v.length) }) });`,
        `backtest(mine, market, { params: { n: 2 } });`,
        `// @ts-expect-error an unknown parameter of a strategy of one's own`,
        `backtest(mine, market, { params: { m: 2 } });`,
        `// an untyped strategy takes any names (checked at run time)`,
        `const any: Strategy | undefined = builtin(String(process.argv[2]));`,
        `if (any) backtest(any, market, { params: { anything: 1 } });`,
        `// a typed built-in is still a Strategy for every other function, and the deprecated form still compiles`,
        `const typed: Strategy = builtin('rule');`,
        `auditStrategy(builtin('fed-regime'), market, {});`,
        `backtest(typed, parseParams(typed.params, [], typed.id), market, { sim: simOptions(market) });`,
        // every built-in has its type: an id missing from BuiltinStrategies would give `Strategy | undefined`
        ...ids.map((id) => `builtin(${JSON.stringify(id)}).params;`),
        `export {};`,
      ].join('\n'),
    );
    const p = ts.createProgram([file], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      types: ['node'],
    });
    const errors = ts
      .getPreEmitDiagnostics(p, p.getSourceFile(file))
      .map(
        (d) =>
          `${d.start === undefined ? '' : p.getSourceFile(file)!.getLineAndCharacterOfPosition(d.start).line + 1}: ${ts.flattenDiagnosticMessageText(d.messageText, ' ')}`,
      );
    expect(errors).toEqual([]);
  });

  it('has the CLI’s defaults: the same strategy gets the same metrics from a script and from `ratecycle run`', () => {
    expect(api.simOptions({ periodsPerYear: 252 }).cost).toBe(api.DEFAULT_COST);
    expect(api.DEFAULT_COST).toBe(0.0005);
    const market = api.loadMarket({ universe: 'russell' });
    const strategy = api.builtin('first-cut-rotation');
    const lib = api.backtest(strategy, market); // no options: the strategy's defaults and the CLI's
    const positional = api.backtest(strategy as api.Strategy, api.parseParams(strategy.params, [], strategy.id), market, { sim: api.simOptions(market) });
    expect(positional.metrics).toEqual(lib.metrics);
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-defaults-'));
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'dist', 'engine', 'cli', 'main.js'), 'run', 'first-cut-rotation', '--json', '--no-report', '--out', join(dir, 'r')],
      { cwd: ROOT, encoding: 'utf8' },
    );
    expect(r.status, r.stderr).toBe(0);
    const cli = JSON.parse(r.stdout).metrics.strategy;
    expect(cli.sharpe).toBe(lib.metrics.strategy.sharpe);
    expect(cli.cagr).toBe(lib.metrics.strategy.cagr);
  });

  it('a script’s backtest(strategy, market) with no options equals `ratecycle run` on the same strategy and universe: every metric, and the options of run.json', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-defaults-'));
    const market = api.loadMarket({ universe: 'ff', from: '1990-01-01' });
    const cases = [
      // a strategy with its own schedule (fixed-mix rebalances monthly), the CLI's and the library's defaults alone
      { id: 'fixed-mix', args: [] as string[], lib: api.backtest(api.builtin('fixed-mix'), market) },
      // parameters by name, and a leveraged run (borrowed cash pays the default spread)
      {
        id: 'fed-regime',
        args: ['--param', 'hold=mix', '--allow-leverage'],
        lib: api.backtest(api.builtin('fed-regime'), market, { params: { hold: 'mix' }, sim: { allowLeverage: true } }),
      },
    ];
    for (const { id, args, lib } of cases) {
      const out = join(dir, id);
      const r = spawnSync(
        process.execPath,
        [join(ROOT, 'dist', 'engine', 'cli', 'main.js'), 'run', id, '--universe', 'ff', '--from', '1990-01-01', ...args, '--json', '--no-report', '--out', out],
        { cwd: ROOT, encoding: 'utf8' },
      );
      expect(r.status, r.stderr).toBe(0);
      const cli = JSON.parse(r.stdout).metrics;
      const mine = JSON.parse(JSON.stringify(Object.fromEntries(Object.entries(lib.metrics).map(([k, m]) => [k, metricsJson(m)]))));
      expect(mine, id).toEqual(cli);
      const run = JSON.parse(readFileSync(join(out, 'run.json'), 'utf8'));
      expect(run.strategy.params, id).toEqual(lib.params);
      const o = lib.options;
      expect(run.options, id).toEqual({
        lag: o.lag,
        rebalance: api.formatRebalance(o.rebalance),
        costBps: (o.cost as number) * 1e4,
        slippageBps: o.slippage * 1e4,
        allowShort: o.allowShort,
        allowLeverage: o.allowLeverage,
        borrowSpreadBps: o.borrowSpread * 1e4,
      });
    }
    expect(cases[0].lib.options.rebalance).toEqual({ kind: 'period', period: 'monthly', at: 'last' });
    expect(cases[1].lib.options.borrowSpread).toBe(0.01);
  });

  it('runs the documented programmatic example (docs/strategies.md) against this package (self-reference by name)', () => {
    const readme = readFileSync(join(ROOT, 'docs', 'strategies.md'), 'utf8');
    const at = readme.indexOf('<!-- programmatic -->');
    const open = readme.indexOf('```js\n', at);
    const code = readme.slice(open + 6, readme.indexOf('\n```', open + 6));
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', code], { cwd: ROOT, encoding: 'utf8', timeout: 60_000 });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/^fed-regime on ff, 1954-07-31 to \d{4}-\d\d-\d\d \(\d{3} months\): CAGR \d+\.\d\d %, Sharpe \d\.\d\d\n$/);
  });
});
