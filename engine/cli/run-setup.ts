import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { SERIES_IDS_DTS } from '../market/data/series-ids-source.js';
import { defaultUniverse } from '../market/data/default-universe.js';
import type { Argv } from 'yargs';
import { loadCatalog } from '../market/data/catalog.js';
import { UserError } from '../core/errors.js';
import { buildMarket } from '../market/build-market.js';
import { parseRebalance } from '../workflows/run/parse-rebalance.js';
import type { Catalog, Market, SimOptions } from '../core/types.js';
import type { Strategy } from '../strategy/define.js';
import { loadStrategy } from '../../strategies/index.js';
import { builtin } from '../../strategies/index.js';
import { parseParams } from '../strategy/params.js';
import { DEFAULT_COST } from '../simulate/options.js';
import { typecheckStrategyFile } from '../strategy/typecheck.js';
import { boundedNumber, refuseRepeated, wholeNumber } from './validate-options.js';
import { warnOnce } from './format.js';

/** Command-line options shared by run, audit, sweep and walkforward. */
export interface RunArgs {
  strategy: string;
  param?: string[];
  universe?: string;
  from?: string;
  to?: string;
  lag?: number;
  rebalance?: string;
  costBps?: number | string;
  slippageBps?: number;
  allowShort?: boolean;
  allowLeverage?: boolean;
  borrowSpreadBps?: number;
  data?: string;
  typecheck?: boolean;
}

/** Help text for a built-in strategy's parameters, from its ParamSpecs (shown by `<command> <strategy> --help`). */
export function paramsEpilogue(argv: readonly string[]): string {
  const ref = argv.find((a, i) => i > 0 && !a.startsWith('-') && ['run', 'audit', 'sweep', 'walkforward'].includes(argv[i - 1]));
  const s = ref ? builtin(ref) : undefined;
  if (!s) return 'Strategy parameters: `ratecycle list` shows every built-in with its --param names, ranges and defaults.';
  const lines = Object.entries(s.params).map(([name, spec]) => {
    const range =
      'min' in spec && spec.min !== undefined
        ? ` (${spec.min}..${spec.max}${spec.step ? ` step ${spec.step}` : ''})`
        : 'values' in spec
          ? ` (${spec.values.join('|')})`
          : '';
    return `  --param ${name}=…  ${spec.description}; default ${String(spec.default)}${range}`;
  });
  return `Parameters of ${s.id}:\n${lines.join('\n') || '  (none)'}`;
}

/** Adds the market and simulation options to a command (a single-value option given twice is refused). */
export function runOptions<T>(y: Argv<T>): Argv<T & RunArgs> {
  return y
    .middleware((argv) => refuseRepeated(argv, ['param', 'grid']))
    .epilogue(paramsEpilogue(process.argv.slice(2)))
    .positional('strategy', { type: 'string', describe: 'built-in strategy id (see `ratecycle list`) or path to a strategy .ts file', demandOption: true })
    .option('param', { type: 'string', array: true, describe: 'strategy parameter name=value (repeatable)' })
    .option('universe', { type: 'string', describe: 'universe id: russell, etf, ff, … (see `ratecycle data list`)' })
    .option('from', { type: 'string', describe: 'first date YYYY-MM-DD' })
    .option('to', { type: 'string', describe: 'last date YYYY-MM-DD' })
    .option('lag', { type: 'number', describe: 'bars between decision and trade (1 = next close; 0 = same close, optimistic)' })
    .option('rebalance', { type: 'string', describe: 'on-change | daily | weekly|monthly|quarterly|yearly[:first|:last] | drift:0.05' })
    .option('cost-bps', {
      type: 'string',
      default: String(DEFAULT_COST * 1e4),
      describe: 'trading cost, bp of traded value: one number, or per asset (rut=5,spx=2)',
    })
    .option('slippage-bps', { type: 'number', default: 0, describe: 'extra slippage, basis points of traded value' })
    .option('allow-short', { type: 'boolean', default: false, describe: 'allow negative weights' })
    .option('allow-leverage', { type: 'boolean', default: false, describe: 'allow weights summing above 1 (borrowing at cash + spread)' })
    .option('typecheck', {
      type: 'boolean',
      describe: "type-check a strategy .ts file first (a pass is cached by the files' SHA-256; --no-typecheck skips it)",
      default: undefined,
    })
    .option('borrow-spread-bps', { type: 'number', default: 100, describe: 'spread over the cash rate paid on borrowed cash, bp per year' }) as unknown as Argv<
    T & RunArgs
  >;
}

/** Everything a command needs to run a strategy: the strategy, parsed params, market and options. */
export interface RunSetup {
  strategy: Strategy;
  strategyFile?: string;
  params: Record<string, unknown>;
  catalog: Catalog;
  market: Market;
  sim: SimOptions;
}

function nonNegative(name: string, x: number | string | undefined, fallback: number): number {
  return boundedNumber(name, x, { min: 0 }) ?? fallback;
}

/** `--cost-bps`: one number for every asset, or `asset=bp` pairs (unlisted assets pay 0); fractions out. */
export function parseCosts(text: number | string | undefined, assets: readonly string[]): number | Float64Array {
  const t = String(text ?? DEFAULT_COST * 1e4).trim();
  if (!t.includes('=')) return nonNegative('cost-bps', Number(t === '' ? NaN : t), DEFAULT_COST * 1e4) / 1e4;
  const out = new Float64Array(assets.length);
  const seen = new Set<string>();
  for (const pair of t.split(',')) {
    const [name, value] = pair.split('=').map((x) => x.trim());
    const i = assets.indexOf(name);
    if (i < 0) throw new UserError(`--cost-bps ${t}: "${name}" is not an asset of this universe (${assets.join(', ')})`);
    if (seen.has(name)) throw new UserError(`--cost-bps ${t}: "${name}" is given twice`);
    seen.add(name);
    out[i] = nonNegative('cost-bps', Number(value === '' ? NaN : value), 0) / 1e4;
  }
  return out;
}

/** Loads the strategy, parses its params, builds the market and the simulation options; prints the market's warnings to stderr unless `warn` is false. */
export async function setupRun(
  args: RunArgs,
  defaults: { typecheck?: boolean; extraSeries?: readonly string[]; warn?: boolean; checkArgs?: (strategy: Strategy) => void } = {},
): Promise<RunSetup> {
  // numeric options first: a bad value is refused before anything is loaded or written
  const lagArg = wholeNumber('lag', args.lag);
  nonNegative('slippage-bps', args.slippageBps, 0);
  nonNegative('borrow-spread-bps', args.borrowSpreadBps, 100);
  if (args.rebalance) parseRebalance(args.rebalance);
  const { strategy, file } = await loadStrategy(args.strategy);
  const catalog = loadCatalog(args.data);
  if (file && /\.m?ts$/.test(file) && (args.typecheck ?? defaults.typecheck ?? true)) {
    const ids = join(catalog.dir, SERIES_IDS_DTS); // the data folder's own series ids
    await typecheckStrategyFile(file, { declarations: existsSync(ids) ? [ids] : [] });
  }
  const params = parseParams(strategy.params, args.param ?? [], strategy.id) as Record<string, unknown>;
  // the command's own arguments that need the strategy (a sweep's grid): refused before any data is read or warned about
  defaults.checkArgs?.(strategy);
  // no universe named: the catalog's default, or the first available one with a note on stderr
  let universe = args.universe ?? strategy.defaults?.universe;
  if (universe === undefined) {
    const fallback = defaultUniverse(catalog);
    if (fallback.note) warnOnce(fallback.note);
    universe = fallback.id;
  }
  const series = strategy.seriesFor
    ? strategy.seriesFor(params as never, { series: catalog.series.filter((e) => e.kind !== 'event').map((e) => e.id) })
    : strategy.series;
  const market = buildMarket(catalog, { universe, from: args.from, to: args.to, series: [...series, ...(defaults.extraSeries ?? [])] });
  const lag = lagArg ?? strategy.defaults?.lag ?? 1;
  if (lag >= market.dates.length) {
    throw new UserError(`--lag ${lag} is not less than the ${market.dates.length} bars of the period: no decision could ever trade`);
  }
  const sim: SimOptions = {
    lag,
    rebalance: args.rebalance ? parseRebalance(args.rebalance) : (strategy.defaults?.rebalance ?? { kind: 'on-change' }),
    cost: parseCosts(args.costBps, market.assets),
    slippage: nonNegative('slippage-bps', args.slippageBps, 0) / 1e4,
    allowShort: args.allowShort ?? false,
    allowLeverage: args.allowLeverage ?? false,
    borrowSpread: nonNegative('borrow-spread-bps', args.borrowSpreadBps, 100) / 1e4,
    periodsPerYear: market.periodsPerYear,
    initial: 1,
  };
  // data caveats go to stderr (stdout stays the result, e.g. --json); `run` prints them itself
  if (defaults.warn !== false) for (const w of market.warnings) warnOnce(w);
  return { strategy, strategyFile: file, params, catalog, market, sim };
}
