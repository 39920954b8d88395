import { describe, expect, it } from 'vitest';
import { UserError } from '../../engine/core/errors.js';
import { simulate, WeightError } from '../../engine/simulate/simulate.js';
import { simulateMany } from '../../engine/simulate/simulate-many.js';
import { market, N } from './build.js';

// bar 1 of build.ts's default calendar is 2001-01-03
describe('weight checks', () => {
  it('leverage needs permission; the message names the date and the sum', () => {
    const inp = market([[0, 0.1, 0.1]], [[N], [1.2]]);
    expect(() => simulate(inp)).toThrow(WeightError);
    expect(() => simulate(inp)).toThrow('weights at 2001-01-03: sum 1.2 > 1 (leverage); pass allowLeverage to allow it');
    expect(() => simulateMany(inp, [inp.targets])).toThrow(WeightError);
    expect(simulate(inp, { allowLeverage: true }).equity.length).toBe(3);
  });

  it('shorts need permission; the message names the date, the asset and the value', () => {
    const inp = market(
      [
        [0, 0.1, 0.1],
        [0, 0, 0],
      ],
      [[N], [1, -0.25]],
    );
    expect(() => simulate(inp)).toThrow('weights at 2001-01-03: a1 -0.25 < 0 (short); pass allowShort to allow it');
    // 125/−25 sums to 1: a short but no leverage
    expect(simulate(inp, { allowShort: true }).equity.length).toBe(3);
  });

  it('a row is all NaN (no decision) or all numbers', () => {
    const inp = market(
      [
        [0, 0],
        [0, 0],
      ],
      [[0.5, N]],
    );
    expect(() => simulate(inp)).toThrow(/^weights at 2001-01-02: a1 is NaN but the row is not all NaN/);
    const inf = market(
      [
        [0, 0],
        [0, 0],
      ],
      [[0.5, Infinity]],
    );
    expect(() => simulate(inf, { allowLeverage: true })).toThrow('weights at 2001-01-02: a1 is Infinity');
  });

  it('tolerates rounding: Σw = 1 + 1e-12 is not leverage', () => {
    expect(() =>
      simulate(
        market(
          [
            [0, 0],
            [0, 0],
          ],
          [[0.7, 0.3 + 1e-12]],
        ),
      ),
    ).not.toThrow();
  });

  it('errors are user errors (printed as one line by the CLI)', () => {
    try {
      simulate(market([[0, 0]], [[2]]));
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(UserError);
      expect((e as Error).name).toBe('WeightError');
    }
  });
});

describe('leverage and shorts', () => {
  it('borrowed cash pays the cash rate plus the spread per bar', () => {
    const cash = [0, 0.01, 0.01];
    const res = simulate(market([[0, 0.1, 0.1]], [[1.5]], { cash }), { lag: 0, allowLeverage: true, borrowSpread: 0.0252, periodsPerYear: 252 });
    // borrowed 0.5 pays 1 % + 2.52 % / 252 = 1.01 % per bar
    expect(res.equity[1]).toBeCloseTo(1.5 * 1.1 - 0.5 * 1.0101, 14);
    expect(res.cashIncome[1]).toBeCloseTo(-0.5 * 0.0101, 15);
    expect(res.equity[2]).toBeCloseTo(1.5 * 1.1 * 1.1 - 0.5 * 1.0101 * 1.0101, 14);
    expect(res.cashWeight[0]).toBeCloseTo(-0.5, 15);
  });

  it('lent cash earns no spread', () => {
    const res = simulate(market([[0, 0.1]], [[0.5]], { cash: [0, 0.01] }), { lag: 0, borrowSpread: 0.5 });
    expect(res.equity[1]).toBeCloseTo(0.5 * 1.1 + 0.5 * 1.01, 15);
  });

  it('a short earns the negative of the asset return and its proceeds earn cash', () => {
    const res = simulate(market([[0, 0.1]], [[-0.5]], { cash: [0, 0.001] }), { lag: 0, allowShort: true });
    expect(res.equity[1]).toBeCloseTo(-0.5 * 1.1 + 1.5 * 1.001, 15);
    expect(res.cashWeight[0]).toBe(1.5);
    expect(res.weights[1]).toBeCloseTo(-0.55 / (1.5 * 1.001 - 0.55), 14);
  });
});

describe('input and option checks', () => {
  const inp = market([[0, 0.1, 0.1]], [[1]]);
  it('refuses bad options with a readable message', () => {
    expect(() => simulate(inp, { lag: -1 })).toThrow(/lag must be a whole number/);
    expect(() => simulate(inp, { lag: 0.5 })).toThrow(/lag must be a whole number/);
    expect(() => simulate(inp, { cost: -0.001 })).toThrow(/cost must be a number ≥ 0/);
    expect(() => simulate(inp, { cost: Float64Array.of(0.001, 0.002) })).toThrow(/cost has 2 values for 1 assets/);
    expect(() => simulate(inp, { rebalance: { kind: 'drift', band: -0.1 } })).toThrow(/drift band/);
    expect(() => simulate(inp, { periodsPerYear: 0 })).toThrow(/periods per year must be a number > 0/);
    expect(() => simulate(inp, { initial: 0 })).toThrow(/initial equity/);
  });

  it('refuses returns that are not numbers, and series of the wrong length', () => {
    expect(() => simulate(market([[0, NaN, 0.1]], [[1]]))).toThrow('return of a0 on 2001-01-03 is NaN; it must be a number ≥ −1');
    expect(() => simulate(market([[0, 0.1, 0.1]], [[1]], { cash: [0, -1, 0] }))).toThrow(/cash return on 2001-01-03 is -1/);
    expect(() => simulate({ ...inp, cash: new Float64Array(2) })).toThrow(/cash series has 2 values for 3 bars/);
    expect(() => simulate({ ...inp, targets: new Float64Array(2) })).toThrow(/target weights have 2 values/);
  });

  it('ignores the values at index 0 (bar 0 has no return)', () => {
    const res = simulate(market([[NaN, 0.1]], [[1]], { cash: [NaN, 0] }), { lag: 0 });
    expect(res.equity[1]).toBeCloseTo(1.1, 15);
  });

  it('an explicit undefined option keeps the default', () => {
    expect(simulate(inp, { lag: undefined, cost: undefined }).trades[0].bar).toBe(1);
  });
});
