/**
 * A run's studies computed on their own thread are the ones computed on this thread, bit for
 * bit, and a failure there reaches the caller as an error.
 */
import { describe, expect, it } from 'vitest';
import { loadCatalog } from '../../engine/data/catalog.js';
import { buildMarket } from '../../engine/market/build-market.js';
import { backtest, backtestSimulation, studyInput } from '../../engine/run/backtest.js';
import { computeStudies, type StudyInput } from '../../engine/run/studies.js';
import { startStudiesThread } from '../../engine/run/studies-thread.js';
import { DEFAULT_SIM_OPTIONS } from '../../engine/simulate/simulate.js';
import { builtin } from '../../strategies/index.js';

describe('studies on their own thread', () => {
  const market = buildMarket(loadCatalog(), { universe: 'russell-bonds', from: '1995-01-01' });
  const sim = { ...DEFAULT_SIM_OPTIONS, periodsPerYear: market.periodsPerYear };
  const strategy = builtin('fed-regime')!;
  const params = Object.fromEntries(Object.entries(strategy.params).map(([k, v]) => [k, v.default]));
  const run = backtestSimulation(strategy, params, market, { sim });
  const input = studyInput(run, { events: ['cut', 'hike'] });

  it('equal those of this thread, and those of backtest()', async () => {
    const here = computeStudies(input);
    expect(here.regimes.length).toBeGreaterThan(5);
    expect(here.events.some((e) => e.event === 'hike')).toBe(true);
    expect(here.inference.map((m) => m.versus)).toEqual(['cash', 'large', 'small']);
    const thread = startStudiesThread();
    try {
      // toEqual compares numbers with Object.is (NaN equals NaN, +0 differs from −0) and typed arrays element by element
      expect(await thread.compute(input)).toEqual(here);
    } finally {
      thread.close();
    }
    const full = backtest(strategy, params, market, { sim, events: ['cut', 'hike'] });
    expect({ regimes: full.regimes, events: full.events, eventSummary: full.eventSummary, eventPath: full.eventPath, inference: full.inference }).toEqual(here);
    const inThread = startStudiesThread({ inThread: true });
    expect(await inThread.compute(input)).toEqual(here);
  });

  it('rejects with the error of a study that throws there', async () => {
    const thread = startStudiesThread();
    try {
      await expect(thread.compute({ ...input, dates: undefined } as unknown as StudyInput)).rejects.toThrow(TypeError);
    } finally {
      thread.close();
    }
  });

  it('an idle thread can be closed before it computes', () => {
    expect(() => startStudiesThread().close()).not.toThrow();
  });
});
