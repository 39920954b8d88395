/**
 * A run's studies computed on their own thread are the ones computed on this thread, bit for
 * bit, and a failure there reaches the caller as an error.
 */
import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ROOT } from '../../helpers/cli.js';
import { loadCatalog } from '../../../engine/market/data/catalog.js';
import { buildMarket } from '../../../engine/market/build-market.js';
import { backtest, backtestSimulation, studyInput } from '../../../engine/workflows/run/backtest.js';
import { computeStudies, type StudyInput } from '../../../engine/workflows/run/studies.js';
import { startStudiesThread } from '../../../engine/workflows/run/studies-thread.js';
import { DEFAULT_SIM_OPTIONS } from '../../../engine/simulate/simulate.js';
import { builtin } from '../../../strategies/index.js';
import { factorAttribution } from '../../../engine/measure/analytics/factor-attribution.js';
import { factorAttributionInput, loadFactorData } from '../../../engine/workflows/run/factor-files.js';

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
    // toEqual compares numbers with Object.is (NaN equals NaN, +0 differs from −0) and typed arrays element by element
    expect(await thread.compute(input)).toEqual(here);
    // the process's one worker serves the next run too, and two jobs in flight each get their own result
    const other = studyInput(run, { events: [] });
    const [a, b] = await Promise.all([startStudiesThread().compute(other), startStudiesThread().compute(input)]);
    expect(a).toEqual(computeStudies(other));
    expect(b).toEqual(here);
    const full = backtest(strategy, params, market, { sim, events: ['cut', 'hike'] });
    expect({ regimes: full.regimes, events: full.events, eventSummary: full.eventSummary, eventPath: full.eventPath, inference: full.inference }).toEqual(here);
    const inThread = startStudiesThread({ inThread: true });
    expect(await inThread.compute(input)).toEqual(here);
  });

  it('a factor attribution offered to the thread is taken by whichever thread is free first, with the same bits', async () => {
    const factors = factorAttributionInput(run, loadFactorData(loadCatalog(), market.frequency)!);
    const here = factorAttribution(factors);
    expect(here.fits.length).toBeGreaterThan(5);
    const thread = startStudiesThread();
    // the thread is free: it takes the job (a job posted after it resolves only once the thread has passed it)
    const taken = thread.offerFactors(factors);
    await thread.compute(studyInput(run, { events: [] }));
    expect(await taken.result()).toEqual(here);
    // the thread is busy with studies: asked for at once, the attribution is computed here and the thread skips it
    const busy = thread.compute(input);
    const back = thread.offerFactors(factors);
    expect(await back.result()).toEqual(here);
    expect(await busy).toEqual(computeStudies(input));
    expect(await startStudiesThread({ inThread: true }).offerFactors(factors).result()).toEqual(here);
  });

  it("a run's study rows there and its strategy inference offered give the studies of this thread", async () => {
    const here = computeStudies(input);
    const { inference, ...rows } = here;
    const thread = startStudiesThread();
    expect(await thread.computeRows(input)).toEqual(rows);
    // taken by the thread when free, taken back when it is busy
    const taken = thread.offerInference(input);
    await thread.computeRows(input);
    expect(await taken.result()).toEqual(inference);
    const busy = thread.computeRows(input);
    expect(await thread.offerInference(input).result()).toEqual(inference);
    expect(await busy).toEqual(rows);
    const inThread = startStudiesThread({ inThread: true });
    expect(await inThread.computeRows(input)).toEqual(rows);
    expect(await inThread.offerInference(input).result()).toEqual(inference);
  });

  it('rejects with the error of a study that throws there, and the next run gets a new thread', async () => {
    await expect(startStudiesThread().compute({ ...input, dates: undefined } as unknown as StudyInput)).rejects.toThrow(TypeError);
    expect(await startStudiesThread().compute(input)).toEqual(computeStudies(input));
  });

  it('a job keeps the process alive until its result arrives; the idle thread then does not', () => {
    const dist = (f: string) => JSON.stringify(pathToFileURL(join(ROOT, 'dist', ...f.split('/'))).href);
    const dir = mkdtempSync(join(tmpdir(), 'ratecycle-studies-'));
    const script = join(dir, 'job.mjs');
    writeFileSync(
      script,
      `const { loadCatalog } = await import(${dist('engine/market/data/catalog.js')});
const { buildMarket } = await import(${dist('engine/market/build-market.js')});
const { backtestSimulation, studyInput } = await import(${dist('engine/workflows/run/backtest.js')});
const { startStudiesThread } = await import(${dist('engine/workflows/run/studies-thread.js')});
const { builtin } = await import(${dist('strategies/index.js')});
const { DEFAULT_SIM_OPTIONS } = await import(${dist('engine/simulate/simulate.js')});
const market = buildMarket(loadCatalog(), { universe: 'ff', from: '1990-01-01' });
const run = backtestSimulation(builtin('buy-hold'), { asset: 'small' }, market, { sim: { ...DEFAULT_SIM_OPTIONS, periodsPerYear: market.periodsPerYear } });
if (process.argv[2] === 'job') startStudiesThread().compute(studyInput(run)).then((s) => console.log('regimes', s.regimes.length > 0));
else startStudiesThread(); // started, never used (a run that stops before its studies)
`,
    );
    try {
      const r = spawnSync(process.execPath, [script, 'job'], { encoding: 'utf8', timeout: 60_000 });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stdout).toBe('regimes true\n');
      const idle = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 60_000 });
      expect(idle.status, idle.stderr).toBe(0);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
