import { formatNumber, formatPercent } from '../../engine/core/format.js';
import { escapeHtml } from './escape.js';
import { styleOf } from './styles.js';

/**
 * Small SVG charts for categorical data (grouped bars, box plots, labelled scatter): a few
 * dozen marks each, with real axes (nice ticks, grid, axis labels with units), a <title> hover
 * readout per mark and `data-src` / `data-v` attributes naming the CSV cell each mark draws
 * (the tests compare them with the folder's CSVs). Time series use uPlot instead.
 */

/** Where a mark's number comes from: `file|row key|column`. */
export type Source = string;

/** "Nice" tick values covering [lo, hi] with about `count` steps of 1, 2 or 5 × 10^k (as d3-array's ticks). */
export function niceTicks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return Number.isFinite(lo) ? [lo] : [];
  const raw = (hi - lo) / count;
  const mag = Math.pow(10, Math.floor(Math.log10(raw)));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.floor(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  if (out[0] > lo) out.unshift(Number((out[0] - step).toPrecision(12)));
  if (out[out.length - 1] < hi) out.push(Number((out[out.length - 1] + step).toPrecision(12)));
  return out;
}

/** Formats an axis value of a unit. */
function tick(v: number, unit: 'percent' | 'number'): string {
  if (unit === 'percent') {
    const p = v * 100;
    return `${Math.abs(p) < 1e-9 ? '0' : Number(p.toPrecision(6)).toString()}%`;
  }
  return Number(v.toPrecision(6)).toLocaleString('en-US');
}

function fmt(v: number, unit: 'percent' | 'number'): string {
  return unit === 'percent' ? formatPercent(v) : formatNumber(v, 3); // "–" when missing, never "-0.00"
}

interface Frame {
  W: number;
  H: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

function yAxis(f: Frame, ticks: number[], y: (v: number) => number, unit: 'percent' | 'number', label: string): string {
  const lines = ticks
    .map(
      (t) =>
        `<line x1="${f.left}" x2="${f.W - f.right}" y1="${y(t).toFixed(1)}" y2="${y(t).toFixed(1)}" stroke="${t === 0 ? '#666' : '#e3e7ee'}"/><text x="${f.left - 6}" y="${(y(t) + 4).toFixed(1)}" text-anchor="end">${escapeHtml(tick(t, unit))}</text>`,
    )
    .join('');
  const mid = (f.top + f.H - f.bottom) / 2;
  return `${lines}<text class="axis-label" x="14" y="${mid}" transform="rotate(-90 14 ${mid})" text-anchor="middle">${escapeHtml(label)}</text>`;
}

function legend(labels: string[], x0: number, y0: number): string {
  let x = x0;
  return labels
    .map((l, i) => {
      const s = styleOf(i);
      const out = `<rect x="${x}" y="${y0 - 9}" width="14" height="10" fill="${s.fill}" stroke="${s.color}"/><text x="${x + 18}" y="${y0}">${escapeHtml(l)}</text>`;
      x += 30 + l.length * 6.5;
      return out;
    })
    .join('');
}

/** Inputs of {@link barChart}: categories on x, one bar per series in each category. */
export interface BarChartSpec {
  id: string;
  categories: string[];
  series: { label: string; values: number[]; src: Source[] }[];
  unit: 'percent' | 'number';
  yLabel: string;
  xLabel: string;
  height?: number;
  /** Width of the drawing in SVG units (also its largest width on the page); default from the number of bars. */
  width?: number;
}

/** Grouped bar chart with a y axis (nice ticks and grid), category labels and a legend. */
export function barChart(spec: BarChartSpec): string {
  const W = spec.width ?? Math.max(640, Math.min(1600, spec.categories.length * (spec.series.length * 7 + 4) + 120));
  const twoLines = spec.categories.some((c) => c.includes(' '));
  const f: Frame = { W, H: spec.height ?? 300, left: 64, right: 12, top: 26, bottom: twoLines ? 58 : 44 };
  const all = spec.series.flatMap((s) => s.values).filter(Number.isFinite);
  const ticks = niceTicks(Math.min(0, ...all), Math.max(0, ...all), 6);
  const lo = ticks[0],
    hi = ticks[ticks.length - 1];
  const y = (v: number) => f.top + ((hi - v) / (hi - lo || 1)) * (f.H - f.top - f.bottom);
  const n = spec.categories.length;
  const band = (W - f.left - f.right) / Math.max(1, n);
  const bw = Math.max(1.5, Math.min(18, (band * 0.8) / spec.series.length));
  const every = Math.max(1, Math.ceil(n / Math.floor((W - f.left) / (twoLines ? 80 : 44))));
  const marks = spec.categories
    .map((c, i) => {
      const x0 = f.left + i * band + (band - bw * spec.series.length) / 2;
      const bars = spec.series
        .map((s, j) => {
          const v = s.values[i];
          if (!Number.isFinite(v)) return '';
          const st = styleOf(j);
          const top = Math.min(y(v), y(0)),
            h = Math.abs(y(v) - y(0));
          return `<rect x="${(x0 + j * bw).toFixed(1)}" y="${top.toFixed(1)}" width="${(bw - 0.5).toFixed(1)}" height="${Math.max(0.5, h).toFixed(1)}" fill="${st.fill}" stroke="${st.color}" stroke-width="0.6" data-src="${escapeHtml(s.src[i])}" data-v="${v}"><title>${escapeHtml(`${c} ${s.label}: ${fmt(v, spec.unit)}`)}</title></rect>`;
        })
        .join('');
      const cx = (f.left + i * band + band / 2).toFixed(1);
      // two lines only for labels that have a space to break at ("cash" stays one word)
      const cut = c.lastIndexOf(' ');
      const lines = twoLines && cut > 0 ? [c.slice(0, cut), c.slice(cut + 1)] : [c];
      const label =
        i % every === 0
          ? `<text x="${cx}" y="${f.H - f.bottom + 14}" text-anchor="middle">${lines.map((l, k) => `<tspan x="${cx}" dy="${k ? 13 : 0}">${escapeHtml(l)}</tspan>`).join('')}</text>`
          : '';
      return bars + label;
    })
    .join('');
  return `<svg class="svg-chart" id="${escapeHtml(spec.id)}" viewBox="0 0 ${W} ${f.H}" style="max-width:${W}px" role="img" aria-label="${escapeHtml(spec.yLabel)}">${yAxis(f, ticks, y, spec.unit, spec.yLabel)}${marks}<text class="axis-label" x="${(f.left + W - f.right) / 2}" y="${f.H - 6}" text-anchor="middle">${escapeHtml(spec.xLabel)}</text>${legend(
    spec.series.map((s) => s.label),
    f.left,
    14,
  )}</svg>`;
}

/** A box of {@link boxChart}: five numbers, Tukey whiskers and the CSV row it comes from. */
export interface Box {
  label: string;
  n: number;
  whiskerLow: number;
  q1: number;
  median: number;
  q3: number;
  whiskerHigh: number;
  min: number;
  max: number;
  src: Source;
}

/** Box plots: one panel per group (e.g. day, month, year), one box per series, each panel with its own y axis. */
export function boxChart(spec: { id: string; groups: { label: string; boxes: Box[] }[]; yLabel: string; height?: number }): string {
  const panelW = 300,
    H = spec.height ?? 280;
  const panels = spec.groups
    .map((g) => {
      const f: Frame = { W: panelW, H, left: 60, right: 8, top: 22, bottom: 40 };
      const vals = g.boxes.flatMap((b) => [b.min, b.max]).filter(Number.isFinite);
      const ticks = niceTicks(Math.min(...vals), Math.max(...vals), 5);
      const lo = ticks[0],
        hi = ticks[ticks.length - 1];
      const y = (v: number) => f.top + ((hi - v) / (hi - lo || 1)) * (H - f.top - f.bottom);
      const band = (panelW - f.left - f.right) / g.boxes.length;
      const boxes = g.boxes
        .map((b, j) => {
          const st = styleOf(j);
          const cx = f.left + band * (j + 0.5),
            w = Math.min(36, band * 0.6);
          const t = `${g.label} ${b.label} (n = ${b.n}): median ${fmt(b.median, 'percent')}, quartiles ${fmt(b.q1, 'percent')} to ${fmt(b.q3, 'percent')}, whiskers ${fmt(b.whiskerLow, 'percent')} to ${fmt(b.whiskerHigh, 'percent')}, min ${fmt(b.min, 'percent')}, max ${fmt(b.max, 'percent')}`;
          return (
            `<g data-src="${escapeHtml(b.src)}" data-v="${b.median}" data-q1="${b.q1}" data-q3="${b.q3}"><title>${escapeHtml(t)}</title>` +
            `<line x1="${cx}" x2="${cx}" y1="${y(b.whiskerHigh).toFixed(1)}" y2="${y(b.whiskerLow).toFixed(1)}" stroke="${st.color}"/>` +
            `<line x1="${cx - w / 4}" x2="${cx + w / 4}" y1="${y(b.whiskerHigh).toFixed(1)}" y2="${y(b.whiskerHigh).toFixed(1)}" stroke="${st.color}"/><line x1="${cx - w / 4}" x2="${cx + w / 4}" y1="${y(b.whiskerLow).toFixed(1)}" y2="${y(b.whiskerLow).toFixed(1)}" stroke="${st.color}"/>` +
            `<rect x="${cx - w / 2}" y="${y(b.q3).toFixed(1)}" width="${w}" height="${Math.max(1, y(b.q1) - y(b.q3)).toFixed(1)}" fill="${st.fill}" stroke="${st.color}"/>` +
            `<line x1="${cx - w / 2}" x2="${cx + w / 2}" y1="${y(b.median).toFixed(1)}" y2="${y(b.median).toFixed(1)}" stroke="#000" stroke-width="2"/>` +
            `<circle cx="${cx}" cy="${y(b.min).toFixed(1)}" r="2" fill="none" stroke="${st.color}"/><circle cx="${cx}" cy="${y(b.max).toFixed(1)}" r="2" fill="none" stroke="${st.color}"/>` +
            `<text x="${cx}" y="${H - f.bottom + 14}" text-anchor="middle">${escapeHtml(b.label)}</text></g>`
          );
        })
        .join('');
      return `<svg class="svg-chart box-panel" viewBox="0 0 ${panelW} ${H}" role="img" aria-label="${escapeHtml(`${g.label} returns`)}">${yAxis(f, ticks, y, 'percent', spec.yLabel)}${boxes}<text class="axis-label" x="${(f.left + panelW) / 2}" y="14" text-anchor="middle">${escapeHtml(g.label)}</text></svg>`;
    })
    .join('');
  return `<div class="box-panels" id="${escapeHtml(spec.id)}">${panels}</div>`;
}

function marker(shape: string, x: number, y: number, color: string): string {
  const r = 6;
  const open = shape.endsWith('-open');
  const fill = open ? 'white' : color;
  const base = shape.replace('-open', '');
  const xy = (pts: [number, number][]) => pts.map(([a, b]) => `${(x + a).toFixed(1)},${(y + b).toFixed(1)}`).join(' ');
  switch (base) {
    case 'square':
      return `<rect x="${x - r}" y="${y - r}" width="${2 * r}" height="${2 * r}" fill="${fill}" stroke="${color}" stroke-width="1.5"/>`;
    case 'triangle':
      return `<polygon points="${xy([
        [0, -r - 1],
        [r, r],
        [-r, r],
      ])}" fill="${fill}" stroke="${color}" stroke-width="1.5"/>`;
    case 'diamond':
      return `<polygon points="${xy([
        [0, -r - 1],
        [r + 1, 0],
        [0, r + 1],
        [-r - 1, 0],
      ])}" fill="${fill}" stroke="${color}" stroke-width="1.5"/>`;
    case 'cross':
      return `<path d="M${x - r} ${y - r}L${x + r} ${y + r}M${x + r} ${y - r}L${x - r} ${y + r}" stroke="${color}" stroke-width="2.5"/>`;
    case 'plus':
      return `<path d="M${x - r} ${y}L${x + r} ${y}M${x} ${y - r}L${x} ${y + r}" stroke="${color}" stroke-width="2.5"/>`;
    case 'star':
      return `<polygon points="${xy(
        Array.from({ length: 10 }, (_, k) => {
          const a = (Math.PI / 5) * k - Math.PI / 2,
            rr = k % 2 ? r / 2.2 : r + 1;
          return [rr * Math.cos(a), rr * Math.sin(a)] as [number, number];
        }),
      )}" fill="${fill}" stroke="${color}"/>`;
    default:
      return `<circle cx="${x}" cy="${y}" r="${r}" fill="${fill}" stroke="${color}" stroke-width="1.5"/>`;
  }
}

/** A point of {@link scatterChart}. */
export interface ScatterPoint {
  label: string;
  x: number;
  y: number;
  /** Index into the styles (so a run keeps its colour and marker on every chart). */
  style: number;
  src: [Source, Source];
}

/** Labelled scatter plot (each point its own marker shape and label) with nice axes. */
export function scatterChart(spec: {
  id: string;
  points: ScatterPoint[];
  xLabel: string;
  yLabel: string;
  xUnit: 'percent' | 'number';
  yUnit: 'percent' | 'number';
  width?: number;
  height?: number;
}): string {
  const W = spec.width ?? 520,
    H = spec.height ?? 380;
  const f: Frame = { W, H, left: 64, right: 16, top: 14, bottom: 44 };
  // points at the same place (e.g. a buy-and-hold run and the buy-and-hold itself) share one marker and label
  const pts: ScatterPoint[] = [];
  for (const p of spec.points) {
    if (!Number.isFinite(p.x) || !Number.isFinite(p.y)) continue;
    const same = pts.find((q) => Math.abs(q.x - p.x) <= 1e-9 * Math.max(1, Math.abs(p.x)) && Math.abs(q.y - p.y) <= 1e-9 * Math.max(1, Math.abs(p.y)));
    if (same) same.label = `${same.label} = ${p.label}`;
    else pts.push({ ...p });
  }
  const pad = (a: number[]) => {
    const lo = Math.min(...a),
      hi = Math.max(...a),
      d = (hi - lo) * 0.08 || Math.abs(hi) * 0.1 || 0.01;
    return niceTicks(lo - d, hi + d, 5);
  };
  const xt = pad(pts.map((p) => p.x)),
    yt = pad(pts.map((p) => p.y));
  const x = (v: number) => f.left + ((v - xt[0]) / (xt[xt.length - 1] - xt[0] || 1)) * (W - f.left - f.right);
  const y = (v: number) => f.top + ((yt[yt.length - 1] - v) / (yt[yt.length - 1] - yt[0] || 1)) * (H - f.top - f.bottom);
  const xAxis = xt
    .map(
      (t) =>
        `<line y1="${f.top}" y2="${H - f.bottom}" x1="${x(t).toFixed(1)}" x2="${x(t).toFixed(1)}" stroke="${t === 0 ? '#666' : '#e3e7ee'}"/><text x="${x(t).toFixed(1)}" y="${H - f.bottom + 14}" text-anchor="middle">${escapeHtml(tick(t, spec.xUnit))}</text>`,
    )
    .join('');
  // labels: right (or left near the right edge) and above the marker; moved below or to the other
  // side when they would overlap a label or marker placed before
  const placed: { x0: number; x1: number; y0: number; y1: number }[] = pts.map((p) => ({ x0: x(p.x) - 7, x1: x(p.x) + 7, y0: y(p.y) - 7, y1: y(p.y) + 7 }));
  const marks = pts
    .map((p, k) => {
      const st = styleOf(p.style);
      const px = x(p.x),
        py = y(p.y);
      const w = p.label.length * 6.4;
      const right = px + w + 12 < W;
      const options: [boolean, number][] = [
        [right, -7],
        [right, 17],
        [!right, -7],
        [!right, 17],
      ];
      let pick = options[0];
      for (const o of options) {
        const lx0 = o[0] ? px + 9 : px - 9 - w,
          ly = py + o[1];
        const box = { x0: lx0, x1: lx0 + w, y0: ly - 11, y1: ly + 2 };
        if (!placed.some((b, j) => j !== k && box.x0 < b.x1 && box.x1 > b.x0 && box.y0 < b.y1 && box.y1 > b.y0)) {
          pick = o;
          break;
        }
      }
      const lx = pick[0] ? px + 9 : px - 9,
        ly = py + pick[1];
      placed.push({ x0: pick[0] ? lx : lx - w, x1: pick[0] ? lx + w : lx, y0: ly - 11, y1: ly + 2 });
      return `<g data-src="${escapeHtml(p.src[0])}" data-v="${p.x}" data-src-y="${escapeHtml(p.src[1])}" data-vy="${p.y}"><title>${escapeHtml(`${p.label}: ${spec.xLabel} ${fmt(p.x, spec.xUnit)}, ${spec.yLabel} ${fmt(p.y, spec.yUnit)}`)}</title>${marker(st.marker, px, py, st.color)}<text x="${lx.toFixed(1)}" y="${ly.toFixed(1)}" text-anchor="${pick[0] ? 'start' : 'end'}" class="point-label">${escapeHtml(p.label)}</text></g>`;
    })
    .join('');
  return `<svg class="svg-chart scatter" id="${escapeHtml(spec.id)}" viewBox="0 0 ${W} ${H}" role="img" aria-label="${escapeHtml(`${spec.yLabel} vs ${spec.xLabel}`)}">${yAxis(f, yt, y, spec.yUnit, spec.yLabel)}${xAxis}${marks}<text class="axis-label" x="${(f.left + W - f.right) / 2}" y="${H - 6}" text-anchor="middle">${escapeHtml(spec.xLabel)}</text></svg>`;
}
