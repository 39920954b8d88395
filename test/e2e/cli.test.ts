import { describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli, ROOT } from '../helpers/cli.js';

const tmp = () => mkdtempSync(join(tmpdir(), 'ratecycle-cli-'));
const CSVS = [
  'equity.csv',
  'weights.csv',
  'trades.csv',
  'metrics.csv',
  'metrics-wide.csv',
  'drawdowns.csv',
  'returns.csv',
  'returns-monthly.csv',
  'returns-annual.csv',
  'rolling.csv',
  'round-trips.csv',
  'regimes.csv',
  'events.csv',
  'events-summary.csv',
  'fomc.csv',
];

describe('ratecycle CLI', () => {
  it('--version and --help', () => {
    const v = cli(['--version']);
    expect(v.code).toBe(0);
    expect(v.stdout.trim()).toBe(JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).version);
    const h = cli(['--help']);
    for (const c of ['run', 'audit', 'list', 'new', 'compare', 'data', 'demo']) expect(h.stdout).toContain(`ratecycle ${c}`);
    const rh = cli(['run', '--help']);
    expect(rh.stdout).toContain('Examples:');
    // help text wraps between words (a mid-word break leaves a fragment once whitespace is collapsed)
    const flat = (t: string) => t.replace(/\s+/g, ' ');
    expect(flat(h.stdout)).toContain('Backtest small-cap vs large-cap rotation strategies around Fed rate cycles.');
    expect(flat(rh.stdout)).toContain('data folder with a catalog.json (default: ./data when it has one, else the shipped data/)');
    expect(flat(rh.stdout)).toContain('bars between decision and trade (1 = next close; 0 = same close, optimistic)');
    // the strategy's parameter specs drive its help
    const ph = cli(['run', 'first-cut-rotation', '--help']);
    expect(ph.stdout).toMatch(
      /Parameters of first-cut-rotation:\s+--param months=…\s+calendar months to hold small caps after a first cut; default 12 \(1\.\.36 step 1\)/,
    );
  });

  it('data check passes on the shipped data and fails cleanly on a broken file', () => {
    const ok = cli(['data', 'check']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/all valid/);
    const bad = cli(['data', 'check', '--data', 'test/fixtures/data-broken']);
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe('ratecycle: test/fixtures/data-broken/b.csv:3: column "close": "n/a" is not a number');
  });

  it('data list shows series and universes', () => {
    const r = cli(['data', 'list']);
    expect(r.code).toBe(0);
    for (const id of ['rut', 'spx', 'ff_small', 'fomc', 'ism_pmi', 'russell', 'etf', 'ff']) expect(r.stdout).toContain(id);
  });

  it('run writes a complete run folder; identical runs give byte-identical CSVs; no overwrite without --force', () => {
    const dir = tmp();
    const a = join(dir, 'a');
    const b = join(dir, 'b');
    const r1 = cli(['run', 'first-cut-rotation', '--param', 'months=9', '--from', '2000-01-01', '--out', a]);
    expect(r1.code).toBe(0);
    expect(r1.stdout).toMatch(/CAGR/);
    for (const f of [...CSVS, 'metrics.json', 'run.json', 'report.html']) expect(existsSync(join(a, f))).toBe(true);
    const r2 = cli(['run', 'first-cut-rotation', '--param', 'months=9', '--from', '2000-01-01', '--out', b]);
    expect(r2.code).toBe(0);
    for (const f of CSVS) expect(readFileSync(join(b, f))).toEqual(readFileSync(join(a, f)));
    const again = cli(['run', 'first-cut-rotation', '--out', a]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists; pass --force/);
    expect(readdirSync(dir).filter((f) => f.startsWith('.ratecycle-tmp'))).toEqual([]);
    const forced = cli(['run', 'buy-hold', '--out', a, '--force', '--no-report']);
    expect(forced.code).toBe(0);
    expect(JSON.parse(readFileSync(join(a, 'run.json'), 'utf8')).strategy.id).toBe('buy-hold');
    const run = JSON.parse(readFileSync(join(b, 'run.json'), 'utf8'));
    expect(run.strategy.params).toEqual({ months: 9, every_cut: false, otherwise: 'large' });
    expect(Object.keys(run.data.hashes)).toEqual(expect.arrayContaining(['rut.csv', 'spx.csv', 'cash.csv', 'fomc.csv']));
  });

  it('--json prints the metrics', () => {
    const r = cli(['run', 'buy-hold', '--universe', 'ff', '--json', '--out', join(tmp(), 'x'), '--no-report']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.metrics.strategy.periodsPerYear).toBeCloseTo(12, 1);
    expect(j.metrics.strategy.start).toBe('1926-07-31');
  });

  it('bad input is one readable line and exit 1, with the stack only under --verbose', () => {
    const p = cli(['run', 'first-cut-rotation', '--param', 'months=99', '--out', join(tmp(), 'x')]);
    expect(p.code).toBe(1);
    expect(p.stderr.trim()).toBe('ratecycle: strategy "first-cut-rotation": --param months=99: above the maximum 36');
    const u = cli(['run', 'nope', '--out', join(tmp(), 'x')]);
    expect(u.code).toBe(1);
    expect(u.stderr).toMatch(/unknown strategy "nope"; built-ins: buy-hold, fixed-mix/);
    const t = cli(['run', 'test/fixtures/strategies/throws.ts', '--param', 'k=3', '--out', join(tmp(), 'x')]);
    expect(t.code).toBe(1);
    expect(t.stderr.trim()).toBe('ratecycle: strategy "throws" in test/fixtures/strategies/throws.ts:10:11 (k=3) threw: division by zero in my signal');
    const tv = cli(['run', 'test/fixtures/strategies/throws.ts', '--out', join(tmp(), 'x'), '--verbose']);
    expect(tv.stderr).toMatch(/at /);
    const s = cli(['run', 'test/fixtures/strategies/syntax-error.ts', '--out', join(tmp(), 'x')]);
    expect(s.code).toBe(1);
    expect(s.stderr.split('\n')[0]).toMatch(/strategy file test\/fixtures\/strategies\/syntax-error\.ts failed to load/);
    const d = cli(['run', 'buy-hold', '--from', '2030-01-01', '--out', join(tmp(), 'x')]);
    expect(d.code).toBe(1);
    expect(d.stderr).toMatch(/fewer than 2 bars/);
    const r = cli(['run', 'buy-hold', '--rebalance', 'fortnightly', '--out', join(tmp(), 'x')]);
    expect(r.stderr).toMatch(/--rebalance fortnightly: expected/);
  });

  it('runs and audits a user strategy file; the audit catches a peeking one', () => {
    const ok = cli(['audit', 'strategies/examples/small-after-cuts.ts']);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/audit passed/);
    const run = cli(['run', 'strategies/examples/small-after-cuts.ts', '--out', join(tmp(), 'u'), '--no-report']);
    expect(run.code).toBe(0);
    const bad = cli(['audit', 'test/fixtures/strategies/peeking.ts', '--from', '2015-01-01']);
    expect(bad.code).toBe(1);
    expect(
      bad.stderr
        .trim()
        .split('\n')
        .filter((l) => !l.startsWith('warning:'))
        .join('\n'),
    ).toMatch(
      /^ratecycle: look-ahead in strategy "peeking": its weight for rut on (\d{4}-\d\d-\d\d) is \d with the full history but \d when the data stops at \1; a decision at t may only use data up to t$/,
    );
  });

  it('run and audit type-check a strategy file by default and name file, line and column; --no-typecheck skips it', () => {
    for (const command of ['audit', 'run']) {
      const r = cli([command, 'test/fixtures/strategies/type-error.ts', ...(command === 'run' ? ['--out', join(tmp(), 'x')] : [])]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim()).toMatch(
        /^ratecycle: strategy file test\/fixtures\/strategies\/type-error\.ts:11:27: type error: Argument of type '"t10y2y"' is not assignable/,
      );
    }
    const skipped = cli(['run', 'test/fixtures/strategies/type-error.ts', '--no-typecheck', '--out', join(tmp(), 'y')]);
    expect(skipped.stderr).not.toMatch(/type error/);
  });

  it('new scaffolds a strategy that runs and passes the audit, and refuses to overwrite', () => {
    const dir = tmp();
    const n = cli(['new', 'my-idea', '--dir', dir]);
    expect(n.code).toBe(0);
    expect(existsSync(join(dir, 'my-idea.test.ts'))).toBe(true);
    expect(cli(['run', join(dir, 'my-idea.ts'), '--out', join(dir, 'out'), '--no-report']).code).toBe(0);
    expect(cli(['audit', join(dir, 'my-idea.ts')]).code).toBe(0);
    const again = cli(['new', 'my-idea', '--dir', dir]);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/already exists/);
  });

  it('replays a weights file (lag 0, no costs) exactly', () => {
    const dir = tmp();
    const file = join(dir, 'w.csv');
    writeFileSync(file, 'date,small,large\n2020-01-02,0.5,0.5\n2020-03-16,1,0\n2020-06-01,0,1\n');
    const r = cli([
      'run',
      'weights-file',
      '--param',
      `file=${file}`,
      '--from',
      '2020-01-02',
      '--to',
      '2020-12-31',
      '--lag',
      '0',
      '--cost-bps',
      '0',
      '--out',
      join(dir, 'o'),
      '--no-report',
    ]);
    expect(r.code).toBe(0);
    const trades = readFileSync(join(dir, 'o', 'trades.csv'), 'utf8')
      .trim()
      .split('\n');
    expect(trades.map((l) => l.split(',').slice(0, 4).join(','))).toEqual([
      'date,asset,from,to',
      '2020-01-02,rut,0,0.5',
      '2020-01-02,spx,0,0.5',
      expect.stringMatching(/^2020-03-16,rut,0\.\d+,1$/),
      expect.stringMatching(/^2020-03-16,spx,0\.\d+,0$/),
      '2020-06-01,rut,1,0',
      '2020-06-01,spx,0,1',
    ]);
  });

  it('--cost-bps takes one number or per-asset costs', () => {
    const dir = tmp();
    expect(cli(['run', 'fixed-mix', '--cost-bps', 'rut=10,spx=2', '--lag', '0', '--from', '2020-01-01', '--out', join(dir, 'a'), '--no-report']).code).toBe(0);
    const run = JSON.parse(readFileSync(join(dir, 'a', 'run.json'), 'utf8'));
    expect(run.options.costBps.map((x: number) => +x.toFixed(9))).toEqual([10, 2]);
    const trades = readFileSync(join(dir, 'a', 'trades.csv'), 'utf8')
      .trim()
      .split('\n')
      .slice(1, 3)
      .map((l) => l.split(','));
    // first trades: rut 0 → 0.6 and spx 0 → 0.4 of equity 1: costs 0.6 × 10 bp and 0.4 × 2 bp
    expect(Number(trades[0][5])).toBeCloseTo(0.6 * 0.001, 12);
    expect(Number(trades[1][5])).toBeCloseTo(0.4 * 0.0002, 12);
    const bad = cli(['run', 'fixed-mix', '--cost-bps', 'gold=1', '--out', join(dir, 'b')]);
    expect(bad.stderr.trim()).toBe('ratecycle: --cost-bps gold=1: "gold" is not an asset of this universe (rut, spx)');
  });

  it('--benchmark takes a price series id: beta and information ratio against it, plus its own column', () => {
    const dir = tmp();
    const r = cli(['run', 'fed-regime', '--benchmark', 'spy', '--from', '1995-01-03', '--to', '2024-12-31', '--json', '--no-report', '--out', join(dir, 'a')]);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout).metrics;
    expect(Object.keys(j)).toEqual(['strategy', 'small', 'large', 'spy']);
    expect(j.spy.beta).toBeCloseTo(1, 12);
    expect(j.spy.trackingError).toBeCloseTo(0, 12);
    expect(readFileSync(join(dir, 'a', 'metrics-wide.csv'), 'utf8').split('\n')[0]).toBe('metric,label,unit,strategy,small,large,spy');
    const early = cli(['run', 'fed-regime', '--benchmark', 'spy', '--out', join(dir, 'b')]);
    expect(early.stderr.trim()).toBe(
      'ratecycle: benchmark "spy" has no price on the run\'s first bar 1987-09-10; start later with --from or choose another benchmark',
    );
  });

  it('runs on a data folder of your own (--data) with its own universe', () => {
    const dir = tmp();
    const days = Array.from({ length: 300 }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)).toISOString().slice(0, 10));
    writeFileSync(join(dir, 'a.csv'), 'date,close\n' + days.map((d, i) => `${d},${100 + i}`).join('\n') + '\n');
    writeFileSync(join(dir, 'b.csv'), 'date,close\n' + days.map((d, i) => `${d},${200 + i / 2}`).join('\n') + '\n');
    writeFileSync(join(dir, 'rf.csv'), 'date,return\n' + days.map((d) => `${d},0.0001`).join('\n') + '\n');
    const entry = (id: string, column: string, kind: string) => ({
      id,
      file: `${id === 'rf' ? 'rf' : id}.csv`,
      column,
      kind,
      frequency: 'daily',
      units: 'u',
      publication: { rule: 'close' },
      source: 'mine',
    });
    writeFileSync(
      join(dir, 'catalog.json'),
      JSON.stringify({
        series: [entry('a', 'close', 'price'), entry('b', 'close', 'price'), entry('rf', 'return', 'return')],
        universes: [{ id: 'mine', description: 'a vs b', assets: ['a', 'b'], small: 'a', large: 'b', cash: 'rf', frequency: 'daily', align: 'intersection' }],
      }),
    );
    const r = cli(['run', 'fixed-mix', '--data', dir, '--universe', 'mine', '--json', '--out', join(dir, 'out'), '--no-report']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).metrics.small.totalReturn).toBeCloseTo(399 / 100 - 1, 12);
    expect(JSON.parse(readFileSync(join(dir, 'out', 'run.json'), 'utf8')).warnings.join(' ')).toMatch(/no FOMC decision table/);
  });

  it('list shows every built-in with its parameters', () => {
    const r = cli(['list']);
    expect(r.code).toBe(0);
    for (const id of ['first-cut-rotation', 'fed-regime', 'rate-momentum', 'ism-cycle', 'relative-momentum', 'curve', 'vote', 'rule', '--param months='])
      expect(r.stdout).toContain(id);
  });

  it('compare writes compare.csv and compare.html and notes incomparable runs', () => {
    const dir = tmp();
    expect(cli(['run', 'buy-hold', '--out', join(dir, 'a'), '--from', '2010-01-01']).code).toBe(0);
    expect(cli(['run', 'fed-regime', '--out', join(dir, 'b'), '--from', '2012-01-01']).code).toBe(0);
    const c = cli(['compare', join(dir, 'a'), join(dir, 'b'), '--out', join(dir, 'cmp')]);
    expect(c.code).toBe(0);
    const csv = readFileSync(join(dir, 'cmp', 'compare.csv'), 'utf8');
    expect(csv.split('\n')[0]).toBe('run,metric,value,unit,date');
    expect(readFileSync(join(dir, 'cmp', 'compare-wide.csv'), 'utf8').split('\n')[0]).toMatch(/^metric,label,unit,R1 buy-hold,R2 fed-regime/);
    expect(readFileSync(join(dir, 'cmp', 'compare.html'), 'utf8')).toMatch(/restricted to the common period 2012-01-03/);
    const own = cli(['compare', join(dir, 'a'), join(dir, 'b'), '--no-common-period', '--out', join(dir, 'own')]);
    expect(own.code).toBe(0);
    expect(readFileSync(join(dir, 'own', 'compare.html'), 'utf8')).toMatch(/Not directly comparable/);
  });
});
