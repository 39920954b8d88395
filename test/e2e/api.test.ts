import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ts from 'typescript';
import * as api from '../../engine/index.js';
import * as testing from '../../engine/testing/index.js';
import { ROOT } from '../helpers/cli.js';

const ENTRIES = ['engine/index.ts', 'engine/testing/index.ts', 'engine/strategy/signals.ts', 'engine/measure/stats/index.ts'];
let program: ts.Program | undefined;

/** Exported values of an entry point that have no TSDoc comment. */
function undocumented(entry: string): string[] {
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
  const checker = program.getTypeChecker();
  const source = program.getSourceFile(join(ROOT, entry))!;
  const module = checker.getSymbolAtLocation(source)!;
  return checker
    .getExportsOfModule(module)
    .filter((s) => {
      const target = s.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(s) : s;
      const isValue = target.flags & (ts.SymbolFlags.Function | ts.SymbolFlags.Class | ts.SymbolFlags.Variable);
      return isValue && target.getDocumentationComment(checker).length === 0;
    })
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

  it("simOptions fills the defaults with the market's bars per year and never changes its input", () => {
    const over = { cost: 0.0005 };
    const o = api.simOptions({ periodsPerYear: 12 }, over);
    expect(o).toEqual({ ...api.DEFAULT_SIM_OPTIONS, periodsPerYear: 12, cost: 0.0005 });
    expect(over).toEqual({ cost: 0.0005 });
  });

  it('has the CLI’s defaults: the same strategy gets the same metrics from a script and from `ratecycle run`', () => {
    expect(api.simOptions({ periodsPerYear: 252 }).cost).toBe(api.DEFAULT_COST);
    expect(api.DEFAULT_COST).toBe(0.0005);
    const market = api.loadMarket({ universe: 'russell' });
    const strategy = api.builtin('first-cut-rotation')!;
    const lib = api.backtest(strategy, api.parseParams(strategy.params, [], strategy.id), market, { sim: api.simOptions(market) });
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
