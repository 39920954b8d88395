import { formatPercent } from '../../engine/core/format.js';
import { escapeHtml } from '../html/escape.js';
import { niceTicks } from '../html/svg-chart.js';

/**
 * The now page's inline SVG charts (no script needed): a line chart with shaded bands on a
 * numeric or calendar x axis, and a strip of single values with one marked. Every mark has a
 * <title> with its numbers.
 */

const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '0');
/** A tick value without floating-point dust (−1.4e-15 → 0). */
const round = (v: number) => (Math.abs(v) < 1e-9 ? 0 : Number(v.toPrecision(6)));
/** A tick's text with a typographic minus. */
const minus = (s: string) => s.replace(/^-/, '−');

/** A line of {@link lineChart}. */
export interface Line {
  label: string;
  values: number[];
  color: string;
  dash?: string;
  width?: number;
  /** Draw a dot at each point (for a few points). */
  dots?: boolean;
}

/** A shaded band of {@link lineChart}. */
export interface Band {
  label: string;
  low: number[];
  high: number[];
  fill: string;
  stroke?: string;
}

/** Inputs of {@link lineChart}. */
export interface LineChartSpec {
  id: string;
  title: string;
  /** x positions: months (numbers) or days since 1970 (`xKind: 'date'`). */
  x: number[];
  xKind: 'months' | 'date';
  xLabel: string;
  yLabel: string;
  /** `percent`: values are fractions shown as %; `number`: plain. */
  unit: 'percent' | 'number';
  lines: Line[];
  bands?: Band[];
  height?: number;
  width?: number;
}

const yearOf = (day: number) => new Date(day * 86_400_000).getUTCFullYear();
const dayOfYear = (y: number) => Date.UTC(y, 0, 1) / 86_400_000;

/** x ticks: the horizons themselves for months, round years for dates. */
function xTicks(x: number[], kind: 'months' | 'date'): { at: number; text: string }[] {
  if (kind === 'months') return x.map((m) => ({ at: m, text: String(m) }));
  const y0 = yearOf(x[0]),
    y1 = yearOf(x[x.length - 1]);
  const span = y1 - y0;
  const step = [1, 2, 5, 10, 20, 25, 50].find((s) => span / s <= 8) ?? 50;
  const out: { at: number; text: string }[] = [];
  for (let y = Math.ceil(y0 / step) * step; y <= y1; y += step) out.push({ at: dayOfYear(y), text: String(y) });
  return out;
}

/** A line chart with bands, a zero line, nice y ticks, x ticks, axis labels and a legend. */
export function lineChart(spec: LineChartSpec): string {
  const W = spec.width ?? 760,
    H = spec.height ?? 300;
  const L = 64,
    R = W - 14;
  const items = [
    ...spec.lines.map((l) => ({
      label: l.label,
      swatch: `<line x1="0" x2="22" y1="-4" y2="-4" stroke="${l.color}" stroke-width="2.5"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''}/>`,
    })),
    ...(spec.bands ?? []).map((b) => ({
      label: b.label,
      swatch: `<rect x="0" y="-10" width="22" height="11" fill="${b.fill}" stroke="${b.stroke ?? 'none'}"/>`,
    })),
  ];
  // legend items flow left to right and wrap, each as wide as its text (about 6.6 units a character at 12 px)
  let lx = L,
    row = 0;
  const legend = items
    .map((it) => {
      const w = 40 + it.label.length * 6.6;
      if (lx > L && lx + w > R) {
        lx = L;
        row++;
      }
      const g = `<g transform="translate(${f1(lx)},${14 + row * 16})">${it.swatch}<text x="28" y="0" class="legend-text">${escapeHtml(it.label)}</text></g>`;
      lx += w;
      return g;
    })
    .join('');
  const T = 12 + (row + 1) * 16,
    B = H - 40;
  const all = [...spec.lines.flatMap((l) => l.values), ...(spec.bands ?? []).flatMap((b) => [...b.low, ...b.high])].filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all), 6);
  const lo = ticks[0],
    hi = ticks[ticks.length - 1];
  const y = (v: number) => B - ((v - lo) / (hi - lo || 1)) * (B - T);
  const x0 = spec.x[0],
    x1 = spec.x[spec.x.length - 1];
  const x = (v: number) => L + ((v - x0) / (x1 - x0 || 1)) * (R - L);
  const tick = (v: number) => minus(spec.unit === 'percent' ? `${round(v * 100)}%` : round(v).toLocaleString('en-US'));
  const fmt = (v: number) => (spec.unit === 'percent' ? formatPercent(v, 1) : Number.isFinite(v) ? v.toFixed(3) : '–');
  const grid = ticks
    .map(
      (t) =>
        `<line x1="${L}" x2="${R}" y1="${f1(y(t))}" y2="${f1(y(t))}" stroke="${t === 0 ? '#8a94a3' : '#e3e7ee'}"/><text x="${L - 6}" y="${f1(y(t) + 4)}" text-anchor="end">${escapeHtml(tick(t))}</text>`,
    )
    .join('');
  const xt = xTicks(spec.x, spec.xKind)
    .map((t) => `<text x="${f1(x(t.at))}" y="${B + 16}" text-anchor="middle">${escapeHtml(t.text)}</text>`)
    .join('');
  const bands = (spec.bands ?? [])
    .map((b) => {
      const k = spec.x.map((_, i) => i).filter((i) => Number.isFinite(b.low[i]) && Number.isFinite(b.high[i]));
      if (k.length < 2) return '';
      const pts = k
        .map((i) => `${f1(x(spec.x[i]))},${f1(y(b.high[i]))}`)
        .concat([...k].reverse().map((i) => `${f1(x(spec.x[i]))},${f1(y(b.low[i]))}`))
        .join(' ');
      return `<polygon points="${pts}" fill="${b.fill}" stroke="${b.stroke ?? 'none'}"${b.stroke ? ' stroke-dasharray="4 3"' : ''}><title>${escapeHtml(b.label)}</title></polygon>`;
    })
    .join('');
  const lines = spec.lines
    .map((l) => {
      // a gap (NaN) breaks the line
      const segs: string[][] = [[]];
      l.values.forEach((v, i) => {
        if (Number.isFinite(v)) segs[segs.length - 1].push(`${f1(x(spec.x[i]))},${f1(y(v))}`);
        else if (segs[segs.length - 1].length) segs.push([]);
      });
      const path = segs
        .filter((s) => s.length)
        .map(
          (s) =>
            `<polyline points="${s.join(' ')}" fill="none" stroke="${l.color}" stroke-width="${l.width ?? 2}"${l.dash ? ` stroke-dasharray="${l.dash}"` : ''}/>`,
        )
        .join('');
      const dots = l.dots
        ? l.values
            .map((v, i) =>
              Number.isFinite(v)
                ? `<circle cx="${f1(x(spec.x[i]))}" cy="${f1(y(v))}" r="3.5" fill="${l.color}"><title>${escapeHtml(`${l.label}, ${spec.xKind === 'months' ? `${spec.x[i]} months` : new Date(spec.x[i] * 86_400_000).toISOString().slice(0, 10)}: ${fmt(v)}`)}</title></circle>`
                : '',
            )
            .join('')
        : '';
      return `<g><title>${escapeHtml(l.label)}</title>${path}${dots}</g>`;
    })
    .join('');
  const mid = (T + B) / 2;
  return `<svg class="svg-chart" id="${escapeHtml(spec.id)}" viewBox="0 0 ${W} ${H}" style="max-width:${W}px" role="img" aria-label="${escapeHtml(spec.title)}">${grid}${bands}${lines}${xt}${legend}<text class="axis-label" x="14" y="${f1(mid)}" transform="rotate(-90 14 ${f1(mid)})" text-anchor="middle">${escapeHtml(spec.yLabel)}</text><text class="axis-label" x="${f1((L + R) / 2)}" y="${H - 6}" text-anchor="middle">${escapeHtml(spec.xLabel)}</text></svg>`;
}

/** Single values on one axis (e.g. the spread after each first cut) with one of them marked (today's). */
export function stripChart(spec: {
  id: string;
  title: string;
  points: { label: string; value: number }[];
  marked: { label: string; value: number };
  xLabel: string;
}): string {
  const W = 760,
    H = 120,
    L = 30,
    R = W - 30;
  const all = [...spec.points.map((p) => p.value), spec.marked.value].filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all), 8);
  const lo = ticks[0],
    hi = ticks[ticks.length - 1];
  const x = (v: number) => L + ((v - lo) / (hi - lo || 1)) * (R - L);
  const axisY = 70;
  const axis = ticks
    .map(
      (t) =>
        `<line x1="${f1(x(t))}" x2="${f1(x(t))}" y1="${axisY - 36}" y2="${axisY + 4}" stroke="${t === 0 ? '#8a94a3' : '#e3e7ee'}"/><text x="${f1(x(t))}" y="${axisY + 18}" text-anchor="middle">${escapeHtml(minus(`${round(t * 100)}%`))}</text>`,
    )
    .join('');
  const dots = spec.points
    .map(
      (p, i) =>
        `<circle cx="${f1(x(p.value))}" cy="${axisY - 10 - (i % 3) * 7}" r="4" fill="rgba(77,77,77,0.45)" stroke="#4d4d4d"><title>${escapeHtml(`${p.label}: ${formatPercent(p.value, 1)}`)}</title></circle>`,
    )
    .join('');
  const m = spec.marked;
  const mark = Number.isFinite(m.value)
    ? `<g><title>${escapeHtml(`${m.label}: ${formatPercent(m.value, 1)}`)}</title><line x1="${f1(x(m.value))}" x2="${f1(x(m.value))}" y1="${axisY - 44}" y2="${axisY + 4}" stroke="#d55e00" stroke-width="2.5"/><text x="${f1(x(m.value))}" y="${axisY - 48}" text-anchor="middle" class="point-label">${escapeHtml(m.label)}</text></g>`
    : '';
  return `<svg class="svg-chart" id="${escapeHtml(spec.id)}" viewBox="0 0 ${W} ${H}" style="max-width:${W}px" role="img" aria-label="${escapeHtml(spec.title)}">${axis}${dots}${mark}<text class="axis-label" x="${f1((L + R) / 2)}" y="${H - 6}" text-anchor="middle">${escapeHtml(spec.xLabel)}</text></svg>`;
}
