import { describe, expect, it } from 'vitest';
import { renderSweep } from '../../reports/sweep/render-sweep.js';
import { dsrVsBenchmarkWords, dsrVsCashWords, pboWords } from '../../reports/sweep/sweep-words.js';
import type { DeflatedSharpeReport, PboReport } from '../../engine/formats/sweep-folder.js';
import { pageDataOfRows } from './sweep-page-of-rows.js';

const dsr = (value: number, trials = 72): DeflatedSharpeReport => ({ value, null: 'n', observations: 9000, frequency: 'bar', trials });
const pbo = (value: number): PboReport => ({
  value,
  statistic: 'Sharpe ratio of monthly returns in excess of cash',
  blocks: 16,
  splits: 12870,
  trials: 72,
  months: 448,
  dropped: 14,
  medianLogit: 0.1,
  probOosLoss: 0.2,
  degradation: { slope: -0.5, intercept: 0 },
});

describe('the sweep in words', () => {
  it('says what the deflated Sharpe ratio and the PBO mean for this sweep, with the rules', () => {
    expect(dsrVsCashWords(dsr(0.41))).toBe(
      "DSR 0.41: after 72 trials, the probability that the best set's true Sharpe ratio over cash is above zero by more than the luck of 72 tries would give is 41% — not convincing (rule: ≥ 0.95).",
    );
    expect(dsrVsCashWords(dsr(0.97, 1200))).toMatch(/^DSR 0\.97: after 1,200 trials, .* is 97% — convincing \(rule: ≥ 0\.95\)\.$/);
    expect(dsrVsCashWords(dsr(NaN))).toMatch(/^DSR not computed/);
    expect(dsrVsBenchmarkWords({ ...dsr(0.12), observations: 448, frequency: 'month' }, 'large caps')).toMatch(
      /^Against large caps: DSR 0\.12 — .*information ratio, 448 months.* is 12%: not convincing/,
    );
    expect(pboWords(pbo(0.62))).toBe(
      'PBO 0.62: in 62% of the 12,870 CSCV splits the set best in sample ranked at or below the median out of sample — the choice overfits: more often than not, the set picked in sample does worse out of sample than the median set (rule: > 0.5 overfits).',
    );
    expect(pboWords(pbo(0.3))).toMatch(/— no sign that picking the best in-sample set overfits/);
    expect(pboWords({ value: null, reason: '3 set(s) with finite monthly returns; it needs at least 2' })).toBe(
      'PBO not computed: 3 set(s) with finite monthly returns; it needs at least 2.',
    );
  });
});

describe('the sweep page: buy-and-hold as reference lines', () => {
  // 3 × 2 grid: months (numeric) × otherwise (text); sharpe in 0.10 … 0.35
  const header = ['index', 'months', 'otherwise', 'sharpe', 'error'];
  const rows = [
    ['0', '1', 'large', '0.30', ''],
    ['1', '2', 'large', '0.35', ''],
    ['2', '3', 'large', '0.32', ''],
    ['3', '1', 'cash', '0.10', ''],
    ['4', '2', 'cash', '0.15', ''],
    ['5', '3', 'cash', '0.12', ''],
  ];
  const best = { index: 1, params: { months: 2, otherwise: 'large' }, value: 0.35 };
  const html = renderSweep({
    title: 'Sweep of test',
    data: pageDataOfRows({ header, rows }, { paramNames: ['months', 'otherwise'], metric: 'sharpe', x: 'months', y: 'otherwise', best }),
    metric: 'sharpe',
    summary: {
      sets: 6,
      errors: 0,
      trials: 6,
      deflatedSharpe: 0.4,
      best,
      dsr: { cash: dsr(0.4, 6), benchmark: dsr(0.1, 6) },
      pbo: pbo(0.6),
    },
    top: [],
    buyHold: [
      { label: 'small caps (rut) buy-and-hold', short: 'small\u00a0B&H', value: 0.3, src: 'sweep.json:buyHold.small.metrics.sharpe' },
      { label: 'large caps (spx) buy-and-hold', short: 'large\u00a0B&H', value: 0.5, src: 'sweep.json:buyHold.large.metrics.sharpe' },
    ],
    benchmark: 'large caps',
  });
  const data = JSON.parse(/<script id="report-data" type="application\/json">([\s\S]*?)<\/script>/.exec(html)![1]) as {
    charts: { id: string; series: { label: string; values: number[]; src: string; dash?: number[] }[] }[];
  };

  it('marks both buy-and-holds on the heat map scale, beyond its end when no cell reaches them, and counts the cells above', () => {
    const legend = /<svg class="svg-chart" id="sweep-heat-legend"[\s\S]*?<\/svg>/.exec(html)![0];
    expect(legend).toContain('small caps (rut) buy-and-hold 0.300');
    expect(legend).toContain('large caps (spx) buy-and-hold 0.500 ▶'); // above the highest cell (0.35)
    expect(legend).toContain('>0.100<');
    expect(legend).toContain('>0.350<');
    expect(html).toContain(
      '3 of 6 cells are at or above small caps (rut) buy-and-hold (0.300); 0 of 6 cells are at or above large caps (spx) buy-and-hold (0.500)',
    );
    // the axis with more values runs down the rows: otherwise across, months down
    expect(html).toContain(
      'title="otherwise=large months=2: 0.35; at or above small caps (rut) buy-and-hold (0.300); below large caps (spx) buy-and-hold (0.500)"',
    );
    expect(html).toContain(
      'Buying and holding over the same bars: small caps (rut) buy-and-hold sharpe = 0.3000; large caps (spx) buy-and-hold sharpe = 0.5000.',
    );
  });

  it('draws each buy-and-hold as a flat dashed line on the numeric sensitivity chart and as a bar at the end of the other', () => {
    const sens = data.charts.find((c) => c.id === 'sens-0')!;
    expect(sens.series.map((s) => s.label)).toEqual(['sharpe', 'small caps (rut) buy-and-hold', 'large caps (spx) buy-and-hold']);
    expect(sens.series[1].values).toEqual([0.3, 0.3, 0.3]);
    expect(sens.series[2].values).toEqual([0.5, 0.5, 0.5]);
    expect(sens.series[1].dash).toBeDefined();
    expect(sens.series[2].src).toBe('sweep.json:buyHold.large.metrics.sharpe');
    const bars = /<svg class="svg-chart" id="sens-1"[\s\S]*?<\/svg>/.exec(html)![0];
    expect([...bars.matchAll(/data-v="([^"]+)"/g)].map((m) => Number(m[1]))).toEqual([0.15, 0.35, 0.3, 0.5]); // cash, large, then the two buy-and-holds
    expect(bars).toContain('small\u00a0B&amp;H');
  });

  it('says what the DSR and the PBO mean under the overfitting table', () => {
    const words = /<ul class="words" id="sweep-words">([\s\S]*?)<\/ul>/.exec(html)![1];
    expect(words).toContain('DSR 0.40: after 6 trials');
    expect(words).toContain('Against large caps: DSR 0.10');
    expect(words).toContain('PBO 0.60: in 60% of the 12,870 CSCV splits');
  });
});
