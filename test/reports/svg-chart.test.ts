import { describe, expect, it } from 'vitest';
import { barChart, boxChart, niceTicks, scatterChart } from '../../reports/html/svg-chart.js';
import { runLabels } from '../../reports/compare/run-labels.js';
import type { RunData } from '../../reports/read-run.js';

describe('SVG charts', () => {
  it('nice ticks step by 1, 2 or 5 × 10^k and cover the range', () => {
    // (0.45 − (−0.23)) / 6 = 0.113 → step 0.2
    expect(niceTicks(-0.23, 0.45, 6)).toEqual([-0.4, -0.2, 0, 0.2, 0.4, 0.6]);
    expect(niceTicks(0, 1, 5)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(3, 3)).toEqual([3]);
  });

  it('bars carry their CSV cell, a hover title, axis ticks and axis labels', () => {
    const svg = barChart({
      id: 'b',
      categories: ['2020', '2021'],
      series: [
        { label: 's', values: [0.1, -0.05], src: ['f.csv:0:s', 'f.csv:1:s'] },
        { label: 't', values: [NaN, 0.2], src: ['f.csv:0:t', 'f.csv:1:t'] },
      ],
      unit: 'percent',
      yLabel: 'return (%)',
      xLabel: 'year',
    });
    expect(svg.match(/<rect [^>]*data-src/g)).toHaveLength(3); // the NaN bar is not drawn
    expect(svg).toContain('data-src="f.csv:1:s" data-v="-0.05"');
    expect(svg).toContain('<title>2020 s: 10.00%</title>');
    // (0.2 − (−0.05)) / 6 = 0.042 → step 0.05
    for (const t of ['-5%', '0%', '5%', '10%', '15%', '20%']) expect(svg).toContain(`>${t}</text>`);
    expect(svg).toContain('>return (%)</text>');
    expect(svg).toContain('>year</text>');
  });

  it('long labels break at their last space; one-word labels stay whole', () => {
    const svg = barChart({
      id: 'c',
      categories: ['small caps held', 'cash', 'large caps held'],
      series: [{ label: 's', values: [0.1, 0.02, 0.05], src: ['f.csv:0:s', 'f.csv:1:s', 'f.csv:2:s'] }],
      unit: 'percent',
      yLabel: 'r',
      xLabel: 'x',
    });
    const tspans = [...svg.matchAll(/<tspan[^>]*>([^<]*)<\/tspan>/g)].map((m) => m[1]);
    expect(tspans).toEqual(['small caps', 'held', 'cash', 'large caps', 'held']);
  });

  it('a scatter merges points at the same place into one labelled marker', () => {
    const svg = scatterChart({
      id: 's',
      xLabel: 'vol',
      yLabel: 'cagr',
      xUnit: 'percent',
      yUnit: 'percent',
      points: [
        { label: 'R1', x: 0.2, y: 0.08, style: 0, src: ['c.csv:1:value', 'c.csv:2:value'] },
        { label: 'small B&H', x: 0.2, y: 0.08, style: 2, src: ['c.csv:3:value', 'c.csv:4:value'] },
        { label: 'R2', x: 0.15, y: 0.1, style: 1, src: ['c.csv:5:value', 'c.csv:6:value'] },
      ],
    });
    expect(svg.match(/<g data-src/g)).toHaveLength(2);
    expect(svg).toContain('>R1 = small B&amp;H</text>');
  });

  it('box plots draw one box per series and period with its numbers on hover', () => {
    const box = { n: 5, min: -0.2, whiskerLow: -0.1, q1: -0.02, median: 0.01, q3: 0.03, whiskerHigh: 0.08, max: 0.15 };
    const html = boxChart({
      id: 'q',
      yLabel: 'return (%)',
      groups: [
        {
          label: 'monthly returns',
          boxes: [
            { label: 'strategy', ...box, src: 'q.csv:0:median' },
            { label: 'rut', ...box, src: 'q.csv:1:median' },
          ],
        },
      ],
    });
    expect(html.match(/<g data-src/g)).toHaveLength(2);
    expect(html).toContain('monthly returns strategy (n = 5): median 1.00%, quartiles -2.00% to 3.00%');
  });
});

describe('run labels', () => {
  const fake = (id: string, params: Record<string, unknown>, universe = 'russell') =>
    ({
      dir: `/x/${id}`,
      manifest: { strategy: { id, name: id, params }, universe: { id: universe }, period: { from: '2000-01-03', to: '2020-12-31' } },
    }) as unknown as RunData;
  it('show the parameters that differ between runs of a strategy, and the universe when universes differ', () => {
    const l = runLabels([fake('a', { m: 1, k: 'x' }), fake('a', { m: 2, k: 'x' }), fake('b', { z: 1 }, 'etf')]);
    expect(l.map((x) => x.short)).toEqual(['R1 a m=1 [russell]', 'R2 a m=2 [russell]', 'R3 b [etf]']);
    expect(l[2].full).toBe('b (b) z=1; universe etf; 2000-01-03 to 2020-12-31; folder b');
  });
});
