import { beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { column, readRunFolder } from '../../reports/read-run.js';
import { compareModel } from '../../reports/compare/compare-model.js';
import { roundTrips } from '../../engine/measure/analytics/round-trips.js';
import { readCsv } from '../../engine/market/data/read-csv.js';
import { parseIsoDay } from '../../engine/core/dates.js';
import { mulberry32 } from '../../engine/core/random.js';
import { checkChartsAgainstCsv } from './chart-check.js';
import { renderRunReport } from '../../reports/html/render-run.js';
import { escapeHtml, jsonForScript } from '../../reports/html/escape.js';
import { formatCumulative, formatPercent, formatValue } from '../../engine/core/format.js';
import { downsampleIndexes, rollingReturn } from '../../reports/html/downsample.js';
import { bestIndex, BETTER, deltaQuality } from '../../reports/compare/ranking.js';
import { compareRows } from '../../reports/compare/compare-tables.js';
import { csvCell, toCsv } from '../../engine/core/io/csv-writer.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ratecycle-report-'));
  expect(cli(['run', 'first-cut-rotation', '--out', join(dir, 'run')]).code).toBe(0);
});

describe('report helpers', () => {
  it('escapes user text and script-closing sequences', () => {
    expect(escapeHtml(`<script>alert("x")</script> & 'q'`)).toBe('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; &#39;q&#39;');
    expect(jsonForScript({ a: '</script><b>' })).not.toContain('</');
  });
  it('formats numbers as a finance reader expects', () => {
    expect(formatPercent(0.123456)).toBe('12.35%');
    expect(formatPercent(12.3456)).toBe('1,234.56%');
    expect(formatValue(1234.5, 'ratio')).toBe('1,234.50');
    expect(formatValue(9672, 'count')).toBe('9,672');
    expect(formatValue(null, 'fraction')).toBe('–');
    // cumulative returns above 10,000 % as the growth multiple of 1; never "-0.00%"
    expect(formatCumulative(99.99)).toBe('9,999.00%');
    expect(formatCumulative(432.17)).toBe('×433');
    expect(formatPercent(-0.00003)).toBe('0.00%');
  });
  it('downsamples keeping first, last, and each bucket min and max', () => {
    const x = Float64Array.from({ length: 10_000 }, (_, i) => Math.sin(i / 50) + (i === 5123 ? 10 : 0));
    const keep = downsampleIndexes(x, 500);
    expect(keep.length).toBeLessThanOrEqual(1002);
    expect(keep[0]).toBe(0);
    expect(keep[keep.length - 1]).toBe(9999);
    expect(Array.from(keep)).toContain(5123);
    expect(Array.from(downsampleIndexes(Float64Array.of(1, 2, 3), 10))).toEqual([0, 1, 2]);
  });
  it('rolling return over calendar months', () => {
    const days = Float64Array.from({ length: 25 }, (_, i) => i * 30.436875);
    const level = Float64Array.from({ length: 25 }, (_, i) => 1.01 ** i);
    const r = rollingReturn(days, level, 12);
    expect(Number.isNaN(r[11])).toBe(true);
    expect(r[12]).toBeCloseTo(1.01 ** 12 - 1, 12);
  });
  it('CSV cells neutralize formula-like text but not numbers', () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell('-0.5')).toBe('-0.5');
    expect(csvCell('@risk')).toBe(`'@risk`);
    expect(csvCell(NaN)).toBe('');
    expect(toCsv(['a', 'b'], [[1, 'x,y']])).toBe('a,b\n1,"x,y"\n');
  });
  it('best per row follows the metric direction', () => {
    expect(bestIndex([0.1, 0.3, null], BETTER.cagr)).toBe(1);
    expect(bestIndex([0.2, 0.15], BETTER.volatility)).toBe(1);
    expect(bestIndex([-0.5, -0.3], BETTER.maxDrawdown)).toBe(1);
    expect(Number.isNaN(bestIndex([1, 2], 0))).toBe(true);
  });
  it('differences are judged better or worse by the same rule as the best highlight', () => {
    expect(deltaQuality('volatility', -0.02)).toBe(1); // lower volatility is better
    expect(deltaQuality('longestDrawdownDays', 100)).toBe(-1); // a longer drawdown is worse
    expect(deltaQuality('maxDrawdown', 0.05)).toBe(1); // −20 % → −15 %
    expect(deltaQuality('cagr', -0.01)).toBe(-1);
    expect(deltaQuality('beta', 0.3)).toBe(0); // no direction
    for (const [key, dir] of Object.entries(BETTER)) expect(bestIndex([0, 1], dir) === 1).toBe(deltaQuality(key, 1) === 1);
  });
});

describe('run report', () => {
  it('shows the numbers of metrics.json', () => {
    const run = readRunFolder(join(dir, 'run'));
    const html = readFileSync(join(dir, 'run', 'report.html'), 'utf8');
    const m = run.metrics.metrics.strategy;
    for (const key of ['cagr', 'volatility', 'maxDrawdown', 'totalReturn', 'bestYear']) expect(html).toContain(`<td>${formatValue(m[key], 'fraction')}</td>`);
    for (const key of ['sharpe', 'sortino', 'calmar']) expect(html).toContain(`<td>${formatValue(m[key], 'ratio')}</td>`);
    expect(html).toContain(`<td>${formatValue(m.rebalances, 'count')}</td>`);
    expect(html).not.toMatch(/<script[^>]+src=/); // nothing loaded from outside
    expect(html).not.toMatch(/(src|href)\s*=\s*["']?https?:/); // no external resources
  });
  it("leads with the strategy's own answer, shows the easing − tightening row's numbers, and prints no negative zero", () => {
    const html = readFileSync(join(dir, 'run', 'report.html'), 'utf8');
    const summary = html.slice(html.indexOf('<section class="summary">'));
    expect(summary.indexOf('id="strategy-call"')).toBeGreaterThan(0);
    expect(summary.indexOf('id="strategy-call"')).toBeLessThan(summary.indexOf('Rate-cycle verdict'));
    expect(summary).toMatch(/The strategy vs large caps: <b>(ahead|behind|not distinguishable)<\/b>/);
    expect(summary).toMatch(
      /The strategy is (AHEAD of|BEHIND|NOT DISTINGUISHABLE from) large caps \(spx\): .* a year \(95 % CI [^)]*\), Newey–West t [^;]*; [\d,]+ bars, about [\d,]+ independent blocks/,
    );
    expect(html).toMatch(
      /<tr class="contrast"><td>easing − tightening<\/td>.*small − large: [+−][\d.]+% a year more while easing than while tightening, 95 % CI .*Newey–West t/,
    );
    expect(html.match(/.{60}-0\.0+%/g)).toBeNull();
  });
  it('is well under 2.5 MB for the 1926– monthly universe, the 1987– daily one and 100 years of daily bars', () => {
    expect(readFileSync(join(dir, 'run', 'report.html')).length).toBeLessThan(2_500_000);
    const ff = join(dir, 'ff');
    expect(cli(['run', 'fed-regime', '--universe', 'ff', '--out', ff]).code).toBe(0);
    expect(readFileSync(join(ff, 'report.html')).length).toBeLessThan(2_500_000);
    // a data folder of its own: 100 years of weekdays (26,089 bars), two seeded random walks and a cash series
    const data = join(dir, 'century');
    mkdirSync(data);
    const rand = mulberry32(7);
    const days: string[] = [];
    for (let d = Date.UTC(1925, 0, 2); d <= Date.UTC(2024, 11, 31); d += 864e5)
      if (![0, 6].includes(new Date(d).getUTCDay())) days.push(new Date(d).toISOString().slice(0, 10));
    const walk = (drift: number, vol: number) => {
      let p = 100;
      return days.map(() => (p *= 1 + drift + vol * (rand() - 0.5))).map((v) => v.toFixed(6));
    };
    const a = walk(0.0004, 0.04),
      b = walk(0.0003, 0.03);
    writeFileSync(join(data, 'a.csv'), 'date,close\n' + days.map((d, i) => `${d},${a[i]}`).join('\n') + '\n');
    writeFileSync(join(data, 'b.csv'), 'date,close\n' + days.map((d, i) => `${d},${b[i]}`).join('\n') + '\n');
    writeFileSync(join(data, 'rf.csv'), 'date,return\n' + days.map((d) => `${d},0.0001`).join('\n') + '\n');
    const entry = (id: string, column: string, kind: string) => ({
      id,
      file: `${id}.csv`,
      column,
      kind,
      frequency: 'daily',
      units: 'u',
      publication: { rule: 'close' },
      source: 'synthetic',
    });
    writeFileSync(
      join(data, 'catalog.json'),
      JSON.stringify({
        series: [entry('a', 'close', 'price'), entry('b', 'close', 'price'), entry('rf', 'return', 'return')],
        universes: [
          { id: 'century', description: 'a vs b', assets: ['a', 'b'], small: 'a', large: 'b', cash: 'rf', frequency: 'daily', align: 'intersection' },
        ],
      }),
    );
    const out = join(dir, 'century-run');
    const r = cli(['run', 'fixed-mix', '--data', data, '--universe', 'century', '--out', out]);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(join(out, 'run.json'), 'utf8')).period.bars).toBeGreaterThan(26_000);
    const size = readFileSync(join(out, 'report.html')).length;
    expect(size).toBeLessThan(2_500_000);
    const check = checkChartsAgainstCsv(readFileSync(join(out, 'report.html'), 'utf8'), out);
    expect(check.mismatches).toEqual([]);
  });
  it("every chart draws numbers that are in the folder's CSVs", () => {
    const html = readFileSync(join(dir, 'run', 'report.html'), 'utf8');
    const check = checkChartsAgainstCsv(html, join(dir, 'run'));
    expect(check.mismatches.slice(0, 5)).toEqual([]);
    expect(check.checked).toBeGreaterThan(30_000);
    expect(check.marks).toBeGreaterThan(100);
  });
  it('escapes a hostile strategy name and parameters', () => {
    const run = readRunFolder(join(dir, 'run'));
    run.manifest.strategy.name = '<script>alert(1)</script>';
    run.manifest.strategy.params = { note: `"quoted" '&' <b>` };
    const html = renderRunReport(run);
    expect(html).not.toContain('<script>alert(1)</script>');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).toContain('note=&quot;quoted&quot; &#39;&amp;&#39; &lt;b&gt;');
  });
  it('writes the CSVs with the columns of the run-folder contract', () => {
    const head = (f: string) => readFileSync(join(dir, 'run', f), 'utf8').split('\n')[0];
    expect(head('equity.csv')).toBe('date,equity,return,drawdown,cash_weight,small,large,policy_rate,phase,cycle_id');
    expect(head('weights.csv')).toBe('date,target_rut,target_spx,weight_rut,weight_spx,cash,turnover');
    expect(head('returns.csv')).toBe('date,strategy,rut,spx,cash,benchmark');
    expect(head('returns-monthly.csv')).toBe('year,month,strategy,rut,spx');
    expect(head('returns-annual.csv')).toBe('year,strategy,rut,spx');
    expect(head('round-trips.csv')).toBe('asset,side,entry_date,exit_date,bars,days,return,open');
    expect(head('events.csv')).toBe('event,event_date,entry_date,horizon_months,exit_date,strategy,small,large,spread');
    const m = JSON.parse(readFileSync(join(dir, 'run', 'metrics.json'), 'utf8'));
    const wide = readFileSync(join(dir, 'run', 'metrics-wide.csv'), 'utf8');
    expect(wide).toContain(`cagr,CAGR,fraction,${m.metrics.strategy.cagr},${m.metrics.small.cagr},${m.metrics.large.cagr}`);
    // tidy long form: numbers only in `value`, ISO dates only in `date`
    const long = readCsv(join(dir, 'run', 'metrics.csv'));
    expect(long.header).toEqual(['series', 'metric', 'unit', 'value', 'date']);
    expect(long.rows).toContainEqual(['small', 'cagr', 'fraction', String(m.metrics.small.cagr), '']);
    expect(long.rows).toContainEqual(['strategy', 'start', 'date', '', m.metrics.strategy.start]);
    for (const row of long.rows) {
      expect(row[3] === '' || Number.isFinite(Number(row[3])), row.join(',')).toBe(true);
      expect(row[4] === '' || /^\d{4}-\d\d-\d\d$/.test(row[4]), row.join(',')).toBe(true);
    }
  });
  it('round trips in the folder agree with the weights and returns they come from', () => {
    const run = readRunFolder(join(dir, 'run'));
    const trips = roundTrips({
      dates: Int32Array.from(run.returns, (r) => parseIsoDay(r.date)),
      assets: run.manifest.universe.assets,
      weights: Float64Array.from(run.weights.flatMap((w) => run.manifest.universe.assets.map((a) => Number(w[`weight_${a}`])))),
      returns: run.manifest.universe.assets.map((a) => column(run.returns, a)),
    });
    expect(run.roundTrips.length).toBe(trips.length);
    expect(run.roundTrips.length).toBeGreaterThan(10);
    run.roundTrips.forEach((r, i) => expect(Number(r.return)).toBe(trips[i].ret));
    const all = run.roundTripsSummary.find((s) => s.asset === 'all')!;
    expect(Number(all.count)).toBe(trips.filter((t) => !t.open).length);
  });
  it('compare rows diff against the first run', () => {
    const run = readRunFolder(join(dir, 'run'));
    const other = readRunFolder(join(dir, 'run'));
    other.metrics = JSON.parse(JSON.stringify(run.metrics));
    (other.metrics.metrics.strategy as Record<string, number>).cagr += 0.01;
    const model = compareModel([run, other]);
    const { rows } = compareRows(model);
    const cagr = rows.find((r) => r[0] === 'cagr')!;
    expect(cagr[5] as number).toBeCloseTo(0.01, 12);
  });
});

import { groupDigits } from '../../engine/core/format.js';
import fc from 'fast-check';

describe('groupDigits', () => {
  it('matches Intl en-US grouping of the exactly rounded decimals (property)', () => {
    // the oracle groups x.toFixed(dgt) (exact rounding of the double); toLocaleString itself rounds
    // the shortest decimal form instead, e.g. 368295079881.3785 (really …881.378479) to …881.379
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, dgt) => {
        const expected = new Intl.NumberFormat('en-US', { minimumFractionDigits: dgt, maximumFractionDigits: dgt, useGrouping: true }).format(
          x.toFixed(dgt) as never,
        );
        expect(groupDigits(x, dgt)).toBe(expected === '-0' || /^-0\.0*$/.test(expected) ? expected.slice(1) : expected);
      }),
      { numRuns: 2000 },
    );
  });
  it('rounds the double exactly, like toFixed', () => {
    expect(groupDigits(368295079881.3785, 3)).toBe('368,295,079,881.378');
    expect(groupDigits(-1234.5, 0)).toBe('-1,235');
  });
});
