import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseParams } from '../../engine/strategy/params.js';
import { evaluateStrategy, StrategyError } from '../../engine/strategy/evaluate.js';
import { defineStrategy } from '../../engine/strategy/define.js';
import { auditStrategy } from '../../engine/strategy/audit.js';
import weightsFile from '../../strategies/weights-file.js';
import buyHold from '../../strategies/buy-hold.js';
import fixedMix from '../../strategies/fixed-mix.js';
import { makeMarket, weekdays } from '../helpers/make-market.js';
import { UserError } from '../../engine/core/errors.js';

const specs = {
  months: { type: 'integer', default: 12, min: 1, max: 36, description: 'm' },
  level: { type: 'number', default: 50, min: 0, max: 100, description: 'l' },
  every: { type: 'boolean', default: false, description: 'e' },
  mode: { type: 'enum', values: ['a', 'b'], default: 'a', description: 'x' },
} as const;

describe('parseParams', () => {
  it('fills defaults and converts types', () => {
    expect(parseParams(specs, ['months=6', 'every=yes', 'mode=b'], 's')).toEqual({ months: 6, level: 50, every: true, mode: 'b' });
  });
  it('names the strategy and parameter in errors', () => {
    expect(() => parseParams(specs, ['nope=1'], 'my-strat')).toThrow(/strategy "my-strat": unknown parameter "nope"; known: months, level, every, mode/);
    expect(() => parseParams(specs, ['montsh=1'], 'my-strat')).toThrow(/unknown parameter "montsh" \(did you mean months\?\); known: months/);
    expect(() => parseParams(specs, ['months=0'], 's')).toThrow(/param months=0: below the minimum 1/);
    expect(() => parseParams(specs, ['months=1.5'], 's')).toThrow(/whole number/);
    expect(() => parseParams(specs, ['level=abc'], 's')).toThrow(/param level=abc: not a number/);
    expect(() => parseParams(specs, ['mode=c'], 's')).toThrow(/must be one of a, b/);
    expect(() => parseParams(specs, ['every=maybe'], 's')).toThrow(/true or false/);
    expect(() => parseParams(specs, ['months'], 's')).toThrow(/must look like name=value/);
    expect(() => parseParams(specs, ['months=1', 'months=2'], 's')).toThrow(/given twice/);
  });
  it('takes values by name with the same checks and messages; one left undefined takes its default', () => {
    expect(parseParams(specs, { months: 6, every: true, mode: 'b', level: undefined }, 's')).toEqual({ months: 6, level: 50, every: true, mode: 'b' });
    for (const [pair, values] of [
      ['months=0', { months: 0 }],
      ['months=1.5', { months: 1.5 }],
      ['mode=c', { mode: 'c' }],
      ['nope=1', { nope: 1 }],
    ] as const) {
      const message = (given: readonly string[] | Record<string, string | number>) => {
        try {
          parseParams(specs, given, 's');
        } catch (e) {
          return (e as Error).message;
        }
        return 'accepted';
      };
      expect(message(values)).toBe(message([pair]));
      expect(message(values)).not.toBe('accepted');
    }
  });
});

const market = makeMarket({ dates: weekdays('2020-01-01', 6), small: [1, 1.1, 1.2, 1.1, 1.3, 1.4], large: [1, 1, 1.05, 1.1, 1.1, 1.2] });

describe('evaluateStrategy', () => {
  it('maps roles to the market asset order', () => {
    const m = evaluateStrategy(fixedMix as never, market, { small: 0.7, large: 0.2 });
    expect(Array.from(m.slice(0, 4))).toEqual([0.7, 0.2, 0.7, 0.2]);
    const b = evaluateStrategy(buyHold as never, market, { asset: 'large' });
    expect(Array.from(b.slice(0, 2))).toEqual([0, 1]);
  });
  it('names the strategy and params when it throws', () => {
    const bad = defineStrategy({
      id: 'bad',
      name: 'Bad',
      description: 'd',
      assets: ['small'],
      params: { k: { type: 'number', default: 1, description: 'k' } },
      weights() {
        throw new Error('boom');
      },
    });
    expect(() => evaluateStrategy(bad as never, market, { k: 3 })).toThrow(/strategy "bad" \(k=3\) threw: boom/);
  });
  it('refuses wrong shapes, partial NaN rows and infinite weights', () => {
    const mk = (w: Record<string, Float64Array>) =>
      defineStrategy({ id: 'w', name: 'W', description: 'd', assets: ['small', 'large'], weights: () => w as never });
    expect(() => evaluateStrategy(mk({ small: new Float64Array(6) }) as never, market, {})).toThrow(/no weights for "large"/);
    expect(() => evaluateStrategy(mk({ small: new Float64Array(5), large: new Float64Array(5) }) as never, market, {})).toThrow(
      /5 values, the market has 6 bars/,
    );
    expect(() => evaluateStrategy(mk({ small: Float64Array.of(NaN, 0, 0, 0, 0, 0), large: new Float64Array(6) }) as never, market, {})).toThrow(
      /NaN for small but not for the others/,
    );
    expect(() => evaluateStrategy(mk({ small: Float64Array.of(Infinity, 0, 0, 0, 0, 0), large: new Float64Array(6) }) as never, market, {})).toThrow(
      StrategyError,
    );
    expect(() => evaluateStrategy(mk({ small: new Float64Array(6), large: new Float64Array(6), other: new Float64Array(6) }) as never, market, {})).toThrow(
      /not in its assets/,
    );
  });
  it('keeps whole-NaN rows as "no decision"', () => {
    const w = defineStrategy({
      id: 'n',
      name: 'N',
      description: 'd',
      assets: ['small', 'large'],
      weights: (_v) => ({ small: Float64Array.of(NaN, 1, 1, 1, 1, 1), large: Float64Array.of(NaN, 0, 0, 0, 0, 0) }),
    });
    const m = evaluateStrategy(w as never, market, {});
    expect(Number.isNaN(m[0]) && Number.isNaN(m[1])).toBe(true);
  });
});

describe('weights-file', () => {
  it('turns rows into decisions at the first bar on or after their date', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-'));
    const file = join(dir, 'w.csv');
    // bars: 2020-01-01 (Wed) … 2020-01-08; 2020-01-04 is a Saturday → decision on Monday 2020-01-06
    writeFileSync(file, 'date,small,large\n2020-01-01,1,0\n2020-01-04,0.5,0.5\n');
    const m = evaluateStrategy(weightsFile as never, market, { file });
    const small = [0, 1, 2, 3, 4, 5].map((t) => m[t * 2]);
    expect(small.map((x) => (Number.isNaN(x) ? null : x))).toEqual([1, null, null, 0.5, null, null]);
  });
  it('names file, line and column of a bad value', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-'));
    const file = join(dir, 'w.csv');
    writeFileSync(file, 'date,small\n2020-01-01,x\n');
    expect(() => evaluateStrategy(weightsFile as never, market, { file })).toThrow(/w\.csv:2: column "small": "x" is not a number/);
  });
  it('refuses an asset that is not in the universe', () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-'));
    const file = join(dir, 'w.csv');
    writeFileSync(file, 'date,gold\n2020-01-01,1\n');
    expect(() => evaluateStrategy(weightsFile as never, market, { file })).toThrow(UserError);
  });
});

describe('auditStrategy', () => {
  const long = makeMarket({
    dates: weekdays('2019-06-03', 300),
    small: Array.from({ length: 300 }, (_, t) => 100 + 10 * Math.sin(t / 7) + t / 10),
    large: Array.from({ length: 300 }, (_, t) => 100 + 5 * Math.cos(t / 11) + t / 20),
  });
  it('passes an honest strategy', () => {
    const honest = defineStrategy({
      id: 'honest',
      name: 'H',
      description: 'd',
      assets: ['small', 'large'],
      weights(v) {
        const p = v.price('small');
        const s = new Float64Array(v.length);
        for (let t = 1; t < v.length; t++) s[t] = p[t] > p[t - 1] ? 1 : 0;
        return { small: s, large: s.map((x) => 1 - x) };
      },
    });
    expect(auditStrategy(honest as never, long, {}).ok).toBe(true);
  });
  it('catches a strategy that reads tomorrow and names the first offending date', () => {
    const peek = defineStrategy({
      id: 'peek',
      name: 'P',
      description: 'd',
      assets: ['small', 'large'],
      weights(v) {
        const r = v.returns('small');
        const s = new Float64Array(v.length);
        for (let t = 0; t < v.length; t++) s[t] = t + 1 < v.length && r[t + 1] > 0 ? 1 : 0;
        return { small: s, large: s.map((x) => 1 - x) };
      },
    });
    const res = auditStrategy(peek as never, long, {});
    expect(res.ok).toBe(false);
    expect(res.firstOffence).toBeDefined();
    // the earliest cut is the first year end: 2019-12-31 is the last bar of 2019
    expect(res.firstOffence!.date <= '2019-12-31').toBe(true);
  });
});

describe('parameter names are own keys, not inherited ones', () => {
  it('--param constructor=3 is an unknown parameter, not "given twice"; a typed object works like name=value strings', () => {
    const specs = { months: { type: 'integer', default: 12, min: 1, max: 36, description: 'm' } } as const;
    expect(() => parseParams(specs, ['constructor=3'], 's')).toThrow(/unknown parameter "constructor"; known: months/);
    expect(() => parseParams(specs, { toString: 3 } as never, 's')).toThrow(/unknown parameter "toString"/);
    expect(parseParams(specs, { months: 9 }, 's')).toEqual(parseParams(specs, ['months=9'], 's'));
  });
});

describe('weights a strategy cannot mean', () => {
  const m = makeMarket({ dates: weekdays('2020-01-01', 6), small: [1, 1.1, 1.2, 1.1, 1.3, 1.4], large: [1, 1, 1.05, 1.1, 1.1, 1.2] });
  const of = (weights: (n: number) => unknown) =>
    defineStrategy({ id: 'odd', name: 'odd', description: 'd', assets: ['small', 'large', 'cash'], weights: (v) => weights(v.length) as never });
  it('an async weights() is named as such, not as "returned no weights"', () => {
    expect(() =>
      evaluateStrategy(
        of(async () => ({})),
        m,
        {},
      ),
    ).toThrow(/returned a Promise: weights\(view, params\) must return its weights directly \(it cannot be async\)/);
  });
  it('strings and booleans in a plain array are refused, not converted', () => {
    expect(() =>
      evaluateStrategy(
        of((n) => ({ small: Array(n).fill('0.5'), large: Array(n).fill(0.5) })),
        m,
        {},
      ),
    ).toThrow(/weights for "small": value 0 is the string "0\.5", not a number/);
    expect(() =>
      evaluateStrategy(
        of((n) => ({ small: Array(n).fill(true), large: Array(n).fill(0) })),
        m,
        {},
      ),
    ).toThrow(/value 0 is a boolean, not a number/);
  });
  it('a cash weight that does not complete the assets to 1 is refused with its date; one that does is fine', () => {
    expect(() =>
      evaluateStrategy(
        of((n) => ({ small: new Float64Array(n).fill(1), large: new Float64Array(n), cash: new Float64Array(n).fill(0.5) })),
        m,
        {},
      ),
    ).toThrow(/on 2020-01-01 the weights with cash sum to 1\.5: cash is what the asset weights leave/);
    expect(() =>
      evaluateStrategy(
        of((n) => ({ small: new Float64Array(n).fill(0.5), large: new Float64Array(n), cash: new Float64Array(n).fill(0.5) })),
        m,
        {},
      ),
    ).not.toThrow();
  });
});

describe('a parameter default outside its own spec', () => {
  it('is named as the strategy’s mistake', () => {
    const specs = { x: { type: 'number', default: 2, min: 0, max: 1, description: 'x' } } as const;
    expect(() => parseParams(specs, [], 's')).toThrow(
      /^strategy "s": the default of parameter x \(2\) does not fit its own spec: above the maximum 1; fix the strategy's params$/,
    );
  });
});
