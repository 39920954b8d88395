import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { readRunFolder, type RunData } from '../../reports/read-run.js';
import { compareModel } from '../../reports/compare/compare-model.js';
import { runLabels } from '../../reports/compare/run-labels.js';
import { pearson } from '../../engine/measure/analytics/correlation.js';
import { readCsv } from '../../engine/market/data/read-csv.js';
import { checkChartsAgainstCsv } from './chart-check.js';
import { renderCompare } from '../../reports/compare/render-compare.js';
import { sharpeDifference } from '../../engine/measure/stats/sharpe-difference.js';

let dir: string;
const runs: Record<string, RunData> = {};
const NAMES = ['small', 'mix2000', 'small2000', 'fcr12', 'fcr6', 'etf'] as const;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ratecycle-compare-'));
  const args: Record<(typeof NAMES)[number], string[]> = {
    small: ['run', 'buy-hold'],
    mix2000: ['run', 'fixed-mix', '--from', '2000-01-03'],
    small2000: ['run', 'buy-hold', '--from', '2000-01-03'],
    fcr12: ['run', 'first-cut-rotation', '--param', 'months=12'],
    fcr6: ['run', 'first-cut-rotation', '--param', 'months=6'],
    etf: ['run', 'buy-hold', '--universe', 'etf'],
  };
  for (const n of NAMES) {
    const r = cli([...args[n], '--no-report', '--out', join(dir, n)]);
    expect(r.code, r.stderr).toBe(0);
    runs[n] = readRunFolder(join(dir, n));
  }
}, 240_000);

const numericKeys = (m: Record<string, unknown>) => Object.keys(m).filter((k) => typeof m[k] === 'number');

describe('compare: common period', () => {
  it("recomputing on a run's own period reproduces its metrics.json (same engine/measure/metrics code)", () => {
    const model = compareModel([runs.small, runs.fcr12], { commonPeriod: true });
    expect(model.period).toEqual({ from: runs.small.manifest.period.from, to: runs.small.manifest.period.to });
    for (const [i, r] of [runs.small, runs.fcr12].entries()) {
      const own = r.metrics.metrics.strategy;
      for (const k of numericKeys(own)) expect(model.metrics[i][k] as number, k).toBeCloseTo(own[k] as number, 10);
      expect(model.metrics[i].maxDrawdownTrough).toBe(own.maxDrawdownTrough);
    }
  });

  it('runs over different periods are restricted to the overlap by default, matching a run made over that period', () => {
    const model = compareModel([runs.small, runs.mix2000]);
    expect(model.period).toEqual({ from: '2000-01-03', to: runs.small.manifest.period.to });
    expect(model.rankable).toBe(true);
    expect(model.notes.join(' ')).toMatch(/restricted to the common period 2000-01-03/);
    // a run started on 2000-01-03 computes its buy-and-hold of small caps on exactly these bars (its own
    // strategy would start a bar later: the first decision trades at the next close)
    const direct = runs.small2000.metrics.metrics.small;
    const small = model.holds.find((h) => h.key === 'rut buy-and-hold')!;
    for (const k of [
      'totalReturn',
      'cagr',
      'volatility',
      'sharpe',
      'sortino',
      'maxDrawdown',
      'beta',
      'alphaAnnual',
      'psr',
      'bestYear',
      'positiveMonths',
      'var95',
    ]) {
      expect(small.metrics[k] as number, k).toBeCloseTo(direct[k] as number, 12);
      // the buy-hold run from 1987, restricted to the window, holds small caps on every bar of it
      expect(model.metrics[0][k] as number, k).toBeCloseTo(direct[k] as number, 10);
    }
    expect(model.metrics[0].start).toBe('2000-01-03');
    expect(model.metrics[0].bars).toBe(runs.small2000.manifest.period.bars);
  });

  it('without the common period, runs over different periods are not ranked', () => {
    const model = compareModel([runs.small, runs.mix2000], { commonPeriod: false });
    expect(model.period).toBeNull();
    expect(model.rankable).toBe(false);
  });

  it('different universes are never ranked: no best cell and no better/worse judgement', () => {
    const out = join(dir, 'cmp-etf');
    expect(cli(['compare', join(dir, 'small'), join(dir, 'etf'), '--out', out]).code).toBe(0);
    const html = readFileSync(join(out, 'compare.html'), 'utf8');
    expect(html).toMatch(/Not directly comparable — no run is ranked/);
    expect(html).not.toContain('class="best"');
    expect(html).not.toContain('class="lead-untested"');
    expect(html).not.toMatch(/class="delta (better|worse)"/);
    expect(html).toMatch(/Not tested: the runs are not directly comparable/);
    // each run's own n and own small/large after first cuts
    const rows = [...html.matchAll(/<tr><td title="[^"]*">(R\d[^<]*)<\/td><td>(russell|etf)<\/td><td>(\d+)<\/td>/g)].map((m) => [m[2], Number(m[3])]);
    const own = (r: RunData) => Number(r.eventsSummary.find((s) => s.event === 'first-cut' && s.horizon_months === '12')!.n);
    expect(rows).toEqual([
      ['russell', own(runs.small)],
      ['etf', own(runs.etf)],
    ]);
    expect(own(runs.small)).not.toBe(own(runs.etf));
  });
});

describe('compare: labels, CSVs and charts', () => {
  it('short labels carry the id and the parameters that differ; the full label every parameter', () => {
    const labels = runLabels([runs.fcr12, runs.fcr6, runs.small]);
    expect(labels.map((l) => l.short)).toEqual(['R1 first-cut-rotation months=12', 'R2 first-cut-rotation months=6', 'R3 buy-hold']);
    expect(labels[0].full).toMatch(/months=12 every_cut=false otherwise=large/);
  });

  it('compare.csv is tidy with numbers only in value; the charts draw its numbers and the chart CSVs', () => {
    const out = join(dir, 'cmp');
    const r = cli(['compare', join(dir, 'fcr12'), join(dir, 'fcr6'), join(dir, 'mix2000'), join(dir, 'small'), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const long = readCsv(join(out, 'compare.csv'));
    expect(long.header).toEqual(['run', 'metric', 'value', 'unit', 'date']);
    for (const row of long.rows) {
      expect(row[2] === '' || Number.isFinite(Number(row[2])), row.join(',')).toBe(true);
      expect(row[4] === '' || /^\d{4}-\d\d-\d\d$/.test(row[4]), row.join(',')).toBe(true);
    }
    expect(long.rows.filter((x) => x[1] === 'cagr').map((x) => x[0])).toEqual([
      'R1 first-cut-rotation months=12',
      'R2 first-cut-rotation months=6',
      'R3 fixed-mix',
      'R4 buy-hold',
      'rut buy-and-hold',
      'spx buy-and-hold',
    ]);
    const html = readFileSync(join(out, 'compare.html'), 'utf8');
    const check = checkChartsAgainstCsv(html, out);
    expect(check.mismatches.slice(0, 5)).toEqual([]);
    expect(check.checked).toBeGreaterThan(10_000);
    expect(check.marks).toBeGreaterThan(20); // scatter points (x and y) and per-cycle bars
    expect(html).toMatch(/class="delta (better|worse)"/);
  });

  it("the correlation matrix is Pearson of the runs' monthly returns over their common months", () => {
    const model = compareModel([runs.small2000, runs.mix2000]);
    const months = (r: RunData) => new Map(r.monthly.map((m) => [`${m.year}-${m.month}`, Number(m.strategy)]));
    const a = months(runs.small2000),
      b = months(runs.mix2000);
    const keys = [...a.keys()].filter((k) => b.has(k));
    expect(model.correlation.r[0][1]).toBeCloseTo(
      pearson(
        keys.map((k) => a.get(k)!),
        keys.map((k) => b.get(k)!),
      ),
      12,
    );
    expect(model.correlation.r[0][0]).toBeCloseTo(1, 12);
    expect(model.correlation.months[0][1]).toBe(keys.length);
  });
});

describe('compare: the highest Sharpe ratio tested against every other run', () => {
  /** The Sharpe row of the metrics table. */
  const sharpeRow = (html: string) => /<tr data-metric="sharpe">.*?<\/tr>/.exec(html)![0];

  it("tests the leader of the metrics table on each run's excess returns (Ledoit & Wolf, Holm), the metrics' own Sharpe ratios", () => {
    const model = compareModel([runs.fcr12, runs.fcr6, runs.small]);
    expect(model.period).toBeNull();
    const sharpes = model.metrics.map((m) => m.sharpe as number);
    const t = model.sharpeTests;
    expect(t.reason).toBeNull();
    expect(t.leader).toBe(sharpes.indexOf(Math.max(...sharpes)));
    expect(t.pairs.map((p) => p.other)).toEqual([0, 1, 2].filter((i) => i !== t.leader));
    for (const p of t.pairs) {
      expect(p.test.sharpeA).toBeCloseTo(sharpes[t.leader], 9);
      expect(p.test.sharpeB).toBeCloseTo(sharpes[p.other], 9);
      expect(p.test.n).toBe(runs.small.manifest.period.bars - 1);
    }
    // the same test by hand on returns.csv: strategy minus cash from the second bar
    const excess = (r: RunData) => r.returns.slice(1).map((row) => Number(row.strategy) - Number(row.cash));
    const other = t.pairs[0];
    const direct = sharpeDifference(excess([runs.fcr12, runs.fcr6, runs.small][t.leader]), excess([runs.fcr12, runs.fcr6, runs.small][other.other]), {
      periodsPerYear: runs.small.manifest.period.periodsPerYear,
    });
    expect(other.test.p).toBeCloseTo(direct.p, 10);
  });

  it('on the common period the test uses the bars of the window', () => {
    const model = compareModel([runs.small, runs.mix2000]);
    expect(model.sharpeTests.pairs[0].test.n).toBe((model.metrics[0].bars as number) - 1);
    expect(compareModel([runs.small, runs.mix2000], { commonPeriod: false }).sharpeTests.pairs).toEqual([]);
  });

  it('green "best" with its p only when the tests separate the leader; otherwise a grey outline and "not distinguishable"', () => {
    const model = compareModel([runs.fcr12, runs.fcr6, runs.small]);
    const t = model.sharpeTests;
    const sig = renderCompare({ ...model, sharpeTests: { ...t, significant: true, p: 0.012 } });
    expect(sharpeRow(sig)).toContain('<td class="best">');
    expect(sharpeRow(sig)).toMatch(/<span class="delta better sharpe-test"[^>]*>best, p = 0\.012 \(Holm\)<\/span><\/td>/);
    const noise = renderCompare({ ...model, sharpeTests: { ...t, significant: false, p: 0.41, decisive: t.pairs[0].other } });
    expect(sharpeRow(noise)).not.toContain('class="best"');
    expect(sharpeRow(noise)).toContain('class="lead-untested"');
    expect(sharpeRow(noise)).toContain(`not distinguishable from R${t.pairs[0].other + 1}, p = 0.410 (Holm)`);
    // no other row is green: their leads are untested
    expect(noise).not.toContain('class="best"');
    expect(noise.match(/class="lead-untested"/g)!.length).toBeGreaterThan(10);
    expect(noise).toMatch(/no test is run on those rows, so the lead may be noise/);
  });

  it('the terminal prints the table with the Sharpe test, then the path; the tests are in compare-sharpe-tests.csv and on the page', () => {
    const out = join(dir, 'cmp-sharpe');
    const r = cli(['compare', join(dir, 'fcr12'), join(dir, 'fcr6'), join(dir, 'small'), '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Comparison of 3 runs on russell, 1987-\d\d-\d\d to \d{4}-\d\d-\d\d:$/);
    expect(lines[1]).toMatch(/^run +CAGR +volatility +Sharpe +max drawdown +Sharpe vs highest \(Holm p\)$/);
    const model = compareModel([runs.fcr12, runs.fcr6, runs.small]);
    const t = model.sharpeTests;
    for (const [i, label] of ['R1 first-cut-rotation months=12', 'R2 first-cut-rotation months=6', 'R3 buy-hold'].entries()) {
      const row = lines.find((l) => l.startsWith(label))!;
      expect(row).toContain((model.metrics[i].sharpe as number).toFixed(2));
      const pair = t.pairs.find((p) => p.other === i);
      if (pair) expect(row).toContain(`${(-pair.test.difference).toFixed(2)}, p = ${pair.pHolm.toFixed(3)}`);
      else expect(row).toMatch(t.significant ? /best, p [=<]/ : /not distinguishable, p = /);
    }
    expect(lines.find((l) => l.startsWith('small caps (rut) buy-and-hold'))).toMatch(/not ranked$/);
    expect(r.stdout).toMatch(/Ledoit & Wolf \(2008\) HAC test/);
    expect(lines.at(-1)).toMatch(/^wrote .*cmp-sharpe: open .*compare\.html$/);
    const csv = readCsv(join(out, 'compare-sharpe-tests.csv'));
    expect(csv.rows.map((row) => [row[0], row[1]])).toEqual(t.pairs.map((p) => [`R${t.leader + 1}`, `R${p.other + 1}`]));
    expect(csv.rows.map((row) => Number(row[10]))).toEqual(t.pairs.map((p) => expect.closeTo(p.pHolm, 12)));
    const html = readFileSync(join(out, 'compare.html'), 'utf8');
    expect(html).toContain('id="compare-sharpe-tests"');
    expect(html).toMatch(/H0: the leader \(highest Sharpe ratio\) and the other run have the same true Sharpe ratio/);
    expect(html.includes('class="best"')).toBe(t.significant);
  });
});
