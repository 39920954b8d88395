import type { Table } from '../read-run.js';
import { isoToSeconds, phaseRuns } from './chart-data.js';
import { escapeHtml } from './escape.js';
import { DASHES, styleOf } from './styles.js';
import { niceTicks } from './svg-chart.js';

const f1 = (x: number) => x.toFixed(1);

/** Display names of the factor columns of factors-rolling.csv. */
export const FACTOR_LABELS: Record<string, string> = { mkt_rf: 'Mkt−RF', smb: 'SMB', hml: 'HML', rmw: 'RMW', cma: 'CMA', mom: 'Mom' };

/**
 * The strategy's rolling factor loadings (factors-rolling.csv) as an inline SVG line chart: one
 * line per factor (SMB thicker), each with its own colour and dash, a zero line, year ticks, and
 * the Fed's easing (green) and tightening (red) phases shaded from equity.csv. Each line names its
 * CSV column in `data-src`.
 */
export function rollingLoadingsChart(rolling: Table, equity: Table, id = 'factors-rolling-chart'): string {
  if (rolling.length < 2) return '';
  const names = Object.keys(rolling[0]).filter((k) => k in FACTOR_LABELS);
  const W = 900,
    H = 300,
    left = 56,
    right = 12,
    top = 30,
    bottom = 30;
  const xs = rolling.map((r) => isoToSeconds(r.date));
  const x0 = xs[0],
    x1 = xs[xs.length - 1];
  const x = (s: number) => left + ((s - x0) / (x1 - x0 || 1)) * (W - left - right);
  const values = rolling.flatMap((r) => names.map((n) => Number(r[n]))).filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...values), Math.max(0, ...values), 6);
  const lo = ticks[0],
    hi = ticks[ticks.length - 1];
  const y = (v: number) => top + ((hi - v) / (hi - lo || 1)) * (H - top - bottom);
  const shade = phaseRuns(equity)
    .filter((p) => p.to >= x0 && p.from <= x1)
    .map(
      (p) =>
        `<rect x="${f1(x(Math.max(p.from, x0)))}" y="${top}" width="${f1(Math.max(0.5, x(Math.min(p.to, x1)) - x(Math.max(p.from, x0))))}" height="${H - top - bottom}" fill="${p.kind === 'easing' ? 'rgba(34,160,90,0.13)' : 'rgba(214,60,50,0.11)'}"/>`,
    )
    .join('');
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${left}" x2="${W - right}" y1="${f1(y(t))}" y2="${f1(y(t))}" stroke="${t === 0 ? '#666' : '#e3e7ee'}"/><text x="${left - 6}" y="${f1(y(t) + 4)}" text-anchor="end">${Number(t.toPrecision(6))}</text>`,
    )
    .join('');
  const firstYear = new Date(x0 * 1000).getUTCFullYear() + 1,
    lastYear = new Date(x1 * 1000).getUTCFullYear();
  const step = Math.max(1, Math.ceil((lastYear - firstYear + 1) / 12));
  const years: string[] = [];
  for (let yr = firstYear; yr <= lastYear; yr += step) {
    const s = Date.UTC(yr, 0, 1) / 1000;
    years.push(
      `<line x1="${f1(x(s))}" x2="${f1(x(s))}" y1="${H - bottom}" y2="${H - bottom + 4}" stroke="#999"/><text x="${f1(x(s))}" y="${H - bottom + 16}" text-anchor="middle">${yr}</text>`,
    );
  }
  let lx = left;
  const lines = names
    .map((n, i) => {
      const st = styleOf(i);
      const dash = DASHES[i % DASHES.length];
      const pts = rolling
        .map((r, k) => (Number.isFinite(Number(r[n])) && r[n] !== '' ? `${f1(x(xs[k]))},${f1(y(Number(r[n])))}` : ''))
        .filter(Boolean)
        .join(' ');
      const width = n === 'smb' ? 2.6 : 1.3;
      const da = dash ? ` stroke-dasharray="${dash.join(' ')}"` : '';
      const label = FACTOR_LABELS[n];
      const key = `<line x1="${lx}" x2="${lx + 22}" y1="12" y2="12" stroke="${st.color}" stroke-width="${width}"${da}/><text x="${lx + 26}" y="16">${escapeHtml(label)}</text>`;
      lx += 40 + label.length * 7;
      return `<polyline points="${pts}" fill="none" stroke="${st.color}" stroke-width="${width}"${da} data-src="factors-rolling.csv:${escapeHtml(n)}"><title>${escapeHtml(`${label} loading over the trailing ${rolling[0].months} months`)}</title></polyline>${key}`;
    })
    .join('');
  const mid = (top + H - bottom) / 2;
  return `<svg class="svg-chart" id="${escapeHtml(id)}" viewBox="0 0 ${W} ${H}" style="max-width:${W}px" role="img" aria-label="rolling factor loadings of the strategy">${shade}${grid}${years.join('')}${lines}<text class="axis-label" x="14" y="${mid}" transform="rotate(-90 14 ${mid})" text-anchor="middle">loading</text></svg>`;
}
