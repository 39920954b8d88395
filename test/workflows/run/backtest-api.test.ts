/**
 * backtest's two forms: the library form `backtest(strategy, market, { params, sim, … })` (parameters
 * by name, checked with parseParams' messages, defaults filled in; the CLI's options) and the
 * deprecated positional form `backtest(strategy, parsedParams, market, { sim })` give the same
 * results for the same parameters and options.
 */
import { describe, expect, it } from 'vitest';
import { backtest, builtin, loadMarket, parseParams, simOptions, UserError, type Strategy } from '../../../engine/index.js';
import { backtestArguments } from '../../../engine/workflows/run/backtest.js';
import { DEFAULT_BORROW_SPREAD, DEFAULT_COST, DEFAULT_SIM_OPTIONS } from '../../../engine/simulate/options.js';

const market = loadMarket({ universe: 'ff', from: '1990-01-01' });

/** The message parseParams gives for these values (or undefined when it accepts them). */
function parseMessage(strategy: Strategy, values: Record<string, string | number | boolean>): string | undefined {
  try {
    parseParams(strategy.params, values, strategy.id);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

describe('backtest(strategy, market, { params, sim })', () => {
  it('gives the same result as the positional form with the same parsed parameters and options (every column, metric and study)', () => {
    const strategy = builtin('fed-regime');
    const named = backtest(strategy, market, { params: { hold: 'cash' }, events: ['cut'] });
    const positional = backtest(strategy as Strategy, parseParams(strategy.params, ['hold=cash'], strategy.id), market, {
      sim: simOptions(market),
      events: ['cut'],
    });
    expect(named.params).toEqual({ tightening: 'large', hold: 'cash' });
    // toEqual compares numbers with Object.is (NaN equals NaN) and typed arrays element by element
    expect(named).toEqual(positional);
    expect(named.sim.equity).toEqual(positional.sim.equity);
    expect(named.metrics.strategy.sharpe).toBe(positional.metrics.strategy.sharpe);
  });

  it('fills in the CLI’s defaults: 5 bp of traded value, lag 1, on change, borrowed cash at cash + 100 bp, the market’s bars per year', () => {
    const r = backtest(builtin('first-cut-rotation'), market);
    expect(r.options).toEqual({
      ...DEFAULT_SIM_OPTIONS,
      cost: DEFAULT_COST,
      borrowSpread: DEFAULT_BORROW_SPREAD,
      periodsPerYear: market.periodsPerYear,
    });
    expect(r.options.cost).toBe(0.0005);
    expect(r.options).toEqual(simOptions(market));
    expect(r.params).toEqual(parseParams(builtin('first-cut-rotation').params, [], 'first-cut-rotation'));
  });

  it('takes the strategy’s own lag and schedule (as `ratecycle run` does), then `sim` over them', () => {
    const fixedMix = builtin('fixed-mix');
    expect(fixedMix.defaults?.rebalance).toEqual({ kind: 'period', period: 'monthly', at: 'last' });
    const r = backtest(fixedMix, market, { params: { small: 0.6, large: 0.4 } });
    expect(r.options.rebalance).toEqual(fixedMix.defaults?.rebalance);
    const positional = backtest(fixedMix as Strategy, { small: 0.6, large: 0.4 }, market, {
      sim: simOptions(market, { rebalance: fixedMix.defaults?.rebalance }),
    });
    expect(r).toEqual(positional);
    const daily = backtest(fixedMix, market, { params: { small: 0.6, large: 0.4 }, sim: { rebalance: { kind: 'every-bar' }, cost: 0, lag: undefined } });
    expect(daily.options).toEqual({ ...simOptions(market), rebalance: { kind: 'every-bar' }, cost: 0 });
  });

  it('checks parameter values at run time with the messages of parseParams (and --param), defaults for the rest', () => {
    const fed = builtin('fed-regime') as Strategy;
    const fcr = builtin('first-cut-rotation') as Strategy;
    const cases: [Strategy, Record<string, string | number | boolean>, RegExp][] = [
      [fed, { hold: 'lage' }, /^strategy "fed-regime": param hold=lage: must be one of small, large, cash, mix, bonds$/],
      [fed, { hlod: 'large' }, /^strategy "fed-regime": unknown parameter "hlod" \(did you mean hold\?\); known: tightening, hold$/],
      [fcr, { months: 99 }, /^strategy "first-cut-rotation": param months=99: above the maximum 36$/],
      [fcr, { months: 1.5 }, /must be a whole number$/],
      [fcr, { every_cut: 'maybe' }, /must be true or false$/],
    ];
    for (const [strategy, params, message] of cases) {
      const expected = parseMessage(strategy, params);
      expect(expected).toMatch(message);
      let error: unknown;
      try {
        backtest(strategy, market, { params });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toBe(expected);
    }
    // the CLI's strings give the same message
    expect(parseMessage(fed, { hold: 'lage' })).toBe(
      (() => {
        try {
          parseParams(fed.params, ['hold=lage'], fed.id);
        } catch (e) {
          return (e as Error).message;
        }
      })(),
    );
    // a value left undefined takes its default
    expect(backtestArguments(fed, market, { params: { hold: undefined, tightening: 'cash' } }).params).toEqual({ tightening: 'cash', hold: 'large' });
  });

  it('never changes its options, and refuses a second argument that is not a market', () => {
    const options = { params: { hold: 'cash' as const }, sim: { cost: 0 } };
    backtestArguments(builtin('fed-regime'), market, options);
    expect(options).toEqual({ params: { hold: 'cash' }, sim: { cost: 0 } });
    expect(() => backtest(builtin('fed-regime'), {} as never)).toThrow(/backtest\(strategy, market, options\): the second argument is not a market frame/);
  });
});
