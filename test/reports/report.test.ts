import { beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { cli } from '../helpers/cli.js';
import { readRunFolder } from '../../reports/read-run.js';
import { renderRunReport } from '../../reports/html/render-run.js';
import { escapeHtml, jsonForScript } from '../../reports/html/escape.js';
import { formatPercent, formatValue } from '../../reports/html/format.js';
import { downsampleIndexes, rollingReturn } from '../../reports/html/downsample.js';
import { bestIndex, compareRows, BETTER } from '../../reports/compare/compare-runs.js';
import { csvCell, toCsv } from '../../engine/io/csv-writer.js';

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
  it('is well under 2 MB for the 1926– monthly universe and the 1987– daily one', () => {
    expect(readFileSync(join(dir, 'run', 'report.html')).length).toBeLessThan(2_000_000);
    const ff = join(dir, 'ff');
    expect(cli(['run', 'fed-regime', '--universe', 'ff', '--out', ff]).code).toBe(0);
    expect(readFileSync(join(ff, 'report.html')).length).toBeLessThan(2_000_000);
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
    expect(head('weights.csv')).toBe('date,target_rut,target_spx,weight_rut,weight_spx,cash');
    expect(head('events.csv')).toBe('event,event_date,entry_date,horizon_months,exit_date,strategy,small,large,spread');
    const m = JSON.parse(readFileSync(join(dir, 'run', 'metrics.json'), 'utf8'));
    const csv = readFileSync(join(dir, 'run', 'metrics.csv'), 'utf8');
    expect(csv).toContain(`cagr,CAGR,fraction,${m.metrics.strategy.cagr},${m.metrics.small.cagr},${m.metrics.large.cagr}`);
  });
  it('compare rows diff against the first run', () => {
    const run = readRunFolder(join(dir, 'run'));
    const other = readRunFolder(join(dir, 'run'));
    other.metrics = JSON.parse(JSON.stringify(run.metrics));
    (other.metrics.metrics.strategy as Record<string, number>).cagr += 0.01;
    const { rows } = compareRows([run, other]);
    const cagr = rows.find((r) => r[0] === 'cagr')!;
    expect(cagr[5] as number).toBeCloseTo(0.01, 12);
    writeFileSync(join(dir, 'noop'), '');
  });
});

import { groupDigits } from '../../reports/html/format.js';
import fc from 'fast-check';

describe('groupDigits', () => {
  it('matches toLocaleString en-US with fixed decimals (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e12, max: 1e12, noNaN: true }), fc.integer({ min: 0, max: 3 }), (x, dgt) => {
        const expected = x.toLocaleString('en-US', { minimumFractionDigits: dgt, maximumFractionDigits: dgt, useGrouping: true });
        expect(groupDigits(x, dgt)).toBe(expected === '-0' || /^-0\.0*$/.test(expected) ? expected.slice(1) : expected);
      }),
      { numRuns: 2000 },
    );
  });
});
