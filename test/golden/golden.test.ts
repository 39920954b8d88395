/**
 * Pins the sweep's results.csv to the bytes the engine produced before the fused sweep path
 * (weights into reused buffers, no target matrix, inline weight checks, fused metrics) replaced
 * the matrix path. The files in golden/ were written by the matrix path on the shipped data;
 * every strategy, schedule, lag, cost and universe below must still give identical bytes.
 *
 * The daily runs end on an explicit date (`RUSSELL_TO`, `ETF_TO`) so that data appended to the
 * shipped files later leaves them unchanged: these pin the engine, not the data's last day.
 */
import { ROOT } from '../helpers/cli.js';
import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';

const GOLDEN = join(ROOT, 'test', 'golden');
/**
 * The last day of the russell runs: the end of the Russell 2000 data they were first pinned on
 * (re-pinned on the 2026-08 vintage, which filled 14 days of 2025 the older copy lacked and made
 * the yields and the funds rate known after 2024-01 and 2025-06).
 */
const RUSSELL_TO = '2026-02-20';
/** The last day of the etf runs: where the IWM copy they were pinned on ended (unchanged by the 2026-07 ETF vintage). */
const ETF_TO = '2025-07-11';
const russellTo = ['--to', RUSSELL_TO];

/** name → sweep arguments (each was run with `--top 0 --workers 0`). */
export const GOLDEN_SWEEPS: Record<string, string[]> = {
  fcr: ['first-cut-rotation', '--grid', 'months=1:36:1', '--grid', 'every_cut=true,false', '--grid', 'otherwise=large,cash,mix', ...russellTo],
  ism: ['ism-cycle', '--grid', 'level=40:60:2.5', '--grid', 'rule=level,rising,both,either', '--grid', 'months=1:12:3', '--grid', 'otherwise=large,cash', ...russellTo],
  fed: ['fed-regime', '--grid', 'tightening=large,cash,mix', '--grid', 'hold=small,large,cash,mix', ...russellTo],
  ratemom: ['rate-momentum', '--grid', 'rate=policy,ust_2y', '--grid', 'months=1:24:4', '--grid', 'threshold=0:2:0.5', ...russellTo],
  relmom: ['relative-momentum', '--grid', 'lookback=2:36:6', '--grid', 'skip=0:6:2', '--grid', 'margin=0,0.05', ...russellTo],
  curve: ['curve', '--grid', 'spread=10y2y,10y3m', '--grid', 'months=1:12:2', '--grid', 'threshold=0:1:0.25', ...russellTo],
  vote: ['vote', '--grid', 'mode=graded,majority', '--grid', 'grid=0.25,0.5,1', ...russellTo],
  mix: ['fixed-mix', '--grid', 'small=0:0.6:0.2', '--grid', 'large=0,0.4', ...russellTo],
  bh: ['buy-hold', '--grid', 'asset=small,large', ...russellTo],
  'fcr-monthly': ['first-cut-rotation', '--grid', 'months=1:36:5', '--grid', 'otherwise=large,cash,mix', '--rebalance', 'monthly', '--cost-bps', '20', '--slippage-bps', '3', ...russellTo],
  'fcr-drift': ['first-cut-rotation', '--grid', 'months=1:36:5', '--grid', 'otherwise=large,mix', '--rebalance', 'drift:0.05', '--lag', '2', ...russellTo],
  'fcr-ff': ['first-cut-rotation', '--universe', 'ff', '--from', '1954-07-01', '--grid', 'months=1:36:5', '--grid', 'otherwise=large,cash,mix'],
  'fcr-etf': ['first-cut-rotation', '--universe', 'etf', '--to', ETF_TO, '--grid', 'months=1:36:5', '--grid', 'every_cut=true,false'],
  'ism-ff': ['ism-cycle', '--universe', 'ff', '--from', '1954-07-01', '--grid', 'level=45:55:2.5', '--grid', 'rule=level,rising,both,either', '--grid', 'months=1:12:4'],
};

describe('sweep results are byte-identical to the pinned results.csv', () => {
  const dir = mkdtempSync(join(tmpdir(), 'ratecycle-golden-'));
  for (const [name, args] of Object.entries(GOLDEN_SWEEPS)) {
    it(name, () => {
      const out = join(dir, name);
      // the first-cut-rotation grid also runs on two workers: the pool must give the same bytes
      const workers = name === 'fcr' ? '2' : '0';
      const r = cli(['sweep', ...args, '--top', '0', '--workers', workers, '--out', out]);
      expect(r.stderr.split('\n').filter((l) => l.startsWith('ratecycle:'))).toEqual([]);
      expect(r.code).toBe(0);
      const got = readFileSync(join(out, 'results.csv'), 'utf8');
      const want = readFileSync(join(GOLDEN, `sweep-${name}.csv`), 'utf8');
      // a line-by-line comparison names the first differing set
      expect(got.split('\n')).toEqual(want.split('\n'));
    });
  }
  it('fcr on one thread: the same overfitting statistics as on two workers', () => {
    const out = join(dir, 'fcr-one-thread');
    const r = cli(['sweep', ...GOLDEN_SWEEPS.fcr, '--top', '0', '--workers', '0', '--out', out]);
    expect(r.code).toBe(0);
    const one = JSON.parse(readFileSync(join(out, 'sweep.json'), 'utf8'));
    const two = JSON.parse(readFileSync(join(dir, 'fcr', 'sweep.json'), 'utf8'));
    expect(one.pbo.value).toBeGreaterThan(0);
    expect(two.pbo).toEqual(one.pbo);
    expect(two.deflatedSharpeRatio).toEqual(one.deflatedSharpeRatio);
  });
});

/** Backtests pinned in golden/backtests.json: equity and realized weights (sha256 of the bytes), trade count and every metric. */
const GOLDEN_BACKTESTS = [
  { name: 'fcr', strategy: 'first-cut-rotation', sim: { cost: 0.0005 } },
  { name: 'fed-monthly', strategy: 'fed-regime', sim: { cost: 0.001, rebalance: { kind: 'period', period: 'monthly', at: 'last' } } },
  { name: 'ism-ff', strategy: 'ism-cycle', universe: 'ff', from: '1954-07-01', series: ['ism_pmi'], sim: { cost: 0.0005 } },
  { name: 'mix-drift', strategy: 'fixed-mix', sim: { cost: 0.0005, slippage: 0.0002, rebalance: { kind: 'drift', band: 0.05 } } },
  { name: 'ratemom-lag3', strategy: 'rate-momentum', series: ['ust_2y'], sim: { cost: 0.0005, lag: 3 } },
] as const;

describe('backtests are bit-identical to the pinned ones', async () => {
  const { createHash } = await import('node:crypto');
  const { loadCatalog } = await import('../../engine/market/data/catalog.js');
  const { buildMarket } = await import('../../engine/market/build-market.js');
  const { backtest } = await import('../../engine/workflows/run/backtest.js');
  const { builtin } = await import('../../strategies/index.js');
  const { DEFAULT_SIM_OPTIONS } = await import('../../engine/simulate/simulate.js');
  const want = JSON.parse(readFileSync(join(GOLDEN, 'backtests.json'), 'utf8')) as Record<string, unknown>;
  const hash = (a: ArrayBufferView) => createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');
  const catalog = loadCatalog();
  for (const c of GOLDEN_BACKTESTS) {
    it(c.name, () => {
      const universe = 'universe' in c ? c.universe : 'russell';
      const to = universe === 'russell' ? RUSSELL_TO : undefined;
      const m = buildMarket(catalog, { universe, from: 'from' in c ? c.from : undefined, to, series: 'series' in c ? c.series : [] });
      const s = builtin(c.strategy)!;
      const params = Object.fromEntries(Object.entries(s.params).map(([k, v]) => [k, v.default]));
      const r = backtest(s, params, m, { sim: { ...DEFAULT_SIM_OPTIONS, periodsPerYear: m.periodsPerYear, ...(c.sim as object) } });
      const got = JSON.parse(JSON.stringify({ equity: hash(r.sim.equity), weights: hash(r.sim.weights), trades: r.sim.trades.length, strategy: r.metrics.strategy, small: r.metrics.small, large: r.metrics.large }));
      // metrics added since the pin (e.g. the ruin date) are not compared
      const pinned = want[c.name] as Record<string, unknown>;
      for (const k of ['strategy', 'small', 'large']) for (const m of Object.keys(got[k])) if (!(m in (pinned[k] as object))) delete got[k][m];
      expect(got).toEqual(pinned);
    });
  }
});

/**
 * Stationary-bootstrap draws pinned in golden/bootstrap.json (written by the JavaScript draw
 * loops before they moved to WebAssembly): one group, three Fed phases, two labellings of two
 * groups with skipped bars, and five groups (the wide loop), on the daily small − large returns.
 */
describe('bootstrap draws are bit-identical to the pinned ones', async () => {
  const { createHash } = await import('node:crypto');
  const { loadCatalog } = await import('../../engine/market/data/catalog.js');
  const { buildMarket } = await import('../../engine/market/build-market.js');
  const { stationaryBootstrapSums } = await import('../../engine/measure/stats/stationary-bootstrap.js');
  const want = JSON.parse(readFileSync(join(GOLDEN, 'bootstrap.json'), 'utf8')) as Record<string, unknown>;
  const m = buildMarket(loadCatalog(), { universe: 'russell', to: RUSSELL_TO });
  const T = m.dates.length;
  const d = Float64Array.from({ length: T }, (_, t) => m.returns[m.small][t] - m.returns[m.large][t]);
  const phase = Int32Array.from(m.fed.phase, (p) => (p < 0 ? -1 : p % 3));
  const two = Int32Array.from({ length: T }, (_, t) => (t % 7 === 0 ? -1 : t % 2));
  const cases: Record<string, [Int32Array | Int32Array[], number | number[], number]> = {
    one: [new Int32Array(T), 1, 4.2],
    phases: [phase, 3, 7.9],
    pair: [[phase.map((g) => g % 2), two], [2, 2], 12.5],
    wide: [Int32Array.from({ length: T }, (_, t) => t % 5), 5, 3.3],
  };
  const hash = (a: Float64Array) => createHash('sha256').update(new Uint8Array(a.buffer, a.byteOffset, a.byteLength)).digest('hex');
  for (const [name, [g, G, L]] of Object.entries(cases)) {
    it(name, () => {
      const r = stationaryBootstrapSums(d, g, G, { blockLength: L, draws: 1200, seed: 17 });
      expect({ sums: hash(r.sums), counts: hash(r.counts), first: r.sums[0] }).toEqual(want[name]);
    });
  }
});
