import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../engine/market/data/catalog.js';
import { buildMarket } from '../../engine/market/build-market.js';
import { auditStrategy } from '../../engine/strategy/audit.js';
import type { Strategy } from '../../engine/strategy/define.js';
import { builtin } from '../../strategies/index.js';
import { parseParams } from '../../engine/strategy/params.js';
import { cli } from '../helpers/cli.js';

const catalog = loadCatalog();
const daily = buildMarket(catalog, { universe: 'russell' });

async function fixture(name: string): Promise<Strategy> {
  return ((await import(`../fixtures/strategies/${name}.ts`)) as { default: Strategy }).default;
}

describe('the look-ahead audit is exhaustive where a peek can show', () => {
  it('catches a strategy that peeks only from June to September 2008', async () => {
    const res = auditStrategy(await fixture('peeks-summer-2008'), daily, {});
    expect(res.ok).toBe(false);
    expect(res.nondeterministic).toBeUndefined();
    expect(res.firstOffence!.date >= '2008-06-01' && res.firstOffence!.date <= '2008-09-30').toBe(true);
    expect(res.mode).toBe('targeted');
  });

  it('catches a strategy that peeks only on the bars before crash days', async () => {
    const res = auditStrategy(await fixture('peeks-before-crashes'), daily, {});
    expect(res.ok).toBe(false);
    expect(res.firstOffence!.date).toBe('1987-10-15'); // the bar before the S&P 500's −5.2 % on 1987-10-16
  });

  it('checks every bar of a short history (monthly universe)', async () => {
    const ff = buildMarket(catalog, { universe: 'ff', from: '1990-01-01' });
    const res = auditStrategy(builtin('fed-regime')!, ff, parseParams(builtin('fed-regime')!.params, [], 'fed-regime') as never);
    expect(res.ok).toBe(true);
    expect(res.mode).toBe('every-bar');
    expect(res.cuts.length).toBe(ff.dates.length - 2);
  });

  it('cuts after every decision change and around every Fed event on a long history', () => {
    const s = builtin('first-cut-rotation')!;
    const res = auditStrategy(s, daily, parseParams(s.params, [], s.id) as never);
    expect(res.ok).toBe(true);
    expect(res.counts.decisionChanges).toBeGreaterThan(10);
    expect(res.counts.events).toBeGreaterThanOrEqual(new Set(daily.fomc.filter((d) => d.date >= daily.dates[0]).map((d) => d.date)).size - 5);
  });

  it('reports Math.random as not deterministic, not as look-ahead', async () => {
    const res = auditStrategy(await fixture('random'), daily, {});
    expect(res.ok).toBe(false);
    expect(res.nondeterministic).toBeDefined();
    expect(res.firstOffence).toBeUndefined();
  });

  it('reports Date.now as not deterministic', async () => {
    const res = auditStrategy(await fixture('clock'), daily, {});
    expect(res.ok).toBe(false);
    expect(res.nondeterministic).toBeDefined();
  });

  it("reports a strategy that follows the clock's second, hour or day, or performance.now, as not deterministic", () => {
    const monthly = buildMarket(catalog, { universe: 'ff', from: '2000-01-01' });
    const follows = (id: string, read: () => number): Strategy => ({
      id,
      name: id,
      description: 'reads the clock',
      assets: ['small', 'large'],
      series: [],
      params: {},
      weights(view) {
        const w = read() % 2;
        return { small: new Float64Array(view.length).fill(w), large: new Float64Array(view.length).fill(1 - w) };
      },
    });
    for (const s of [
      follows('second', () => Math.floor(Date.now() / 1000)),
      follows('hour', () => new Date().getUTCHours()),
      follows('day', () => new Date().getUTCDate()),
      follows('perf-second', () => Math.floor(performance.now() / 1000)),
    ]) {
      const res = auditStrategy(s, monthly, {});
      expect(res.nondeterministic, s.id).toBeDefined();
    }
    // the clock is restored: Date is the real one again
    expect(Date.name).toBe('Date');
    expect(Math.abs(Date.now() - new Date().getTime())).toBeLessThan(1000);
  });
});

describe('ratecycle audit (CLI)', () => {
  it('fails with a look-ahead message on a rare peek, and a determinism message on Math.random', () => {
    const peek = cli(['audit', 'test/fixtures/strategies/peeks-summer-2008.ts', '--no-typecheck']);
    expect(peek.code).toBe(1);
    expect(peek.stderr).toMatch(/look-ahead in strategy "peeks-summer-2008".*2008-0[6-9]/);
    const rnd = cli(['audit', 'test/fixtures/strategies/random.ts', '--no-typecheck']);
    expect(rnd.code).toBe(1);
    expect(rnd.stderr).toMatch(/not deterministic/);
    expect(rnd.stderr).not.toMatch(/look-ahead in/);
  });
});
