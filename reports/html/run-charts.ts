import { column, type RunData } from '../read-run.js';
import { displayValues, isoToSeconds, phaseRuns, sampleBars } from './chart-data.js';
import { csvSeries } from './csv-series.js';
import { assetLabel, seriesOf } from './run-labels.js';
import { PALETTE, styleOf } from './styles.js';

const RATE_COLOR = '#7a3fb0';

/**
 * The uPlot chart specs of one run report. Every series names the CSV column it is drawn from
 * (`src`, e.g. `rolling.csv:strategy_sharpe_12m`) and the rows it shows (`rows`, or the
 * page-wide sample of bars), so a test can compare the drawing with the folder's CSVs.
 */
export function runCharts(run: RunData) {
  const eq = run.equity;
  const { keep, x } = sampleBars(eq);
  const assets = run.manifest.universe.assets;
  const series = seriesOf(run);
  const bh = (a: string, i: number, col: string) => csvSeries(run.buyHold, 'buy-hold.csv', col, keep, assetLabel(run, a), i + 1);
  const rolling = (stat: string, which = series) =>
    which.map((s) => csvSeries(run.rolling, 'rolling.csv', `${s.key}_${stat}_12m`, keep, s.label, series.indexOf(s)));

  // stacked allocation: cumulative realized weights, cash on top (display sums of weights.csv columns)
  const cum = new Float64Array(eq.length);
  const alloc = assets.map((a, i) => {
    const w = column(run.weights, `weight_${a}`);
    for (let t = 0; t < cum.length; t++) cum[t] += w[t];
    const st = styleOf(i + 1);
    return {
      label: assetLabel(run, a),
      color: st.color,
      dash: st.dash,
      fill: `${PALETTE[(i + 1) % PALETTE.length]}66`,
      src: `weights.csv:${assets
        .slice(0, i + 1)
        .map((b) => `weight_${b}`)
        .join('+')}`,
      values: displayValues(cum, keep),
    };
  });
  const cashTop = column(run.weights, 'cash').map((c, t) => c + cum[t]);
  const allocSeries = [
    {
      label: 'cash',
      color: '#9aa5b1',
      fill: '#dfe4ea',
      dash: [2, 2],
      src: `weights.csv:${[...assets.map((b) => `weight_${b}`), 'cash'].join('+')}`,
      values: displayValues(cashTop, keep),
    },
    ...alloc.reverse(),
  ];

  const dist = run.distribution;
  const from = column(dist, 'bin_from'),
    to = column(dist, 'bin_to');
  const centres = Array.from(from, (f, i) => Number(((f + to[i]) / 2).toPrecision(10)));
  const binRows = Array.from({ length: dist.length }, (_, i) => i);
  const hists = series.map((s, i) => ({
    id: `dist-${i}`,
    unit: 'count',
    xUnit: 'percent',
    xLabel: 'monthly return',
    yLabel: 'months',
    height: 220,
    xValues: centres,
    rows: binRows,
    binWidth: to[0] - from[0],
    series: [
      csvSeries(dist, 'distribution.csv', `${s.key}_count`, binRows, `${s.label}: months`, i, {
        bars: true,
        fill: `${PALETTE[i % PALETTE.length]}55`,
        dash: undefined,
        width: 1,
      }),
      csvSeries(dist, 'distribution.csv', `${s.key}_normal`, binRows, 'normal fit', i, { dash: [6, 3], color: '#000', width: 1.5 }),
    ],
  }));

  return {
    x,
    rows: Array.from(keep),
    phases: phaseRuns(eq),
    cuts: run.fomc.filter((f) => Number(f.change_bp) < 0).map((f) => isoToSeconds(f.date)),
    charts: [
      {
        id: 'equity',
        unit: 'number',
        yLabel: 'growth of 1 (log scale)',
        log: true,
        shade: true,
        height: 340,
        series: [csvSeries(eq, 'equity.csv', 'equity', keep, 'strategy', 0), ...assets.map((a, i) => bh(a, i, a))],
      },
      {
        id: 'rate',
        unit: 'number',
        yLabel: 'rate (% a year)',
        shade: true,
        step: true,
        height: 200,
        markers: 'cuts',
        series: [{ ...csvSeries(eq, 'equity.csv', 'policy_rate', keep, 'policy rate (%)', 0), color: RATE_COLOR }],
      },
      {
        id: 'drawdown',
        unit: 'percent',
        yLabel: 'drawdown (%)',
        shade: true,
        height: 240,
        series: [
          csvSeries(eq, 'equity.csv', 'drawdown', keep, 'strategy', 0, { fill: 'rgba(31,95,191,0.12)' }),
          ...assets.map((a, i) => bh(a, i, `${a}_drawdown`)),
        ],
      },
      { id: 'alloc', unit: 'percent', yLabel: 'weight (% of equity)', range: [0, 1], height: 200, series: allocSeries },
      { id: 'rolling', unit: 'percent', yLabel: '12-month return (%)', shade: true, height: 240, series: rolling('return') },
      { id: 'rolling-sharpe', unit: 'number', yLabel: '12-month Sharpe', shade: true, height: 220, series: rolling('sharpe') },
      { id: 'rolling-vol', unit: 'percent', yLabel: 'volatility (% a year)', shade: true, height: 220, series: rolling('volatility') },
      {
        id: 'rolling-beta',
        unit: 'number',
        yLabel: `beta to ${run.manifest.universe.large}`,
        shade: true,
        height: 220,
        series: rolling(
          'beta',
          series.filter((s) => s.key !== run.manifest.universe.large),
        ),
      },
      ...hists,
    ],
  };
}
