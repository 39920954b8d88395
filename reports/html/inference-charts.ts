import { niceTicks } from './svg-chart.js';
import { formatPercent } from '../../engine/core/format.js';
import { escapeHtml } from './escape.js';

/** Inline SVG charts of inference results (bands, whiskers, placebo ranges); no script needed. */

const W = 640;
const f1 = (x: number) => x.toFixed(1);
const pct = (x: number, d = 0) => formatPercent(x, d);

/** A value range padded and including 0, with "nice" ticks in percent. */
function scale(values: number[], lo: number, hi: number) {
  const finite = values.filter(Number.isFinite);
  let a = Math.min(0, ...finite),
    b = Math.max(0, ...finite);
  if (a === b) b = a + 0.01;
  const pad = (b - a) * 0.06;
  a -= pad;
  b += pad;
  const y = (v: number) => hi - ((v - a) / (b - a)) * (hi - lo);
  const raw = (b - a) / 5;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const ticks: number[] = [];
  for (let t = Math.ceil(a / step) * step; t <= b + 1e-12; t += step) ticks.push(Math.abs(t) < 1e-12 ? 0 : t);
  return { y, ticks, step };
}

function yAxis(ticks: number[], y: (v: number) => number, left: number, right: number, digits: number): string {
  return ticks
    .map(
      (t) =>
        `<line x1="${left}" x2="${right}" y1="${f1(y(t))}" y2="${f1(y(t))}" stroke="${t === 0 ? '#8a94a3' : '#e3e7ee'}"/><text x="${left - 4}" y="${f1(y(t) + 4)}" text-anchor="end">${pct(t, digits)}</text>`,
    )
    .join('');
}

/**
 * Average path of the cumulative small − large spread around events with its bootstrap
 * band (shaded) and the placebo band (dashed): months on the x axis.
 */
export function pathChart(
  id: string,
  p: { offsets: number[]; mean: number[]; bootLow: number[]; bootHigh: number[]; placeboLow: number[]; placeboHigh: number[]; n: number[] },
  title: string,
  src?: string,
): string {
  const H = 260,
    L = 52,
    R = W - 12,
    T = 12,
    B = H - 28;
  const s = scale([...p.bootLow, ...p.bootHigh, ...p.placeboLow, ...p.placeboHigh, ...p.mean], T, B);
  const x0 = p.offsets[0],
    x1 = p.offsets[p.offsets.length - 1];
  const x = (m: number) => L + ((m - x0) / (x1 - x0)) * (R - L);
  const line = (v: number[]) =>
    v
      .map((y, k) => (Number.isFinite(y) ? `${f1(x(p.offsets[k]))},${f1(s.y(y))}` : ''))
      .filter(Boolean)
      .join(' ');
  const band = (lo: number[], hi: number[]) => {
    const k = p.offsets.map((_, i) => i).filter((i) => Number.isFinite(lo[i]) && Number.isFinite(hi[i]));
    return k
      .map((i) => `${f1(x(p.offsets[i]))},${f1(s.y(hi[i]))}`)
      .concat(k.reverse().map((i) => `${f1(x(p.offsets[i]))},${f1(s.y(lo[i]))}`))
      .join(' ');
  };
  const xt = p.offsets
    .filter((m) => m % 3 === 0)
    .map((m) => `<text x="${f1(x(m))}" y="${H - 10}" text-anchor="middle">${m}</text>`)
    .join('');
  return `<svg class="svg-chart" id="${escapeHtml(id)}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}"${src ? ` data-src="${escapeHtml(src)}"` : ''}>
${yAxis(s.ticks, s.y, L, R, s.step < 0.01 ? 1 : 0)}<line x1="${f1(x(0))}" x2="${f1(x(0))}" y1="${T}" y2="${B}" stroke="#8a94a3" stroke-dasharray="2 3"/>
<polygon points="${band(p.placeboLow, p.placeboHigh)}" fill="rgba(107,111,122,0.10)" stroke="#9aa5b1" stroke-dasharray="4 3"/>
<polygon points="${band(p.bootLow, p.bootHigh)}" fill="rgba(224,123,0,0.22)" stroke="none"/>
<polyline points="${line(p.mean)}" fill="none" stroke="#e07b00" stroke-width="2.2"/>
${xt}</svg>`;
}

/** One bar of {@link barChart}. */
export interface Bar {
  label: string;
  value: number;
  low?: number;
  high?: number;
  color?: string;
  title?: string;
  /** The CSV cell the bar is drawn from (`file:row:column`), as `data-src`. */
  src?: string;
}

/** Vertical bars with optional 95 % whiskers; labels under the bars. */
export function barChart(id: string, bars: Bar[], title: string, height = 240): string {
  const H = height,
    L = 52,
    R = W - 12,
    T = 12,
    B = H - 44;
  const s = scale(
    bars.flatMap((b) => [b.value, b.low ?? NaN, b.high ?? NaN]),
    T,
    B,
  );
  const slot = (R - L) / Math.max(1, bars.length);
  const bw = Math.min(46, slot * 0.6);
  const body = bars
    .map((b, i) => {
      const cx = L + slot * (i + 0.5);
      if (!Number.isFinite(b.value)) return `<text x="${f1(cx)}" y="${f1(s.y(0) - 4)}" text-anchor="middle">n/a</text>`;
      const y0 = s.y(0),
        y1 = s.y(b.value);
      const whisker =
        Number.isFinite(b.low ?? NaN) && Number.isFinite(b.high ?? NaN)
          ? `<line x1="${f1(cx)}" x2="${f1(cx)}" y1="${f1(s.y(b.low!))}" y2="${f1(s.y(b.high!))}" stroke="#1d2330"/><line x1="${f1(cx - 6)}" x2="${f1(cx + 6)}" y1="${f1(s.y(b.low!))}" y2="${f1(s.y(b.low!))}" stroke="#1d2330"/><line x1="${f1(cx - 6)}" x2="${f1(cx + 6)}" y1="${f1(s.y(b.high!))}" y2="${f1(s.y(b.high!))}" stroke="#1d2330"/>`
          : '';
      const fill = b.color ?? (b.value >= 0 ? '#2f9e62' : '#c8473d');
      const label =
        bars.length > 14
          ? `<text transform="translate(${f1(cx + 3)},${B + 6}) rotate(50)" text-anchor="start">${escapeHtml(b.label)}</text>`
          : `<text x="${f1(cx)}" y="${B + 16}" text-anchor="middle">${escapeHtml(b.label)}</text>`;
      const src = b.src ? ` data-src="${escapeHtml(b.src)}"` : '';
      return `<g><rect x="${f1(cx - bw / 2)}" y="${f1(Math.min(y0, y1))}" width="${f1(bw)}" height="${f1(Math.abs(y1 - y0))}" fill="${fill}"${src}><title>${escapeHtml(b.title ?? `${b.label}: ${pct(b.value, 1)}`)}</title></rect>${whisker}${label}</g>`;
    })
    .join('');
  return `<svg class="svg-chart" id="${escapeHtml(id)}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}">${yAxis(s.ticks, s.y, L, R, s.step < 0.01 ? 1 : 0)}${body}</svg>`;
}

/**
 * Where an observed mean falls in its placebo distribution: the 2.5–97.5 % and 25–75 %
 * ranges of the placebo means, their median, and the observed value (from 101 quantiles).
 */
export function placeboStrip(id: string, q: number[], observed: number, title: string): string {
  const H = 70,
    L = 12,
    R = W - 12;
  const lo = Math.min(q[0], observed),
    hi = Math.max(q[100], observed);
  const pad = (hi - lo) * 0.05 || 0.01;
  const x = (v: number) => L + ((v - (lo - pad)) / (hi + pad - (lo - pad))) * (R - L);
  const rank = Math.max(0, Math.min(100, q.filter((v) => v < observed).length - 1));
  return `<svg class="svg-chart" id="${escapeHtml(id)}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}">
<rect x="${f1(x(q[0]))}" y="18" width="${f1(x(q[100]) - x(q[0]))}" height="22" fill="#eef1f5"/>
<rect x="${f1(x((q[2] + q[3]) / 2))}" y="18" width="${f1(x((q[97] + q[98]) / 2) - x((q[2] + q[3]) / 2))}" height="22" fill="#d5dbe3"/>
<rect x="${f1(x(q[25]))}" y="18" width="${f1(x(q[75]) - x(q[25]))}" height="22" fill="#aab4c2"/>
<line x1="${f1(x(q[50]))}" x2="${f1(x(q[50]))}" y1="14" y2="44" stroke="#5f6b7a"/>
<line x1="${f1(x(observed))}" x2="${f1(x(observed))}" y1="8" y2="50" stroke="#c8473d" stroke-width="2.5"/>
<text x="${f1(x(observed))}" y="62" text-anchor="middle">observed ${pct(observed, 1)} (≈ percentile ${rank} of the placebo means)</text>
<text x="${f1(x(q[0]))}" y="12">${pct(q[0], 1)}</text><text x="${f1(x(q[100]))}" y="12" text-anchor="end">${pct(q[100], 1)}</text></svg>`;
}

/** Scatter of predictor vs outcome with the fitted line and the current reading. */
export function scatterChart(id: string, d: { x: number[]; y: number[]; alpha: number; beta: number; current: number }, title: string, xLabel: string): string {
  const H = 300,
    L = 52,
    R = W - 12,
    T = 12,
    B = H - 34;
  const s = scale(d.y, T, B);
  const xmin = Math.min(...d.x, d.current),
    xmax = Math.max(...d.x, d.current);
  const pad = (xmax - xmin) * 0.04;
  const x = (v: number) => L + ((v - xmin + pad) / (xmax - xmin + 2 * pad)) * (R - L);
  const dots = d.x.map((v, i) => `<circle cx="${f1(x(v))}" cy="${f1(s.y(d.y[i]))}" r="1.8"/>`).join('');
  // round ticks (1, 2 or 5 × 10^k) inside the plotted range
  const xt = niceTicks(xmin, xmax, 5)
    .filter((v) => v >= xmin - pad && v <= xmax + pad)
    .map((v) => `<text x="${f1(x(v))}" y="${H - 16}" text-anchor="middle">${Number(v.toPrecision(6))}</text>`)
    .join('');
  return `<svg class="svg-chart" id="${escapeHtml(id)}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(title)}">${yAxis(s.ticks, s.y, L, R, 0)}
<g fill="rgba(31,95,191,0.35)">${dots}</g>
<line x1="${f1(x(xmin))}" x2="${f1(x(xmax))}" y1="${f1(s.y(d.alpha + d.beta * xmin))}" y2="${f1(s.y(d.alpha + d.beta * xmax))}" stroke="#1d2330" stroke-width="2"/>
<line x1="${f1(x(d.current))}" x2="${f1(x(d.current))}" y1="${T}" y2="${B}" stroke="#c8473d" stroke-dasharray="4 3"/>
<text x="${f1(x(d.current) - 4)}" y="${T + 12}" text-anchor="end" fill="#c8473d">latest ${d.current.toFixed(2)}</text>
${xt}<text x="${R}" y="${H - 2}" text-anchor="end">${escapeHtml(xLabel)}</text></svg>`;
}
